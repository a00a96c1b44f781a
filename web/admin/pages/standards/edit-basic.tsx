import { Button, Card, Checkbox, Col, Input, InputNumber, Row, Select, Switch, Table, Typography } from 'antd';
import { stageKinds, type Standard, type StageId, type StageKind } from '../../../../shared/standards/standard';
import { Field, NumberField, OptionalTextField, PathAlert, TextField, useEditor, useErrorsAt } from './edit-fields';
import { dimensionSum } from './standard-draft';
import { stageLabels, stageOrder } from './standard-words';

type Stage = Standard['stages'][number];

/** The stage kinds in Chinese (format 2: a stage says what it is, whatever its id). */
const kindLabels: Record<StageKind, string> = { self: '村自评', mutual: '摸底互评', town: '镇级审核', department: '部门点评', city: '市级考评', other: '其他' };
/** The stages the app runs: the three of format 1, and a self stage (format 2). */
const appStages: StageId[] = [...stageOrder, 'self'];
const appStageLabel = (id: StageId) => stageLabels[id] ?? kindLabels[id as StageKind] ?? id;

/** Format 2: the version number and each stage's kind (its id names the kind in the stages the app runs). */
export function upgradeDraft(doc: Standard): Standard {
  return { ...doc, formatVersion: 2, stages: doc.stages.map((s) => ({ ...s, kind: s.kind ?? ((stageKinds as readonly string[]).includes(s.id) ? (s.id as StageKind) : 'other') })) };
}

export function EditBasic() {
  const { doc, update } = useEditor();
  const sum = dimensionSum(doc);
  const mismatch = typeof doc.totalMaxScore === 'number' && sum !== doc.totalMaxScore;
  return (
    <>
      <Card size="small" title="基本信息" style={{ marginBottom: 16 }}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <TextField path={['name']} label="标准名称" required ariaLabel="标准名称" />
          </Col>
          <Col xs={24} md={12}>
            <TextField path={['region']} label="适用地区" required ariaLabel="适用地区" />
          </Col>
          <Col xs={24} md={8}>
            <TextField path={['id']} label="标准编码" required extra="字母开头，可含字母、数字、_ - .；同一编码的各版本是一套标准" ariaLabel="标准编码" />
          </Col>
          <Col xs={24} md={8}>
            <TextField path={['version']} label="版本号" required extra="规则有变化时应发布新版本" ariaLabel="版本号" />
          </Col>
          <Col xs={24} md={8}>
            <NumberField path={['year']} label="年度" integer optional min={2000} max={2100} ariaLabel="年度" />
          </Col>
          <Col xs={24} md={8}>
            <FormatVersionField />
          </Col>
          <Col xs={24} md={8}>
            <NumberField
              path={['totalMaxScore']}
              label="总分"
              required
              min={0}
              step={1}
              ariaLabel="总分"
              extra={
                <span>
                  各维度满分合计 {sum} 分
                  {mismatch && (
                    <Button type="link" size="small" onClick={() => update(['totalMaxScore'], sum)}>
                      按合计填入
                    </Button>
                  )}
                </span>
              }
            />
          </Col>
          <Col xs={24} md={16}>
            <OptionalTextField path={['description']} label="说明" textarea placeholder="用一两句话概括本标准的计分与定星办法" />
          </Col>
        </Row>
      </Card>
      <StagesCard />
    </>
  );
}

function FormatVersionField() {
  const { doc, update } = useEditor();
  const v2 = doc.formatVersion === 2;
  return (
    <Field path={['formatVersion']} label="格式版本" extra={v2 ? '格式 2：可设结果名称、约占比例、并列处理、阶段类型和村自评阶段' : '格式 1：三阶逐评；升级到格式 2 后才能使用结果名称、约占比例等'}>
      <Select<number>
        value={v2 ? 2 : 1}
        style={{ width: 200 }}
        aria-label="格式版本"
        options={[
          { value: 1, label: '格式 1' },
          { value: 2, label: '格式 2' },
        ]}
        // Up: each stage gets its kind. Down: the validator names any format-2 field left.
        onChange={(next) => update([], next === 2 ? upgradeDraft(doc) : { ...doc, formatVersion: 1 })}
      />
    </Field>
  );
}

