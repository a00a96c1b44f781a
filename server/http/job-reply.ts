// A route that started a job answers 202 with it and where to poll (RFC 7240 respond-async).
import type { FastifyReply } from 'fastify';
import type { Job } from '../../shared/contracts/jobs.js';

export function sendJob(reply: FastifyReply, job: Job) {
  return reply.code(202).header('location', `/api/jobs/${job.id}`).send(job);
}
