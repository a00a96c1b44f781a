import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { loginSchema, meSchema, passwordChangeSchema, sessionProbeSchema } from '../../../shared/contracts/auth.js';
import { okSchema } from '../../../shared/contracts/common.js';
import { clientOf, ctxOf } from '../../http/request-context.js';
import { clearSessionCookie, sessionCookieName, setSessionCookie } from '../../http/session-cookie.js';
import { AppError } from '../../../shared/errors.js';
import { authenticate, changeOwnPassword, login, logout, toMe } from './auth.service.js';

const tags = ['auth'];
// Logging out and reading who one is work at every step of a login.
const allSteps = ['second_factor', 'password_change', 'totp_enrol'] as const;

export const authRoutes: FastifyPluginAsyncZod<{ secureCookies: boolean }> = async (app, opts) => {
  app.post(
    '/api/auth/login',
    // Per-IP cap on top of the per-account lockout: slows password spraying across many names.
    { config: { access: 'public', rateLimit: { max: 60, timeWindow: 60_000 } }, schema: { tags, body: loginSchema, response: { 200: meSchema } } },
    async (req, reply) => {
      const { token, principal } = await login(app.services, req.body.username, req.body.password, clientOf(req));
      setSessionCookie(reply, token, opts.secureCookies);
      return toMe(principal, app.services);
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { access: 'authenticated', pendingOk: allSteps }, schema: { tags, response: { 200: okSchema } } },
    async (req, reply) => {
      await logout(ctxOf(req));
      clearSessionCookie(reply, opts.secureCookies);
      // The browser drops what it kept of this origin (HTTP cache, storage); the SPA also empties
      // its in-memory query cache (web/admin/api/auth-hooks.ts). SECURITY.md item 25.
      void reply.header('clear-site-data', '"cache", "storage"');
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    { config: { access: 'authenticated', pendingOk: allSteps }, schema: { tags, response: { 200: meSchema } } },
    async (req) => toMe(ctxOf(req).principal, app.services),
  );

  // What the SPA asks on page load. /api/auth/me answers 401 without a session, which the browser
  // logs as a failed resource on every visit to the login page; this answers 200 either way.
  app.get(
    '/api/auth/session',
    { config: { access: 'public' }, schema: { tags, response: { 200: sessionProbeSchema } } },
    async (req) => {
      const token = req.cookies[sessionCookieName(opts.secureCookies)];
      if (!token) return { authenticated: false as const };
      try {
        return { authenticated: true as const, me: await toMe(await authenticate(app.services, token), app.services) };
      } catch (error) {
        if (error instanceof AppError && (error.code === 'auth.required' || error.code === 'auth.session_expired')) return { authenticated: false as const };
        throw error;
      }
    },
  );

  app.post(
    '/api/auth/password',
    // A forced change comes before enrolling TOTP; a session owing its second factor cannot change it.
    { config: { access: 'authenticated', pendingOk: ['password_change', 'totp_enrol'] }, schema: { tags, body: passwordChangeSchema, response: { 200: okSchema } } },
    async (req) => {
      await changeOwnPassword(ctxOf(req), req.body.currentPassword, req.body.newPassword, req.body.endOtherSessions);
      return { ok: true as const };
    },
  );
};
