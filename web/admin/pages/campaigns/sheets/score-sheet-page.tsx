import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Card, Col, Empty, Flex, Progress, Result, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, LockOutlined, PaperClipOutlined, SaveOutlined, TrophyOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { evaluationStages, stageLabels, type EvaluationStage, type ScoreSheet } from '../../../../../shared/contracts/campaigns';
import { useScoreSheet, useSaveScoreSheet } from '../../../api/campaigns-hooks';
import { useEvidence } from '../../../api/evaluation-results-hooks';
import { useCrumbName } from '../../../layout/crumb-names';
import { EvidenceDrawer, evidenceOf } from './evidence-drawer';
import { errorText, isApiError } from '../../../api/client';
import { notifySuccess } from '../../../components/feedback';
import { PageLoading } from '../../../components/page-loading';
import { useSession } from '../../../auth/session';
import { scorePermission } from '../campaign-labels';
import { ScoreField, scoreText } from '../../../components/score-field';
import { checkCell } from '../../../../../shared/score-cell';

type Indicator = ScoreSheet['indicators'][number];
/** What the scorer typed, as text: checked, never corrected (components/score-field.tsx). */
type Draft = Record<string, string>;

const toCents = (n: number) => Math.round(n * 100);
const sumOf = (values: (number | null | undefined)[]) => values.reduce<number>((n, v) => n + toCents(v ?? 0), 0) / 100;

/** Save failures name indicators by id; show their names instead. */
function saveErrorText(error: unknown, sheet: ScoreSheet): string {
  if (!isApiError(error)) return errorText(error);
  const details = error.details as { problems?: { indicatorId: string }[]; reason?: string } | undefined;
  if (error.code === 'sheet.locked' && details?.reason) return `${error.message}：${details.reason}`;
  const names = (details?.problems ?? []).map((p) => sheet.indicators.find((i) => i.id === p.indicatorId)?.name ?? p.indicatorId);
  return names.length ? `${error.message}：${names.join('、')}` : error.message;
}

export function ScoreSheetPage() {
  const { id = '', stage: stageParam = '', villageId = '' } = useParams();
  const stage = evaluationStages.includes(stageParam as EvaluationStage) ? (stageParam as EvaluationStage) : null;
  if (!stage) return <Result status="404" title="没有这个评分阶段" />;
  return <ScoreSheetView campaignId={id} stage={stage} villageId={villageId} />;
}

