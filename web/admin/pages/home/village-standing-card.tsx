import { Card, Col, Row, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { useCampaigns } from '../../api/campaigns-hooks';
import { useSession } from '../../auth/session';
import { SelfEvaluationCard, WhatIfCard } from '../campaigns/village/village-self-cards';

/**
 * The village cadres' own page during the year: where the village stands in the latest campaign
 * (on the scores published to it so far) and what is missing for the next star, beside its 自评.
 */
export function VillageStandingCard() {
  const { me } = useSession();
  const village = me.roles.find((r) => r.role === 'village_admin');
  const { data } = useCampaigns(1, 20);
  const campaign = data?.items[0];
  if (!village || !campaign) return null;
  return (
    <Card
      title={
        <Space>
          <span>本村评星进展</span>
          <Typography.Text type="secondary">
            {village.orgUnitName} · {campaign.name}
          </Typography.Text>
        </Space>
      }
      extra={<Link to={`/campaigns/${campaign.id}/villages/${village.orgUnitId}`}>评星详情</Link>}
    >
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <WhatIfCard campaignId={campaign.id} villageId={village.orgUnitId} title="距下一星还差什么" />
        </Col>
        <Col xs={24} xl={10}>
          <SelfEvaluationCard campaignId={campaign.id} villageId={village.orgUnitId} />
        </Col>
      </Row>
    </Card>
  );
}
