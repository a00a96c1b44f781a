import type { Dispatch, ReactNode, SetStateAction } from 'react';
import { Button, type TablePaginationConfig } from 'antd';
import type { OpenPage } from '../../../shared/contracts/common';
import { serverPagination } from './server-pagination';

/**
 * Table pagination over an open page ({ items, hasMore, total }): with a known total it reads as
 * before (共 N 条); without one (a large list is not counted on every page) the pager offers the
 * pages seen so far and the next one, and a 统计总数 button asks the server to count once.
 */
export function openPagination<F extends { page: number; pageSize: number; count?: boolean }>(
  filters: F,
  data: OpenPage<unknown> | undefined,
  setFilters: Dispatch<SetStateAction<F>>,
  unit = '条',
): TablePaginationConfig {
  if (!data || data.total !== null) return serverPagination(filters, data?.total ?? undefined, setFilters, unit);
  const before = (filters.page - 1) * filters.pageSize;
  const shown = before + data.items.length;
  const label: ReactNode = (
    <span data-testid="open-page-total">
      {data.items.length ? `第 ${before + 1}–${shown} ${unit}` : `第 ${filters.page} 页`}
      {data.hasMore ? '，后面还有' : ''}
      <Button type="link" size="small" onClick={() => setFilters((f) => ({ ...f, count: true }))}>
        统计总数
      </Button>
    </span>
  );
  return {
    current: filters.page,
    pageSize: filters.pageSize,
    // One past what was seen when more follow: the pager then shows the next page and no further.
    total: shown + (data.hasMore ? 1 : 0),
    showSizeChanger: true,
    showTotal: () => label,
    onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
  };
}
