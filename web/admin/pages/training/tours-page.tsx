import { useState } from 'react';
import { Button, Card, Col, Empty, Row, Space, Spin, Statistic, Tag, Typography } from 'antd';
import { EnvironmentOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router-dom';
import { useTrainingSessions } from '../../api/training-sessions-hooks';
import { useSession } from '../../auth/session';
import { SessionFormModal } from './session-form-modal';
import { SessionStatusBadge, YearSelect, currentYear, dateSpan, formatHours } from './training-labels';

/** 研修提升课: study tours to other regions, their village-secretary participants and reports. */
export function ToursPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [year, setYear] = useState(currentYear());
  const [creating, setCreating] = useState(false);
  const { data, isPending } = useTrainingSessions({ year, courseType: 'tour', page: 1, pageSize: 100 });
  const tours = data?.items ?? [];
  const participants = tours.reduce((n, t) => n + t.present, 0);

  return (
    <Card
      title="研修提升课（外出研修）"
      extra={
        <Space>
          <YearSelect value={year} onChange={setYear} />
          {can('training:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              新建研修
            </Button>
          )}
        </Space>
      }
    >
      <Spin spinning={isPending}>
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={8}>
            <Statistic title="研修批次" value={tours.filter((t) => t.status !== 'cancelled').length} suffix="批" />
          </Col>
          <Col span={8}>
            <Statistic title="参训村党组织书记" value={participants} suffix="人" />
          </Col>
          <Col span={8}>
            <Statistic title="已提交研修报告" value={tours.reduce((n, t) => n + t.reports, 0)} suffix="份" />
          </Col>
        </Row>
        {tours.length === 0 && !isPending ? (
          <Empty description={`${year} 年还没有外出研修`} />
        ) : (
          <Row gutter={[16, 16]}>
            {tours.map((t) => (
              <Col xs={24} lg={12} key={t.id}>
                <Card
                  hoverable
                  onClick={() => navigate(`/training/sessions/${t.id}`)}
                  title={<Link to={`/training/sessions/${t.id}`}>{t.topic}</Link>}
                  extra={<SessionStatusBadge status={t.status} />}
                >
                  <Space direction="vertical" style={{ width: '100%' }}>
                    <Space wrap>
                      <Tag icon={<EnvironmentOutlined />} color="blue">
                        {t.place}
                      </Tag>
                      <Typography.Text type="secondary">{dateSpan(t.date, t.endDate)}</Typography.Text>
                      <Typography.Text type="secondary">{formatHours(t.hours)} 学时</Typography.Text>
                    </Space>
                    <Space size="large">
                      <Statistic title="学员" value={t.present} suffix={t.capacity ? `/ ${t.capacity}` : '人'} valueStyle={{ fontSize: 20 }} />
                      <Statistic title="研修报告" value={t.reports} suffix={`/ ${t.present}`} valueStyle={{ fontSize: 20, color: t.reports >= t.present ? '#389e0d' : '#d48806' }} />
                    </Space>
                    {t.summary && <Typography.Paragraph ellipsis={{ rows: 2 }} type="secondary" style={{ marginBottom: 0 }}>{t.summary}</Typography.Paragraph>}
                  </Space>
                </Card>
              </Col>
            ))}
          </Row>
        )}
      </Spin>
      {creating && <SessionFormModal courseType="tour" onClose={() => setCreating(false)} onSaved={(s) => navigate(`/training/sessions/${s.id}`)} />}
    </Card>
  );
}
