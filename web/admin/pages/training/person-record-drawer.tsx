import { Col, Descriptions, Drawer, Empty, Row, Skeleton, Space, Statistic, Tag, Timeline, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { attendanceMethodLabels, courseTypeLabels } from '../../../../shared/contracts/training';
import { usePersonRecord } from '../../api/training-records-hooks';
import { AttendanceTag, courseTypeColors, formatHours } from './training-labels';

/** One person's training record: hours per year and every session, newest first. */
export function PersonRecordDrawer({ personId, year, onClose }: { personId?: string; year: number; onClose: () => void }) {
  const { data, isPending } = usePersonRecord(personId);
  const thisYear = data?.years.find((y) => y.year === year);
  return (
    <Drawer open={Boolean(personId)} onClose={onClose} width={560} title={data ? `${data.person.name} 的培训档案` : '培训档案'} destroyOnHidden>
      {isPending || !data ? (
        <Skeleton active />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }} data-testid="person-record">
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'unit', label: '所在组织', children: data.person.orgUnitName },
              { key: 'titles', label: '职务', children: data.person.titles.join('、') || '—' },
            ]}
          />
          <Row gutter={16}>
            <Col span={8}>
              <Statistic title={`${year} 年参训学时`} value={thisYear ? formatHours(thisYear.hours) : 0} suffix="学时" valueStyle={{ color: '#c8161d' }} />
            </Col>
            <Col span={8}>
              <Statistic title={`${year} 年参训场次`} value={thisYear?.sessions ?? 0} suffix="场" />
            </Col>
            <Col span={8}>
              <Statistic title="累计学时" value={formatHours(data.years.reduce((n, y) => n + y.hours, 0))} suffix="学时" />
            </Col>
          </Row>
          {data.years.length > 1 && (
            <Space wrap>
              {data.years.map((y) => (
                <Tag key={y.year}>
                  {y.year} 年：{y.sessions} 场 · {formatHours(y.hours)} 学时
                </Tag>
              ))}
            </Space>
          )}
          {data.history.length === 0 ? (
            <Empty description="还没有培训记录" />
          ) : (
            <Timeline
              items={data.history.map((h) => ({
                key: h.attendanceId,
                color: h.status === 'present' ? 'green' : h.status === 'excused' ? 'orange' : 'red',
                children: (
                  <Space direction="vertical" size={0}>
                    <Typography.Text type="secondary">{h.date}</Typography.Text>
                    <Space size={4} wrap>
                      <Tag color={courseTypeColors[h.courseType]}>{courseTypeLabels[h.courseType]}</Tag>
                      <Link to={`/training/sessions/${h.sessionId}`}>{h.topic}</Link>
                    </Space>
                    <Space size={8}>
                      <AttendanceTag status={h.status} />
                      <Typography.Text>{formatHours(h.hoursCredited)} 学时</Typography.Text>
                      <Typography.Text type="secondary">
                        {h.organizer} · {attendanceMethodLabels[h.method]}
                      </Typography.Text>
                    </Space>
                  </Space>
                ),
              }))}
            />
          )}
        </Space>
      )}
    </Drawer>
  );
}
