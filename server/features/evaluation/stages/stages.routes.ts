// The routes of evaluation stages 1 and 2 field work, registered together.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { arenaRoutes } from '../department/arena.routes.js';
import { democraticRoutes } from '../department/democratic.routes.js';
import { departmentGridRoutes } from '../department/department-grids.routes.js';
import { mutualReportRoutes } from '../mutual/mutual-report.routes.js';
import { rectificationRoutes } from '../department/rectification.routes.js';
import { rectificationFileRoutes } from '../department/rectification-files.routes.js';
import { reviewNoticeRoutes } from '../department/review-notice.routes.js';
import { surveyRoutes } from '../mutual/surveys.routes.js';
import { mutualVisitRoutes } from '../mutual/visits.routes.js';

export const evaluationStageRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(mutualVisitRoutes);
  await app.register(surveyRoutes);
  await app.register(mutualReportRoutes);
  await app.register(arenaRoutes);
  await app.register(democraticRoutes);
  await app.register(departmentGridRoutes);
  await app.register(rectificationRoutes);
  await app.register(rectificationFileRoutes);
  await app.register(reviewNoticeRoutes);
};
