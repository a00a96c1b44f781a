import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, importReportSchema, pageOf } from '../../../../shared/contracts/common.js';
import { campaignVillageParamsSchema, surveyListQuerySchema, surveySaveSchema, surveySchema, villageSurveySchema } from '../../../../shared/contracts/evaluation-stages.js';
import { ctxOf } from '../../../http/request-context.js';
import { assertXlsx, sendXlsx } from '../../../http/xlsx.js';
import { getVillageSurvey, listSurveys, saveSurvey } from './surveys.service.js';
import { importSurveys, surveyImportTemplate } from './surveys.transfer.service.js';

const tags = ['evaluation-stage-1'];
// The evaluating team writes, the department reads: decided per village in the service.
const read = { access: 'campaign:read' } as const;
const team = { access: 'score:mutual' } as const;

export const surveyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/:id/surveys',
    { config: read, schema: { tags, params: idParamsSchema, querystring: surveyListQuerySchema, response: { 200: pageOf(surveySchema) } } },
    async (req) => listSurveys(ctxOf(req), req.params.id, req.query),
  );
  app.get('/api/campaigns/:id/surveys/import-template.xlsx', { config: team, schema: { tags, params: idParamsSchema } }, async (req, reply) =>
    sendXlsx(reply, '群众测评导入模板.xlsx', await surveyImportTemplate(ctxOf(req), req.params.id)),
  );
  app.post(
    '/api/campaigns/:id/surveys/import',
    { config: team, schema: { tags, params: idParamsSchema, response: { 200: importReportSchema } } },
    async (req) => importSurveys(ctxOf(req), req.params.id, assertXlsx(req.body)),
  );
  app.get(
    '/api/campaigns/:id/villages/:villageId/survey',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, response: { 200: villageSurveySchema } } },
    async (req) => getVillageSurvey(ctxOf(req), req.params.id, req.params.villageId),
  );
  app.put(
    '/api/campaigns/:id/villages/:villageId/survey',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, body: surveySaveSchema, response: { 200: villageSurveySchema } } },
    async (req) => saveSurvey(ctxOf(req), req.params.id, req.params.villageId, req.body),
  );
};
