import { Alert, Button, Card, Result, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ArrowLeftOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { raterFlagKindLabels, type CampaignRaters, type RaterFlagView } from '../../../../../shared/contracts/raters';
import { downloadUrl, errorText } from '../../../api/client';
import { useCampaign } from '../../../api/campaigns-hooks';
import { useCampaignRaters } from '../../../api/raters-hooks';
import { PageLoading } from '../../../components/page-loading';
import { RaterCharts } from './rater-charts';

const kindColors: Record<RaterFlagView['kind'], string> = { reciprocal_leniency: 'magenta', team_leniency: 'red', team_severity: 'blue', outlier_rater: 'orange' };
type Village = RaterFlagView['villages'][number];

function effectText(f: RaterFlagView): string {
  if (f.aspect === 'noise') return `波动 ×${f.effect.toFixed(2)}`;
  return `${f.effect > 0 ? '+' : ''}${f.effect.toFixed(1)} 分`;
}

function VillagesBehind({ flag }: { flag: RaterFlagView }) {
  const judge = flag.kind === 'outlier_rater';
  const columns: TableColumnsType<Village> = [
    { title: '村（社区）', dataIndex: 'villageName' },
    { title: judge ? '该评委打分' : '互评得分', dataIndex: 'score', align: 'right' },
    { title: judge ? '同场其他评委中位数' : '部门点评、市级考评（均值）', dataIndex: 'reference', align: 'right' },
    { title: '差', dataIndex: 'difference', align: 'right', render: (d: number) => <Typography.Text type={Math.abs(d) >= 3 ? 'danger' : undefined}>{d > 0 ? `+${d}` : d}</Typography.Text> },
  ];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {judge ? '擂台比武分按该指标满分折算为百分制。' : '各阶段得分按本阶段指标满分折算为百分制。'}判断门槛：{flag.aspect === 'noise' ? `波动达到全体评委的 ${flag.threshold} 倍` : `${flag.threshold} 分`}。
      </Typography.Text>
      <Table<Village> size="small" rowKey="villageId" columns={columns} dataSource={flag.villages} pagination={false} />
    </Space>
  );
}

function Summary({ data }: { data: CampaignRaters }) {
  const nothing = data.flags.length === 0;
  const judged = data.cells.some((c) => c.bias !== null) || data.judges.some((j) => j.offset !== null);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {nothing && judged && <Alert type="success" showIcon message="没有发现明显偏宽、偏严或离群的评分" description="已有的互评组和评委在判断门槛内；样本不足的未作判断，见下方说明。" />}
      {nothing && !judged && <Alert type="info" showIcon message="暂时无法判断" description="还没有足够的分数可以互相对照：互评组需要部门点评或市级考评的分数，评委需要与另外两名以上评委同场打分。" />}
      {!nothing && <Alert type="warning" showIcon message={`发现 ${data.flags.length} 处需要注意的评分`} description="提示只说明分数与其他阶段或其他评委相比偏离多少，不说明原因；请结合走访、测评和材料核实后再使用前两阶段结果。" />}
      {data.notes.length > 0 && (
        <Alert
          type="info"
          message="未作判断的部分"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {data.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}

/** 评价质量: which stage-1 teams and arena judges sit off the other stages or their panel. */
export function RaterQualityPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  const { data, isPending, error } = useCampaignRaters(id);
  if (isPending) return <PageLoading />;
  if (!data) return <Result status="error" title="无法查看评价质量" subTitle={errorText(error)} extra={<Link to={`/campaigns/${id}`}>返回评星年度</Link>} />;

  const columns: TableColumnsType<RaterFlagView> = [
    { title: '类型', dataIndex: 'kind', width: 130, render: (k: RaterFlagView['kind'], f) => <Tag color={kindColors[k]}>{raterFlagKindLabels[k]}{f.aspect === 'noise' ? '（波动大）' : ''}</Tag> },
    { title: '镇 / 评委', key: 'who', width: 150, render: (_, f) => [...f.unitNames, ...f.raterNames].join('、') },
    { title: '偏差', key: 'effect', width: 110, align: 'right', render: (_, f) => <Typography.Text strong>{effectText(f)}</Typography.Text> },
    { title: '村数', dataIndex: 'n', width: 70, align: 'right' },
    { title: '说明', dataIndex: 'message' },
  ];
  const s = data.scales;
  return (
    <Card
      title={
        <Space>
          <Link to={`/campaigns/${id}`} aria-label="返回评星年度">
            <ArrowLeftOutlined />
          </Link>
          <span>评价质量{campaign.data ? ` · ${campaign.data.name}` : ''}</span>
        </Space>
      }
      extra={
        <Button icon={<FileExcelOutlined />} href={downloadUrl(`/campaigns/${id}/exports/raters.xlsx`)}>
          导出 Excel
        </Button>
      }
    >
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Summary data={data} />
        <RaterCharts data={data} />
        <Table<RaterFlagView>
          rowKey={(f) => `${f.kind}-${f.aspect ?? ''}-${[...f.unitIds, ...f.raterIds].join('-')}`}
          columns={columns}
          dataSource={data.flags}
          pagination={false}
          expandable={{ expandedRowRender: (f) => <VillagesBehind flag={f} />, expandRowByClick: true }}
          locale={{ emptyText: '没有提示' }}
        />
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          方法：互评组看各村互评得分与同村部门点评、市级考评得分之差的中位数（至少 {data.rules.minVillages} 个村），超过 {data.rules.teamFloor} 分且超过 {data.rules.k} 倍标准误才提示
          {s.centred ? `；各互评组共同的偏差 ${s.commonOffset} 分已扣除` : '；互评组不足 6 个，未扣除共同偏差'}。评委看与同场其他评委中位数之差（至少 {data.rules.minJudgeVillages} 个村、每村至少 3 名评委），波动达到全体的 {data.rules.noiseRatio} 倍也提示。
          已计入：互评 {data.counts.mutual} 个村、部门点评 {data.counts.department} 个村、市级考评 {data.counts.city} 个村、擂台比武 {data.counts.arena} 个分数。
        </Typography.Paragraph>
      </Space>
    </Card>
  );
}
