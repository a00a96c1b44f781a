import { Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { StarFilled } from '@ant-design/icons';
import type { Dimension, Figure, Indicator, Standard } from '../../../../shared/standards/standard';
import { figureText, mappingText, num, pts, stageLabels } from './standard-words';

const stageColors: Record<string, string> = { mutual: 'blue', department: 'purple', city: 'red' };

/** Dimensions, each expanding to its indicators: points, stages, formula in words, guidance, evidence. */
export function DimensionsTable({ standard }: { standard: Standard }) {
  const columns: TableColumnsType<Dimension> = [
    { title: '维度', dataIndex: 'name', render: (name: string) => <Typography.Text strong>{name}</Typography.Text> },
    { title: '编码', dataIndex: 'id', width: 170, render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
    { title: '满分', dataIndex: 'maxPoints', width: 90, render: (v: number) => pts(v) },
    { title: '指标数', key: 'n', width: 80, render: (_, d) => d.indicators.length },
    {
      title: '命名星',
      key: 'namedStar',
      width: 240,
      render: (_, d) =>
        d.namedStar ? (
          <Space size={4}>
            <StarFilled style={{ color: '#faad14' }} />
            <span>
              {d.namedStar.name}（达到 {pts(d.namedStar.minPoints)}）
            </span>
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];
  return (
    <Table<Dimension>
      rowKey="id"
      size="middle"
      pagination={false}
      columns={columns}
      dataSource={standard.dimensions}
      data-testid="dimensions-table"
      expandable={{
        defaultExpandAllRows: true,
        expandedRowRender: (d) => <IndicatorsTable indicators={d.indicators} figures={standard.figures} standard={standard} />,
      }}
      summary={() => (
        <Table.Summary.Row>
          <Table.Summary.Cell index={0} />
          <Table.Summary.Cell index={1}>
            <Typography.Text strong>合计</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={2} />
          <Table.Summary.Cell index={3}>
            <Typography.Text strong>{pts(standard.totalMaxScore)}</Typography.Text>
          </Table.Summary.Cell>
          <Table.Summary.Cell index={4}>{standard.dimensions.reduce((n, d) => n + d.indicators.length, 0)}</Table.Summary.Cell>
          <Table.Summary.Cell index={5} />
        </Table.Summary.Row>
      )}
    />
  );
}

function IndicatorsTable({ indicators, figures, standard }: { indicators: Indicator[]; figures: Figure[] | undefined; standard: Standard }) {
  const referenceOnly = new Set(standard.stages.filter((s) => s.referenceOnly).map((s) => s.id));
  const columns: TableColumnsType<Indicator> = [
    { title: '指标', dataIndex: 'name', width: 170 },
    { title: '分值', dataIndex: 'maxPoints', width: 70, render: (v: number) => num(v) },
    {
      title: '评分方式',
      key: 'how',
      width: 280,
      render: (_, i) =>
        i.kind === 'scored' ? (
          <Space size={[0, 4]} wrap>
            {i.stages.map((s) => (
              <Tag key={s} color={referenceOnly.has(s) ? 'default' : stageColors[s]}>
                {stageLabels[s]}
                {referenceOnly.has(s) ? '（参考）' : ''}
              </Tag>
            ))}
          </Space>
        ) : (
          <Space direction="vertical" size={2}>
            <Tag color="gold">公式计算</Tag>
            <Typography.Text style={{ fontSize: 13 }}>{mappingText(i.formula.mapping, i.formula.figure, figures)}</Typography.Text>
          </Space>
        ),
    },
    { title: '评分细则', dataIndex: 'guidance', render: (v: string) => v || <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: '佐证材料',
      dataIndex: 'evidence',
      width: 200,
      render: (v: string[]) => (v.length ? v.join('、') : <Typography.Text type="secondary">—</Typography.Text>),
    },
  ];
  return <Table<Indicator> rowKey="id" size="small" bordered pagination={false} columns={columns} dataSource={indicators} />;
}

export function FiguresTable({ figures }: { figures: Figure[] }) {
  return (
    <Table<Figure>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={figures}
      columns={[
        { title: '数据项', dataIndex: 'name', width: 200 },
        { title: '编码', dataIndex: 'id', width: 200, render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
        { title: '单位', dataIndex: 'unit', width: 80 },
        { title: '来源', key: 'source', render: (_, f) => figureText(f, figures) },
      ]}
    />
  );
}
