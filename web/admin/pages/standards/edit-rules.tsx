import { AutoComplete, Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { VetoEffect, VetoRule } from '../../../../shared/standards/standard';
import { Field, NumberField, PathAlert, SectionToggle, SelectField, TextField, minStarOptions, useEditor } from './edit-fields';
import { freshId, removeAt, usedIds } from './standard-draft';
import { violationCategoryLabels, vetoEffectText } from './standard-words';

const categoryOptions = Object.entries(violationCategoryLabels).map(([value, label]) => ({ value, label: `${value}（${label}）` }));

function effectOf(type: VetoEffect['type']): VetoEffect {
  switch (type) {
    case 'noRating':
      return { type };
    case 'capStars':
      return { type, maxStars: 2 };
    case 'lowerStars':
      return { type, by: 1 };
  }
}

export function EditRules() {
  return (
    <>
      <VetoCard />
      <AdjustmentCard group="bonus" title="加分项" />
      <AdjustmentCard group="deductions" title="扣分项" />
    </>
  );
}

type VetoRow = { key: number; rule: VetoRule };

function VetoCard() {
  const { doc, update, readOnly } = useEditor();
  const rules = doc.vetoes ?? [];
  const at = (k: number, ...rest: (string | number)[]) => ['vetoes', k, ...rest];
  const columns: TableColumnsType<VetoRow> = [
    {
      title: '违规类别',
      key: 'category',
      width: 220,
      render: (_, r) => (
        <Field path={at(r.key, 'category')} compact>
          <AutoComplete
            value={r.rule.category}
            options={categoryOptions}
            style={{ width: 200 }}
            onChange={(v: string) => {
              const label = violationCategoryLabels[v];
              update(['vetoes', r.key], { ...r.rule, category: v, name: r.rule.name || label || '' });
            }}
          />
        </Field>
      ),
    },
    {
      title: '名称',
      key: 'name',
      width: 200,
      render: (_, r) => (
        <Field path={at(r.key, 'name')} compact>
          <Input value={r.rule.name} onChange={(e) => update(at(r.key, 'name'), e.target.value)} />
        </Field>
      ),
    },
    {
      title: '处理方式',
      key: 'effect',
      width: 320,
      render: (_, r) => (
        <Space>
          <Select<VetoEffect['type']>
            value={r.rule.effect.type}
            style={{ width: 130 }}
            options={[
              { value: 'noRating', label: '不予评星' },
              { value: 'capStars', label: '最高星级' },
              { value: 'lowerStars', label: '降低星级' },
            ]}
            onChange={(t) => update(at(r.key, 'effect'), effectOf(t))}
          />
          {r.rule.effect.type === 'capStars' && <SelectField path={at(r.key, 'effect', 'maxStars')} options={minStarOptions} width={150} compact />}
          {r.rule.effect.type === 'lowerStars' && (
            <SelectField path={at(r.key, 'effect', 'by')} options={[1, 2, 3, 4].map((n) => ({ value: n, label: `降 ${n} 星` }))} width={110} compact />
          )}
        </Space>
      ),
    },
    { title: '规则说明', key: 'words', render: (_, r) => <Typography.Text type="secondary">{vetoEffectText(r.rule.effect)}</Typography.Text> },
    {
      title: '操作',
      key: 'actions',
      width: 60,
      render: (_, r) =>
        !readOnly && <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label="删除否决规则" onClick={() => update(['vetoes'], removeAt(rules, r.key))} />,
    },
  ];
  const add = () => {
    const used = new Set(rules.map((r) => r.category));
    const category = Object.keys(violationCategoryLabels).find((c) => !used.has(c)) ?? freshId('category', used);
    update(['vetoes'], [...rules, { category, name: violationCategoryLabels[category] ?? '', effect: { type: 'noRating' } }]);
  };
  return (
    <Card size="small" title="一票否决与降星（按违规类别）" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        纪检、信访等部门确认的违规按类别处理：不予评星、限定最高星级或降低星级；同一类别只能设一条规则，原因记入评定说明。
      </Typography.Paragraph>
      <PathAlert path={['vetoes']} />
      <Table<VetoRow> size="small" bordered pagination={false} columns={columns} dataSource={rules.map((rule, key) => ({ key, rule }))} />
      {!readOnly && (
        <Button type="dashed" size="small" style={{ marginTop: 12 }} icon={<PlusOutlined />} onClick={add}>
          添加规则
        </Button>
      )}
    </Card>
  );
}

type ItemRow = { key: number };

function AdjustmentCard({ group, title }: { group: 'bonus' | 'deductions'; title: string }) {
  const { doc, update, readOnly } = useEditor();
  const value = doc[group];
  const items = value?.items ?? [];
  const at = (k: number, ...rest: (string | number)[]) => [group, 'items', k, ...rest];
  const columns: TableColumnsType<ItemRow> = [
    { title: '项目名称', key: 'name', render: (_, r) => <TextField path={at(r.key, 'name')} compact /> },
    { title: '编码', key: 'id', width: 190, render: (_, r) => <TextField path={at(r.key, 'id')} compact /> },
    { title: '最多（分）', key: 'maxPoints', width: 130, render: (_, r) => <NumberField path={at(r.key, 'maxPoints')} min={0} compact width={110} /> },
    { title: '计分说明', key: 'guidance', render: (_, r) => <TextField path={at(r.key, 'guidance')} compact /> },
    {
      title: '操作',
      key: 'actions',
      width: 60,
      render: (_, r) =>
        !readOnly && <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={`删除${title}`} onClick={() => update([group, 'items'], removeAt(items, r.key))} />,
    },
  ];
  const add = () =>
    update([group, 'items'], [...items, { id: freshId(group === 'bonus' ? 'bonus' : 'deduction', usedIds(doc)), name: `新${title}`, maxPoints: 1, guidance: '' }]);
  return (
    <Card
      size="small"
      title={title}
      style={{ marginBottom: 16 }}
      extra={<SectionToggle path={[group]} label={`启用${title}`} make={() => ({ cap: 5, items: [] })} />}
    >
      {!value ? (
        <Typography.Text type="secondary">未启用。</Typography.Text>
      ) : (
        <>
          <NumberField
            path={[group, 'cap']}
            label={`${title}合计封顶`}
            min={0}
            addonAfter="分"
            width={150}
            extra={group === 'deductions' ? '扣分按正数填写；每项不超过其“最多”分值，合计不超过封顶分' : '每项不超过其“最多”分值，合计不超过封顶分'}
          />
          <PathAlert path={[group, 'items']} />
          <Table<ItemRow> size="small" bordered pagination={false} columns={columns} dataSource={items.map((_, key) => ({ key }))} />
          {!readOnly && (
            <Button type="dashed" size="small" style={{ marginTop: 12 }} icon={<PlusOutlined />} onClick={add}>
              添加{title}
            </Button>
          )}
        </>
      )}
    </Card>
  );
}
