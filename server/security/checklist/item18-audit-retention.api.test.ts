// Item 18: audit rows are kept at least 180 days; a purge of younger rows is refused (and that
// refusal is audited); a purge of older rows runs as the owner, is audited, and the chain still
// verifies from where the purge left it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRows, countRows, loginAs, startTestApp, type TestApp } from '../../../test/test-app.js';
import { auditRetentionDays, purgeAudit } from '../../features/audit/retention.service.js';

const day = 24 * 3600_000;
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await loginAs(t.app, 'orgadmin'); // old rows
  await loginAs(t.app, 'v11');
  t.clock.advance(200 * day);
  await loginAs(t.app, 'town1'); // young rows
});
afterAll(() => t.close());

describe('item 18: audit retention', () => {
  it('when the retention setting is below 180 days or not a number, then it is refused; unset means 180', () => {
    expect(auditRetentionDays(undefined)).toBe(180);
    expect(auditRetentionDays('365')).toBe(365);
    expect(() => auditRetentionDays('90')).toThrow(/180/);
    expect(() => auditRetentionDays('abc')).toThrow(/180/);
  });

  it('when a purge would remove rows younger than the retention, then it is refused, nothing is deleted, and the refusal is audited', async () => {
    const before = await countRows(t.app, 'audit_log');
    const tooYoung = new Date(t.clock.now().getTime() - 100 * day);
    await expect(purgeAudit(t.app.services, t.database, tooYoung, 180)).rejects.toMatchObject({ code: 'audit.retention_too_short' });
    expect(await countRows(t.app, 'audit_log')).toBe(before + 1);
    expect((await auditRows(t.app, 'audit.purge')).map((r) => r.outcome)).toEqual(['denied']);
  });

  it('when rows older than the retention are purged, then only they go, the purge is audited, and the chain verifies', async () => {
    const cutoff = new Date(t.clock.now().getTime() - 190 * day);
    await purgeAudit(t.app.services, t.database, cutoff, 180);
    const logins = await auditRows(t.app, 'auth.login');
    expect(logins.map((r) => r.username)).toEqual(['town1']);
    expect((await auditRows(t.app, 'audit.purge')).map((r) => r.outcome)).toEqual(['denied', 'success']);
    const auditor = await loginAs(t.app, 'auditor');
    expect((await auditor.get('/api/audit/verify')).json()).toMatchObject({ ok: true, truncated: false, unknownNames: { ok: true } });
  });
});
