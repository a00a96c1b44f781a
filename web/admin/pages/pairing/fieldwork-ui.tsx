// Pieces shared by the field-work pages: the year picker, status tags, tab state in the URL.
import { Select, Tag } from 'antd';
import { useSearchParams } from 'react-router-dom';
import dayjs, { type Dayjs } from 'dayjs';

export const currentYear = () => dayjs().year();
export const todayText = () => dayjs().format('YYYY-MM-DD');
export const dayText = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
/** Work is recorded after it happened: the pickers refuse days ahead of today. */
export const afterToday = (d: Dayjs) => d.isAfter(dayjs(), 'day');

export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const years = Array.from({ length: 4 }, (_, i) => currentYear() - i);
  return (
    <Select
      aria-label="年度"
      value={value}
      onChange={onChange}
      style={{ width: 110 }}
      options={years.map((y) => ({ value: y, label: `${y} 年度` }))}
    />
  );
}

/** The active tab lives in ?tab= so a link (or the browser's back button) returns to it. */
export function useTab(defaultKey: string): [string, (key: string) => void] {
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? defaultKey;
  return [tab, (key) => setParams((p) => { p.set('tab', key); return p; }, { replace: true })];
}

export function StatusTag({ label, color }: { label: string; color: string }) {
  return (
    <Tag color={color} bordered={false}>
      {label}
    </Tag>
  );
}

export const overdueTag = <Tag color="error">逾期</Tag>;
