// The villager's phone: no account, no CSRF token. Two limits from @fastify/rate-limit, both in
// memory only (the address is never written anywhere): per address, since a village may share one
// carrier address, generous; and per code, tight, since one card has one household behind it.
// Over either limit: 429 http.rate_limited with Retry-After.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import rateLimit from '@fastify/rate-limit';
import { AppError } from '../../../shared/errors.js';
import { publicSurveySchema, surveyAnswerSchema, surveyCodeParamsSchema, surveyReceiptSchema } from '../../../shared/contracts/surveys.js';
import { DeviceWatch } from './device-watch.js';
import { openSurvey, submitSurvey } from './public.service.js';

export type SurveyLimits = {
  /** Requests per address per minute, reading and submitting together. */
  perAddress: number;
  /** Submits per code per minute (a retry or two is normal; more is guessing or a script). */
  perCode: number;
  /** Answers from one device within an hour before they are flagged. */
  flagAfter: number;
};
export const defaultSurveyLimits: SurveyLimits = { perAddress: 120, perCode: 10, flagAfter: 5 };

const tags = ['survey-public'];

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

async function within(limiter: Limiter, req: FastifyRequest, reply: { header(k: string, v: unknown): unknown }) {
  const r = await limiter(req);
  if (!r.isAllowed && r.isExceeded) {
    reply.header('retry-after', r.ttlInSeconds);
    throw new AppError('http.rate_limited');
  }
}

export const surveyPublicRoutes: FastifyPluginAsyncZod<{ limits?: Partial<SurveyLimits> }> = async (app, opts) => {
  const limits = { ...defaultSurveyLimits, ...opts.limits };
  // Registered here when the app has not registered the plugin itself; encapsulated in this plugin.
  if (!app.hasDecorator('createRateLimit')) await app.register(rateLimit, { global: false });
  const perAddress = app.createRateLimit({ max: limits.perAddress, timeWindow: 60_000, keyGenerator: (req) => `survey|${req.ip}` });
  const perCode = app.createRateLimit({
    max: limits.perCode,
    timeWindow: 60_000,
    keyGenerator: (req) => `survey-code|${String((req.params as { code?: string }).code ?? '').toUpperCase().replace(/-/g, '')}`,
  });
  const watch = new DeviceWatch({ threshold: limits.flagAfter, windowMs: 60 * 60_000 });

  app.get(
    '/api/public/surveys/:code',
    {
      config: { access: 'public' },
      onRequest: async (req, reply) => within(perAddress, req, reply),
      schema: { tags, params: surveyCodeParamsSchema, response: { 200: publicSurveySchema } },
    },
    async (req) => openSurvey(req.server.services, req.params.code),
  );
  app.post(
    '/api/public/surveys/:code',
    {
      config: { access: 'public' },
      onRequest: async (req, reply) => {
        await within(perAddress, req, reply);
        await within(perCode, req, reply);
      },
      schema: { tags, params: surveyCodeParamsSchema, body: surveyAnswerSchema, response: { 200: surveyReceiptSchema } },
    },
    async (req, reply) => {
      const receipt = await submitSurvey(req.server.services, watch, { ip: req.ip, userAgent: req.headers['user-agent'] ?? '' }, req.params.code, req.body);
      void reply.header('cache-control', 'no-store');
      return receipt;
    },
  );
};
