import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { commitmentRoutes } from './commitments.routes.js';
import { problemFileRoutes } from './problem-files.routes.js';
import { problemRoutes } from './problems.routes.js';
import { publicServiceRoutes } from './public.routes.js';

/** Village-level field work: commitments, household visits, the problem list and its 销号材料, public pages. */
export const serviceRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(commitmentRoutes);
  await app.register(problemRoutes);
  await app.register(problemFileRoutes);
  await app.register(publicServiceRoutes);
};
