// Authentication, CSRF and permission checks, run before a request body is even read.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../shared/errors.js';
import { authenticate, csrfMatches } from '../features/auth/auth.service.js';
import { hasPermission } from '../features/auth/principal.js';
import { reauthFresh, type PendingStep } from '../features/auth/auth.js';
import { actorOf } from './request-context.js';
import { recordAuditAs } from '../features/audit/audit.service.js';
import { sessionCookieName } from './session-cookie.js';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installGuard(app: FastifyInstance, opts: { secureCookies: boolean }): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return;
    if (req.is404) return;
    const access = req.routeOptions.config.access;
    // Deny by default: a route that forgot to declare its access is refused, not opened.
    if (!access) throw new AppError('auth.forbidden');
    if (access === 'public') return;
    const token = req.cookies[sessionCookieName(opts.secureCookies)];
    if (!token) throw new AppError('auth.required');
    const principal = await authenticate(app.services, token);
    req.principal = principal;
    if (!safeMethods.has(req.method) && !csrfMatches(principal, headerOf(req, 'x-csrf-token'))) {
      throw new AppError('auth.csrf');
    }
    // A session that still owes its second factor, a new password or TOTP enrolment does nothing else.
    const pending = principal.pending;
    if (pending && !req.routeOptions.config.pendingOk?.includes(pending)) throw new AppError(pendingError[pending]);
    if (access !== 'authenticated' && !hasPermission(principal, access)) {
      await recordAuditAs(app.services, actorOf(req, principal), {
        event: 'access.denied',
        outcome: 'denied',
        objectType: 'route',
        objectId: `${req.method} ${req.routeOptions.url}`,
      });
      throw new AppError('auth.forbidden');
    }
    // Role changes, resets and star decisions: a stolen idle session is not enough (item 8).
    if (req.routeOptions.config.reauth && !reauthFresh(principal.reauthAt, app.services.now())) {
      throw new AppError('auth.reauth_required');
    }
  });
}

const pendingError = {
  second_factor: 'auth.second_factor_pending',
  password_change: 'auth.password_change_required',
  totp_enrol: 'auth.totp_enrol_required',
} as const satisfies Record<PendingStep, string>;

function headerOf(req: FastifyRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}
