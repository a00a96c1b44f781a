import type { Dispatch, SetStateAction } from 'react';
import type { TablePaginationConfig } from 'antd';

/** Table pagination driven by the server's { items, total } pages and the page's filter state. */
export function serverPagination<F extends { page: number; pageSize: number }>(
  filters: F,
  total: number | undefined,
  setFilters: Dispatch<SetStateAction<F>>,
  unit = '条',
): TablePaginationConfig {
  return {
    current: filters.page,
    pageSize: filters.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    showTotal: (n) => `共 ${n} ${unit}`,
    onChange: (page, pageSize) => setFilters((f) => ({ ...f, page, pageSize })),
  };
}
