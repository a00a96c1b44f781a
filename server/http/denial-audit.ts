// Refusals an auditor must see (item 14): a CSRF mismatch and a write that ended in "not found in
// your scope" (how record-level scope answers, so probing other towns' records leaves a trace).
// Written after the refusal, outside the failed transaction, so the row survives its rollback.
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, errorCatalog } from '../../shared/errors.js';
import { recordAuditAs } from '../features/audit/audit.service.js';
import { actorOf } from './request-context.js';

const writeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function installDenialAudit(app: FastifyInstance): void {
  app.addHook('onError', async (req, _reply, err: FastifyError) => {
    if (!(err instanceof AppError) || !req.principal || !writeMethods.has(req.method)) return;
    const route = `${req.method} ${req.routeOptions.url ?? ''}`;
    if (err.code === 'auth.csrf') {
      await recordAuditAs(app.services, actorOf(req, req.principal), { event: 'auth.csrf_rejected', outcome: 'denied', objectType: 'route', objectId: route });
    } else if (errorCatalog[err.code].status === 404) {
      await recordAuditAs(app.services, actorOf(req, req.principal), {
        event: 'access.scope_denied',
        outcome: 'denied',
        objectType: 'route',
        objectId: route,
        after: { code: err.code, params: req.params ?? null },
      });
    }
  });
}
