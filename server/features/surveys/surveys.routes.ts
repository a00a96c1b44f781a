// The admin side of the phone survey. Reading follows stage 1's village access; changing a
// village's codes is for its evaluating team and the department (decided in the service).
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, okSchema } from '../../../shared/contracts/common.js';
import { campaignVillageParamsSchema } from '../../../shared/contracts/evaluation-stages.js';
import { issueCodesSchema, issuedCodesSchema, questionnaireSaveSchema, questionnaireSchema, reopenSurveySchema, revokeCodesSchema, revokedSchema, surveyProgressSchema } from '../../../shared/contracts/surveys.js';
import { ctxOf } from '../../http/request-context.js';
import { closeVillageSurvey, getQuestionnaire, getSurveyProgress, issueCodes, reopenVillageSurvey, revokeCodes, saveQuestionnaire } from './surveys.service.js';

const tags = ['survey-codes'];
const read = { access: 'campaign:read' } as const;

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/:id/survey-questionnaire',
    { config: read, schema: { tags, params: idParamsSchema, response: { 200: questionnaireSchema } } },
    async (req) => getQuestionnaire(ctxOf(req), req.params.id),
  );
  app.put(
    '/api/campaigns/:id/survey-questionnaire',
    { config: { access: 'campaign:manage' }, schema: { tags, params: idParamsSchema, body: questionnaireSaveSchema, response: { 200: questionnaireSchema } } },
    async (req) => saveQuestionnaire(ctxOf(req), req.params.id, req.body.topics),
  );
  app.get(
    '/api/campaigns/:id/survey-progress',
    { config: read, schema: { tags, params: idParamsSchema, response: { 200: surveyProgressSchema } } },
    async (req, reply) => {
      void reply.header('cache-control', 'no-store');
      return getSurveyProgress(ctxOf(req), req.params.id);
    },
  );
  app.post(
    '/api/campaigns/:id/villages/:villageId/survey-codes',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, body: issueCodesSchema, response: { 200: issuedCodesSchema } } },
    async (req, reply) => {
      // The only time the codes exist outside the printout: never cached.
      void reply.header('cache-control', 'no-store');
      return issueCodes(ctxOf(req), req.params.id, req.params.villageId, req.body.count);
    },
  );
  app.post(
    '/api/campaigns/:id/villages/:villageId/survey-codes/revoke',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, body: revokeCodesSchema, response: { 200: revokedSchema } } },
    async (req) => revokeCodes(ctxOf(req), req.params.id, req.params.villageId, req.body),
  );
  app.post(
    '/api/campaigns/:id/villages/:villageId/survey-close',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, response: { 200: okSchema } } },
    async (req) => {
      await closeVillageSurvey(ctxOf(req), req.params.id, req.params.villageId);
      return { ok: true as const };
    },
  );
  app.post(
    '/api/campaigns/:id/villages/:villageId/survey-reopen',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, body: reopenSurveySchema, response: { 200: okSchema } } },
    async (req) => {
      await reopenVillageSurvey(ctxOf(req), req.params.id, req.params.villageId, req.body.reason);
      return { ok: true as const };
    },
  );
};
