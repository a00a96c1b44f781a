// Builds the Fastify app without listening: main.ts, the tests and the CLI all use this.
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { responseSerializerCompiler } from './http/response-serializer.js';
import type { Database } from './db/client.js';
import type { Services } from './context.js';
import { createFieldCrypto } from './security/field-crypto.js';
import { installErrorHandler } from './http/error-handler.js';
import { installGuard } from './http/guard.js';
import { installDenialAudit } from './http/denial-audit.js';
import { installSecurityHeaders } from './http/security-headers.js';
import { installPublicMasking } from './http/public-masking.js';
import { installContentSecurity } from './http/content-security.js';
import { redactedLoggerOptions } from './http/log-redaction.js';
import { asyncStdout, installRequestLog } from './http/request-log.js';
import { installXlsxBody } from './http/xlsx.js';
import { installRateLimit } from './http/rate-limit.js';
import { clientErrorHandler, frameworkErrors, installInputGuard } from './http/input-guard.js';
import { installOpenApi } from './http/openapi.js';
import { installWebPages } from './http/web-pages.js';
import { installPrincipalCache } from './http/principal-notices.js';
import { authRoutes } from './features/auth/auth.routes.js';
import { secondFactorRoutes } from './features/auth/second-factor.routes.js';
import { defaultSecuritySettings, type SecuritySettings } from './features/auth/auth.js';
import { auditRoutes } from './features/audit/audit.routes.js';
import { orgRoutes } from './features/orgs/orgs.routes.js';
import { peopleRoutes } from './features/people/people.routes.js';
import { accountRoutes } from './features/accounts/accounts.routes.js';
import { healthRoutes } from './features/health/health.routes.js';
import { standardRoutes } from './features/standards/standards.routes.js';
import { pairingRoutes } from './features/pairing/pairing.routes.js';
import { supervisionRoutes } from './features/supervision/supervision.routes.js';
import { serviceRoutes } from './features/service/service.routes.js';
import { trainingRoutes } from './features/training/training.routes.js';
import { campaignRoutes } from './features/campaigns/campaigns.routes.js';
import { evaluationRoutes } from './features/evaluation/evaluation.routes.js';
import { evaluationStageRoutes } from './features/evaluation/stages/stages.routes.js';
import { evidenceRoutes } from './features/evaluation/city/evidence.routes.js';
import { whatIfRoutes } from './features/evaluation/results/what-if.routes.js';
import { selfEvaluationRoutes } from './features/self-evaluation/self-evaluation.routes.js';
import { violationRoutes } from './features/evaluation/city/violations.routes.js';
import { objectionRoutes } from './features/evaluation/city/objections.routes.js';
import { publicNoticeRoutes } from './features/evaluation/city/objections.public.routes.js';
import { correctionRoutes } from './features/evaluation/sheets/corrections.routes.js';
import { scoreGridRoutes } from './features/evaluation/sheets/grid/grid.routes.js';
import { deskRoutes } from './features/desk/desk.routes.js';
import { cockpitRoutes } from './features/cockpit/cockpit.routes.js';
import { decisionRoutes } from './features/evaluation/decisions/decisions.routes.js';
import { historyRoutes } from './features/evaluation/sheets/history.routes.js';
import { exportRoutes } from './features/evaluation/results/exports.routes.js';
import { raterRoutes } from './features/evaluation/raters/raters.routes.js';
import { integrityRoutes } from './features/evaluation/seals/integrity.routes.js';
import { surveyRoutes } from './features/surveys/surveys.routes.js';
import { surveyPublicRoutes, type SurveyLimits } from './features/surveys/public.routes.js';
import './http/route-config.js';
import '../shared/zod-locale.js';
import type { RouteEntry } from './http/route-config.js';
import { createJobRunner } from './features/jobs/job-runner.js';
import { jobRoutes } from './features/jobs/jobs.routes.js';

