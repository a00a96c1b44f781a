import { Alert, Button, Col, InputNumber, Radio, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { FormulaMapping, Indicator } from '../../../../shared/standards/standard';
import { Field, NumberField, PathAlert, TextField, useEditor } from './edit-fields';
import { getIn, removeAt, type Path } from './standard-draft';
import { mappingText } from './standard-words';

/** The expanded row of an indicator: guidance, evidence and, for formula indicators, the mapping. */
export function IndicatorDetail({ path }: { path: Path }) {
  const { doc, update } = useEditor();
  const indicator = getIn(doc, path) as Indicator | undefined;
  if (!indicator) return null;
  return (
    <Row gutter={24} style={{ padding: '4px 8px' }}>
      <Col xs={24} lg={indicator.kind === 'formula' ? 10 : 14}>
        <TextField path={[...path, 'guidance']} label="评分细则" textarea placeholder="评委据此打分的具体要求" />
      </Col>
      <Col xs={24} lg={indicator.kind === 'formula' ? 6 : 10}>
        <Field path={[...path, 'evidence']} label="佐证材料" extra="输入后回车添加一项">
          <Select<string[]>
            mode="tags"
            value={Array.isArray(indicator.evidence) ? indicator.evidence : []}
            open={false}
            tokenSeparators={['、', '，', ',']}
            placeholder="如 会议记录、台账"
            onChange={(v) => update([...path, 'evidence'], v)}
          />
        </Field>
      </Col>
      {indicator.kind === 'formula' && (
        <Col xs={24} lg={8}>
          <MappingEditor path={[...path, 'formula', 'mapping']} figure={indicator.formula.figure} maxPoints={indicator.maxPoints} />
        </Col>
      )}
    </Row>
  );
}

function MappingEditor({ path, figure, maxPoints }: { path: Path; figure: string; maxPoints: number }) {
  const { doc, update, readOnly } = useEditor();
  const mapping = getIn(doc, path) as FormulaMapping;
  const setType = (type: FormulaMapping['type']) => {
    if (type === mapping.type) return;
    update(
      path,
      type === 'piecewise'
        ? { type, points: [{ x: 0, points: 0 }, { x: 100, points: maxPoints }] }
        : { type, steps: [{ min: 100, points: maxPoints }, { min: 80, points: Math.round(maxPoints * 0.6 * 100) / 100 }], otherwise: 0 },
    );
  };
  const rowsKey = mapping.type === 'piecewise' ? 'points' : 'steps';
  const rows = (mapping.type === 'piecewise' ? mapping.points : mapping.steps) as Record<string, number>[];
  const xKey = mapping.type === 'piecewise' ? 'x' : 'min';
  const add = () => {
    const last = rows[rows.length - 1];
    const next = mapping.type === 'piecewise' ? { x: (last?.x ?? 0) + 10, points: maxPoints } : { min: Math.max(0, (last?.min ?? 100) - 10), points: 0 };
    update([...path, rowsKey], [...rows, next]);
  };
  return (
    <div>
      <Typography.Text strong>计分方式</Typography.Text>
      <PathAlert path={path} />
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        <Radio.Group value={mapping.type} onChange={(e) => setType(e.target.value as FormulaMapping['type'])} optionType="button" size="small">
          <Radio.Button value="piecewise">线性折算</Radio.Button>
          <Radio.Button value="steps">分档计分</Radio.Button>
        </Radio.Group>
        <PathAlert path={[...path, rowsKey]} />
        {rows.map((row, k) => (
          <Space key={k} align="start">
            <Field path={[...path, rowsKey, k, xKey]} compact>
              <InputNumber<number>
                value={row[xKey]}
                addonBefore={mapping.type === 'piecewise' ? '数值' : '达到'}
                style={{ width: 150 }}
                onChange={(v) => update([...path, rowsKey, k, xKey], v)}
              />
            </Field>
            <Field path={[...path, rowsKey, k, 'points']} compact>
              <InputNumber<number> value={row.points} min={0} addonBefore="得" addonAfter="分" style={{ width: 140 }} onChange={(v) => update([...path, rowsKey, k, 'points'], v)} />
            </Field>
            {!readOnly && rows.length > 1 && (
              <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label="删除计分点" onClick={() => update([...path, rowsKey], removeAt(rows, k))} />
            )}
          </Space>
        ))}
        {!readOnly && (
          <Button size="small" type="dashed" icon={<PlusOutlined />} onClick={add}>
            {mapping.type === 'piecewise' ? '添加计分点' : '添加分档'}
          </Button>
        )}
        {mapping.type === 'steps' && <NumberField path={[...path, 'otherwise']} label="未达到任何分档得分" optional min={0} compact />}
        <MappingPreview mapping={mapping} figure={figure} />
      </Space>
    </div>
  );
}

function MappingPreview({ mapping, figure }: { mapping: FormulaMapping; figure: string }) {
  const { doc } = useEditor();
  try {
    return <Alert type="info" message={mappingText(mapping, figure, doc.figures)} />;
  } catch {
    // A half-typed mapping may have no rows yet; the validation list says what is missing.
    return <Typography.Text type="secondary">计分方式尚不完整</Typography.Text>;
  }
}
