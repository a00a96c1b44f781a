import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../shared/contracts/common.js';
import {
  complianceQuerySchema,
  pairingComplianceSchema,
  pairingCreateSchema,
  pairingEndSchema,
  pairingListQuerySchema,
  pairingSchema,
  pairingUpdateSchema,
  visitRuleSchema,
  visitRuleWriteSchema,
  yearParamsSchema,
} from '../../../shared/contracts/fieldwork-pairing.js';
import { ctxOf } from '../../http/request-context.js';
import { createPairing, endPairing, getPairing, getVisitRule, listCompliance, listPairingRegister, setVisitRule, updatePairingDetails } from './pairing.service.js';
import { keyTaskRoutes } from './key-tasks.routes.js';
import { overviewRoutes } from './overview.routes.js';
import { visitRoutes } from './visits.routes.js';

const tags = ['pairing'];
const read = { access: 'fieldwork:read' } as const;
const write = { access: 'pairing:write' } as const;
const one = { 200: pairingSchema };

/** City-level field work: pairings, visit rule and compliance, visits, key tasks, the overview. */
export const pairingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/pairings',
    { config: read, schema: { tags, querystring: pairingListQuerySchema, response: { 200: pageOf(pairingSchema) } } },
    async (req) => listPairingRegister(ctxOf(req), req.query),
  );
  app.get(
    '/api/pairings/compliance',
    { config: read, schema: { tags, querystring: complianceQuerySchema, response: { 200: pageOf(pairingComplianceSchema) } } },
    async (req) => listCompliance(ctxOf(req), req.query),
  );
  app.get('/api/pairings/:id', { config: read, schema: { tags, params: idParamsSchema, response: one } }, async (req) =>
    getPairing(ctxOf(req), req.params.id),
  );
  app.post('/api/pairings', { config: write, schema: { tags, body: pairingCreateSchema, response: one } }, async (req) =>
    createPairing(ctxOf(req), req.body),
  );
  app.patch(
    '/api/pairings/:id',
    { config: write, schema: { tags, params: idParamsSchema, body: pairingUpdateSchema, response: one } },
    async (req) => updatePairingDetails(ctxOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/pairings/:id/end',
    { config: write, schema: { tags, params: idParamsSchema, body: pairingEndSchema, response: one } },
    async (req) => endPairing(ctxOf(req), req.params.id, req.body.endDate),
  );
  app.get(
    '/api/visit-rules/:year',
    { config: read, schema: { tags, params: yearParamsSchema, response: { 200: visitRuleSchema } } },
    async (req) => getVisitRule(ctxOf(req), req.params.year),
  );
  app.put(
    '/api/visit-rules/:year',
    { config: write, schema: { tags, params: yearParamsSchema, body: visitRuleWriteSchema, response: { 200: visitRuleSchema } } },
    async (req) => setVisitRule(ctxOf(req), req.params.year, req.body),
  );
  await app.register(visitRoutes);
  await app.register(keyTaskRoutes);
  await app.register(overviewRoutes);
};
