// 数据驾驶舱: charts for a meeting-room screen (full screen at 1920×1080), an image and an A4 PDF for a report.
import { useRef, useState } from 'react';
import { Button, Card, Col, Empty, Result, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { DownloadOutlined, FilePdfOutlined, FullscreenOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import dayjs from 'dayjs';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { Cockpit } from '../../../../shared/contracts/cockpit';
import { campaignStatusLabels } from '../../../../shared/contracts/campaigns';
import { api, errorText } from '../../api/client';
import { notifyError } from '../../components/feedback';
import { PageLoading } from '../../components/page-loading';
import { exportCockpitPdf } from './cockpit-pdf';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);
const animation = typeof navigator === 'undefined' || !navigator.webdriver;
const starNames = ['未评星', '一星', '二星', '三星', '四星', '五星'];

function bars(categories: string[], series: { name: string; data: number[]; color?: string }[], unit = '') {
  return {
    animation,
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 48, right: 24, top: 24, bottom: 48 },
    xAxis: { type: 'category', data: categories, axisLabel: { interval: 0 } },
    yAxis: { type: 'value', max: unit === '%' ? 100 : undefined, axisLabel: { formatter: `{value}${unit}` } },
    series: series.map((s) => ({ type: 'bar', name: s.name, data: s.data, barMaxWidth: 32, itemStyle: s.color ? { color: s.color } : undefined })),
  };
}

/**
 * A chart drawn off screen at the size it takes on the PDF page (in CSS pixels, drawn at twice
 * that), so its labels keep their size on paper whatever the screen was.
 */
function drawChart(option: ReturnType<typeof bars>) {
  return (width: number, height: number) => {
    const chart = echarts.init(document.createElement('div'), undefined, { width, height, renderer: 'canvas' });
    try {
      chart.setOption({ ...option, animation: false });
      return chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    } finally {
      chart.dispose();
    }
  };
}

