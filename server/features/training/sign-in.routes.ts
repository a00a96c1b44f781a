import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { publicSessionSchema, signInRequestSchema, signInResultSchema, signInTokenParamsSchema } from '../../../shared/contracts/training.js';
import { describeSignIn, signInByToken } from './sign-in.service.js';

const tags = ['training-public'];
// A whole class may sign in from one venue Wi-Fi address: generous, yet it slows guessing of
// the last four digits to a crawl.
const readLimit = { max: 120, timeWindow: 60_000 };
const signInLimit = { max: 40, timeWindow: 60_000 };

/** The trainees' phones: no session, no CSRF token, limited per address. */
export const signInRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/public/sign-in/:token',
    { config: { access: 'public', rateLimit: readLimit }, schema: { tags, params: signInTokenParamsSchema, response: { 200: publicSessionSchema } } },
    async (req) => describeSignIn(req.server.services, req.params.token),
  );
  app.post(
    '/api/public/sign-in/:token',
    {
      config: { access: 'public', rateLimit: signInLimit },
      schema: { tags, params: signInTokenParamsSchema, body: signInRequestSchema, response: { 200: signInResultSchema } },
    },
    async (req) => signInByToken(req.server.services, { ip: req.ip, requestId: req.id }, req.params.token, req.body),
  );
};
