import { Card, Col, Empty, Row } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { CampaignResults } from '../../../../../shared/contracts/campaigns';

// Only the pieces drawn here, not the whole library (tree-shaken: a fraction of the full bundle).
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

// Screenshots in the browser tests must show the finished chart, not a frame of its animation.
const animation = typeof navigator === 'undefined' || !navigator.webdriver;
const levels = [5, 4, 3, 2, 1] as const;
const levelNames: Record<number, string> = { 5: '五星', 4: '四星', 3: '三星', 2: '二星', 1: '一星', 0: '未定级' };
const levelColors: Record<number, string> = { 5: '#c8161d', 4: '#fa541c', 3: '#faad14', 2: '#91caff', 1: '#bfbfbf', 0: '#f0f0f0' };

type Village = CampaignResults['villages'][number];

/**
 * 星级分布 from the counts per star level; 各镇星级对比 from the whole ranking when it was read
 * (a county's), or a note when the campaign is too large to read whole on this page.
 */
export function ResultsCharts({ byStars, villages }: { byStars: Record<number, number>; villages: Village[] | null }) {
  const counts = byStars;
  const keys = [...levels, ...(counts[0] ? [0] : [])];
  const pie = {
    animation,
    tooltip: { trigger: 'item', formatter: '{b}：{c} 个村（{d}%）' },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        label: { formatter: '{b}\n{c} 个' },
        data: keys.map((k) => ({ name: levelNames[k], value: counts[k] ?? 0, itemStyle: { color: levelColors[k] } })),
      },
    ],
  };

  return (
    <Row gutter={16}>
      <Col xs={24} lg={10}>
        <Card size="small" title="星级分布">
          <ReactEChartsCore echarts={echarts} option={pie} style={{ height: 300 }} notMerge />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title="各镇星级对比">
          {villages ? (
            <ReactEChartsCore echarts={echarts} option={byTownOption(villages, keys)} style={{ height: 300 }} notMerge />
          ) : (
            <Empty style={{ height: 268, paddingTop: 80 }} image={Empty.PRESENTED_IMAGE_SIMPLE} description="参评村较多，请在下方排名中按镇筛选查看各镇情况，或导出排名表" />
          )}
        </Card>
      </Col>
    </Row>
  );
}

function byTownOption(villages: Village[], keys: number[]) {
  const towns = [...new Set(villages.map((v) => v.townName))];
  return {
    animation,
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 56 },
    xAxis: { type: 'category', data: towns },
    yAxis: { type: 'value', name: '村数', minInterval: 1 },
    series: keys.map((k) => ({
      name: levelNames[k],
      type: 'bar',
      stack: 'stars',
      itemStyle: { color: levelColors[k] },
      data: towns.map((t) => villages.filter((v) => v.townName === t && (v.stars ?? 0) === k).length),
    })),
  };
}
