import { Button, Card, Col, Row, Space, Tabs } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useSearchParams } from 'react-router-dom';
import { useImportOrgUnits } from '../../api/org-units-hooks';
import { useOrgUnit } from '../../api/org-tree-hooks';
import { downloadUrl } from '../../api/client';
import { useSession } from '../../auth/session';
import { ImportExcelButton } from '../../components/import-excel';
import { ExportJobButton } from '../../components/export-job-button';
import { OrgDetailPanel } from './org-detail-panel';
import { OrgTable } from './org-table';
import { OrgTreePanel } from './org-tree-panel';

const templateUrl = downloadUrl('/org-units/import-template.xlsx');

export function OrgsPage() {
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const importOrgs = useImportOrgUnits();

  // Selection and tab live in the URL so a unit can be linked and survives a refresh.
  const view = params.get('view') === 'table' ? 'table' : 'tree';
  const selectedId = params.get('unit') ?? undefined;
  const selected = useOrgUnit(selectedId).data;

  const select = (id: string) => setParams({ view: 'tree', unit: id });

  const extra = (
    <Space wrap>
      {can('org:write') && (
        <>
          <Button icon={<DownloadOutlined />} href={templateUrl}>
            下载导入模板
          </Button>
          <ImportExcelButton subject="组织" templateUrl={templateUrl} upload={importOrgs.mutateAsync} />
        </>
      )}
      <ExportJobButton path="/org-units/export.xlsx" subject="组织架构" />
    </Space>
  );

  return (
    <Card title="组织架构" extra={extra}>
      <Tabs
        activeKey={view}
        onChange={(key) => setParams(key === 'table' ? { view: 'table' } : selectedId ? { unit: selectedId } : {})}
        items={[
          {
            key: 'tree',
            label: '架构树',
            children: (
              <Row gutter={16}>
                <Col xs={24} lg={8} xl={7}>
                  <Card size="small" title="组织树" styles={{ body: { minHeight: 600 } }}>
                    <OrgTreePanel selectedId={selectedId} onSelect={select} />
                  </Card>
                </Col>
                <Col xs={24} lg={16} xl={17}>
                  <OrgDetailPanel unit={selected} />
                </Col>
              </Row>
            ),
          },
          { key: 'table', label: '组织列表', children: <OrgTable onOpen={select} /> },
        ]}
      />
    </Card>
  );
}
