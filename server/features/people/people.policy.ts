import type { Principal } from '../auth/principal.js';
import { scopePaths } from '../auth/principal.js';

export const peopleReadScope = (p: Principal) => scopePaths(p, 'people:read');
/** Writing, importing and revealing contact details need people:write over the person's unit. */
export const peopleWriteScope = (p: Principal) => scopePaths(p, 'people:write');
