// 数据完整性校验 (auditor): the check of `fivestar verify` — every score, arena score, town score,
// result, correction and published notice against its seal, and each campaign's root — with each
// failing row named by its village and field.
import { Alert, Button, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { CampaignIntegrity } from '../../../../shared/contracts/integrity';
import { useIntegrityCheck } from '../../api/integrity-hooks';

type Failure = CampaignIntegrity['failures'][number];

const problemColor: Record<Failure['problem'], string> = { altered: 'error', deleted: 'volcano', unsealed: 'warning' };

const columns: TableColumnsType<Failure> = [
  { title: '镇（街道）', dataIndex: 'townName', width: 130, render: (v: string | null) => v ?? '—' },
  { title: '村（社区）', dataIndex: 'villageName', width: 130, render: (v: string | null) => v ?? '—' },
  { title: '记录', dataIndex: 'kindLabel', width: 150 },
  { title: '字段', dataIndex: 'fieldLabel', ellipsis: true },
  { title: '问题', dataIndex: 'problem', width: 250, render: (_, f) => <Tag color={problemColor[f.problem]}>{f.problemLabel}</Tag> },
];

function CampaignResult({ c }: { c: CampaignIntegrity }) {
  return (
    <Card size="small" title={`${c.name}（${c.year}）`} data-testid="integrity-campaign">
      {c.ok && c.checked === 0 ? (
        <Alert type="info" showIcon message="尚无封存的记录" description="本年度还没有保存过评分、定星结果或公示，没有需要校验的内容。" />
      ) : c.ok ? (
        <Alert type="success" showIcon message={`全部 ${c.checked} 项记录完整`} description="评分、定星结果、更正和公示内容均与封存时一致，没有记录被增删。" />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Alert
            type="error"
            showIcon
            message={`校验 ${c.checked} 项，${c.failures.length} 项未通过`}
            description={c.rootIntact ? '以下记录在系统之外被改动或删除。' : '封存总校验值不一致：有封存记录在系统之外被增删。'}
          />
          {c.failures.length > 0 && <Table<Failure> rowKey={(f) => `${f.rowKey}#${f.field}`} columns={columns} dataSource={c.failures} size="small" pagination={{ pageSize: 20, hideOnSinglePage: true }} />}
        </Space>
      )}
    </Card>
  );
}

export function IntegrityPage() {
  const { data, isPending, isError, error, isFetching, refetch } = useIntegrityCheck();
  return (
    <Card
      title="数据完整性校验"
      extra={
        <Button icon={<ReloadOutlined />} loading={isFetching} onClick={() => void refetch()}>
          重新校验
        </Button>
      }
      loading={isPending}
    >
      <Typography.Paragraph type="secondary">
        逐条核对每个评星年度的评分、擂台比武打分、镇党委自身得分、定星结果、星级更正和村级点评公示是否与写入时的封存（HMAC）一致，与命令行 fivestar verify 相同。每次校验都记入审计日志。
      </Typography.Paragraph>
      {isError && <Alert type="error" showIcon message={error instanceof Error ? error.message : '校验失败'} />}
      {data && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">校验时间：{dayjs(data.checkedAt).format('YYYY-MM-DD HH:mm:ss')}</Typography.Text>
          {data.campaigns.length === 0 ? <Empty description="还没有评星年度" /> : data.campaigns.map((c) => <CampaignResult key={c.campaignId} c={c} />)}
        </Space>
      )}
    </Card>
  );
}
