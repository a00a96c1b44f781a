import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParamsSchema, pageOf } from '../../../../shared/contracts/common.js';
import {
  campaignVillageParamsSchema,
  publicReviewNoticeSchema,
  publicReviewParamsSchema,
  reviewCommentSaveSchema,
  reviewListItemSchema,
  reviewListQuerySchema,
  reviewSchema,
} from '../../../../shared/contracts/evaluation-stages.js';
import { ctxOf } from '../../../http/request-context.js';
import { getPublicReview, getReview, listReviews, publishReview, saveReviewComment } from './review-notice.service.js';

const tags = ['evaluation-stage-2'];
// The panel comments, the department reads and publishes: decided per village in the service.
const read = { access: 'campaign:read' } as const;
const manage = { access: 'campaign:manage' } as const;
// Villagers open the posted notice from a QR code: no account, a per-address limit instead.
const publicReading = { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } } as const;

export const reviewNoticeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/campaigns/:id/reviews',
    { config: read, schema: { tags, params: idParamsSchema, querystring: reviewListQuerySchema, response: { 200: pageOf(reviewListItemSchema) } } },
    async (req) => listReviews(ctxOf(req), req.params.id, req.query),
  );
  app.get(
    '/api/campaigns/:id/villages/:villageId/review',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, response: { 200: reviewSchema } } },
    async (req) => getReview(ctxOf(req), req.params.id, req.params.villageId),
  );
  app.put(
    '/api/campaigns/:id/villages/:villageId/review/comment',
    { config: read, schema: { tags, params: campaignVillageParamsSchema, body: reviewCommentSaveSchema, response: { 200: reviewSchema } } },
    async (req) => saveReviewComment(ctxOf(req), req.params.id, req.params.villageId, req.body.comment),
  );
  app.post(
    '/api/campaigns/:id/villages/:villageId/review/publish',
    { config: manage, schema: { tags, params: campaignVillageParamsSchema, response: { 200: reviewSchema } } },
    async (req) => publishReview(ctxOf(req), req.params.id, req.params.villageId),
  );
  app.get(
    '/api/public/campaigns/:campaignId/villages/:villageId/review',
    { config: publicReading, schema: { tags: ['public'], params: publicReviewParamsSchema, response: { 200: publicReviewNoticeSchema } } },
    async (req) => getPublicReview(req.server.services, req.params.campaignId, req.params.villageId),
  );
};
