import { Card, Col, Row } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { FieldworkOverview } from '../../../../shared/contracts/fieldwork-overview';

// Only the pieces drawn here (tree-shaken).
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// Screenshots in browser tests must show the finished chart, not a frame of its animation.
const animation = typeof navigator === 'undefined' || !navigator.webdriver;

function leaderChart(o: FieldworkOverview) {
  const leaders = [...o.leaders].reverse();
  return {
    animation,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 72, right: 24, top: 8, bottom: 24 },
    xAxis: { type: 'value', minInterval: 1, name: '次' },
    yAxis: { type: 'category', data: leaders.map((l) => l.name), axisLabel: { fontSize: 11 } },
    series: [
      {
        name: '走访次数',
        type: 'bar',
        barMaxWidth: 14,
        data: leaders.map((l) => ({ value: l.visits, itemStyle: { color: l.overduePairings ? '#fa8c16' : '#c8161d' } })),
        label: { show: true, position: 'right', fontSize: 10 },
      },
    ],
  };
}

function problemChart(o: FieldworkOverview) {
  const rows = o.level === 'city' ? o.towns : o.villages;
  return {
    animation,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 40, right: 48, top: 28, bottom: 64 },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: '件', minInterval: 1 },
      { type: 'value', name: '销号率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      { name: '问题总数', type: 'bar', itemStyle: { color: '#d9d9d9' }, data: rows.map((r) => r.problemsListed) },
      { name: '已销号', type: 'bar', itemStyle: { color: '#c8161d' }, data: rows.map((r) => r.problemsClosed) },
      { name: '销号率', type: 'line', yAxisIndex: 1, itemStyle: { color: '#faad14' }, data: rows.map((r) => r.closureRate) },
    ],
  };
}

function pie(data: { name: string; value: number; color: string }[]) {
  return {
    animation,
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['42%', '68%'],
        center: ['50%', '44%'],
        label: { formatter: '{b}\n{c}' },
        data: data.map((d) => ({ name: d.name, value: d.value, itemStyle: { color: d.color } })),
      },
    ],
  };
}

/** One village: its problem list and its commitments as shares, not a one-bar chart. */
function VillageCharts({ overview }: { overview: FieldworkOverview }) {
  const t = overview.totals;
  const open = t.problemsListed - t.problemsClosed;
  const problems = pie([
    { name: '已销号', value: t.problemsClosed, color: '#c8161d' },
    { name: '办理中', value: open - t.problemsOverdue, color: '#faad14' },
    { name: '逾期未办结', value: t.problemsOverdue, color: '#8c8c8c' },
  ]);
  const commitments = pie([
    { name: '已兑现', value: t.commitmentsFulfilled, color: '#389e0d' },
    { name: '尚未兑现', value: t.commitmentsMade - t.commitmentsFulfilled, color: '#d9d9d9' },
  ]);
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={12}>
        <Card size="small" title="问题清单">
          <ReactEChartsCore echarts={echarts} option={problems} style={{ height: 280 }} notMerge />
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title="为民办实事（年初承诺）">
          <ReactEChartsCore echarts={echarts} option={commitments} style={{ height: 280 }} notMerge />
        </Card>
      </Col>
    </Row>
  );
}

/** Leaders' visits (where people would rather look than read) and problems solved by town or village. */
export function FieldworkCharts({ overview }: { overview: FieldworkOverview }) {
  if (overview.villages.length <= 1) return <VillageCharts overview={overview} />;
  // One leader's own bar says nothing a number would not; the chart compares leaders.
  const showLeaders = overview.leaders.length > 1;
  const height = Math.max(260, overview.leaders.length * 18 + 40);
  return (
    <Row gutter={[16, 16]}>
      {showLeaders && (
        <Col xs={24} xl={10}>
          <Card size="small" title="市级领导走访次数（橙色：有逾期未走访的包保村）">
            <ReactEChartsCore echarts={echarts} option={leaderChart(overview)} style={{ height }} notMerge />
          </Card>
        </Col>
      )}
      <Col xs={24} xl={showLeaders ? 14 : 24}>
        <Card size="small" title={overview.level === 'city' ? '各镇（街道）问题销号情况' : '各村（社区）问题销号情况'}>
          <ReactEChartsCore echarts={echarts} option={problemChart(overview)} style={{ height: showLeaders ? height : 320 }} notMerge />
        </Card>
      </Col>
    </Row>
  );
}
