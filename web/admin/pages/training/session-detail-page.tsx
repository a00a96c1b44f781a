import { useState } from 'react';
import { Button, Card, Col, Descriptions, Popconfirm, Result, Row, Space, Steps, Typography } from 'antd';
import { CheckCircleOutlined, CloseCircleOutlined, EditOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import type { TrainingSession } from '../../../../shared/contracts/training';
import { errorText, isApiError } from '../../api/client';
import { useSessionAction, useTrainingSession } from '../../api/training-sessions-hooks';
import { notifyError, notifySuccess } from '../../components/feedback';
import { PageLoading } from '../../components/page-loading';
import { useCrumbName } from '../../layout/crumb-names';
import { AttendancePanel } from './attendance-panel';
import { SessionFormModal } from './session-form-modal';
import { SignInPanel } from './sign-in-panel';
import { CourseTypeTag, SessionStatusBadge, dateSpan, formatHours } from './training-labels';

function flowOf(s: TrainingSession) {
  if (s.status === 'cancelled') return { current: 1, status: 'error' as const, items: [{ title: '计划' }, { title: '已取消' }] };
  const current = s.status === 'completed' ? 2 : s.signInState === 'open' ? 1 : 0;
  return { current, status: s.status === 'completed' ? ('finish' as const) : ('process' as const), items: [{ title: '计划', description: '安排时间地点' }, { title: '签到 / 考勤', description: '扫码、手工或导入' }, { title: '结束', description: '学时计入档案' }] };
}

/** One session: its plan, the QR sign-in, and attendance with hours credited. */
export function SessionDetailPage() {
  const { id = '' } = useParams();
  const { data: session, error, isPending } = useTrainingSession(id);
  useCrumbName('session', id, session?.topic);
  useCrumbName('session-list', id, session?.courseType === 'tour' ? { label: '研修提升课', to: '/training/tours' } : undefined);
  const action = useSessionAction();
  const [editing, setEditing] = useState(false);

  if (isPending) return <PageLoading />;
  if (!session) {
    const missing = isApiError(error) && error.status === 404;
    return <Result status={missing ? '404' : 'error'} title={missing ? '培训场次不存在' : '加载失败'} subTitle={errorText(error)} extra={<Link to="/training/sessions">返回列表</Link>} />;
  }
  const run = (a: 'complete' | 'cancel') =>
    action.mutate({ id, action: a }, { onSuccess: () => notifySuccess(a === 'complete' ? '已标记为结束' : '已取消该场次'), onError: (e) => notifyError(errorText(e)) });
  const tour = session.courseType === 'tour';
  const flow = flowOf(session);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space wrap>
            <CourseTypeTag type={session.courseType} />
            <span>{session.topic}</span>
          </Space>
        }
        extra={
          session.canEdit &&
          session.status === 'planned' && (
            <Space>
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                编辑
              </Button>
              <Popconfirm title="标记为已结束后将关闭扫码签到，仍可补登考勤。确定？" onConfirm={() => run('complete')}>
                <Button type="primary" icon={<CheckCircleOutlined />}>标记结束</Button>
              </Popconfirm>
              <Popconfirm title="确定取消该场次？已有出席记录的场次不能取消。" onConfirm={() => run('cancel')}>
                <Button danger icon={<CloseCircleOutlined />}>取消场次</Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        <Steps size="small" current={flow.current} status={flow.status} items={flow.items} style={{ marginBottom: 20, maxWidth: 720 }} />
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'category', label: tour ? '课程类型' : '类别 / 方向', children: session.category ?? '研修提升课' },
            { key: 'status', label: '状态', children: <SessionStatusBadge status={session.status} /> },
            { key: 'date', label: tour ? '研修日期' : '培训日期', children: dateSpan(session.date, session.endDate) },
            { key: 'unit', label: '举办单位', children: session.orgUnitName },
            { key: 'organizer', label: '主办部门', children: session.organizer },
            { key: 'partners', label: '合办部门', children: session.partners.join('、') || '—' },
            { key: 'lecturer', label: tour ? '带队 / 联系人' : '授课人', children: session.lecturer ?? '—' },
            { key: 'place', label: tour ? '目的地' : '地点', children: session.place },
            { key: 'hours', label: '学时', children: `${formatHours(session.hours)} 学时` },
            { key: 'audience', label: '培训对象', children: session.audience.join('、') || '不限' },
            { key: 'capacity', label: '人数上限', children: session.capacity ? `${session.capacity} 人` : '不限' },
            {
              key: 'counts',
              label: '考勤',
              children: (
                <span>
                  出席 <Typography.Text strong>{session.present}</Typography.Text> 人 · 请假 {session.excused} · 缺席 {session.absent}
                  {tour && ` · 报告 ${session.reports} 份`}
                </span>
              ),
            },
            ...(session.summary ? [{ key: 'summary', label: tour ? '研修收获' : '内容摘要', span: 3, children: session.summary }] : []),
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        {!tour && (
          <Col xs={24} xxl={8}>
            <SignInPanel session={session} />
          </Col>
        )}
        <Col xs={24} xxl={tour ? 24 : 16}>
          <AttendancePanel session={session} />
        </Col>
      </Row>
      {editing && <SessionFormModal session={session} onClose={() => setEditing(false)} />}
    </Space>
  );
}
