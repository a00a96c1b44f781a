import { Card, Col, Empty, Row } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { CampaignRaters } from '../../../../../shared/contracts/raters';

echarts.use([HeatmapChart, BarChart, GridComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, CanvasRenderer]);

// Screenshots in the browser tests must show the finished chart, not a frame of its animation.
const animation = typeof navigator === 'undefined' || !navigator.webdriver;

/** Team (rows) × evaluated town (columns): the median gap to the department and city stages. */
function heatmapOption(data: CampaignRaters) {
  const teams = [...new Map(data.cells.map((c) => [c.teamTownId, c.teamTownName])).entries()];
  const towns = data.towns.filter((t) => data.cells.some((c) => c.townId === t.id));
  const limit = Math.max(data.rules.teamFloor * 2, ...data.cells.map((c) => Math.abs(c.bias ?? 0)));
  return {
    animation,
    tooltip: {
      formatter: (p: { data: [number, number, number | null, number] }) => {
        const [x, y, bias, n] = p.data;
        return `${teams[y]?.[1] ?? ''}互评组 → ${towns[x]?.name ?? ''}<br/>${bias === null ? `仅 ${n} 个村可对照，不作判断` : `比对照${bias >= 0 ? '高' : '低'} ${Math.abs(bias).toFixed(1)} 分（${n} 个村）`}`;
      },
    },
    grid: { left: 96, right: 24, top: 16, bottom: 72 },
    xAxis: { type: 'category', data: towns.map((t) => t.name), splitArea: { show: true } },
    yAxis: { type: 'category', data: teams.map(([, name]) => `${name}互评组`), splitArea: { show: true } },
    visualMap: { dimension: 2, min: -limit, max: limit, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#1677ff', '#f5f5f5', '#cf1322'] }, text: ['偏宽', '偏严'] },
    series: [
      {
        type: 'heatmap',
        data: data.cells.map((c) => [towns.findIndex((t) => t.id === c.townId), teams.findIndex(([id]) => id === c.teamTownId), c.bias, c.n]),
        label: { show: true, formatter: (p: { data: [number, number, number | null, number] }) => (p.data[2] === null ? `${p.data[3]}村·样本少` : `${p.data[2] > 0 ? '+' : ''}${p.data[2].toFixed(1)}`) },
      },
    ],
  };
}

/** Each judge's median gap to the other judges on the same villages, with the floor marked. */
function judgesOption(data: CampaignRaters) {
  const judges = data.judges.filter((j) => j.offset !== null);
  const floor = data.rules.judgeFloor;
  return {
    animation,
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const j = judges[ps[0]?.dataIndex ?? 0];
        return j ? `${j.name}<br/>与同场中位数差 ${j.offset} 分（${j.n} 个村）<br/>波动 ${j.spread} 分，是全体的 ${j.noiseRatio} 倍` : '';
      },
    },
    grid: { left: 96, right: 24, top: 16, bottom: 32 },
    xAxis: { type: 'value', name: '分', axisLabel: { formatter: '{value}' } },
    yAxis: { type: 'category', data: judges.map((j) => j.name) },
    series: [
      {
        type: 'bar',
        data: judges.map((j) => ({ value: j.offset, itemStyle: { color: Math.abs(j.offset ?? 0) > floor || (j.noiseRatio ?? 0) >= data.rules.noiseRatio ? '#cf1322' : '#8c8c8c' } })),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => `×${judges[p.dataIndex]?.noiseRatio ?? ''}` },
        markLine: { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#faad14' }, data: [{ xAxis: -floor }, { xAxis: floor }], label: { formatter: '±{c}' } },
      },
    ],
  };
}

export function RaterCharts({ data }: { data: CampaignRaters }) {
  const judged = data.judges.filter((j) => j.offset !== null);
  return (
    <Row gutter={16}>
      <Col xs={24} xl={12}>
        <Card size="small" title="互评组 × 被评镇：比部门点评、市级考评高（红）或低（蓝）的分数">
          {data.cells.length ? <ReactEChartsCore echarts={echarts} option={heatmapOption(data)} style={{ height: 320 }} notMerge /> : <Empty description="尚无可对照的互评分数" />}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title="擂台比武评委：与同场其他评委中位数的差（×后为波动倍数）">
          {judged.length ? <ReactEChartsCore echarts={echarts} option={judgesOption(data)} style={{ height: Math.max(200, 40 + judged.length * 28) }} notMerge /> : <Empty description="尚无足够的擂台比武打分" />}
        </Card>
      </Col>
    </Row>
  );
}
