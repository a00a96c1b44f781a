// Shared labels, tags and the year picker of the training pages.
import { Badge, Select, Tag } from 'antd';
import {
  attendanceStatusLabels,
  courseTypeLabels,
  sessionStatusLabels,
  type AttendanceStatus,
  type CourseType,
  type SessionStatus,
  type SignInState,
} from '../../../../shared/contracts/training';

export const courseTypeColors: Record<CourseType, string> = { lecture: 'red', mentoring: 'green', tour: 'blue' };

export function CourseTypeTag({ type }: { type: CourseType }) {
  return <Tag color={courseTypeColors[type]}>{courseTypeLabels[type]}</Tag>;
}

const statusBadges: Record<SessionStatus, 'processing' | 'success' | 'default'> = { planned: 'processing', completed: 'success', cancelled: 'default' };

export function SessionStatusBadge({ status }: { status: SessionStatus }) {
  return <Badge status={statusBadges[status]} text={sessionStatusLabels[status]} />;
}

export function SignInTag({ state }: { state: SignInState }) {
  if (state === 'open') return <Tag color="processing">签到中</Tag>;
  if (state === 'closed') return <Tag>签到已关闭</Tag>;
  return <Tag bordered={false}>未开启签到</Tag>;
}

const attendanceColors: Record<AttendanceStatus, string> = { present: 'success', excused: 'warning', absent: 'error' };

export function AttendanceTag({ status }: { status: AttendanceStatus }) {
  return <Tag color={attendanceColors[status]}>{attendanceStatusLabels[status]}</Tag>;
}

export const currentYear = () => new Date().getFullYear();

export function YearSelect({ value, onChange }: { value: number; onChange: (year: number) => void }) {
  const now = currentYear();
  const years = [now + 1, now, now - 1, now - 2, now - 3];
  return (
    <Select
      aria-label="年度"
      value={value}
      onChange={onChange}
      style={{ width: 110 }}
      options={years.map((y) => ({ value: y, label: `${y} 年` }))}
    />
  );
}

/** 2026-03-02 or 2026-03-02 至 03-06 for several days. */
export function dateSpan(date: string, endDate: string | null): string {
  if (!endDate || endDate === date) return date;
  return `${date} 至 ${endDate.slice(0, 4) === date.slice(0, 4) ? endDate.slice(5) : endDate}`;
}

export function formatHours(h: number): string {
  return Number.isInteger(h) ? String(h) : h.toFixed(1);
}
