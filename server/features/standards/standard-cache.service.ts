// The parsed document of a standard version, kept between requests. A version is not immutable:
// it can be edited until a closed campaign locks it, and a superuser can edit the row by hand. So
// the cache key is the county, the version's id and the row's tag (its xmin, read by the caller in
// the same statement as the campaign): any write to the row gives a new tag and a miss, and one
// county's key can never name another county's row. Kept per database handle, so two databases in
// one process (tests) never share entries. Cached documents are frozen: callers only read them.
import type { Db } from '../../db/client.js';
import type { Standard } from '../../../shared/standards/standard.js';
import { AppError } from '../../../shared/errors.js';
import { selectStandardDocumentTagged } from './standards.queries.js';
import { handleCache } from '../../db/handle-cache.js';

const cacheOf = handleCache<Standard>(64);

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The document of (county, id) as of `tag`; read from the database when not cached under that tag. */
export async function standardAtTag(db: Db, countyId: string, id: string, tag: string): Promise<Standard> {
  const cache = cacheOf(db);
  const key = (t: string) => `${countyId}/${id}/${t}`;
  const hit = cache.get(key(tag));
  if (hit) return hit;
  const row = await selectStandardDocumentTagged(db, countyId, id);
  if (!row) throw new AppError('standard.not_found');
  // Stored under the tag it was read with: if the row changed since the caller's read, the newer
  // document goes under its own tag and the caller's next read finds it.
  const document = deepFreeze(row.document);
  cache.set(key(row.tag), document);
  return document;
}