function ScoreSheetView({ campaignId, stage, villageId }: { campaignId: string; stage: EvaluationStage; villageId: string }) {
  const { data: sheet, isPending, error } = useScoreSheet(campaignId, stage, villageId);
  const save = useSaveScoreSheet(campaignId, stage, villageId);
  const [draft, setDraft] = useState<Draft>({});
  const [saveError, setSaveError] = useState<string | null>(null);
  // Evidence files belong to stage 3 (查阅考评材料): listed and uploaded per indicator there.
  const evidence = useEvidence(campaignId, villageId, stage === 'city');
  const [evidenceFor, setEvidenceFor] = useState<Indicator | null>(null);

  // Start from what is stored whenever the server's copy changes (load, save).
  useEffect(() => {
    if (sheet) setDraft(Object.fromEntries(sheet.indicators.map((i) => [i.id, scoreText(i.points)])));
  }, [sheet]);

  const { can } = useSession();
  // Evaluators came from their task list; the department from the campaign's progress tab.
  const backTo = stage !== 'city' && can(scorePermission[stage]) ? `/my-tasks/${stage}` : `/campaigns/${campaignId}?tab=progress&stage=${stage}`;
  useCrumbName('village', villageId, sheet?.village.name);
  useCrumbName('sheet-list', villageId, backTo.startsWith('/my-tasks') ? { label: `我的${stageLabels[stage]}任务`, to: backTo } : undefined);
  const locked = !!sheet?.lockReason;
  const editable = useMemo(() => (sheet?.indicators ?? []).filter((i) => i.computedFrom === null), [sheet]);
  const typed = (i: Indicator) => checkCell(draft[i.id] ?? '', i.maxPoints);
  // A value that is not valid counts as nothing in the sums, and as a change that blocks saving.
  const valueOf = (i: Indicator): number | null => {
    if (i.computedFrom) return i.points;
    const c = typed(i);
    return c.ok ? c.points : null;
  };
  const invalid = editable.filter((i) => !typed(i).ok);
  const changed = editable.filter((i) => !typed(i).ok || valueOf(i) !== i.points);
  const total = sumOf((sheet?.indicators ?? []).map(valueOf));
  const entered = (sheet?.indicators ?? []).filter((i) => valueOf(i) !== null).length;

  if (isPending) return <PageLoading />;
  if (error || !sheet) {
    return <Result status="warning" title="无法打开评分表" subTitle={errorText(error)} extra={<Link to="/campaigns">返回评星定级</Link>} />;
  }

  const submit = () => {
    setSaveError(null);
    if (invalid.length > 0) return;
    save.mutate(Object.fromEntries(changed.map((i) => [i.id, valueOf(i)])), {
      onSuccess: () => notifySuccess('评分已保存'),
      onError: (e) => setSaveError(saveErrorText(e, sheet)),
    });
  };

  const dimensions = [...new Set(sheet.indicators.map((i) => i.dimensionName))];
  const columns: TableColumnsType<Indicator> = [
    {
      title: '考核指标',
      dataIndex: 'name',
      width: 200,
      render: (name: string, i) => (
        <Space direction="vertical" size={2}>
          <Typography.Text strong>{name}</Typography.Text>
          {i.computedFrom === 'arena' && (
            <Tag icon={<TrophyOutlined />} color="gold">
              擂台比武评委打分计算
            </Tag>
          )}
        </Space>
      ),
    },
    { title: '分值', dataIndex: 'maxPoints', width: 70, align: 'center' },
    {
      title: '评分要点与佐证材料',
      key: 'guidance',
      render: (_, i) => (
        <Space direction="vertical" size={4}>
          <Typography.Text>{i.guidance}</Typography.Text>
          {i.evidence.length > 0 && (
            <Space size={[4, 4]} wrap>
              <Typography.Text type="secondary">佐证材料：</Typography.Text>
              {i.evidence.map((e) => (
                <Tag key={e} bordered={false}>
                  {e}
                </Tag>
              ))}
            </Space>
          )}
        </Space>
      ),
    },
    {
      title: '得分',
      key: 'points',
      width: 150,
      render: (_, i) => {
        const input = (
          <ScoreField
            label={`${i.name}得分`}
            indicatorId={i.id}
            maxPoints={i.maxPoints}
            value={i.computedFrom ? scoreText(i.points) : (draft[i.id] ?? '')}
            disabled={locked || i.computedFrom !== null}
            changed={!i.computedFrom && changed.includes(i)}
            onChange={(text) => setDraft((d) => ({ ...d, [i.id]: text }))}
          />
        );
        return i.computedFrom ? <Tooltip title="由部门点评评委在擂台比武中分别打分，去掉最高分和最低分后取平均（五名评委以上）">{input}</Tooltip> : input;
      },
    },
    ...(stage === 'city'
      ? [
          {
            title: '考评材料',
            key: 'files',
            width: 110,
            render: (_: unknown, i: Indicator) => {
              const n = evidenceOf(evidence.data, i.id).length;
              return (
                <Button size="small" icon={<PaperClipOutlined />} onClick={() => setEvidenceFor(i)} data-evidence={i.id}>
                  {n > 0 ? `${n} 份` : evidence.data?.uploadLockReason ? '无' : '上传'}
                </Button>
              );
            },
          },
        ]
      : []),
    {
      title: '填报人',
      key: 'enteredBy',
      width: 150,
      render: (_, i) =>
        i.enteredBy ? (
          <Space direction="vertical" size={0}>
            <span>{i.enteredBy}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.enteredAt ? new Date(i.enteredAt).toLocaleString('zh-CN', { hour12: false }) : ''}
            </Typography.Text>
          </Space>
        ) : (
          <Typography.Text type="secondary">未填报</Typography.Text>
        ),
    },
  ];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <Link to={backTo} aria-label="返回">
              <ArrowLeftOutlined />
            </Link>
            <span>
              {sheet.village.name}（{sheet.village.townName}）· {stageLabels[stage]}评分表
            </span>
          </Space>
        }
        extra={<Link to={`/campaigns/${campaignId}/villages/${villageId}`}>查看本村评星详情</Link>}
      >
        {locked && (
          <Alert
            type="warning"
            showIcon
            icon={<LockOutlined />}
            message="评分表已锁定，不能修改"
            description={sheet.lockReason}
            style={{ marginBottom: 16 }}
            data-testid="sheet-lock"
          />
        )}
        <Row gutter={16}>
          <Col span={8}>
            <Statistic title="当前合计" value={total} precision={2} suffix={`/ ${sheet.maxTotal} 分`} />
          </Col>
          <Col span={8}>
            <Statistic title="已填指标" value={entered} suffix={`/ ${sheet.indicators.length} 项`} />
          </Col>
          <Col span={8}>
            <Typography.Text type="secondary">填报进度</Typography.Text>
            <Progress percent={sheet.indicators.length ? Math.round((entered / sheet.indicators.length) * 100) : 0} />
          </Col>
        </Row>
      </Card>
      {sheet.indicators.length === 0 && (
        <Card>
          <Empty description={`评星标准中没有由${stageLabels[stage]}评分的指标`} />
        </Card>
      )}
      {dimensions.map((dimension) => {
        const rows = sheet.indicators.filter((i) => i.dimensionName === dimension);
        const max = sumOf(rows.map((i) => i.maxPoints));
        const sub = sumOf(rows.map(valueOf));
        return (
          <Card
            key={dimension}
            size="small"
            title={dimension}
            extra={
              <Typography.Text>
                小计 <Typography.Text strong>{sub}</Typography.Text> / {max} 分
              </Typography.Text>
            }
          >
            <Table<Indicator> rowKey="id" size="small" columns={columns} dataSource={rows} pagination={false} />
          </Card>
        );
      })}
      {!locked && sheet.indicators.length > 0 && (
        // Sticky rather than Affix: the save bar stays in reach while scrolling long sheets and
        // still ends up under the last dimension when the page is printed or captured whole.
        <div style={{ position: 'sticky', bottom: 0, zIndex: 10 }}>
          <Card size="small" styles={{ body: { padding: '12px 24px' } }} style={{ boxShadow: '0 -2px 8px rgba(0,0,0,0.08)' }}>
            <Flex justify="space-between" align="center" gap={16}>
              <Space>
                {changed.length > 0 ? <Tag color="orange">有 {changed.length} 项修改未保存</Tag> : <Tag color="green">已全部保存</Tag>}
                {invalid.length > 0 && (
                  <Typography.Text type="danger" data-testid="sheet-invalid">
                    有 {invalid.length} 项得分不符合要求，改正后才能保存
                  </Typography.Text>
                )}
                {saveError && <Typography.Text type="danger">{saveError}</Typography.Text>}
              </Space>
              <Space>
                <Button disabled={changed.length === 0 || save.isPending} onClick={() => setDraft(Object.fromEntries(sheet.indicators.map((i) => [i.id, scoreText(i.points)])))}>
                  撤销修改
                </Button>
                <Button type="primary" icon={<SaveOutlined />} loading={save.isPending} disabled={changed.length === 0 || invalid.length > 0} onClick={submit}>
                  保存评分
                </Button>
              </Space>
            </Flex>
          </Card>
        </div>
      )}
      {evidenceFor && (
        <EvidenceDrawer campaignId={campaignId} villageId={villageId} indicator={evidenceFor} list={evidence.data} onClose={() => setEvidenceFor(null)} />
      )}
    </Space>
  );
}
