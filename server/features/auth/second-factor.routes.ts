import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okSchema } from '../../../shared/contracts/common.js';
import { reauthSchema, recoveryCodesSchema, secondFactorSchema, totpConfirmSchema, totpEnrolmentSchema } from '../../../shared/contracts/auth.js';
import { ctxOf } from '../../http/request-context.js';
import { completeLogin, confirmTotpEnrolment, reauthenticate, startTotpEnrolment } from './second-factor.service.js';

const tags = ['auth'];

export const secondFactorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/second-factor',
    {
      config: { access: 'authenticated', pendingOk: ['second_factor'] },
      schema: { tags, body: secondFactorSchema, response: { 200: z.object({ recoveryCodesLeft: z.number().int().nullable() }) } },
    },
    async (req) => completeLogin(ctxOf(req), req.body),
  );
  app.post(
    '/api/auth/totp/enrolment',
    { config: { access: 'authenticated', pendingOk: ['totp_enrol'] }, schema: { tags, response: { 200: totpEnrolmentSchema } } },
    async (req) => startTotpEnrolment(ctxOf(req)),
  );
  app.post(
    '/api/auth/totp/enrolment/confirm',
    { config: { access: 'authenticated', pendingOk: ['totp_enrol'] }, schema: { tags, body: totpConfirmSchema, response: { 200: recoveryCodesSchema } } },
    async (req) => confirmTotpEnrolment(ctxOf(req), req.body.code),
  );
  app.post(
    '/api/auth/reauth',
    { config: { access: 'authenticated' }, schema: { tags, body: reauthSchema, response: { 200: okSchema } } },
    async (req) => {
      await reauthenticate(ctxOf(req), req.body);
      return { ok: true as const };
    },
  );
};
