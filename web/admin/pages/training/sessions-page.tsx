import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import {
  categoriesOf,
  courseTypeLabels,
  courseTypes,
  sessionStatusLabels,
  sessionStatuses,
  type TrainingSession,
} from '../../../../shared/contracts/training';
import { useTrainingSessions, type SessionFilters } from '../../api/training-sessions-hooks';
import { useSession } from '../../auth/session';
import { SessionFormModal } from './session-form-modal';
import { CourseTypeTag, SessionStatusBadge, SignInTag, YearSelect, currentYear, dateSpan, formatHours } from './training-labels';
import { serverPagination } from '../../components/server-pagination';

/** 课程与场次: every session of the three courses in the year, filterable, with attendance counts. */
export function SessionsPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<SessionFilters>({ year: currentYear(), page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const { data, isFetching } = useTrainingSessions(filters);
  const patch = (next: Partial<SessionFilters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));
  const categoryOptions = (filters.courseType ? categoriesOf[filters.courseType] : [...categoriesOf.lecture, ...categoriesOf.mentoring]).map((c) => ({ value: c, label: c }));

  const columns: TableColumnsType<TrainingSession> = [
    { title: '日期', key: 'date', width: 165, render: (_, s) => dateSpan(s.date, s.endDate) },
    {
      title: '课程',
      key: 'course',
      width: 160,
      render: (_, s) => (
        <Space size={4}>
          <CourseTypeTag type={s.courseType} />
          {s.category && <Typography.Text type="secondary">{s.category}</Typography.Text>}
        </Space>
      ),
    },
    {
      title: '主题 / 地点',
      dataIndex: 'topic',
      width: 250,
      ellipsis: true,
      render: (topic: string, s) => (
        <Tooltip title={s.place}>
          <Link to={`/training/sessions/${s.id}`}>{topic}</Link>
        </Tooltip>
      ),
    },
    {
      title: '举办',
      key: 'organizer',
      width: 160,
      ellipsis: true,
      render: (_, s) => (
        <Tooltip title={s.partners.length ? `合办：${s.partners.join('、')}` : undefined}>
          {s.organizer}
          {s.partners.length > 0 && <Typography.Text type="secondary">（+{s.partners.join('、')}）</Typography.Text>}
        </Tooltip>
      ),
    },
    { title: '学时', dataIndex: 'hours', width: 64, align: 'right', render: formatHours },
    {
      title: '出席 / 请假 / 缺席',
      key: 'counts',
      width: 120,
      align: 'center',
      render: (_, s) => (
        <span>
          <Typography.Text strong style={{ color: '#389e0d' }}>{s.present}</Typography.Text> / {s.excused} / {s.absent}
        </span>
      ),
    },
    { title: '状态', key: 'status', width: 180, render: (_, s) => <Space size={4}><SessionStatusBadge status={s.status} />{s.status === 'planned' && <SignInTag state={s.signInState} />}</Space> },
  ];

  return (
    <Card
      title="课程与场次"
      extra={
        can('training:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建培训场次
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <YearSelect value={filters.year ?? currentYear()} onChange={(year) => patch({ year })} />
        <Select
          placeholder="课程类型"
          allowClear
          style={{ width: 140 }}
          value={filters.courseType}
          onChange={(courseType) => patch({ courseType, category: undefined })}
          options={courseTypes.map((t) => ({ value: t, label: courseTypeLabels[t] }))}
        />
        <Select placeholder="类别 / 方向" allowClear style={{ width: 140 }} value={filters.category} onChange={(category) => patch({ category })} options={categoryOptions} />
        <Select
          placeholder="状态"
          allowClear
          style={{ width: 110 }}
          value={filters.status}
          onChange={(status) => patch({ status })}
          options={sessionStatuses.map((s) => ({ value: s, label: sessionStatusLabels[s] }))}
        />
        <Input.Search placeholder="主题、授课人或地点" allowClear style={{ width: 220 }} onSearch={(q) => patch({ q: q.trim() || undefined })} aria-label="搜索场次" />
      </Space>
      <Table<TrainingSession>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        scroll={{ x: 1100 }}
        onRow={(s) => ({ onDoubleClick: () => navigate(`/training/sessions/${s.id}`) })}
        locale={{ emptyText: '本年度还没有培训场次' }}
        pagination={serverPagination(filters, data?.total, setFilters, '场')}
      />
      {creating && <SessionFormModal onClose={() => setCreating(false)} onSaved={(s) => navigate(`/training/sessions/${s.id}`)} />}
    </Card>
  );
}
