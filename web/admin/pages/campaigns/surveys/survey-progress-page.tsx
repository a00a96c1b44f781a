import { useState } from 'react';
import { Alert, App, Button, Card, Col, Popconfirm, Progress, Result, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, FormOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { SurveySource, VillageProgress } from '../../../../../shared/contracts/surveys';
import { errorText } from '../../../api/client';
import { useCloseVillageSurvey, useQuestionnaire, useSurveyProgress } from '../../../api/surveys-hooks';
import { PageLoading } from '../../../components/page-loading';
import { SurveyCharts } from './survey-charts';
import { IssueModal, QuestionnaireModal, ReopenModal, RevokeModal } from './survey-modals';

const sourceTags: Record<SurveySource, { label: string; color: string }> = {
  phone: { label: '手机', color: 'blue' },
  paper: { label: '纸质', color: 'default' },
  merged: { label: '手机+纸质', color: 'purple' },
};
const pct = (n: number | null) => (n === null ? '—' : `${n}%`);

/** 群众测评（每户一码）: issue and print codes, watch answers arrive, close a village's survey. */
export function SurveyProgressPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const progress = useSurveyProgress(id);
  const questionnaire = useQuestionnaire(id);
  const close = useCloseVillageSurvey(id);
  const [town, setTown] = useState<string>();
  const [issueFor, setIssueFor] = useState<VillageProgress | null>(null);
  const [revokeFor, setRevokeFor] = useState<VillageProgress | null>(null);
  const [reopenFor, setReopenFor] = useState<VillageProgress | null>(null);
  const [editTopics, setEditTopics] = useState(false);
  if (progress.isPending) return <PageLoading />;
  if (!progress.data) return <Result status="warning" title="无法打开群众测评" subTitle={errorText(progress.error)} />;
  const p = progress.data;
  const rows = p.villages.filter((v) => !town || v.townId === town);

  const columns: TableColumnsType<VillageProgress> = [
    { title: '村（社区）', dataIndex: 'villageName', width: 110, fixed: 'left' },
    { title: '所属镇', dataIndex: 'townName', width: 100 },
    {
      title: '测评码',
      key: 'codes',
      width: 150,
      render: (_, v) => (
        <Typography.Text data-testid={`codes-${v.villageName}`}>
          发放 {v.issued - v.revoked} · 已用 {v.used}
          {v.revoked > 0 && <Typography.Text type="secondary"> · 作废 {v.revoked}</Typography.Text>}
        </Typography.Text>
      ),
    },
    {
      title: '回收率',
      key: 'response',
      width: 150,
      render: (_, v) => (v.responseRate === null ? '—' : <Progress percent={v.responseRate} size="small" format={(n) => `${n}%`} data-testid={`response-${v.villageName}`} />),
    },
    {
      title: '手机答卷（满意/基本/不满意）',
      key: 'phone',
      width: 170,
      render: (_, v) => `${v.phone.satisfied} / ${v.phone.basicallySatisfied} / ${v.phone.unsatisfied}`,
    },
    {
      title: '满意率',
      key: 'rate',
      width: 150,
      render: (_, v) => (
        <Space size={4} data-testid={`rate-${v.villageName}`}>
          <Typography.Text strong>{pct(v.satisfactionRate)}</Typography.Text>
          {v.source && (
            <Tooltip title={v.paper ? `纸质测评 ${v.paper.sampleSize} 份` : '仅手机答卷'}>
              <Tag color={sourceTags[v.source].color}>{sourceTags[v.source].label}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '状态',
      key: 'state',
      width: 140,
      render: (_, v) => (
        <Space size={4} wrap>
          {v.closed ? <Tag color="default">已结束</Tag> : <Tag color="green">进行中</Tag>}
          {v.flagged > 0 && (
            <Tooltip title="同一设备提交了多个测评码的答卷：已收下，请测评组核实">
              <Tag color="orange">{v.flagged} 份待核实</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 300,
      render: (_, v) =>
        v.canManage ? (
          <Space size={0} wrap>
            <Button type="link" size="small" disabled={v.closed} onClick={() => setIssueFor(v)}>
              发放测评码
            </Button>
            <Button type="link" size="small" disabled={v.issued - v.revoked - v.used <= 0} onClick={() => setRevokeFor(v)}>
              作废
            </Button>
            <Popconfirm
              title="结束本村群众测评？"
              description="结束后未使用的测评码不能再作答。"
              okText="结束"
              onConfirm={() => close.mutate(v.villageId, { onSuccess: () => void message.success(`${v.villageName}群众测评已结束`), onError: (e) => void message.error(errorText(e)) })}
            >
              <Button type="link" size="small" danger disabled={v.closed}>
                结束测评
              </Button>
            </Popconfirm>
            {v.closed && (
              <Button type="link" size="small" onClick={() => setReopenFor(v)}>
                重新开放
              </Button>
            )}
          </Space>
        ) : (
          <Typography.Text type="secondary">仅查看</Typography.Text>
        ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to={`/campaigns/${id}/mutual`} aria-label="返回">
              <ArrowLeftOutlined />
            </Link>
            <span>群众测评（每户一码）· {p.campaignName}</span>
          </Space>
        }
        extra={
          questionnaire.data && (
            <Button icon={<FormOutlined />} onClick={() => setEditTopics(true)}>
              测评问卷
            </Button>
          )
        }
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Typography.Text type="secondary">
            测评时间 {p.opens} 至 {p.closes}。村民扫描测评卡上的二维码或输入测评码作答，每户一码、一码一次；不收集姓名、身份证号、手机号，不记录网络地址。满意率按评星标准计算，手机答卷与纸质测评合并计入定星。
          </Typography.Text>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Statistic title="全市发放测评码" value={p.city.issued} suffix="个" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="已作答" value={p.city.used} suffix="份" />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="回收率" value={pct(p.city.responseRate)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title="满意率" value={pct(p.city.satisfactionRate)} valueStyle={{ color: '#c8161d' }} />
            </Col>
          </Row>
          <SurveyCharts progress={p} townId={town} />
          {p.villages.some((v) => v.flagged > 0) && <Alert type="warning" showIcon message="有答卷来自同一设备提交的多个测评码，已标记“待核实”，请测评组入户核实。" />}
          <Select
            placeholder="所属镇"
            allowClear
            value={town}
            onChange={setTown}
            style={{ width: 160 }}
            options={p.towns.map((t) => ({ value: t.townId, label: t.townName }))}
          />
          <Table<VillageProgress>
            rowKey="villageId"
            size="middle"
            columns={columns}
            dataSource={rows}
            scroll={{ x: 1200 }}
            pagination={{ defaultPageSize: 20, showTotal: (t) => `共 ${t} 个村` }}
          />
        </Space>
      </Card>
      {issueFor && (
        <IssueModal
          campaignId={id}
          village={issueFor}
          onClose={() => setIssueFor(null)}
          // The codes exist only in this answer: they travel to the print sheet in memory, never in the URL.
          onIssued={(codes) => navigate(`/campaigns/${id}/survey-cards`, { state: codes })}
        />
      )}
      {reopenFor && <ReopenModal campaignId={id} village={reopenFor} onClose={() => setReopenFor(null)} />}
      {revokeFor && <RevokeModal campaignId={id} village={revokeFor} onClose={() => setRevokeFor(null)} />}
      {editTopics && questionnaire.data && <QuestionnaireModal campaignId={id} questionnaire={questionnaire.data} onClose={() => setEditTopics(false)} />}
    </Space>
  );
}
