import { useState } from 'react';
import { Alert, Button, Card, Empty, Progress, Result, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, DownloadOutlined, FileTextOutlined, LockOutlined, QrcodeOutlined, TableOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { mutualReportStatusLabels, type MutualOverview } from '../../../../../shared/contracts/evaluation-stages';
import { useCampaign } from '../../../api/campaigns-hooks';
import { downloadUrl, errorText } from '../../../api/client';
import { useImportSurveys, useMutualOverview, useMutualReports, type MutualReportListItem } from '../../../api/evaluation-stages-hooks';
import { ImportExcelButton } from '../../../components/import-excel';
import { PageLoading } from '../../../components/page-loading';
import { ReportDrawer } from './report-drawer';
import { SurveyModal } from './survey-modal';
import { VisitsDrawer } from './visits-drawer';

type Village = MutualOverview['villages'][number];

/** 摸底互评工作台: per village the sheet, household visits and survey; per town the report and summary table. */
export function MutualWorkPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const overview = useMutualOverview(id);
  const reports = useMutualReports(id);
  const importSurveys = useImportSurveys(id);
  const [town, setTown] = useState<string>();
  const [visitsOf, setVisitsOf] = useState<Village | null>(null);
  const [surveyOf, setSurveyOf] = useState<Village | null>(null);
  const [reportOf, setReportOf] = useState<MutualReportListItem | null>(null);
  if (overview.isPending || campaign.isPending) return <PageLoading />;
  if (!overview.data) return <Result status="warning" title="无法打开摸底互评工作台" subTitle={errorText(overview.error)} />;

  const villages = overview.data.villages;
  const towns = [...new Map(villages.map((v) => [v.townId, v.townName])).entries()];
  const rows = villages.filter((v) => !town || v.townId === town);
  const writer = villages.some((v) => v.canEdit);
  const templateUrl = downloadUrl(`/campaigns/${id}/surveys/import-template.xlsx`);

  const columns: TableColumnsType<Village> = [
    { title: '村（社区）', dataIndex: 'name', width: 120 },
    { title: '所属镇', dataIndex: 'townName', width: 110 },
    {
      title: '评分表',
      key: 'sheet',
      width: 220,
      render: (_, v) => (
        <Space>
          <Progress percent={v.sheetTotal ? Math.round((v.sheetEntered / v.sheetTotal) * 100) : 0} size="small" style={{ width: 120, margin: 0 }} />
          <Typography.Text type="secondary">
            {v.sheetEntered}/{v.sheetTotal}
          </Typography.Text>
        </Space>
      ),
    },
    { title: '入户走访', dataIndex: 'visits', width: 90, align: 'center', render: (n: number) => (n ? `${n} 户次` : <Typography.Text type="secondary">未走访</Typography.Text>) },
    {
      title: '群众测评',
      key: 'survey',
      width: 150,
      render: (_, v) => (v.survey ? `${v.survey.sampleSize} 人 · 满意率 ${v.survey.rate ?? '—'}%` : <Typography.Text type="secondary">未录入</Typography.Text>),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_, v) => (
        <Space size={0} wrap>
          <Link to={`/campaigns/${id}/sheets/mutual/${v.villageId}`}>
            <Button type="link" size="small">
              {v.canEdit ? '打分' : '评分表'}
            </Button>
          </Link>
          <Button type="link" size="small" onClick={() => setVisitsOf(v)}>
            走访记录
          </Button>
          <Button type="link" size="small" onClick={() => setSurveyOf(v)}>
            群众测评
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to={`/campaigns/${id}`} aria-label="返回">
              <ArrowLeftOutlined />
            </Link>
            <span>摸底互评工作台 · {campaign.data?.name}</span>
          </Space>
        }
        extra={
          <Space>
            <Link to={`/campaigns/${id}/surveys`}>
              <Button icon={<QrcodeOutlined />}>手机测评（每户一码）</Button>
            </Link>
            {writer && (
              <Button icon={<DownloadOutlined />} href={templateUrl}>
                测评导入模板
              </Button>
            )}
            {writer && <ImportExcelButton subject="群众测评结果" templateUrl={templateUrl} upload={importSurveys.mutateAsync} />}
          </Space>
        }
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {overview.data.lockReason && <Alert type="warning" showIcon icon={<LockOutlined />} message={overview.data.lockReason} />}
          <Typography.Text type="secondary">互评组通过实地踏查、入户走访、群众测评了解被评镇各村情况，逐项打分，形成互评报告和评星定级汇总表，供定星参考。</Typography.Text>
          {towns.length > 1 && (
            <Select placeholder="所属镇" allowClear value={town} onChange={setTown} style={{ width: 160 }} options={towns.map(([value, label]) => ({ value, label }))} />
          )}
          <Table<Village>
            rowKey="villageId"
            size="middle"
            columns={columns}
            dataSource={rows}
            pagination={{ defaultPageSize: 20, showTotal: (t) => `共 ${t} 个村` }}
            locale={{ emptyText: <Empty description="您在本年度没有摸底互评任务" /> }}
          />
        </Space>
      </Card>
      <Card title="互评报告与评星定级汇总表">
        <Table<MutualReportListItem>
          rowKey={(r) => r.town.id}
          size="middle"
          loading={reports.isPending}
          dataSource={reports.data}
          pagination={false}
          locale={{ emptyText: '尚未分组' }}
          columns={[
            { title: '被评镇', key: 'town', render: (_, r) => r.town.name },
            { title: '互评组', key: 'evaluator', render: (_, r) => r.evaluatorTown?.name ?? '—' },
            {
              title: '互评报告',
              key: 'status',
              render: (_, r) => <Tag color={r.status === 'submitted' ? 'green' : r.status === 'draft' ? 'orange' : 'default'}>{mutualReportStatusLabels[r.status]}</Tag>,
            },
            { title: '提交时间', dataIndex: 'submittedAt', render: (t: string | null) => (t ? new Date(t).toLocaleString('zh-CN', { hour12: false }) : '—') },
            {
              title: '操作',
              key: 'actions',
              render: (_, r) => (
                <Space size={0}>
                  <Button type="link" size="small" icon={<FileTextOutlined />} onClick={() => setReportOf(r)}>
                    {r.canEdit ? '撰写报告' : '查看报告'}
                  </Button>
                  <Link to={`/campaigns/${id}/towns/${r.town.id}/summary`}>
                    <Button type="link" size="small" icon={<TableOutlined />}>
                      汇总表
                    </Button>
                  </Link>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {visitsOf && (
        <VisitsDrawer
          campaignId={id}
          village={{ id: visitsOf.villageId, name: visitsOf.name }}
          canEdit={visitsOf.canEdit}
          lockReason={overview.data.lockReason ?? (visitsOf.canEdit ? null : '您可以查看走访记录，但不是本村的互评组成员')}
          onClose={() => setVisitsOf(null)}
        />
      )}
      {surveyOf && <SurveyModal campaignId={id} village={{ id: surveyOf.villageId, name: surveyOf.name }} onClose={() => setSurveyOf(null)} />}
      {reportOf && (
        <ReportDrawer
          campaignId={id}
          town={reportOf.town}
          villages={villages.filter((v) => v.townId === reportOf.town.id).map((v) => ({ id: v.villageId, name: v.name }))}
          onClose={() => setReportOf(null)}
        />
      )}
    </Space>
  );
}
