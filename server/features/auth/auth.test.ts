import { describe, expect, it } from 'vitest';
import { isLocked, lockoutPolicy, registerFailure, sessionState, type Throttle } from './auth.js';
import { scopePaths, hasPermission } from './principal.js';

const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 0, min));

describe('registerFailure', () => {
  it('when five failures fall within the window, then the fifth locks for 30 minutes', () => {
    let t: Throttle | undefined;
    for (let i = 0; i < 4; i++) {
      const r = registerFailure(t, at(i));
      expect(r.lockedNow).toBe(false);
      t = r.next;
    }
    const fifth = registerFailure(t, at(4));
    expect(fifth.lockedNow).toBe(true);
    expect(fifth.next.lockedUntil).toEqual(new Date(at(4).getTime() + lockoutPolicy.lockMs));
    expect(isLocked(fifth.next, at(33))).toBe(true);
    expect(isLocked(fifth.next, at(35))).toBe(false);
  });

  it('when the window has passed, then counting starts again at one', () => {
    const t: Throttle = { failures: 4, windowStart: at(0), lockedUntil: null };
    expect(registerFailure(t, at(16)).next.failures).toBe(1);
    expect(registerFailure(t, at(14)).lockedNow).toBe(true);
  });

  it('when a lock has expired, then the next failure starts a fresh count', () => {
    const t: Throttle = { failures: 0, windowStart: at(0), lockedUntil: at(30) };
    expect(registerFailure(t, at(31)).next).toMatchObject({ failures: 1, lockedUntil: null });
  });
});

describe('sessionState', () => {
  const s = { createdAt: at(0), lastSeenAt: at(0), endedAt: null };
  it('when used within 30 minutes, then active; after, idle; past 12 hours, expired; after logout, ended', () => {
    expect(sessionState(s, at(30))).toBe('active');
    expect(sessionState(s, at(31))).toBe('idle');
    expect(sessionState({ ...s, lastSeenAt: at(12 * 60) }, at(12 * 60 + 1))).toBe('expired');
    expect(sessionState({ ...s, endedAt: at(1) }, at(2))).toBe('ended');
  });
});

describe('scopePaths', () => {
  const role = (r: string, orgPath: string) => ({ role: r as 'town_admin', orgUnitId: 'x', orgUnitName: 'x', orgPath, orgLevel: 'town' as const });
  it('when roles overlap, then only the widest subtree of each branch is kept, per permission', () => {
    const p = { roles: [role('town_admin', '/c/t1/'), role('village_admin', '/c/t1/v1/'), role('village_admin', '/c/t2/v3/')] };
    expect(scopePaths(p, 'people:write').sort()).toEqual(['/c/t1/', '/c/t2/v3/']);
    expect(scopePaths(p, 'org:write')).toEqual(['/c/t1/']);
    expect(scopePaths(p, 'audit:read')).toEqual([]);
    expect(hasPermission(p, 'audit:read')).toBe(false);
  });
});
