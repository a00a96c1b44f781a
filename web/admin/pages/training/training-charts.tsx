import { Card, Col, Row } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { courseTypeLabels, type CoverageRow, type TrainingOverview } from '../../../../shared/contracts/training';

// Only the pieces drawn here (tree-shaken).
echarts.use([BarChart, LineChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// Screenshots in browser tests must show the finished chart, not a frame of its animation.
const animation = typeof navigator === 'undefined' || !navigator.webdriver;

function coverageChart(rows: CoverageRow[]) {
  return {
    animation,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 56, top: 32, bottom: 56 },
    xAxis: { type: 'category', data: rows.map((t) => t.name), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: [
      { type: 'value', name: '参训率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      { type: 'value', name: '人均学时', minInterval: 1 },
    ],
    series: [
      {
        name: '两委干部参训率',
        type: 'bar',
        barMaxWidth: 36,
        itemStyle: { color: '#c8161d' },
        label: { show: rows.length <= 6, position: 'top', formatter: '{c}%' },
        data: rows.map((t) => t.trainedShare),
      },
      { name: '两委干部人均学时', type: 'line', yAxisIndex: 1, itemStyle: { color: '#faad14' }, data: rows.map((t) => t.hoursPerCadre) },
    ],
  };
}

function courseChart(o: TrainingOverview) {
  const colors: Record<string, string> = { lecture: '#c8161d', mentoring: '#52c41a', tour: '#1677ff' };
  const byType = (['lecture', 'mentoring', 'tour'] as const).map((type) => {
    const rows = o.byCourse.filter((c) => c.courseType === type);
    return { type, attendances: rows.reduce((n, c) => n + c.attendances, 0), hours: rows.reduce((n, c) => n + c.hours, 0) };
  });
  return {
    animation,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 人次（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        name: '参训人次',
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c} 人次' },
        data: byType.filter((t) => t.attendances > 0).map((t) => ({ name: courseTypeLabels[t.type], value: t.attendances, itemStyle: { color: colors[t.type] } })),
      },
    ],
  };
}

/**
 * Coverage and the mix of courses: where people would rather look than read. The city compares
 * its towns; a town (or village) compares its villages.
 */
export function TrainingCharts({ overview, villages }: { overview: TrainingOverview; villages: CoverageRow[] }) {
  const byTown = overview.towns.length > 1;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={14}>
        <Card size="small" title={byTown ? '各镇（街道）两委干部参训率与人均学时' : '各村（社区）两委干部参训率与人均学时'}>
          <ReactEChartsCore echarts={echarts} option={coverageChart(byTown ? overview.towns : villages)} style={{ height: 320 }} notMerge />
        </Card>
      </Col>
      <Col xs={24} xl={10}>
        <Card size="small" title="三门课程参训人次构成">
          <ReactEChartsCore echarts={echarts} option={courseChart(overview)} style={{ height: 320 }} notMerge />
        </Card>
      </Col>
    </Row>
  );
}
