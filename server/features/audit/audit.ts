// Pure pieces of the audit trail: the row that is hashed, and the chain rule.
export type Actor = {
  countyId: string;
  userId: string | null;
  username: string | null;
  role: string | null;
  ip: string | null;
  requestId: string | null;
};

export type AuditOutcome = 'success' | 'failure' | 'denied';

export type AuditInput = {
  event: string;
  objectType?: string | null;
  objectId?: string | null;
  outcome?: AuditOutcome;
  before?: unknown;
  after?: unknown;
};

/** Events that are not tied to a county (e.g. a failed login for an unknown name). */
export const systemCountyId = '00000000-0000-0000-0000-000000000000';
export const chainGenesis = '0'.repeat(64);

export type HashedFields = {
  countyId: string;
  seq: number;
  at: string;
  userId: string | null;
  username: string | null;
  role: string | null;
  event: string;
  objectType: string | null;
  objectId: string | null;
  outcome: AuditOutcome;
  ip: string | null;
  requestId: string | null;
  before: unknown;
  after: unknown;
};

/** JSON with sorted keys, so the same row always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function chainMaterial(prevHash: string, row: HashedFields): string {
  return `${prevHash}\n${canonicalJson(row)}`;
}

/** Usernames typed at login can hold anything: keep control characters out of the log. */
export function cleanLogText(text: string, max = 64): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what we remove
  return text.replace(/[\r\n\t\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).slice(0, max);
}
