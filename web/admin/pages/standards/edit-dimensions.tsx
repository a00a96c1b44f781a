import { useState } from 'react';
import { Button, Card, Col, Input, InputNumber, Row, Select, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Indicator, StageId } from '../../../../shared/standards/standard';
import { Field, NumberField, PathAlert, TextField, useEditor } from './edit-fields';
import { IndicatorDetail } from './edit-indicator-detail';
import { freshId, indicatorSum, moveItem, pathKey, removeAt, usedIds } from './standard-draft';
import { stageLabels } from './standard-words';

export function EditDimensions() {
  const { doc, update, readOnly } = useEditor();
  const addDimension = () => {
    const ids = usedIds(doc);
    const dimId = freshId('dimension', ids);
    const indId = freshId('indicator', [...ids, dimId]);
    const counted = doc.stages.filter((s) => !s.referenceOnly).map((s) => s.id);
    update(['dimensions'], [
      ...doc.dimensions,
      { id: dimId, name: '新维度', maxPoints: 10, indicators: [{ id: indId, name: '新指标', kind: 'scored', maxPoints: 10, stages: counted, guidance: '', evidence: [] }] },
    ]);
  };
  return (
    <>
      <PathAlert path={['dimensions']} />
      {doc.dimensions.map((_, d) => (
        <DimensionCard key={d} index={d} />
      ))}
      {!readOnly && (
        <Button type="dashed" block icon={<PlusOutlined />} onClick={addDimension}>
          添加维度
        </Button>
      )}
    </>
  );
}

function DimensionCard({ index }: { index: number }) {
  const { doc, update, readOnly } = useEditor();
  const dim = doc.dimensions[index];
  if (!dim) return null;
  const sum = indicatorSum(doc, index);
  const mismatch = typeof dim.maxPoints === 'number' && sum !== dim.maxPoints;
  const named = dim.namedStar !== undefined;
  const actions = !readOnly && (
    <Space size={0}>
      <Tooltip title="上移">
        <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={index === 0} onClick={() => update(['dimensions'], moveItem(doc.dimensions, index, index - 1))} aria-label="上移维度" />
      </Tooltip>
      <Tooltip title="下移">
        <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={index === doc.dimensions.length - 1} onClick={() => update(['dimensions'], moveItem(doc.dimensions, index, index + 1))} aria-label="下移维度" />
      </Tooltip>
      <Tooltip title="删除维度及其指标">
        <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={doc.dimensions.length === 1} onClick={() => update(['dimensions'], removeAt(doc.dimensions, index))} aria-label="删除维度" />
      </Tooltip>
    </Space>
  );
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      title={
        <Space>
          <Tag color="red">维度 {index + 1}</Tag>
          <span>{dim.name || '（未命名）'}</span>
          <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
            {dim.indicators.length} 项指标，合计 {sum} 分
          </Typography.Text>
        </Space>
      }
      extra={actions}
      data-testid={`dimension-${dim.id}`}
    >
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <TextField path={['dimensions', index, 'name']} label="维度名称" required ariaLabel={`维度${index + 1}名称`} />
        </Col>
        <Col xs={24} md={5}>
          <TextField path={['dimensions', index, 'id']} label="维度编码" required />
        </Col>
        <Col xs={24} md={5}>
          <NumberField
            path={['dimensions', index, 'maxPoints']}
            label="维度满分"
            required
            min={0}
            ariaLabel={`维度“${dim.name}”满分`}
            extra={
              <span>
                指标合计 {sum} 分
                {mismatch && (
                  <Button type="link" size="small" onClick={() => update(['dimensions', index, 'maxPoints'], sum)}>
                    按合计填入
                  </Button>
                )}
              </span>
            }
          />
        </Col>
        <Col xs={24} md={8}>
          <Typography.Text style={{ display: 'block', paddingBottom: 8 }}>命名星（可选）</Typography.Text>
          <PathAlert path={['dimensions', index, 'namedStar']} />
          <Space wrap align="start">
              <Switch
                checked={named}
                checkedChildren="设命名星"
                unCheckedChildren="无"
                onChange={(on) => update(['dimensions', index, 'namedStar'], on ? { name: `${dim.name}星`, minPoints: Math.round((dim.maxPoints || 0) * 0.8) } : undefined)}
              />
              {named && (
                <>
                  <Field path={['dimensions', index, 'namedStar', 'name']} compact>
                    <Input value={dim.namedStar?.name} style={{ width: 120 }} placeholder="如 支部过硬星" onChange={(e) => update(['dimensions', index, 'namedStar', 'name'], e.target.value)} />
                  </Field>
                  <Field path={['dimensions', index, 'namedStar', 'minPoints']} compact>
                    <InputNumber<number>
                      value={dim.namedStar?.minPoints}
                      min={0}
                      addonBefore="达到"
                      addonAfter="分"
                      style={{ width: 150 }}
                      onChange={(v) => update(['dimensions', index, 'namedStar', 'minPoints'], v)}
                    />
                  </Field>
                </>
              )}
          </Space>
        </Col>
      </Row>
      <IndicatorTable dimension={index} />
    </Card>
  );
}

type Row = { key: number; indicator: Indicator };

const detailFields = ['guidance', 'evidence', 'formula.mapping'];

