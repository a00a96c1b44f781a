import type { Permission } from '../../shared/roles.js';
import type { Services } from '../context.js';
import type { Principal } from '../features/auth/principal.js';
import type { PendingStep } from '../features/auth/auth.js';
import type { JobRunner } from '../features/jobs/job-runner.js';

/**
 * What a route needs from its caller. Every /api route declares one; a test walks all routes
 * and fails on any that does not (deny by default).
 *  - 'public': anyone (login, health, the OpenAPI document)
 *  - 'authenticated': any logged-in account (its own profile, logout)
 *  - a Permission: held by one of the caller's roles; the data is then scoped by that role's subtree
 */
export type RouteEntry = { method: string; url: string; access: RouteAccess | undefined };

export type RouteAccess = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Login steps during which this route still answers (default: none; see guard.ts). */
    pendingOk?: readonly PendingStep[];
    /** Needs a password or TOTP proof in the last 5 minutes (SECURITY.md item 8). */
    reauth?: boolean;
  }
  interface FastifyInstance {
    services: Services;
    routeTable: RouteEntry[];
    jobs: JobRunner;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}
