import { describe, expect, it } from 'vitest';
import { attemptAllowed, defaultSecuritySettings, isIdle, isLocked, lockoutPolicy, passwordExpired, pendingStep, reauthFresh, sessionState } from './auth.js';
import { scopePaths, hasPermission } from './principal.js';

const at = (min: number) => new Date(Date.UTC(2026, 0, 1, 0, min));

describe('attemptAllowed', () => {
  it('when the ticket is within the first five of its window, then the password is checked; from the sixth or under a lock, never', () => {
    for (let n = 1; n <= lockoutPolicy.maxFailures; n++) expect(attemptAllowed({ failures: n, windowStart: at(0), lockedUntil: null }, at(1))).toBe(true);
    expect(attemptAllowed({ failures: 6, windowStart: at(0), lockedUntil: null }, at(1))).toBe(false);
    expect(attemptAllowed({ failures: 1, windowStart: at(0), lockedUntil: at(30) }, at(29))).toBe(false);
    expect(isLocked({ lockedUntil: at(30) }, at(30))).toBe(false);
  });
});

describe('pendingStep', () => {
  const base = { secondFactorPending: false, mustChangePassword: false, passwordChangedAt: at(0), totpEnabled: false, roles: ['orgadmin'] as const };
  const required = { ...defaultSecuritySettings, requireTotp: true };
  it('when a session owes several things, then the second factor comes first, then the password, then enrolment', () => {
    expect(pendingStep({ ...base, secondFactorPending: true, mustChangePassword: true }, required, at(1))).toBe('second_factor');
    expect(pendingStep({ ...base, mustChangePassword: true }, required, at(1))).toBe('password_change');
    expect(pendingStep(base, required, at(1))).toBe('totp_enrol');
    expect(pendingStep(base, defaultSecuritySettings, at(1))).toBeNull();
    expect(pendingStep({ ...base, roles: ['village_admin'] }, required, at(1))).toBeNull();
    expect(pendingStep({ ...base, totpEnabled: true }, required, at(1))).toBeNull();
  });
  it('when an admin password is older than the setting, then it must change; a business role never rotates', () => {
    const day = 24 * 60;
    expect(passwordExpired({ passwordChangedAt: at(0), roles: ['auditor'] }, defaultSecuritySettings, at(90 * day))).toBe(false);
    expect(passwordExpired({ passwordChangedAt: at(0), roles: ['auditor'] }, defaultSecuritySettings, at(90 * day + 1))).toBe(true);
    expect(passwordExpired({ passwordChangedAt: at(0), roles: ['orgadmin'] }, defaultSecuritySettings, at(400 * day))).toBe(false);
    expect(passwordExpired({ passwordChangedAt: at(0), roles: ['sysadmin'] }, { ...defaultSecuritySettings, adminPasswordMaxAgeDays: 30 }, at(31 * day))).toBe(true);
  });
  it('when an account was last used more than 90 days ago (or never, since creation), then it is idle', () => {
    const day = 24 * 60;
    expect(isIdle({ lastLoginAt: at(0), createdAt: at(0) }, defaultSecuritySettings, at(90 * day))).toBe(false);
    expect(isIdle({ lastLoginAt: at(0), createdAt: at(0) }, defaultSecuritySettings, at(90 * day + 1))).toBe(true);
    expect(isIdle({ lastLoginAt: null, createdAt: at(0) }, defaultSecuritySettings, at(91 * day))).toBe(true);
  });
  it('when the last proof is at most five minutes old, then re-authentication holds', () => {
    expect(reauthFresh(at(0), at(5))).toBe(true);
    expect(reauthFresh(at(0), new Date(at(5).getTime() + 1))).toBe(false);
    expect(reauthFresh(null, at(0))).toBe(false);
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
