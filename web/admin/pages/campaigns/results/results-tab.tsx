import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Col, Empty, Row, Space, Statistic } from 'antd';
import { CalculatorOutlined, CheckCircleOutlined, PrinterOutlined } from '@ant-design/icons';
import { Link } from 'react-router-dom';
import type { Campaign, CampaignResults, CampaignResultsTown } from '../../../../../shared/contracts/campaigns';
import { useConfirmResults } from '../../../api/campaigns-hooks';
import { useResultsOverview } from '../../../api/results-hooks';
import { useJob, useStartCompute, type RecomputeReport } from '../../../api/decisions-hooks';
import { notifySuccess } from '../../../components/feedback';
import { PageLoading } from '../../../components/page-loading';
import { CorrectionModal } from '../notice/objection-modals';
import { OverrideModal } from './override-modal';
import { RankingTable } from './ranking-table';
import { ResultsCharts } from './results-charts';
import { TownStarsCard } from './town-stars-card';
import { ResultsExports } from './results-exports';
import { ReferralsAlert } from './referrals-alert';
import { ComputeProgress } from './compute-progress';

type Village = CampaignResults['villages'][number];

const statusText: Record<CampaignResults['status'], string> = { none: '尚未生成', proposed: '定星建议（未最终确定）', final: '最终结果' };

/** The towns to filter the ranking by: in order of their first village in the ranking when it was read whole. */
function townOptions(towns: CampaignResultsTown[], villages: Village[] | null) {
  if (!villages) return towns;
  const first = [...new Set(villages.map((v) => v.townName))];
  const at = (t: CampaignResultsTown) => (first.includes(t.name) ? first.indexOf(t.name) : first.length);
  return [...towns].sort((a, b) => at(a) - at(b));
}

