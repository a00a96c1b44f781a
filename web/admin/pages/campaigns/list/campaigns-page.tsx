import { useState } from 'react';
import { Button, Card, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import { evaluationStages, stageLabels, type Campaign, type EvaluationStage } from '../../../../../shared/contracts/campaigns';
import { useCampaigns } from '../../../api/campaigns-hooks';
import { useSession } from '../../../auth/session';
import { CampaignStatusTag } from '../campaign-labels';
import { CampaignFormModal } from './campaign-form-modal';

/** The window that matters now: the running stage's, or the notice period. */
function currentWindow(c: Campaign): string {
  if (evaluationStages.includes(c.status as EvaluationStage)) {
    const w = c.windows[c.status as EvaluationStage];
    return `${stageLabels[c.status as EvaluationStage]}：${w.opens} 至 ${w.closes}`;
  }
  if ((c.status === 'notice' || c.status === 'final') && c.noticeStarts) return `公示：${c.noticeStarts} 至 ${c.noticeEnds ?? '—'}`;
  return `摸底互评自 ${c.windows.mutual.opens} 开始`;
}

export function CampaignsPage() {
  const { can } = useSession();
  const manage = can('campaign:manage');
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const { data, isFetching } = useCampaigns(paging.page, paging.pageSize);
  const [creating, setCreating] = useState(false);

  const columns: TableColumnsType<Campaign> = [
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '名称', dataIndex: 'name', render: (name: string, c) => <Link to={`/campaigns/${c.id}`}>{name}</Link> },
    {
      title: '评星标准',
      key: 'standard',
      ellipsis: true,
      render: (_, c) => (
        <span title={c.standardName}>
          {c.standardName} <Typography.Text type="secondary">{c.standardVersion}</Typography.Text>
        </span>
      ),
    },
    { title: '当前阶段', dataIndex: 'status', width: 110, render: (_, c) => <CampaignStatusTag status={c.status} /> },
    { title: '时间安排', key: 'window', width: 260, render: (_, c) => currentWindow(c) },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, c) => (
        <Space size={0}>
          <Link to={`/campaigns/${c.id}`}>
            <Button type="link" size="small">查看</Button>
          </Link>
          {['city', 'notice', 'final'].includes(c.status) && (
            <Link to={`/campaigns/${c.id}?tab=results`}>
              <Button type="link" size="small">定星结果</Button>
            </Link>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card
      title="评星定级"
      extra={
        manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建评星年度
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        每个评星年度依次经过摸底互评、部门点评、市级考评、结果公示，最终定星；每一步推进都由组织部管理员确认并记入审计日志。
      </Typography.Paragraph>
      <Table<Campaign>
        rowKey="id"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        locale={{ emptyText: manage ? '还没有评星年度，请点击“新建评星年度”' : '暂无评星年度' }}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: data?.total ?? 0,
          showTotal: (total) => `共 ${total} 个年度`,
          onChange: (page, pageSize) => setPaging({ page, pageSize }),
        }}
      />
      {creating && <CampaignFormModal onClose={() => setCreating(false)} />}
    </Card>
  );
}
