import { Alert, Button, Card, Input, InputNumber, Select, Space, Switch, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Figure } from '../../../../shared/standards/standard';
import { Field, PathAlert, useEditor } from './edit-fields';
import { freshId, removeAt } from './standard-draft';

type Row = { key: number; figure: Figure };

/** Figures are the numbers villages record; formula indicators and prerequisites refer to them. */
export function EditFigures() {
  const { doc, update, readOnly } = useEditor();
  const figures = doc.figures ?? [];
  const recorded = figures.filter((f) => !f.ratio).map((f) => ({ value: f.id, label: `${f.name}（${f.id}）` }));
  const at = (k: number, ...rest: (string | number)[]) => ['figures', k, ...rest];
  const columns: TableColumnsType<Row> = [
    {
      title: '名称',
      key: 'name',
      width: 200,
      render: (_, r) => (
        <Field path={at(r.key, 'name')} compact>
          <Input value={r.figure.name} onChange={(e) => update(at(r.key, 'name'), e.target.value)} />
        </Field>
      ),
    },
    {
      title: '编码',
      key: 'id',
      width: 190,
      render: (_, r) => (
        <Field path={at(r.key, 'id')} compact>
          <Input value={r.figure.id} onChange={(e) => update(at(r.key, 'id'), e.target.value)} />
        </Field>
      ),
    },
    {
      title: '单位',
      key: 'unit',
      width: 90,
      render: (_, r) => (
        <Field path={at(r.key, 'unit')} compact>
          <Input value={r.figure.unit} onChange={(e) => update(at(r.key, 'unit'), e.target.value)} />
        </Field>
      ),
    },
    {
      title: '由两项数据计算（比率）',
      key: 'ratio',
      render: (_, r) => {
        const ratio = r.figure.ratio;
        return (
          <Space wrap align="start">
            <Switch
              checked={ratio !== undefined}
              checkedChildren="比率"
              unCheckedChildren="填报"
              onChange={(on) => update(at(r.key, 'ratio'), on ? { numerator: recorded[0]?.value ?? '', denominator: recorded[1]?.value ?? '', scale: 100 } : undefined)}
            />
            {ratio && (
              <>
                <Field path={at(r.key, 'ratio', 'numerator')} compact>
                  <Select value={ratio.numerator || undefined} placeholder="分子" options={recorded} style={{ width: 170 }} onChange={(v: string) => update(at(r.key, 'ratio', 'numerator'), v)} />
                </Field>
                <span style={{ lineHeight: '32px' }}>÷</span>
                <Field path={at(r.key, 'ratio', 'denominator')} compact>
                  <Select value={ratio.denominator || undefined} placeholder="分母" options={recorded} style={{ width: 170 }} onChange={(v: string) => update(at(r.key, 'ratio', 'denominator'), v)} />
                </Field>
                <Field path={at(r.key, 'ratio', 'scale')} compact>
                  <InputNumber<number> value={ratio.scale} min={1} precision={0} addonBefore="×" style={{ width: 110 }} onChange={(v) => update(at(r.key, 'ratio', 'scale'), v)} />
                </Field>
                <Field path={at(r.key, 'ratio', 'whenDenominatorZero')} compact>
                  <InputNumber<number>
                    value={ratio.whenDenominatorZero}
                    addonBefore="分母为 0 时取"
                    placeholder="缺失"
                    style={{ width: 200 }}
                    onChange={(v) => update(at(r.key, 'ratio', 'whenDenominatorZero'), v ?? undefined)}
                  />
                </Field>
              </>
            )}
          </Space>
        );
      },
    },
    {
      title: '操作',
      key: 'actions',
      width: 60,
      render: (_, r) =>
        !readOnly && <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label="删除数据项" onClick={() => update(['figures'], removeAt(figures, r.key))} />,
    },
  ];
  const add = () => update(['figures'], [...figures, { id: freshId('figure', figures.map((f) => f.id)), name: '新数据项', unit: '项' }]);
  return (
    <Card size="small" title="数据项（村级填报或系统记录的数据）">
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 12 }}
        message="公式指标和前置条件引用这里的数据项；比率数据项（如销号率 = 已销号数 ÷ 问题数 × 100%）由两项填报数据计算，不需要填报。"
      />
      <PathAlert path={['figures']} />
      <Table<Row> size="small" bordered pagination={false} columns={columns} dataSource={figures.map((figure, key) => ({ key, figure }))} />
      {!readOnly && (
        <Button type="dashed" icon={<PlusOutlined />} style={{ marginTop: 12 }} onClick={add}>
          添加数据项
        </Button>
      )}
    </Card>
  );
}