/** 定星: the engine's proposal, the administrator's confirmation and overrides, the rankings. */
export function ResultsTab({ campaign, canManage }: { campaign: Campaign; canManage: boolean }) {
  const { modal } = App.useApp();
  // The figures and the ranking rule; the ranking itself is read a page at a time (RankingTable).
  const results = useResultsOverview(campaign.id);
  const start = useStartCompute(campaign.id);
  // The compute runs as a job: followed here until done (then its report) or failed (its error).
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId, campaign.id).data;
  const computing = start.isPending || job?.status === 'queued' || job?.status === 'running';
  const confirm = useConfirmResults(campaign.id);
  const [overriding, setOverriding] = useState<Village | null>(null);
  const [correcting, setCorrecting] = useState<Village | null>(null);
  const correctable = canManage && (campaign.status === 'notice' || campaign.status === 'final');
  const cityStage = campaign.status === 'city';
  const managing = canManage && cityStage;

  const showReport = (r: RecomputeReport) =>
    modal.info({
      title: `已为 ${r.villages} 个村生成定星建议`,
      width: 640,
      content: r.changes.length ? (
        <div data-testid="recompute-report">
          <p>
            {r.changes.length} 个村的系统建议发生变化{r.mustReconfirm ? `，其中 ${r.mustReconfirm} 个已确认或已调整的村须重新确认` : ''}：
          </p>
          <ul style={{ paddingLeft: 20 }}>
            {r.changes.map((c) => (
              <li key={c.villageId}>
                {c.name}：{c.engineStarsBefore ?? '不定级'} → {c.engineStarsAfter ?? '不定级'} 星（{c.why}）{c.kept === 'override' ? '；保留调整及理由' : ''}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p>与上次相比，各村的系统建议星级没有变化{r.kept ? `；已确认、已调整的 ${r.kept} 个村保持不变` : ''}。</p>
      ),
    });
  // Once per finished job: the report modal, then the job is let go.
  useEffect(() => {
    if (job?.status !== 'done') return;
    setJobId(null);
    showReport(job.result as RecomputeReport);
  }, [job?.status, job?.id]);
  if (results.isPending) return <PageLoading />;
  const data = results.data?.head;
  const villageCount = results.data?.total ?? 0;
  const counts = results.data?.byStars ?? {};
  const threeUp = (counts[5] ?? 0) + (counts[4] ?? 0) + (counts[3] ?? 0);

  const runCompute = () =>
    modal.confirm({
      title: data?.status === 'none' ? '生成定星建议？' : '重新生成定星建议？',
      content:
        '系统将按评星标准合并三个阶段的得分、群众满意度和违纪违法核查结果，计算每个村的得分、建议星级和排名。' +
        (data?.status === 'proposed' ? '已确认和已调整的星级及其理由保留；系统建议发生变化的村将标记“建议已变化”，须重新确认。' : ''),
      okText: '生成',
      onOk: () => start.mutateAsync().then((j) => setJobId(j.id)),
    });
  const runConfirm = () =>
    modal.confirm({
      title: '确认定星？',
      content: `将按当前列表确认全部 ${villageCount} 个村的星级（已调整的按调整后星级）。确认后可进入结果公示。`,
      okText: '确认定星',
      onOk: () => confirm.mutateAsync().then((r) => notifySuccess(`已确认 ${r.confirmed} 个村的星级`)),
    });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {job && job.status !== 'done' && <ComputeProgress job={job} onClose={() => setJobId(null)} />}
      <Card
        title={`定星结果 · ${statusText[data?.status ?? 'none']}`}
        extra={
          <Space wrap>
            {managing && (
              <Button icon={<CalculatorOutlined />} loading={computing} onClick={runCompute}>
                {data?.status === 'none' ? '生成定星建议' : '重新生成'}
              </Button>
            )}
            {managing && data?.status === 'proposed' && (
              <Button type="primary" icon={<CheckCircleOutlined />} loading={confirm.isPending} onClick={runConfirm}>
                确认定星
              </Button>
            )}
            {data?.status !== 'none' && (
              <Link to={`/campaigns/${campaign.id}/notice-print`}>
                <Button icon={<PrinterOutlined />}>公示名单</Button>
              </Link>
            )}
            {data?.status !== 'none' && <ResultsExports campaignId={campaign.id} />}
          </Space>
        }
      >
        {data?.status === 'none' ? (
          <Empty
            description={
              cityStage
                ? managing
                  ? '市级考评打分完成后，点击“生成定星建议”'
                  : '定星建议尚未生成'
                : '市级考评阶段生成定星建议；当前尚无结果'
            }
          />
        ) : (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            {data?.status === 'proposed' && (
              <Alert
                type="warning"
                showIcon
                message={
                  cityStage
                    ? '以下为系统按评星标准生成的定星建议。如需调整某村星级，请点击“调整”并填写理由；核对无误后点击“确认定星”。'
                    : '以下为定星建议，公示期满后成为最终结果。'
                }
              />
            )}
            <ReferralsAlert referrals={data?.referrals ?? []} villages={results.data?.villages ?? null} onDecide={managing ? setOverriding : undefined} />
            <Row gutter={16}>
              <Col xs={12} md={6}>
                <Statistic title="参评村" value={villageCount} suffix="个" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title="三星及以上"
                  value={threeUp}
                  suffix={villageCount ? `个（${Math.round((threeUp / villageCount) * 1000) / 10}%）` : '个'}
                  valueStyle={{ color: '#c8161d' }}
                />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="四星" value={counts[4] ?? 0} suffix="个" />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title="五星" value={counts[5] ?? 0} suffix="个" />
              </Col>
            </Row>
            <ResultsCharts byStars={counts} villages={results.data?.villages ?? null} />
            <RankingTable
              campaignId={campaign.id}
              towns={townOptions(data?.towns ?? [], results.data?.villages ?? null)}
              total={villageCount}
              orderedBy={data?.orderedBy}
              action={managing ? { label: '调整', onClick: setOverriding } : correctable ? { label: '更正', onClick: setCorrecting } : undefined}
            />
          </Space>
        )}
      </Card>
      <TownStarsCard campaign={campaign} towns={data?.towns ?? []} canManage={managing} />
      {correcting && <CorrectionModal campaignId={campaign.id} village={correcting} onClose={() => setCorrecting(null)} />}
      {overriding && <OverrideModal campaignId={campaign.id} village={overriding} onClose={() => setOverriding(null)} />}
    </Space>
  );
}
