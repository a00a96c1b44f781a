import { Button, Card, Col, Row, Select, Space, Switch, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { RankingKey, TownScheme } from '../../../../shared/standards/standard';
import { Field, NumberField, PathAlert, SectionToggle, SelectField, minStarOptions, starOptions, useEditor } from './edit-fields';
import { getIn, moveItem, removeAt, type Path } from './standard-draft';
import { quotaText, rankingKeyText, stageLabels, townLevelText } from './standard-words';

export function EditRanking() {
  return (
    <>
      <Card size="small" title="排名规则（拉榜排名）" style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">
          按下列依据逐项比较，前一项相同再比下一项；全部相同的并列同一名次（下一名次顺延）。被一票否决的村不参加排名。
        </Typography.Paragraph>
        <RankingKeysEditor path={['ranking', 'keys']} />
      </Card>
      <QuotaCard />
      <TownCard />
    </>
  );
}

const keyOptions: { value: RankingKey['key']; label: string }[] = [
  { value: 'stars', label: '星级' },
  { value: 'finalScore', label: '最终得分' },
  { value: 'baseScore', label: '指标得分（未计加减分）' },
  { value: 'stageScore', label: '某阶段得分' },
  { value: 'dimensionScore', label: '某维度得分' },
  { value: 'satisfactionRate', label: '群众满意率' },
  { value: 'name', label: '村名' },
];

function RankingKeysEditor({ path }: { path: Path }) {
  const { doc, update, readOnly } = useEditor();
  const keys = (getIn(doc, path) as RankingKey[] | undefined) ?? [];
  const setKey = (i: number, key: RankingKey['key']) => {
    const next: RankingKey =
      key === 'stageScore'
        ? { key, stage: doc.stages.find((s) => !s.referenceOnly)?.id ?? 'city' }
        : key === 'dimensionScore'
          ? { key, dimension: doc.dimensions[0]?.id ?? '' }
          : { key };
    update([...path, i], next);
  };
  return (
    <>
      <PathAlert path={path} />
      {keys.map((k, i) => (
        <div key={i} style={{ marginBottom: 8 }}>
          <Space wrap align="start">
            <Typography.Text style={{ lineHeight: '32px', width: 24, display: 'inline-block' }}>{i + 1}.</Typography.Text>
            <Field path={[...path, i, 'key']} compact>
              <Select value={k.key} options={keyOptions} style={{ width: 200 }} onChange={(v: RankingKey['key']) => setKey(i, v)} />
            </Field>
            {k.key === 'stageScore' && (
              <SelectField path={[...path, i, 'stage']} options={doc.stages.map((s) => ({ value: s.id, label: stageLabels[s.id] ?? s.id }))} width={140} compact />
            )}
            {k.key === 'dimensionScore' && <SelectField path={[...path, i, 'dimension']} options={doc.dimensions.map((d) => ({ value: d.id, label: d.name }))} width={160} compact />}
            <SelectField
              path={[...path, i, 'direction']}
              options={[
                { value: 'desc', label: k.key === 'name' ? '倒序' : '高者在前' },
                { value: 'asc', label: k.key === 'name' ? '顺序' : '低者在前' },
              ]}
              allowClear
              placeholder={k.key === 'name' ? '顺序（默认）' : '高者在前（默认）'}
              width={170}
              compact
            />
            {!readOnly && (
              <>
                <Button type="text" icon={<ArrowUpOutlined />} disabled={i === 0} aria-label="上移" onClick={() => update(path, moveItem(keys, i, i - 1))} />
                <Button type="text" icon={<ArrowDownOutlined />} disabled={i === keys.length - 1} aria-label="下移" onClick={() => update(path, moveItem(keys, i, i + 1))} />
                <Button type="text" danger icon={<DeleteOutlined />} disabled={keys.length === 1} aria-label="删除排序依据" onClick={() => update(path, removeAt(keys, i))} />
              </>
            )}
            <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
              {rankingKeyText(k, doc)}
            </Typography.Text>
          </Space>
        </div>
      ))}
      {!readOnly && (
        <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => update(path, [...keys, { key: 'finalScore' }])}>
          添加排序依据
        </Button>
      )}
    </>
  );
}

const tieOptions = [
  { value: 'byKeys', label: '按排序键（再按村名）区分' },
  { value: 'allKeep', label: '并列均保留（名额可超出）' },
  { value: 'refer', label: '报部门裁定' },
];

