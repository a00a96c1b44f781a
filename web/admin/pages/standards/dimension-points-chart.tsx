import * as echarts from 'echarts/core';
import { PieChart } from 'echarts/charts';
import { LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { Dimension } from '../../../../shared/standards/standard';
import { num } from './standard-words';

// Tree-shaken: only the pie, its tooltip/legend and the canvas renderer ship.
echarts.use([PieChart, LegendComponent, TooltipComponent, CanvasRenderer]);

// Screenshots in the browser tests must not catch a chart halfway through its animation.
const animate = typeof navigator === 'undefined' || !navigator.webdriver;

/** How the total splits over the dimensions: the first thing a reader asks of a standard. */
export function DimensionPointsChart({ dimensions, height = 260 }: { dimensions: Dimension[]; height?: number }) {
  const option = {
    animation: animate,
    color: ['#c8161d', '#f5a623', '#1677ff', '#52c41a', '#722ed1', '#13c2c2', '#eb2f96', '#8c8c8c'],
    tooltip: { trigger: 'item', formatter: '{b}：{c} 分（{d}%）' },
    legend: { orient: 'vertical', right: 0, top: 'middle', type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['45%', '75%'],
        center: ['35%', '50%'],
        label: { formatter: '{c}分', fontSize: 12 },
        data: dimensions.map((d) => ({ name: d.name, value: Number(num(d.maxPoints)) })),
      },
    ],
  };
  return <ReactEChartsCore echarts={echarts} option={option} style={{ height }} notMerge />;
}
