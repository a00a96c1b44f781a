import { Card, Tabs } from 'antd';
import { ComplianceTab } from './compliance-tab';
import { useTab } from './fieldwork-ui';
import { KeyTasksTab } from './key-tasks-tab';
import { PairingsTab } from './pairings-tab';
import { VisitsTab } from './visits-tab';

/** 包保联系: the register, visit logs, the visit-frequency rule with who is overdue, key tasks. */
export function PairingPage() {
  const [tab, setTab] = useTab('pairings');
  return (
    <Card title="包保联系">
      <Tabs
        activeKey={tab}
        onChange={setTab}
        destroyOnHidden
        items={[
          { key: 'pairings', label: '包保关系', children: <PairingsTab /> },
          { key: 'visits', label: '走访记录', children: <VisitsTab /> },
          { key: 'compliance', label: '走访频次', children: <ComplianceTab /> },
          { key: 'key-tasks', label: '重点工作', children: <KeyTasksTab /> },
        ]}
      />
    </Card>
  );
}
