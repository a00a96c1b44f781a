import { useState } from 'react';
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DownloadOutlined, FileExcelOutlined, FileTextOutlined, UserAddOutlined } from '@ant-design/icons';
import {
  attendanceMethodLabels,
  attendanceStatusLabels,
  attendanceStatuses,
  type Attendance,
  type AttendanceStatus,
  type TrainingSession,
} from '../../../../shared/contracts/training';
import { downloadUrl, errorText } from '../../api/client';
import { useAttendance, useImportAttendance, useSetAttendance, type AttendanceFilters } from '../../api/training-sessions-hooks';
import { notifyError } from '../../components/feedback';
import { ImportExcelButton } from '../../components/import-excel';
import { AddAttendanceModal } from './add-attendance-modal';
import { TourReportModal } from './tour-report-modal';
import { AttendanceTag, formatHours } from './training-labels';
import { serverPagination } from '../../components/server-pagination';

const statusOptions = attendanceStatuses.map((s) => ({ value: s, label: attendanceStatusLabels[s] }));

function timeOf(iso: string | null): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false, month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** Who came: QR sign-ins arrive live while sign-in is open; organizers correct by hand or by Excel. */
export function AttendancePanel({ session }: { session: TrainingSession }) {
  const [filters, setFilters] = useState<AttendanceFilters>({ page: 1, pageSize: 20 });
  const live = session.signInState === 'open' ? 5000 : undefined;
  const { data, isFetching } = useAttendance(session.id, filters, live);
  const setAttendance = useSetAttendance();
  const importAttendance = useImportAttendance(session.id);
  const [adding, setAdding] = useState(false);
  const [report, setReport] = useState<Attendance | null>(null);
  const editable = session.canEdit && session.status !== 'cancelled';
  const tour = session.courseType === 'tour';
  const templateUrl = downloadUrl(`/training/sessions/${session.id}/attendance/template.xlsx`);
  const patch = (next: Partial<AttendanceFilters>) => setFilters((f) => ({ ...f, ...next, page: 1 }));

  const changeStatus = (a: Attendance, status: AttendanceStatus) =>
    setAttendance.mutate({ id: session.id, personId: a.personId, input: { status, note: a.note } }, { onError: (e) => notifyError(errorText(e)) });

  const columns: TableColumnsType<Attendance> = [
    { title: '姓名', dataIndex: 'personName', width: 100 },
    { title: '所在组织', dataIndex: 'orgUnitName', width: 120, ellipsis: true },
    { title: '职务', key: 'titles', width: 150, ellipsis: true, render: (_, a) => a.titles.join('、') || '—' },
    {
      title: '考勤',
      key: 'status',
      width: 110,
      render: (_, a) =>
        editable ? (
          <Select<AttendanceStatus> size="small" value={a.status} options={statusOptions} onChange={(s) => changeStatus(a, s)} style={{ width: 84 }} aria-label={`${a.personName}的考勤`} />
        ) : (
          <AttendanceTag status={a.status} />
        ),
    },
    { title: '登记方式', key: 'method', width: 100, render: (_, a) => attendanceMethodLabels[a.method] },
    { title: '签到时间', key: 'signedInAt', width: 120, render: (_, a) => timeOf(a.signedInAt) },
    { title: '计入学时', dataIndex: 'hoursCredited', width: 90, align: 'right', render: formatHours },
    { title: '备注', dataIndex: 'note', ellipsis: true, render: (v: string | null) => v ?? '' },
  ];
  if (tour) {
    columns.push({
      title: '研修报告',
      key: 'report',
      width: 170,
      render: (_, a) =>
        a.report ? (
          <Button type="link" size="small" icon={<FileTextOutlined />} onClick={() => setReport(a)}>
            {a.report.title}
          </Button>
        ) : editable && a.status === 'present' ? (
          <Button type="link" size="small" onClick={() => setReport(a)}>
            登记报告
          </Button>
        ) : (
          <Typography.Text type="secondary">未提交</Typography.Text>
        ),
    });
  }

  return (
    <Card
      size="small"
      title={tour ? '研修学员' : '考勤登记'}
      extra={
        <Space wrap>
          {editable && (
            <>
              <Button type="primary" icon={<UserAddOutlined />} onClick={() => setAdding(true)}>
                {tour ? '选派学员' : '手工登记'}
              </Button>
              <Button icon={<DownloadOutlined />} href={templateUrl}>
                下载名单模板
              </Button>
              <ImportExcelButton subject="考勤" templateUrl={templateUrl} upload={importAttendance.mutateAsync} />
            </>
          )}
          <Button icon={<FileExcelOutlined />} href={downloadUrl(`/training/sessions/${session.id}/attendance/export.xlsx`)}>
            导出 Excel
          </Button>
        </Space>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select placeholder="考勤状态" allowClear style={{ width: 120 }} options={statusOptions} value={filters.status} onChange={(status) => patch({ status })} />
        <Input.Search placeholder="按姓名搜索" allowClear style={{ width: 180 }} onSearch={(q) => patch({ q: q.trim() || undefined })} aria-label="按姓名搜索学员" />
        {live && <Typography.Text type="secondary">签到进行中，名单每 5 秒自动刷新</Typography.Text>}
      </Space>
      <Table<Attendance>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching && !live}
        scroll={{ x: 1000 }}
        locale={{ emptyText: editable ? '还没有考勤记录：可开启扫码签到、手工登记或导入 Excel' : '暂无考勤记录' }}
        pagination={serverPagination(filters, data?.total, setFilters, '人')}
      />
      {adding && <AddAttendanceModal session={session} onClose={() => setAdding(false)} />}
      {report && <TourReportModal session={session} attendance={report} editable={editable} onClose={() => setReport(null)} />}
    </Card>
  );
}
