// Pure rules of login throttling and session lifetime.
const minute = 60_000;

export const lockoutPolicy = { maxFailures: 5, windowMs: 15 * minute, lockMs: 30 * minute } as const;
export const sessionPolicy = { idleMs: 30 * minute, absoluteMs: 12 * 60 * minute, touchEveryMs: 30_000 } as const;

export type Throttle = { failures: number; windowStart: Date; lockedUntil: Date | null };

export function isLocked(t: Throttle | undefined, now: Date): boolean {
  return !!t?.lockedUntil && t.lockedUntil > now;
}

/** Counts one failure; the fifth within the window locks the name. */
export function registerFailure(t: Throttle | undefined, now: Date): { next: Throttle; lockedNow: boolean } {
  const fresh = !t || now.getTime() - t.windowStart.getTime() > lockoutPolicy.windowMs || isExpiredLock(t, now);
  const failures = fresh ? 1 : t.failures + 1;
  const windowStart = fresh ? now : t.windowStart;
  if (failures >= lockoutPolicy.maxFailures) {
    return {
      next: { failures: 0, windowStart: now, lockedUntil: new Date(now.getTime() + lockoutPolicy.lockMs) },
      lockedNow: true,
    };
  }
  return { next: { failures, windowStart, lockedUntil: null }, lockedNow: false };
}

function isExpiredLock(t: Throttle, now: Date): boolean {
  return !!t.lockedUntil && t.lockedUntil <= now;
}

export type SessionTimes = { createdAt: Date; lastSeenAt: Date; endedAt: Date | null };

export function sessionState(s: SessionTimes, now: Date): 'active' | 'ended' | 'idle' | 'expired' {
  if (s.endedAt) return 'ended';
  if (now.getTime() - s.createdAt.getTime() > sessionPolicy.absoluteMs) return 'expired';
  if (now.getTime() - s.lastSeenAt.getTime() > sessionPolicy.idleMs) return 'idle';
  return 'active';
}

export function normalizeUsername(username: string): string {
  return username.trim().toLowerCase();
}
