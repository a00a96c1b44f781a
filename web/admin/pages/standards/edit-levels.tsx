import { Alert, Button, Card, Col, Radio, Row, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { LevelScheme, Prerequisite, Standard } from '../../../../shared/standards/standard';
import { NumberField, PathAlert, SectionToggle, SelectField, TextField, minStarOptions, starOptions, useEditor } from './edit-fields';
import { removeAt } from './standard-draft';
import { namedStarLevelText, prerequisiteText, satisfactionCapText } from './standard-words';

function defaultScheme(type: LevelScheme['type'], doc: Standard): LevelScheme {
  const total = typeof doc.totalMaxScore === 'number' ? doc.totalMaxScore : 100;
  const at = (share: number) => Math.round(total * share * 100) / 100;
  if (type === 'thresholds') {
    return { type, minStars: 1, thresholds: [5, 4, 3, 2].map((stars, i) => ({ stars, minScore: at(0.9 - i * 0.1) })) };
  }
  const n = doc.dimensions.length;
  return {
    type,
    minStars: 1,
    levels: [
      { stars: 5, minNamedStars: n, minScore: at(0.9) },
      { stars: 4, minNamedStars: Math.max(n - 1, 0), minScore: at(0.8) },
      { stars: 3, minNamedStars: Math.max(n - 2, 0), minScore: at(0.7) },
      { stars: 2, minNamedStars: Math.min(1, n), minScore: at(0.6) },
    ],
  };
}

export function EditLevels() {
  return (
    <>
      <LevelSchemeCard />
      <OutcomesCard />
      <PrerequisitesCard />
      <SatisfactionCard />
    </>
  );
}

function LevelSchemeCard() {
  const { doc, update, readOnly } = useEditor();
  const scheme = doc.levelScheme;
  const rowsKey = scheme.type === 'thresholds' ? 'thresholds' : 'levels';
  const rows = (scheme.type === 'thresholds' ? scheme.thresholds : scheme.levels) as object[];
  const base = ['levelScheme', rowsKey];
  const dimensionOptions = doc.dimensions.map((d) => ({ value: d.id, label: d.namedStar?.name ?? d.name }));
  const addRow = () => {
    const last = rows[rows.length - 1] as { stars?: number; minScore?: number } | undefined;
    const stars = Math.max(1, (last?.stars ?? 3) - 1);
    update(base, [...rows, scheme.type === 'thresholds' ? { stars, minScore: Math.max(0, (last?.minScore ?? 70) - 10) } : { stars, minNamedStars: 1 }]);
  };
  return (
    <Card size="small" title="定级方案" style={{ marginBottom: 16 }}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Radio.Group value={scheme.type} optionType="button" onChange={(e) => update(['levelScheme'], defaultScheme(e.target.value as LevelScheme['type'], doc))}>
          <Radio.Button value="thresholds">按总分定星（分数门槛）</Radio.Button>
          <Radio.Button value="namedStars">按命名星定星</Radio.Button>
        </Radio.Group>
        <Typography.Text type="secondary">
          {scheme.type === 'thresholds'
            ? '从高到低逐行比较，最终得分达到哪一行的最低分即评为该星级；都未达到的评为“最低星级”。'
            : '每个维度得分达到其命名星分数即获得该命名星；从高到低逐行比较，条件全部满足即评为该星级。各维度须在“维度与指标”中设置命名星。'}
        </Typography.Text>
        <PathAlert path={['levelScheme']} />
        <PathAlert path={base} />
        {rows.map((_, i) => (
          <div key={i}>
            <PathAlert path={[...base, i]} />
            <Space wrap align="start">
              <SelectField path={[...base, i, 'stars']} options={starOptions} width={100} compact ariaLabel={`第${i + 1}行星级`} />
              {scheme.type === 'thresholds' ? (
                <NumberField path={[...base, i, 'minScore']} min={0} compact addonAfter="分及以上" width={180} ariaLabel={`第${i + 1}行最低分`} />
              ) : (
                <>
                  <NumberField path={[...base, i, 'minNamedStars']} min={0} integer compact addonAfter="颗命名星及以上" width={200} />
                  <NumberField path={[...base, i, 'minScore']} min={0} optional compact addonAfter="分及以上（可空）" width={220} />
                  <SelectField path={[...base, i, 'requiredDimensions']} mode="multiple" options={dimensionOptions} width={260} placeholder="必含的命名星（可空）" compact />
                </>
              )}
              {!readOnly && rows.length > 1 && <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除此行" onClick={() => update(base, removeAt(rows, i))} />}
            </Space>
            {scheme.type === 'namedStars' && scheme.levels[i] && (
              <Typography.Text type="secondary" style={{ display: 'block', margin: '4px 0 8px' }}>
                {scheme.levels[i].stars} 星：{namedStarLevelText(scheme.levels[i], doc)}
              </Typography.Text>
            )}
          </div>
        ))}
        {!readOnly && (
          <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={addRow}>
            添加一行
          </Button>
        )}
        <SelectField path={['levelScheme', 'minStars']} label="都未达到时评为" options={minStarOptions} width={160} />
      </Space>
    </Card>
  );
}

const outcomeStarOptions = [5, 4, 3, 2, 1, 0].map((s) => ({ value: s, label: s === 0 ? '0 星（未达标）' : `${s} 星` }));

/** Format 2: a name for each level's outcome (达标 / 和美家园 …), shown beside or instead of the stars. */
function OutcomesCard() {
  const { doc, update, readOnly } = useEditor();
  const o = doc.outcomes;
  const labels = o?.labels ?? [];
  const make = () => ({
    display: 'starsAndLabels',
    labels: [5, 4, 3, 2, 1].map((stars) => ({ stars, label: `${['', '一', '二', '三', '四', '五'][stars]}星村` })),
  });
  return (
    <Card size="small" title="结果名称（格式 2）" style={{ marginBottom: 16 }} extra={<SectionToggle path={['outcomes']} label="启用结果名称" make={make} />}>
      {!o ? (
        <Typography.Text type="secondary">未启用：结果只显示星级。启用后每个星级可起一个名称（如 达标、和美家园、未达标），排名和公示显示名称。</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {doc.formatVersion !== 2 && <Alert type="warning" showIcon message="结果名称须用格式 2：请在“基本信息与阶段”中把格式版本改为格式 2" />}
          <SelectField
            path={['outcomes', 'display']}
            label="显示方式"
            options={[
              { value: 'starsAndLabels', label: '星级和名称都显示' },
              { value: 'labels', label: '只显示名称' },
            ]}
            width={200}
            ariaLabel="结果显示方式"
          />
          <PathAlert path={['outcomes', 'labels']} />
          {labels.map((_, i) => (
            <Space key={i} wrap align="start">
              <SelectField path={['outcomes', 'labels', i, 'stars']} options={outcomeStarOptions} width={140} compact ariaLabel={`第${i + 1}个名称的星级`} />
              <TextField path={['outcomes', 'labels', i, 'label']} placeholder="名称，如 和美家园" width={200} compact ariaLabel={`第${i + 1}个结果名称`} />
              {!readOnly && labels.length > 1 && <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除此名称" onClick={() => update(['outcomes', 'labels'], removeAt(labels, i))} />}
            </Space>
          ))}
          {!readOnly && (
            <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => update(['outcomes', 'labels'], [...labels, { stars: 0, label: '未达标' }])}>
              添加名称
            </Button>
          )}
          <Typography.Text type="secondary">每个可能评到的星级都须有名称；星级的分数门槛或命名星条件在上方“定级方案”中设置，各星级所占比例在“排名、名额与镇星级”中设置。</Typography.Text>
        </Space>
      )}
    </Card>
  );
}

function PrerequisitesCard() {
  const { doc, update, readOnly } = useEditor();
  const list = doc.prerequisites ?? [];
  const figureOptions = (doc.figures ?? []).map((f) => ({ value: f.id, label: f.name }));
  const setType = (i: number, p: Prerequisite, type: Prerequisite['type']) => {
    if (type === p.type) return;
    update(['prerequisites', i], type === 'lastYearStars' ? { type, stars: p.stars, minStars: 4 } : { type, stars: p.stars, figure: doc.figures?.[0]?.id ?? '', min: 1 });
  };
  return (
    <Card size="small" title="升星前置条件" style={{ marginBottom: 16 }}>
      <PathAlert path={['prerequisites']} />
      {list.length === 0 && <Typography.Text type="secondary">未设置：任何星级都只看得分与规则。</Typography.Text>}
      {list.map((p, i) => (
        <div key={i} style={{ marginBottom: 12 }}>
          <Space wrap align="start">
            <SelectField path={['prerequisites', i, 'stars']} options={starOptions.filter((o) => o.value >= 2)} width={100} compact ariaLabel="要求的星级" />
            <Radio.Group value={p.type} optionType="button" size="middle" onChange={(e) => setType(i, p, e.target.value as Prerequisite['type'])}>
              <Radio.Button value="lastYearStars">上年星级</Radio.Button>
              <Radio.Button value="figure">数据条件</Radio.Button>
            </Radio.Group>
            {p.type === 'lastYearStars' ? (
              <>
                <SelectField path={['prerequisites', i, 'minStars']} options={starOptions} width={130} compact ariaLabel="上年至少" />
                <SelectField
                  path={['prerequisites', i, 'whenUnknown']}
                  options={[
                    { value: 'unmet', label: '上年不详视为不满足' },
                    { value: 'met', label: '上年不详视为满足' },
                  ]}
                  width={190}
                  allowClear
                  placeholder="上年不详视为不满足"
                  compact
                />
              </>
            ) : (
              <>
                <SelectField path={['prerequisites', i, 'figure']} options={figureOptions} width={200} placeholder="数据项" compact />
                <NumberField path={['prerequisites', i, 'min']} addonAfter="及以上" compact width={150} />
                <TextField path={['prerequisites', i, 'description']} placeholder="说明，如 有创新项目" compact width={200} />
              </>
            )}
            {!readOnly && <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除前置条件" onClick={() => update(['prerequisites'], removeAt(list, i))} />}
          </Space>
          <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
            {prerequisiteText(p, doc.figures)}
          </Typography.Text>
        </div>
      ))}
      {!readOnly && (
        <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => update(['prerequisites'], [...list, { type: 'lastYearStars', stars: 5, minStars: 4 }])}>
          添加前置条件
        </Button>
      )}
    </Card>
  );
}

function SatisfactionCard() {
  const { doc, update, readOnly } = useEditor();
  const s = doc.satisfaction;
  const caps = s?.caps ?? [];
  return (
    <Card size="small" title="群众满意度" extra={<SectionToggle path={['satisfaction']} label="启用群众满意度" make={() => ({ weightPercent: 0, caps: [{ belowPercent: 60, maxStars: 2 }] })} />}>
      {!s ? (
        <Typography.Text type="secondary">未启用：群众满意度不影响得分和星级。</Typography.Text>
      ) : (
        <>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <NumberField path={['satisfaction', 'weightPercent']} label="计入最终得分的权重" integer min={0} max={100} addonAfter="%" width={140} extra="0 表示不计入得分，只用于封顶" />
            </Col>
            <Col xs={24} md={8}>
              <NumberField path={['satisfaction', 'basicallySatisfiedCredit']} label="“基本满意”按满意折算" integer optional min={0} max={100} addonAfter="%" width={140} extra="默认 100%" />
            </Col>
            <Col xs={24} md={8}>
              <NumberField path={['satisfaction', 'minSampleSize']} label="最少有效样本" integer optional min={1} addonAfter="份" width={140} />
            </Col>
          </Row>
          {s.weightPercent > 0 && (
            <Alert
              type="info"
              style={{ marginBottom: 12 }}
              message={`最终得分 = 指标得分 × ${100 - s.weightPercent}% + 满意率 × 总分 × ${s.weightPercent}%`}
            />
          )}
          <Typography.Text strong>星级封顶</Typography.Text>
          <PathAlert path={['satisfaction', 'caps']} />
          {caps.map((cap, i) => (
            <div key={i} style={{ marginTop: 8 }}>
              <Space wrap align="start">
                <NumberField path={['satisfaction', 'caps', i, 'belowPercent']} min={0} max={100} addonBefore="满意率低于" addonAfter="%" width={200} compact />
                <SelectField path={['satisfaction', 'caps', i, 'maxStars']} options={minStarOptions} width={150} compact />
                {!readOnly && <Button type="text" danger icon={<DeleteOutlined />} aria-label="删除封顶规则" onClick={() => update(['satisfaction', 'caps'], removeAt(caps, i))} />}
                <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
                  {satisfactionCapText(cap)}
                </Typography.Text>
              </Space>
            </div>
          ))}
          {!readOnly && (
            <Button type="dashed" size="small" style={{ marginTop: 8 }} icon={<PlusOutlined />} onClick={() => update(['satisfaction', 'caps'], [...caps, { belowPercent: 60, maxStars: 2 }])}>
              添加封顶规则
            </Button>
          )}
          {s.weightPercent === 0 && caps.length === 0 && <Typography.Text type="secondary"> 权重为 0 且无封顶规则时，满意度只作展示。</Typography.Text>}
        </>
      )}
    </Card>
  );
}