function IndicatorTable({ dimension }: { dimension: number }) {
  const { doc, update, readOnly, errors } = useEditor();
  const [expanded, setExpanded] = useState<number[]>([]);
  const indicators = doc.dimensions[dimension]?.indicators ?? [];
  const base = ['dimensions', dimension, 'indicators'];
  // A row whose guidance, evidence or mapping has an error opens, so the message is seen.
  const prefix = pathKey(base);
  const errorPaths = [...errors.keys()];
  const forced = indicators.map((_, k) => k).filter((k) => errorPaths.some((p) => detailFields.some((f) => p.startsWith(`${prefix}[${k}].${f}`))));
  const expandedKeys = [...new Set([...expanded, ...forced])];
  const counted = doc.stages.filter((s) => !s.referenceOnly).map((s) => s.id);
  const stageOptions = doc.stages.map((s) => ({ value: s.id, label: `${s.name || stageLabels[s.id]}${s.referenceOnly ? '（参考）' : ''}` }));
  const figureOptions = (doc.figures ?? []).map((f) => ({ value: f.id, label: `${f.name}（${f.id}）` }));

  const setKind = (i: number, ind: Indicator, kind: Indicator['kind']) => {
    if (kind === ind.kind) return;
    const { id, name, maxPoints, guidance, evidence } = ind;
    const common = { id, name, maxPoints, guidance, evidence };
    // Switching kind drops the other kind's fields: the schema rejects unknown keys.
    const next: Indicator =
      kind === 'scored'
        ? { ...common, kind, stages: counted }
        : {
            ...common,
            kind,
            formula: {
              figure: doc.figures?.[0]?.id ?? '',
              mapping: { type: 'piecewise', points: [{ x: 0, points: 0 }, { x: 100, points: typeof maxPoints === 'number' ? maxPoints : 0 }] },
            },
          };
    update([...base, i], next);
  };

  const add = () => {
    const id = freshId('indicator', usedIds(doc));
    update(base, [...indicators, { id, name: '新指标', kind: 'scored', maxPoints: 0, stages: counted, guidance: '', evidence: [] }]);
  };

  const columns: TableColumnsType<Row> = [
    { title: '#', key: 'n', width: 40, render: (_, r) => r.key + 1 },
    {
      title: '指标名称',
      key: 'name',
      render: (_, r) => (
        <Field path={[...base, r.key, 'name']} compact>
          <Input value={r.indicator.name} aria-label={`指标${r.key + 1}名称`} onChange={(e) => update([...base, r.key, 'name'], e.target.value)} />
        </Field>
      ),
    },
    {
      title: '编码',
      key: 'id',
      width: 150,
      render: (_, r) => (
        <Field path={[...base, r.key, 'id']} compact>
          <Input value={r.indicator.id} onChange={(e) => update([...base, r.key, 'id'], e.target.value)} />
        </Field>
      ),
    },
    {
      title: '类型',
      key: 'kind',
      width: 124,
      render: (_, r) => (
        <Select
          value={r.indicator.kind}
          style={{ width: 108 }}
          options={[
            { value: 'scored', label: '评委打分' },
            { value: 'formula', label: '公式计算' },
          ]}
          onChange={(k) => setKind(r.key, r.indicator, k)}
        />
      ),
    },
    {
      title: '分值',
      key: 'maxPoints',
      width: 110,
      render: (_, r) => (
        <Field path={[...base, r.key, 'maxPoints']} compact>
          <InputNumber<number>
            value={r.indicator.maxPoints}
            min={0}
            style={{ width: 94 }}
            aria-label={`指标“${r.indicator.name}”分值`}
            onChange={(v) => update([...base, r.key, 'maxPoints'], v)}
          />
        </Field>
      ),
    },
    {
      title: '评分阶段 / 计算数据',
      key: 'stages',
      width: 340,
      render: (_, r) =>
        r.indicator.kind === 'scored' ? (
          <Field path={[...base, r.key, 'stages']} compact>
            <Select<StageId[]>
              mode="multiple"
              value={r.indicator.stages}
              options={stageOptions}
              style={{ width: '100%' }}
              aria-label={`指标“${r.indicator.name}”评分阶段`}
              onChange={(v) => update([...base, r.key, 'stages'], v)}
            />
          </Field>
        ) : (
          <Field path={[...base, r.key, 'formula', 'figure']} compact>
            <Select<string>
              value={r.indicator.formula.figure || undefined}
              options={figureOptions}
              placeholder="选择数据项"
              style={{ width: '100%' }}
              onChange={(v) => update([...base, r.key, 'formula', 'figure'], v)}
            />
          </Field>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 110,
      render: (_, r) =>
        !readOnly && (
          <Space size={0}>
            <Button type="text" size="small" icon={<ArrowUpOutlined />} disabled={r.key === 0} aria-label="上移指标" onClick={() => update(base, moveItem(indicators, r.key, r.key - 1))} />
            <Button type="text" size="small" icon={<ArrowDownOutlined />} disabled={r.key === indicators.length - 1} aria-label="下移指标" onClick={() => update(base, moveItem(indicators, r.key, r.key + 1))} />
            <Button type="text" size="small" danger icon={<DeleteOutlined />} disabled={indicators.length === 1} aria-label="删除指标" onClick={() => update(base, removeAt(indicators, r.key))} />
          </Space>
        ),
    },
  ];

  return (
    <>
      <PathAlert path={base} />
      <Table<Row>
        size="small"
        bordered
        pagination={false}
        columns={columns}
        dataSource={indicators.map((indicator, key) => ({ key, indicator }))}
        expandable={{
          expandedRowRender: (r) => <IndicatorDetail path={[...base, r.key]} />,
          expandedRowKeys: expandedKeys,
          onExpand: (open, r) => setExpanded((keys) => (open ? [...keys, r.key] : keys.filter((k) => k !== r.key))),
        }}
        footer={
          readOnly
            ? undefined
            : () => (
                <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={add}>
                  添加指标
                </Button>
              )
        }
      />
    </>
  );
}
