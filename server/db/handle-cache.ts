import type { Db } from './client.js';
import { perHandle } from './prepared.js';

/**
 * A small map kept per database handle (two databases in one process, as in tests, never share
 * entries), holding at most `max` keys: the oldest set goes first. For values derived from rows
 * whose key names the rows' version, so a stale entry is never found, only evicted.
 */
export function handleCache<V>(max: number): (db: Db) => { get(key: string): V | undefined; set(key: string, value: V): void } {
  return perHandle(() => {
    const entries = new Map<string, V>();
    return {
      get: (key) => entries.get(key),
      set(key, value) {
        entries.delete(key);
        entries.set(key, value);
        while (entries.size > max) entries.delete(entries.keys().next().value as string);
      },
    };
  });
}
