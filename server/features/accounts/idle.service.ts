// Accounts unused for the idle period (90 days by default) are switched off and audited
// (SECURITY.md item 1). Login does it for the account that tries; this sweeps all of them, for a
// daily timer (docs/operations.md).
import type { Services } from '../../context.js';
import { inTransaction } from '../../db/transaction.js';
import { recordAuditAs } from '../audit/audit.service.js';
import { isIdle } from '../auth/auth.js';
import { disableIdleUser, selectActiveUsers } from '../auth/auth.queries.js';
import { idleAudit, settingsOf } from '../auth/auth.service.js';

export async function disableIdleAccounts(services: Services): Promise<string[]> {
  const now = services.now();
  const settings = settingsOf(services);
  const idle = (await selectActiveUsers(services.db)).filter((u) => isIdle(u, settings, now));
  const disabled: string[] = [];
  for (const user of idle) {
    await inTransaction(services, async (tx) => {
      if (!(await disableIdleUser(tx.db, user.countyId, user.id))) return;
      const actor = { countyId: user.countyId, userId: null, username: 'cli', role: null, ip: null, requestId: null };
      await recordAuditAs(tx, actor, idleAudit(user));
      disabled.push(user.username);
    });
  }
  return disabled;
}
