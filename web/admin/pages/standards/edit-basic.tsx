import { Button, Card, Checkbox, Col, Input, InputNumber, Row, Switch, Table, Typography } from 'antd';
import type { Standard, StageId } from '../../../../shared/standards/standard';
import { Field, NumberField, OptionalTextField, PathAlert, TextField, useEditor, useErrorsAt } from './edit-fields';
import { dimensionSum } from './standard-draft';
import { stageLabels, stageOrder } from './standard-words';

type Stage = Standard['stages'][number];

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

/** The three stages are fixed; a standard includes the ones it uses and weighs them. */
function StagesCard() {
  const { doc, update } = useEditor();
  const stages = doc.stages;
  const counted = stages.filter((s) => !s.referenceOnly).reduce((s, x) => s + (typeof x.weight === 'number' ? x.weight : 0), 0);
  const toggle = (id: StageId, on: boolean) => {
    const next = on
      ? stageOrder.filter((s) => s === id || stages.some((x) => x.id === s)).map((s) => stages.find((x) => x.id === s) ?? { id: s, name: stageLabels[s], weight: 0, referenceOnly: true })
      : stages.filter((x) => x.id !== id);
    update(['stages'], next);
  };
  const rows = stageOrder.map((id) => ({ id, index: stages.findIndex((s) => s.id === id) }));
  return (
    <Card size="small" title="评价阶段与权重（三阶逐评）">
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
              <Switch checked={r.index >= 0} checkedChildren={stageLabels[id]} unCheckedChildren={`${stageLabels[id]}（不采用）`} onChange={(on) => toggle(id, on)} />
            ),
          },
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
                  onChange={(e) => update(['stages', r.index], e.target.checked ? { ...stage, weight: 0, referenceOnly: true } : { id: stage.id, name: stage.name, weight: stage.weight })}
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
        aria-label={`${stageLabels[stage.id] ?? stage.id}权重`}
        onChange={(v) => update(['stages', index, 'weight'], v)}
      />
    </Field>
  );
}
