// Routes of the decision chain: what binds a village's stars, and the revision of a violation decision.
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../../shared/contracts/common.js';
import { vetoCeilingSchema, violationReviseSchema, violationSchema } from '../../../../shared/contracts/evaluation-results.js';
import { ctxOf } from '../../../http/request-context.js';
import { getVillageCeiling } from './veto-guard.service.js';
import { reviseViolation } from './violation-revision.service.js';

const tags = ['evaluation'];

export const decisionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/:id/results/:villageId/vetoes',
    { config: { access: 'campaign:manage' }, schema: { tags, params: z.strictObject({ id: z.uuid(), villageId: z.uuid() }), response: { 200: vetoCeilingSchema } } },
    async (req) => getVillageCeiling(ctxOf(req), req.params.id, req.params.villageId),
  );
  app.post(
    '/api/violations/:id/revise',
    { config: { access: 'violation:write' }, schema: { tags: ['violations'], params: idParamsSchema, body: violationReviseSchema, response: { 200: violationSchema } } },
    async (req) => reviseViolation(ctxOf(req), req.params.id, req.body),
  );
};
