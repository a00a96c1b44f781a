import { useState } from 'react';
import { Card, Empty, Select, Space, Typography } from 'antd';
import { useCampaigns } from '../../../api/campaigns-hooks';
import { PageLoading } from '../../../components/page-loading';
import { RectificationTable } from './rectification-table';

/**
 * 整改任务 across a campaign: the village submits its evidence, the panel or the department
 * verifies or returns it. The campaign defaults to the latest one that has passed stage 1.
 */
export function RectificationsPage() {
  const { data, isPending } = useCampaigns(1, 100);
  const [chosen, setChosen] = useState<string>();
  if (isPending) return <PageLoading />;
  const campaigns = data?.items ?? [];
  const campaign = campaigns.find((c) => c.id === chosen) ?? campaigns.find((c) => !['draft', 'mutual'].includes(c.status)) ?? campaigns[0];
  return (
    <Card
      title="整改任务"
      extra={
        campaigns.length > 0 && (
          <Select aria-label="评星年度" value={campaign?.id} onChange={setChosen} style={{ width: 300 }} options={campaigns.map((c) => ({ value: c.id, label: c.name }))} />
        )
      }
    >
      {campaign ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">部门点评评委组针对各村问题下达整改任务；村里按期整改并提交整改情况，由评委组或组织部核验。</Typography.Text>
          <RectificationTable key={campaign.id} campaignId={campaign.id} />
        </Space>
      ) : (
        <Empty description="暂无评星年度" />
      )}
    </Card>
  );
}
