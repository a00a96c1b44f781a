// What every use case receives: the database, the clock, the keys, and (for requests) the caller.
import type { Db } from './db/client.js';
import type { FieldCrypto } from './security/field-crypto.js';
import type { Principal } from './features/auth/principal.js';
import type { Actor } from './features/audit/audit.js';
import type { SecuritySettings } from './features/auth/auth.js';
import type { PrincipalCache } from './features/auth/principal-cache.js';

export type Services = {
  db: Db;
  crypto: FieldCrypto;
  /** Injected so tests can move time forward (lockout, session timeouts). */
  now: () => Date;
  /** Where uploaded evaluation evidence is kept, outside the web root; absent in the CLI. */
  evidenceDir?: string;
  /** Second factor, password age, idle accounts (defaults: defaultSecuritySettings). */
  security?: SecuritySettings;
  /** The server's kept session lookups (features/auth/principal-cache.ts); absent in the CLI. */
  principals?: PrincipalCache;
};

export type Ctx = Services & { principal: Principal; actor: Actor };
