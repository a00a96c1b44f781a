import { Card } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { SurveyProgress } from '../../../../../shared/contracts/surveys';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// Screenshots in browser tests must show the finished chart, not a frame of its animation.
const animation = typeof navigator === 'undefined' || !navigator.webdriver;

type Area = { name: string; responseRate: number | null; satisfactionRate: number | null };

function ratesChart(rows: Area[]) {
  return {
    animation,
    tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null || v === undefined ? '—' : `${v}%`) },
    legend: { bottom: 0 },
    grid: { left: 48, right: 24, top: 24, bottom: 56 },
    xAxis: { type: 'category', data: rows.map((r) => r.name), axisLabel: { interval: 0, rotate: rows.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: '回收率', type: 'bar', barMaxWidth: 28, itemStyle: { color: '#1677ff' }, label: { show: rows.length <= 8, position: 'top', formatter: '{c}%' }, data: rows.map((r) => r.responseRate) },
      { name: '满意率', type: 'bar', barMaxWidth: 28, itemStyle: { color: '#c8161d' }, label: { show: rows.length <= 8, position: 'top', formatter: '{c}%' }, data: rows.map((r) => r.satisfactionRate) },
    ],
  };
}

/** The city's towns side by side, and the villages of the chosen town (or all when few). */
export function SurveyCharts({ progress, townId }: { progress: SurveyProgress; townId?: string }) {
  const towns = progress.towns.map((t) => ({ name: t.townName, responseRate: t.responseRate, satisfactionRate: t.satisfactionRate }));
  const villages = progress.villages.filter((v) => !townId || v.townId === townId).map((v) => ({ name: v.villageName, responseRate: v.responseRate, satisfactionRate: v.satisfactionRate }));
  return (
    <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(360px, 1fr))', gap: 16 }}>
      <Card size="small" title="各镇（街道）回收率与满意率" data-testid="survey-town-chart">
        <ReactEChartsCore echarts={echarts} option={ratesChart(towns)} style={{ height: 280 }} notMerge />
      </Card>
      <Card size="small" title={townId ? '本镇各村回收率与满意率' : '各村回收率与满意率'}>
        <ReactEChartsCore echarts={echarts} option={ratesChart(villages)} style={{ height: 280 }} notMerge />
      </Card>
    </div>
  );
}
