import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema } from '../../../shared/contracts/common.js';
import { jobSchema } from '../../../shared/contracts/jobs.js';
import { sendFileDownload } from '../../http/file-download.js';
import { ctxOf } from '../../http/request-context.js';
import { getJob } from './jobs.service.js';
import { getJobFile } from './job-files.service.js';

export const jobRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/jobs/:id',
    { config: { access: 'authenticated' }, schema: { tags: ['jobs'], params: idParamsSchema, response: { 200: jobSchema } } },
    async (req) => getJob(app.jobs, ctxOf(req), req.params.id),
  );
  // The workbook a finished export job left: the starter only, with the export's permission.
  app.get('/api/jobs/:id/file', { config: { access: 'authenticated' }, schema: { tags: ['jobs'], params: idParamsSchema } }, async (req, reply) =>
    sendFileDownload(reply, await getJobFile(ctxOf(req), req.params.id)),
  );
};
