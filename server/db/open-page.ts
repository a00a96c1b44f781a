// A list page without count(*) over the whole table on every request: one row past the page says
// whether another follows; the exact total comes only when it is free (the last page), asked for,
// or cheap (the caller says so, e.g. a list narrowed to one town).
import type { OpenPage } from '../../shared/contracts/common.js';

export type PageWindow = { page: number; pageSize: number };

/**
 * Reads `window` through `rows(limit, offset)` with one extra row, and counts through `count` only
 * when `countWanted` and the page does not already tell the total.
 */
export async function openPage<T>(
  window: PageWindow,
  rows: (limit: number, offset: number) => Promise<T[]>,
  count: () => Promise<number>,
  countWanted: boolean,
): Promise<OpenPage<T>> {
  const offset = (window.page - 1) * window.pageSize;
  const fetched = await rows(window.pageSize + 1, offset);
  const hasMore = fetched.length > window.pageSize;
  const items = hasMore ? fetched.slice(0, window.pageSize) : fetched;
  // The last page tells the total by itself; a page past the end (empty, not the first) does not.
  const lastPage = !hasMore && (items.length > 0 || window.page === 1);
  const total = lastPage ? offset + items.length : countWanted ? await count() : null;
  return { items, hasMore, total };
}
