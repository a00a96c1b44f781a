// The routes of evaluation stages 1 and 2 field work, registered together.
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { arenaRoutes } from './arena.routes.js';
import { democraticRoutes } from './democratic.routes.js';
import { mutualReportRoutes } from './mutual-report.routes.js';
import { rectificationRoutes } from './rectification.routes.js';
import { reviewNoticeRoutes } from './review-notice.routes.js';
import { surveyRoutes } from './surveys.routes.js';
import { mutualVisitRoutes } from './visits.routes.js';

export const evaluationStageRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(mutualVisitRoutes);
  await app.register(surveyRoutes);
  await app.register(mutualReportRoutes);
  await app.register(arenaRoutes);
  await app.register(democraticRoutes);
  await app.register(rectificationRoutes);
  await app.register(reviewNoticeRoutes);
};