export type AppOptions = {
  database: Database;
  secretKey: Buffer;
  /** Secure cookies and HSTS; off only for the demo on plain http://localhost. */
  secure: boolean;
  /** Proxy addresses (or true in tests) whose X-Forwarded-* headers are believed. */
  trustProxy?: string | boolean;
  /** Refuse plain HTTP (production behind a TLS proxy). */
  requireHttps?: boolean;
  /** Built admin and public pages; omitted in API tests. */
  webDir?: string;
  now?: () => Date;
  logger?: boolean;
  /** Where the log goes instead of stdout (tests read it back). */
  logStream?: { write(line: string): void };
  /** Evidence files (outside the web root); omitted in tests: a temporary directory removed on close. */
  evidenceDir?: string;
  /** Limits of the public survey submit (per address, per code, device flag); the load benchmark raises them. */
  surveyLimits?: Partial<SurveyLimits>;
  /** Account security settings; omitted: defaultSecuritySettings (no TOTP required). */
  security?: Partial<SecuritySettings>;
  /** Background jobs: `beforeRun` holds each job before it starts (tests use it to catch one running). */
  jobs?: { beforeRun?: () => Promise<void> };
  /** Keep session lookups between requests (http/principal-notices.ts); default true. */
  keepSessions?: boolean;
};

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const logToStdout = options.logger && !options.logStream ? asyncStdout() : undefined;
  const app = Fastify({
    // No search values, path tokens, SQL parameters or cookies in the log (http/log-redaction.ts).
    logger: options.logger || options.logStream ? redactedLoggerOptions(options.logStream ?? logToStdout) : false,
    // One line per request (http/request-log.ts) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: () => randomUUID(),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    // Refusals before routing and on the socket answer with our codes, like every other error.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  if (options.logger || options.logStream) installRequestLog(app);
  if (logToStdout) app.addHook('onClose', async () => logToStdout.flushSync());
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler);
  // JSON routes take JSON only: a text/plain body (what a cross-site form can send) is 415, not
  // parsed as a string (SECURITY.md item 20). File routes add their own parsers.
  app.removeContentTypeParser('text/plain');

  const services: Services = {
    db: options.database.db,
    crypto: createFieldCrypto(options.secretKey),
    now: options.now ?? (() => new Date()),
    evidenceDir: options.evidenceDir ?? temporaryEvidenceDir(),
    security: { ...defaultSecuritySettings, ...options.security },
  };
  app.decorate('services', services);
  if (options.keepSessions !== false) services.principals = await installPrincipalCache(app, options.database);
  const jobs = createJobRunner(services.db, services.now, { onUnexpected: (err, job) => app.log.error({ err, job }, 'job failed'), ...options.jobs });
  // A job the last process left queued or running never finishes: say so on its row.
  await jobs.failInterrupted();
  app.decorate('jobs', jobs);
  app.addHook('onClose', async () => jobs.idle());
  if (!options.evidenceDir) app.addHook('onClose', async () => rm(services.evidenceDir as string, { recursive: true, force: true }));

  // Every route with the access it declares: the deny-by-default test walks this table.
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) routeTable.push({ method, url: r.url, access: r.config?.access });
  });
  app.decorate('routeTable', routeTable);

  await app.register(cookie);
  installErrorHandler(app);
  installContentSecurity(app, { hsts: options.secure });
  installSecurityHeaders(app, { requireHttps: options.requireHttps ?? false });
  installPublicMasking(app);
  await installRateLimit(app);
  installInputGuard(app);
  installGuard(app, { secureCookies: options.secure });
  installDenialAudit(app);
  installXlsxBody(app);
  await installOpenApi(app);

  const routeOptions = { secureCookies: options.secure };
  await app.register(healthRoutes);
  await app.register(authRoutes, routeOptions);
  await app.register(secondFactorRoutes);
  await app.register(orgRoutes);
  await app.register(peopleRoutes);
  await app.register(accountRoutes);
  await app.register(auditRoutes);
  await app.register(standardRoutes);
  await app.register(pairingRoutes);
  await app.register(supervisionRoutes);
  await app.register(serviceRoutes);
  await app.register(trainingRoutes);
  await app.register(campaignRoutes);
  await app.register(evaluationRoutes);
  await app.register(evaluationStageRoutes);
  await app.register(evidenceRoutes);
  await app.register(selfEvaluationRoutes);
  await app.register(whatIfRoutes);
  await app.register(violationRoutes);
  await app.register(objectionRoutes);
  await app.register(publicNoticeRoutes);
  await app.register(correctionRoutes);
  await app.register(scoreGridRoutes);
  await app.register(deskRoutes);
  await app.register(cockpitRoutes);
  await app.register(decisionRoutes);
  await app.register(historyRoutes);
  await app.register(exportRoutes);
  await app.register(integrityRoutes);
  await app.register(raterRoutes);
  await app.register(surveyRoutes);
  await app.register(jobRoutes);
  await app.register(surveyPublicRoutes, { limits: options.surveyLimits });
  if (options.webDir) await installWebPages(app, options.webDir);
  return app;
}

function temporaryEvidenceDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'fivestar-evidence-'));
}
