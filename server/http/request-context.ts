import type { FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import { AppError } from '../../shared/errors.js';
import { roleSummary, type Principal } from '../features/auth/principal.js';
import type { Actor } from '../features/audit/audit.js';

/** The use-case context of a request whose route required a logged-in caller. */
export function ctxOf(req: FastifyRequest): Ctx {
  const principal = req.principal;
  if (!principal) throw new AppError('auth.required');
  return { ...req.server.services, principal, actor: actorOf(req, principal) };
}

/** Who the audit trail names for this request. */
export function actorOf(req: FastifyRequest, principal: Principal): Actor {
  return {
    countyId: principal.countyId,
    userId: principal.userId,
    username: principal.username,
    role: roleSummary(principal),
    ip: req.ip,
    requestId: req.id,
  };
}

export function clientOf(req: FastifyRequest) {
  return { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, requestId: req.id };
}