export function CockpitPage() {
  const { data, isPending, error } = useQuery({ queryKey: ['cockpit'], queryFn: () => api.get<Cockpit>('/cockpit') });
  const screen = useRef<HTMLDivElement>(null);
  const charts = useRef<(ReactEChartsCore | null)[]>([]);
  const [pdfBusy, setPdfBusy] = useState(false);
  if (isPending) return <PageLoading />;
  if (error || !data) return <Result status="warning" title="驾驶舱无法打开" subTitle={errorText(error)} />;

  // One PNG of every chart stacked, drawn from each chart's own canvas (getDataURL).
  const exportImage = async () => {
    const urls = charts.current.flatMap((c) => (c ? [c.getEchartsInstance().getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' })] : []));
    const images = await Promise.all(urls.map((u) => new Promise<HTMLImageElement>((resolve) => { const img = new Image(); img.onload = () => resolve(img); img.src = u; })));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(...images.map((i) => i.width));
    canvas.height = images.reduce((n, i) => n + i.height, 0);
    const g = canvas.getContext('2d');
    let y = 0;
    for (const img of images) { g?.drawImage(img, 0, y); y += img.height; }
    const a = document.createElement('a');
    a.href = canvas.toDataURL('image/png');
    a.download = `${data.scopeName}数据驾驶舱-${data.year}.png`;
    a.click();
  };

  const f = data.fieldwork;
  const title = `${data.scopeName} · 五星创建数据驾驶舱（${data.year} 年）`;
  const stats = [
    { title: '结对覆盖率', value: f.pairingCoverage, suffix: '%' },
    { title: '走访未达频次', value: f.overduePairings, suffix: `/ ${f.pairings} 对` },
    { title: '问题清单', value: f.problemsListed, suffix: '件' },
    { title: '问题销号率', value: f.closureRate, suffix: '%' },
    { title: '承诺事项', value: f.commitmentsMade, suffix: '项' },
    { title: '承诺已兑现', value: f.commitmentsFulfilled, suffix: '项' },
  ];
  const chartTitles = ['本年度评星进度（各镇评分表填报率）', '星级分布：历年对比', '各镇村平均得分（最近一次定星）', '两委干部参训率（各镇）'];
  const chartOptions = [
    data.progress.length
      ? bars(data.progress.map((p) => p.name), [
          { name: '摸底互评', data: data.progress.map((p) => p.mutual), color: '#faad14' },
          { name: '部门点评', data: data.progress.map((p) => p.department), color: '#c8161d' },
          { name: '市级考评', data: data.progress.map((p) => p.city), color: '#1677ff' },
        ], '%')
      : null,
    bars(starNames, data.stars.map((s) => ({ name: `${s.year} 年`, data: s.counts }))),
    bars(data.towns.map((t) => t.name), [{ name: '平均得分', data: data.towns.map((t) => t.value), color: '#c8161d' }]),
    bars(data.training.map((t) => t.name), [{ name: '参训率', data: data.training.map((t) => t.value), color: '#52c41a' }], '%'),
  ];

  // One A4 landscape page: the title, the campaign, the date, the figures and the four charts.
  const exportPdf = async () => {
    setPdfBusy(true);
    const now = dayjs();
    try {
      await exportCockpitPdf({
        title,
        campaign: data.campaign ? `评星年度：${data.campaign.name}（${campaignStatusLabels[data.campaign.status]}）` : '评星年度：暂无进行中的评星年度',
        date: `导出日期：${now.format('YYYY年M月D日')}`,
        stats: stats.map((s) => ({ title: s.title, value: `${s.value} ${s.suffix}` })),
        charts: chartOptions.map((option, i) => ({ title: chartTitles[i] ?? '', draw: option && drawChart(option), empty: '暂无进行中的评星年度' })),
        footer: `五星级乡村党组织创建管理平台 · ${data.scopeName} · 导出于 ${now.format('YYYY-MM-DD HH:mm')}`,
        fileName: `${data.scopeName}数据驾驶舱-${data.year}-${now.format('YYYYMMDD')}.pdf`,
      });
    } catch (e) {
      notifyError(`导出PDF失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setPdfBusy(false);
    }
  };

  const keep = (i: number) => (c: ReactEChartsCore | null) => void (charts.current[i] = c);
  return (
    <div ref={screen} style={{ background: '#f5f5f5', padding: 8 }} data-testid="cockpit">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Card
          title={title}
          extra={
            <Space>
              {data.campaign && <Tag color="red">{data.campaign.name} · {campaignStatusLabels[data.campaign.status]}</Tag>}
              <Button icon={<FullscreenOutlined />} onClick={() => void screen.current?.requestFullscreen()}>全屏</Button>
              <Button icon={<DownloadOutlined />} onClick={() => void exportImage()}>导出图片</Button>
              <Button icon={<FilePdfOutlined />} loading={pdfBusy} onClick={() => void exportPdf()}>导出PDF</Button>
            </Space>
          }
        >
          <Row gutter={16}>
            {stats.map((s) => (
              <Col span={4} key={s.title}><Statistic title={s.title} value={s.value} suffix={s.suffix} /></Col>
            ))}
          </Row>
        </Card>
        <Row gutter={[16, 16]}>
          {chartOptions.map((option, i) => (
            <Col xs={24} xl={12} key={chartTitles[i]}>
              <Card title={chartTitles[i]} size="small">
                {option ? <ReactEChartsCore ref={keep(i)} echarts={echarts} style={{ height: 280 }} option={option} /> : <Empty description="暂无进行中的评星年度" />}
              </Card>
            </Col>
          ))}
          <Col span={24}>
            <Card title="星级升降（最近两次定星）" size="small">
              <Table
                size="small"
                rowKey="villageId"
                dataSource={data.movers}
                pagination={{ pageSize: 6, size: 'small' }}
                locale={{ emptyText: '没有星级变化的村' }}
                columns={[
                  { title: '村（社区）', dataIndex: 'name' },
                  { title: '镇（街道）', dataIndex: 'townName' },
                  { title: '上次', dataIndex: 'before', render: (v: number) => starNames[v] },
                  { title: '本次', dataIndex: 'after', render: (v: number) => starNames[v] },
                  { title: '变化', key: 'delta', render: (_: unknown, m: Cockpit['movers'][number]) => <Typography.Text type={m.after > m.before ? 'success' : 'danger'}>{m.after > m.before ? '↑' : '↓'} {Math.abs(m.after - m.before)} 星</Typography.Text> },
                ]}
              />
            </Card>
          </Col>
        </Row>
      </Space>
    </div>
  );
}
