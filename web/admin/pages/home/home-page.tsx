import { Card, Col, Empty, Row, Skeleton, Space, Statistic, Tag, Typography } from 'antd';
import { ApartmentOutlined, EnvironmentOutlined, FlagOutlined, TeamOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { roleLabels } from '../../../../shared/roles';
import { useOrgUnits } from '../../api/org-units-hooks';
import { usePeople } from '../../api/people-hooks';
import { useSession } from '../../auth/session';
import { DeskCard } from './desk-card';
import { VillageStandingCard } from './village-standing-card';

// Totals come from the list endpoints (pageSize 1, count=true), which already apply the caller's scope.
const countOnly = { page: 1, pageSize: 1, count: true } as const;

type StatCardProps = { title: string; value: number | undefined; loading: boolean; icon: React.ReactNode; color: string; suffix: string };

function StatCard({ title, value, loading, icon, color, suffix }: StatCardProps) {
  return (
    <Card>
      <Skeleton loading={loading} active paragraph={{ rows: 1 }}>
        <Statistic
          title={title}
          value={value ?? 0}
          suffix={suffix}
          prefix={<span style={{ color, marginRight: 4 }}>{icon}</span>}
        />
      </Skeleton>
    </Card>
  );
}

export function HomePage() {
  const { me, can } = useSession();
  const orgs = can('org:read');
  const people = can('people:read');
  const towns = useOrgUnits({ ...countOnly, level: 'town', active: true }, orgs);
  const villages = useOrgUnits({ ...countOnly, level: 'village', active: true }, orgs);
  const persons = usePeople({ ...countOnly }, people);
  const members = usePeople({ ...countOnly, partyMember: true }, people);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          您好，{me.displayName}
        </Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary">当前角色：</Typography.Text>
          {me.roles.length === 0 && <Typography.Text type="secondary">暂未分配角色</Typography.Text>}
          {me.roles.map((r) => (
            <Tag key={`${r.role}-${r.orgUnitId}`} color="red">
              {roleLabels[r.role]}（{r.orgUnitName}）
            </Tag>
          ))}
        </Space>
      </Card>
      <DeskCard />
      <VillageStandingCard />
      {orgs || people ? (
        <Row gutter={[16, 16]}>
          {orgs && (
            <>
              <Col xs={24} sm={12} xl={6}>
                <StatCard title="镇（街道）" value={towns.data?.total ?? undefined} loading={towns.isPending} icon={<ApartmentOutlined />} color="#c8161d" suffix="个" />
              </Col>
              <Col xs={24} sm={12} xl={6}>
                <StatCard title="行政村（社区）" value={villages.data?.total ?? undefined} loading={villages.isPending} icon={<EnvironmentOutlined />} color="#d48806" suffix="个" />
              </Col>
            </>
          )}
          {people && (
            <>
              <Col xs={24} sm={12} xl={6}>
                <StatCard title="登记人员" value={persons.data?.total ?? undefined} loading={persons.isPending} icon={<TeamOutlined />} color="#1677ff" suffix="人" />
              </Col>
              <Col xs={24} sm={12} xl={6}>
                <StatCard title="其中党员" value={members.data?.total ?? undefined} loading={members.isPending} icon={<FlagOutlined />} color="#c8161d" suffix="人" />
              </Col>
            </>
          )}
        </Row>
      ) : (
        <Card>
          <Empty
            description={
              can('audit:read') ? (
                <span>
                  您负责安全审计工作，请前往 <Link to="/audit">审计日志</Link> 查看系统操作记录。
                </span>
              ) : can('account:read') ? (
                <span>
                  请前往 <Link to="/accounts">账户管理</Link> 维护系统账户。
                </span>
              ) : (
                '暂无可查看的统计数据'
              )
            }
          />
        </Card>
      )}
    </Space>
  );
}
