import type { FastifyReply } from 'fastify';
import { sessionPolicy } from '../features/auth/auth.js';

// __Host- pins the cookie to this host and path and requires Secure; a plain name is used only
// for the demo over http://localhost.
export const sessionCookieName = (secure: boolean) => (secure ? '__Host-fivestar' : 'fivestar_session');

export function setSessionCookie(reply: FastifyReply, token: string, secure: boolean): void {
  void reply.setCookie(sessionCookieName(secure), token, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'strict',
    maxAge: Math.floor(sessionPolicy.absoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  void reply.clearCookie(sessionCookieName(secure), { path: '/', httpOnly: true, secure, sameSite: 'strict' });
}
