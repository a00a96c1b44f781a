import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, importReportSchema, pageOf } from '../../../shared/contracts/common.js';
import {
  attendanceListQuerySchema,
  attendanceParamsSchema,
  attendanceSchema,
  attendanceSetSchema,
  sessionCreateSchema,
  sessionListQuerySchema,
  sessionSchema,
  sessionUpdateSchema,
  signInLinkSchema,
  tourReportSchema,
} from '../../../shared/contracts/training.js';
import { ctxOf } from '../../http/request-context.js';
import { assertXlsx, sendXlsx } from '../../http/xlsx.js';
import { listSessionAttendance, setAttendance, setTourReport } from './attendance.service.js';
import { attendanceTemplate, exportAttendance, importAttendance } from './attendance.transfer.service.js';
import { expertRoutes } from './experts.routes.js';
import { recordRoutes } from './records.routes.js';
import { signInRoutes } from './sign-in.routes.js';
import {
  changeSessionStatus,
  changeSignIn,
  createTrainingSession,
  getSignInLink,
  getTrainingSession,
  listTrainingSessions,
  updateTrainingSession,
} from './training.service.js';

const tags = ['training'];
const read = { access: 'training:read' } as const;
const write = { access: 'training:write' } as const;
const one = { 200: sessionSchema };
const link = { 200: signInLinkSchema };
const base = '/api/training/sessions';

/** Training: sessions and attendance here; records, experts and the public sign-in alongside. */
export const trainingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(base, { config: read, schema: { tags, querystring: sessionListQuerySchema, response: { 200: pageOf(sessionSchema) } } }, async (req) =>
    listTrainingSessions(ctxOf(req), req.query),
  );
  app.post(base, { config: write, schema: { tags, body: sessionCreateSchema, response: one } }, async (req) => createTrainingSession(ctxOf(req), req.body));
  app.get(`${base}/:id`, { config: read, schema: { tags, params: idParamsSchema, response: one } }, async (req) => getTrainingSession(ctxOf(req), req.params.id));
  app.patch(`${base}/:id`, { config: write, schema: { tags, params: idParamsSchema, body: sessionUpdateSchema, response: one } }, async (req) =>
    updateTrainingSession(ctxOf(req), req.params.id, req.body),
  );
  app.post(`${base}/:id/complete`, { config: write, schema: { tags, params: idParamsSchema, response: one } }, async (req) =>
    changeSessionStatus(ctxOf(req), req.params.id, 'complete'),
  );
  app.post(`${base}/:id/cancel`, { config: write, schema: { tags, params: idParamsSchema, response: one } }, async (req) =>
    changeSessionStatus(ctxOf(req), req.params.id, 'cancel'),
  );

  app.get(`${base}/:id/sign-in`, { config: write, schema: { tags, params: idParamsSchema, response: link } }, async (req) =>
    getSignInLink(ctxOf(req), req.params.id),
  );
  for (const action of ['open', 'rotate', 'close'] as const) {
    app.post(`${base}/:id/sign-in/${action}`, { config: write, schema: { tags, params: idParamsSchema, response: link } }, async (req) =>
      changeSignIn(ctxOf(req), req.params.id, action),
    );
  }

  app.get(
    `${base}/:id/attendance`,
    { config: read, schema: { tags, params: idParamsSchema, querystring: attendanceListQuerySchema, response: { 200: pageOf(attendanceSchema) } } },
    async (req) => listSessionAttendance(ctxOf(req), req.params.id, req.query),
  );
  app.get(`${base}/:id/attendance/template.xlsx`, { config: write, schema: { tags, params: idParamsSchema } }, async (req, reply) =>
    sendXlsx(reply, '考勤导入模板.xlsx', await attendanceTemplate(ctxOf(req), req.params.id)),
  );
  app.get(`${base}/:id/attendance/export.xlsx`, { config: read, schema: { tags, params: idParamsSchema } }, async (req, reply) =>
    sendXlsx(reply, '培训考勤.xlsx', await exportAttendance(ctxOf(req), req.params.id)),
  );
  app.post(`${base}/:id/attendance/import`, { config: write, schema: { tags, params: idParamsSchema, response: { 200: importReportSchema } } }, async (req) =>
    importAttendance(ctxOf(req), req.params.id, assertXlsx(req.body)),
  );
  app.put(
    `${base}/:id/attendance/:personId`,
    { config: write, schema: { tags, params: attendanceParamsSchema, body: attendanceSetSchema, response: { 200: attendanceSchema } } },
    async (req) => setAttendance(ctxOf(req), req.params.id, req.params.personId, req.body),
  );
  app.put(
    `${base}/:id/attendance/:personId/report`,
    { config: write, schema: { tags, params: attendanceParamsSchema, body: tourReportSchema, response: { 200: attendanceSchema } } },
    async (req) => setTourReport(ctxOf(req), req.params.id, req.params.personId, req.body),
  );

  await app.register(recordRoutes);
  await app.register(expertRoutes);
  await app.register(signInRoutes);
};