/** Format 2 quotas: about a share (targets), minimum shares at or below a level, and ties at a boundary. */
function QuotaTargets() {
  const { doc, update, readOnly } = useEditor();
  const q = doc.quotas;
  if (!q) return null;
  const targets = q.targets ?? [];
  const shares = q.minimumShares ?? [];
  const setList = (key: 'targets' | 'minimumShares', list: unknown[]) => update(['quotas', key], list.length ? list : undefined);
  return (
    <div style={{ marginTop: 12 }} data-testid="quota-targets">
      <Typography.Text strong>约占比例（四舍五入）</Typography.Text>
      <PathAlert path={['quotas', 'targets']} />
      {targets.map((_, i) => (
        <Space key={i} wrap align="start" style={{ display: 'flex', marginTop: 8 }}>
          <SelectField path={['quotas', 'targets', i, 'stars']} options={starOptions.filter((o) => o.value >= 2)} width={100} compact ariaLabel={`第${i + 1}个约占比例的星级`} />
          <NumberField path={['quotas', 'targets', i, 'targetPercent']} min={0} max={100} addonBefore="约占" addonAfter="%" width={190} compact ariaLabel={`第${i + 1}个约占比例`} />
          {!readOnly && <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除约占比例" onClick={() => setList('targets', removeAt(targets, i))} />}
        </Space>
      ))}
      {!readOnly && (
        <Button type="dashed" size="small" style={{ marginTop: 8 }} icon={<PlusOutlined />} onClick={() => setList('targets', [...targets, { stars: 5, targetPercent: 10 }])}>
          添加约占比例
        </Button>
      )}
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>最低比例（向上取整）</Typography.Text>
      </div>
      <PathAlert path={['quotas', 'minimumShares']} />
      {shares.map((_, i) => (
        <Space key={i} wrap align="start" style={{ display: 'flex', marginTop: 8 }}>
          <SelectField path={['quotas', 'minimumShares', i, 'atMostStars']} options={minStarOptions} width={150} compact ariaLabel={`第${i + 1}个最低比例的星级`} />
          <NumberField path={['quotas', 'minimumShares', i, 'minPercent']} min={0} max={100} addonBefore="及以下至少" addonAfter="%" width={220} compact ariaLabel={`第${i + 1}个最低比例`} />
          {!readOnly && <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除最低比例" onClick={() => setList('minimumShares', removeAt(shares, i))} />}
        </Space>
      ))}
      {!readOnly && (
        <Button type="dashed" size="small" style={{ marginTop: 8 }} icon={<PlusOutlined />} onClick={() => setList('minimumShares', [...shares, { atMostStars: 2, minPercent: 10 }])}>
          添加最低比例
        </Button>
      )}
      <div style={{ marginTop: 12 }}>
        <SelectField path={['quotas', 'ties']} label="名额边界上完全并列时" options={tieOptions} width={260} allowClear placeholder="按排序键（默认）" ariaLabel="并列处理" />
      </div>
    </div>
  );
}

function QuotaCard() {
  const { doc, update, readOnly } = useEditor();
  const q = doc.quotas;
  const v2 = doc.formatVersion === 2;
  return (
    <Card
      size="small"
      title="名额限制"
      style={{ marginBottom: 16 }}
      extra={<SectionToggle path={['quotas']} label="启用名额限制" make={() => ({ scope: 'city', base: 'allVillages', limits: [{ stars: 5, maxPercent: 10 }, { stars: 4, maxPercent: 30 }] })} />}
    >
      {!q ? (
        <Typography.Text type="secondary">未启用：达到条件的村都可评上相应星级。</Typography.Text>
      ) : (
        <>
          <Space wrap>
            <SelectField
              path={['quotas', 'scope']}
              label="范围"
              options={[
                { value: 'city', label: '全市统一' },
                { value: 'town', label: '每个镇（街道）' },
              ]}
              width={160}
            />
            <SelectField
              path={['quotas', 'base']}
              label="比例基数"
              options={[
                { value: 'allVillages', label: '全部村（社区）' },
                { value: 'ratedVillages', label: '未被否决的村' },
              ]}
              width={180}
            />
          </Space>
          <PathAlert path={['quotas', 'limits']} />
          {q.limits.map((_, i) => (
            <Space key={i} wrap align="start" style={{ display: 'flex', marginBottom: 8 }}>
              <SelectField path={['quotas', 'limits', i, 'stars']} options={starOptions.filter((o) => o.value >= 2)} width={100} compact />
              <NumberField path={['quotas', 'limits', i, 'maxPercent']} min={0} max={100} addonBefore="不超过" addonAfter="%" width={190} compact />
              {!readOnly && (q.limits.length > 1 || v2) && (
                <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除限额" onClick={() => update(['quotas', 'limits'], removeAt(q.limits, i))} />
              )}
            </Space>
          ))}
          {!readOnly && (
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => update(['quotas', 'limits'], [...q.limits, { stars: 3, maxPercent: 50 }])}>
              添加限额
            </Button>
          )}
          {v2 && <QuotaTargets />}
          <ul style={{ marginTop: 12, color: 'rgba(0,0,0,0.45)' }}>
            {quotaText(q).map((t) => (
              <li key={t}>{t}</li>
            ))}
          </ul>
          <Space align="center" style={{ marginBottom: 8 }}>
            <Switch
              checked={q.order !== undefined}
              checkedChildren="自定顺序"
              unCheckedChildren="按排名规则"
              onChange={(on) => update(['quotas', 'order'], on ? [{ key: 'finalScore' }] : undefined)}
            />
            <Typography.Text type="secondary">超出名额时谁保留星级</Typography.Text>
          </Space>
          {q.order && <RankingKeysEditor path={['quotas', 'order']} />}
        </>
      )}
    </Card>
  );
}

const defaultTownScheme = (): TownScheme => ({
  ownScoreMax: 100,
  minStars: 1,
  levels: [
    { stars: 5, minOwnScore: 90, minAverageVillageStars: 4 },
    { stars: 4, minOwnScore: 80, minAverageVillageStars: 3.5 },
    { stars: 3, minOwnScore: 70, minShareOfVillages: { atLeastStars: 3, percent: 60 } },
    { stars: 2, minOwnScore: 60 },
  ],
});

function TownCard() {
  const { doc, update, readOnly } = useEditor();
  const t = doc.townScheme;
  const at = (i: number, ...rest: (string | number)[]) => ['townScheme', 'levels', i, ...rest];
  return (
    <Card size="small" title="镇党委星级" extra={<SectionToggle path={['townScheme']} label="启用镇党委评星" make={defaultTownScheme} />}>
      {!t ? (
        <Typography.Text type="secondary">未启用：镇党委不评定星级。</Typography.Text>
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <NumberField path={['townScheme', 'ownScoreMax']} label="镇党委自身考核满分" min={0} addonAfter="分" width={150} />
            </Col>
            <Col xs={24} md={8}>
              <SelectField path={['townScheme', 'minStars']} label="都未达到时评为" options={minStarOptions} width={160} />
            </Col>
            <Col xs={24} md={8}>
              <SelectField path={['townScheme', 'capWhenVillageVetoed']} label="有村被一票否决时最高" options={minStarOptions} allowClear placeholder="不限制" width={160} />
            </Col>
          </Row>
          <PathAlert path={['townScheme', 'levels']} />
          {t.levels.map((level, i) => (
            <div key={i} style={{ marginBottom: 12 }}>
              <PathAlert path={at(i)} />
              <Space wrap align="start">
                <SelectField path={at(i, 'stars')} options={starOptions} width={90} compact />
                <NumberField path={at(i, 'minOwnScore')} optional min={0} addonBefore="自身得分≥" width={180} compact />
                <NumberField path={at(i, 'minAverageVillageStars')} optional min={0} max={5} step={0.5} addonBefore="村平均星级≥" width={190} compact />
                <Switch
                  checked={level.minShareOfVillages !== undefined}
                  checkedChildren="达星村占比"
                  unCheckedChildren="不看占比"
                  onChange={(on) => update(at(i, 'minShareOfVillages'), on ? { atLeastStars: 3, percent: 60 } : undefined)}
                />
                {level.minShareOfVillages && (
                  <>
                    <SelectField path={at(i, 'minShareOfVillages', 'atLeastStars')} options={starOptions} width={90} compact />
                    <NumberField path={at(i, 'minShareOfVillages', 'percent')} min={0} max={100} addonBefore="及以上村占比≥" addonAfter="%" width={230} compact />
                  </>
                )}
                {!readOnly && t.levels.length > 1 && (
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除镇星级" onClick={() => update(['townScheme', 'levels'], removeAt(t.levels, i))} />
                )}
              </Space>
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
                {level.stars} 星：{townLevelText(level)}
              </Typography.Text>
            </div>
          ))}
          {!readOnly && (
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => update(['townScheme', 'levels'], [...t.levels, { stars: 1, minOwnScore: 0 }])}>
              添加一行
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