/** The stages the app runs (three, and a self stage in format 2): a standard includes the ones it uses and weighs them. */
function StagesCard() {
  const { doc, update } = useEditor();
  const stages = doc.stages;
  const v2 = doc.formatVersion === 2;
  const counted = stages.filter((s) => !s.referenceOnly).reduce((s, x) => s + (typeof x.weight === 'number' ? x.weight : 0), 0);
  const order = v2 ? appStages : stageOrder;
  const toggle = (id: StageId, on: boolean) => {
    const fresh = (s: StageId): Stage => ({ id: s, name: appStageLabel(s), ...(v2 ? { kind: s as StageKind } : {}), weight: 0, referenceOnly: true });
    const next = on ? order.filter((s) => s === id || stages.some((x) => x.id === s)).map((s) => stages.find((x) => x.id === s) ?? fresh(s)) : stages.filter((x) => x.id !== id);
    update(['stages'], next);
  };
  const rows = order.map((id) => ({ id, index: stages.findIndex((s) => s.id === id) }));
  return (
    <Card size="small" title={v2 ? '评价阶段与权重（计入或仅作参考）' : '评价阶段与权重（三阶逐评）'}>
      <PathAlert path={['stages']} />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        columns={[
          {
            title: '阶段',
            dataIndex: 'id',
            width: 150,
            render: (id: StageId, r) => (
              <Switch
                checked={r.index >= 0}
                checkedChildren={appStageLabel(id)}
                unCheckedChildren={`${appStageLabel(id)}（不采用）`}
                aria-label={`采用${appStageLabel(id)}`}
                onChange={(on) => toggle(id, on)}
              />
            ),
          },
          ...(v2 ? [{ title: '阶段类型', key: 'kind', width: 150, render: (_: unknown, r: { id: StageId; index: number }) => r.index >= 0 && <StageKindField index={r.index} /> }] : []),
          { title: '显示名称', key: 'name', width: 220, render: (_, r) => r.index >= 0 && <StageName index={r.index} /> },
          { title: '权重（%）', key: 'weight', width: 160, render: (_, r) => r.index >= 0 && <StageWeight index={r.index} stage={stages[r.index] as Stage} /> },
          {
            title: '仅作参考',
            key: 'ref',
            render: (_, r) => {
              const stage = stages[r.index];
              if (!stage) return null;
              return (
                <Checkbox
                  checked={stage.referenceOnly === true}
                  onChange={(e) => {
                    const { referenceOnly: _ref, ...rest } = stage;
                    update(['stages', r.index], e.target.checked ? { ...stage, weight: 0, referenceOnly: true } : rest);
                  }}
                >
                  结果只展示、不计入得分（权重为 0）
                </Checkbox>
              );
            },
          },
        ]}
      />
      <Typography.Text type={counted === 100 ? 'secondary' : 'danger'} style={{ display: 'block', marginTop: 8 }}>
        计入得分的阶段权重合计 {counted}%（应为 100%）
      </Typography.Text>
    </Card>
  );
}

function StageKindField({ index }: { index: number }) {
  const { doc, update } = useEditor();
  return (
    <Field path={['stages', index, 'kind']} compact>
      <Select<StageKind>
        value={doc.stages[index]?.kind}
        style={{ width: 130 }}
        aria-label={`${doc.stages[index]?.name ?? ''}阶段类型`}
        options={stageKinds.map((k) => ({ value: k, label: kindLabels[k] }))}
        onChange={(k) => update(['stages', index, 'kind'], k)}
      />
    </Field>
  );
}

function StageName({ index }: { index: number }) {
  const { doc, update } = useEditor();
  const errors = useErrorsAt(['stages', index, 'name']);
  return (
    <Field path={['stages', index, 'name']} compact>
      <Input value={doc.stages[index]?.name ?? ''} status={errors.length ? 'error' : undefined} onChange={(e) => update(['stages', index, 'name'], e.target.value)} />
    </Field>
  );
}

function StageWeight({ index, stage }: { index: number; stage: Stage }) {
  const { update, readOnly } = useEditor();
  return (
    <Field path={['stages', index, 'weight']} compact>
      <InputNumber<number>
        value={stage.weight}
        min={0}
        max={100}
        precision={0}
        disabled={readOnly || stage.referenceOnly === true}
        addonAfter="%"
        style={{ width: 130 }}
        aria-label={`${appStageLabel(stage.id)}权重`}
        onChange={(v) => update(['stages', index, 'weight'], v)}
      />
    </Field>
  );
}
