import type { Principal } from '../auth/principal.js';
import { scopePaths } from '../auth/principal.js';

/** Reads cover the subtrees of roles with org:read, writes those with org:write. */
export const orgReadScope = (p: Principal) => scopePaths(p, 'org:read');
export const orgWriteScope = (p: Principal) => scopePaths(p, 'org:write');
