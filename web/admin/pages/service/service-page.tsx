import { Card, Tabs } from 'antd';
import { useTab } from '../pairing/fieldwork-ui';
import { CommitmentsTab } from './commitments-tab';
import { HouseholdVisitsTab } from './household-visits-tab';
import { ProblemsTab } from './problems-tab';

/** 为民服务: the problem list, the household visits that feed it, and the year's commitments. */
export function ServicePage() {
  const [tab, setTab] = useTab('problems');
  return (
    <Card title="为民服务">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'problems', label: '问题清单', children: <ProblemsTab /> },
          { key: 'household-visits', label: '逐户走访', children: <HouseholdVisitsTab /> },
          { key: 'commitments', label: '为民办实事', children: <CommitmentsTab /> },
        ]}
      />
    </Card>
  );
}
