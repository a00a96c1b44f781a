import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, openPageOf } from '../../../shared/contracts/common.js';
import {
  accountCreateSchema,
  accountListQuerySchema,
  accountRolesSchema,
  accountSchema,
  passwordResetResultSchema,
  passwordResetSchema,
  resetRequestSchema,
} from '../../../shared/contracts/accounts.js';
import { ctxOf } from '../../http/request-context.js';
import { createAccount, listAccounts, setAccountActive, setAccountRoles, unlockAccount } from './accounts.service.js';
import { approvePasswordReset, cancelPasswordReset, pendingResetRequests, resetAccountPassword } from './resets.service.js';

const tags = ['accounts'];
const one = { 200: accountSchema };

export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/accounts',
    { config: { access: 'account:read' }, schema: { tags, querystring: accountListQuerySchema, response: { 200: openPageOf(accountSchema) } } },
    async (req) => listAccounts(ctxOf(req), req.query),
  );
  app.post(
    '/api/accounts',
    { config: { access: 'account:write' }, schema: { tags, body: accountCreateSchema, response: one } },
    async (req) => createAccount(ctxOf(req), req.body),
  );
  app.put(
    '/api/accounts/:id/roles',
    { config: { access: 'role:assign', reauth: true }, schema: { tags, params: idParamsSchema, body: accountRolesSchema, response: one } },
    async (req) => setAccountRoles(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/accounts/:id/unlock',
    { config: { access: 'role:assign' }, schema: { tags, params: idParamsSchema, response: one } },
    async (req) => unlockAccount(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/accounts/:id/deactivate',
    { config: { access: 'account:write' }, schema: { tags, params: idParamsSchema, response: one } },
    async (req) => setAccountActive(ctxOf(req), req.params.id, false),
  );
  app.post(
    '/api/accounts/:id/activate',
    { config: { access: 'account:write' }, schema: { tags, params: idParamsSchema, response: one } },
    async (req) => setAccountActive(ctxOf(req), req.params.id, true),
  );
  app.post(
    '/api/accounts/:id/reset-password',
    { config: { access: 'account:write', reauth: true }, schema: { tags, params: idParamsSchema, body: passwordResetSchema, response: { 200: passwordResetResultSchema } } },
    async (req) => resetAccountPassword(ctxOf(req), req.params.id),
  );
  app.get(
    '/api/accounts/reset-requests',
    { config: { access: 'account:reset_approve' }, schema: { tags, response: { 200: z.array(resetRequestSchema) } } },
    async (req) => pendingResetRequests(ctxOf(req)),
  );
  app.post(
    '/api/accounts/:id/reset-password/approve',
    { config: { access: 'account:reset_approve', reauth: true }, schema: { tags, params: idParamsSchema, response: { 200: passwordResetResultSchema } } },
    async (req) => approvePasswordReset(ctxOf(req), req.params.id),
  );
  app.post(
    '/api/accounts/:id/reset-password/cancel',
    { config: { access: 'account:reset_approve' }, schema: { tags, params: idParamsSchema, response: one } },
    async (req) => cancelPasswordReset(ctxOf(req), req.params.id),
  );
};
