import { useState } from 'react';
import { Button, Card, Col, Descriptions, Result, Row, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, CopyOutlined, EditOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Standard } from '../../../../shared/standards/standard';
import { standardExportJsonUrl, standardIndicatorsUrl, useImportIndicators, useStandard } from '../../api/standards-hooks';
import { useSession } from '../../auth/session';
import { ImportExcelButton } from '../../components/import-excel';
import { PageLoading } from '../../components/page-loading';
import { useCrumbName } from '../../layout/crumb-names';
import { DimensionPointsChart } from './dimension-points-chart';
import { StandardCloneModal } from './standard-clone-modal';
import { DimensionsTable, FiguresTable } from './standard-view-dimensions';
import {
  AdjustmentsView,
  LevelSchemeView,
  PrerequisitesView,
  RankingView,
  RuleCard,
  SatisfactionView,
  TownSchemeView,
  VetoesView,
} from './standard-view-rules';
import { LockTag } from './lock-tag';
import { num, stageLabels } from './standard-words';

/** The whole standard in Chinese, section by section, readable without its JSON. */
export function StandardViewPage() {
  const { id = '' } = useParams<{ id: string }>();
  const { can } = useSession();
  const navigate = useNavigate();
  const standard = useStandard(id);
  useCrumbName('standard', id, standard.data?.name);
  const importIndicators = useImportIndicators(id);
  const [cloning, setCloning] = useState(false);
  if (standard.isPending) return <PageLoading />;
  if (!standard.data) return <Result status="404" title="评星标准不存在" extra={<Link to="/standards">返回标准列表</Link>} />;
  const s = standard.data;
  const doc = s.document as Standard;
  const writable = can('standard:write');

  const extra = (
    <Space wrap>
      {writable && (
        <>
          <Tooltip title={s.locked ? `已锁定：${s.lockedReason ?? ''}，请复制为新版本后修改` : undefined}>
            <Button type="primary" icon={<EditOutlined />} disabled={s.locked} onClick={() => navigate(`/standards/${s.id}/edit`)}>
              编辑
            </Button>
          </Tooltip>
          <Button icon={<CopyOutlined />} onClick={() => setCloning(true)}>
            复制为新版本
          </Button>
        </>
      )}
      <Button icon={<FileTextOutlined />} href={standardExportJsonUrl(s.id)}>
        导出 JSON
      </Button>
      <Button icon={<FileExcelOutlined />} href={standardIndicatorsUrl(s.id)}>
        导出指标表
      </Button>
      {writable && !s.locked && <ImportExcelButton subject="指标表" templateUrl={standardIndicatorsUrl(s.id)} upload={importIndicators.mutateAsync} />}
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/standards')}>
        返回列表
      </Button>
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="standard-view">
      <Card title={s.name} extra={extra}>
        <Descriptions bordered size="small" column={{ xs: 1, md: 2, xl: 3 }}>
          <Descriptions.Item label="标准编码">
            <Typography.Text code>{s.code}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label="版本">{s.version}</Descriptions.Item>
          <Descriptions.Item label="状态">
            <Space>
              <LockTag standard={s} />
              {s.locked && <Typography.Text type="secondary">{s.lockedReason}</Typography.Text>}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label="适用地区">{s.region}</Descriptions.Item>
          <Descriptions.Item label="年度">{s.year ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="总分">{num(s.totalMaxScore)} 分</Descriptions.Item>
          <Descriptions.Item label="维度 / 指标">
            {s.dimensionCount} 个维度 / {s.indicatorCount} 项指标
          </Descriptions.Item>
          <Descriptions.Item label="更新时间">{dayjs(s.updatedAt).format('YYYY-MM-DD HH:mm')}</Descriptions.Item>
          <Descriptions.Item label="来源">{s.clonedFrom ? <Link to={`/standards/${s.clonedFrom}`}>复制自上一版本</Link> : '—'}</Descriptions.Item>
          {doc.description && (
            <Descriptions.Item label="说明" span={3}>
              {doc.description}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>

      <Row gutter={16}>
        <Col xs={24} lg={13}>
          <RuleCard title="评价阶段与权重（三阶逐评）">
            <StagesTable standard={doc} />
          </RuleCard>
        </Col>
        <Col xs={24} lg={11}>
          <RuleCard title="各维度分值">
            <DimensionPointsChart dimensions={doc.dimensions} height={220} />
          </RuleCard>
        </Col>
      </Row>

      <RuleCard title="维度与指标">
        <DimensionsTable standard={doc} />
      </RuleCard>
      {doc.figures && doc.figures.length > 0 && (
        <RuleCard title="数据项（公式指标与前置条件引用）">
          <FiguresTable figures={doc.figures} />
        </RuleCard>
      )}

      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <RuleCard title="定星规则">
              <LevelSchemeView standard={doc} />
            </RuleCard>
            <RuleCard title="升星前置条件">
              <PrerequisitesView standard={doc} />
            </RuleCard>
            <RuleCard title="群众满意度">
              <SatisfactionView standard={doc} />
            </RuleCard>
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <RuleCard title="一票否决与降星" id="vetoes">
              <VetoesView standard={doc} />
            </RuleCard>
            <RuleCard title="加分项">
              <AdjustmentsView standard={doc} group="bonus" />
            </RuleCard>
            <RuleCard title="扣分项">
              <AdjustmentsView standard={doc} group="deductions" />
            </RuleCard>
          </Space>
        </Col>
      </Row>

      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <RuleCard title="排名与名额">
            <RankingView standard={doc} />
          </RuleCard>
        </Col>
        <Col xs={24} lg={12}>
          <RuleCard title="镇党委星级">
            <TownSchemeView standard={doc} />
          </RuleCard>
        </Col>
      </Row>
      {cloning && <StandardCloneModal source={s} onClose={() => setCloning(false)} />}
    </Space>
  );
}

function StagesTable({ standard }: { standard: Standard }) {
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={standard.stages}
      columns={[
        { title: '阶段', dataIndex: 'name', width: 120, render: (name: string, st) => name || stageLabels[st.id] },
        {
          title: '权重',
          key: 'weight',
          width: 130,
          render: (_, st) => (st.referenceOnly ? <Tag>仅作参考</Tag> : <Typography.Text strong>{st.weight}%</Typography.Text>),
        },
        {
          title: '说明',
          key: 'note',
          render: (_, st) => (st.referenceOnly ? '结果展示给评委参考，不计入得分' : '按权重计入指标得分'),
        },
      ]}
      footer={() => {
        const missing = (['mutual', 'department', 'city'] as const).filter((id) => !standard.stages.some((x) => x.id === id));
        const note = '只由部分阶段打分的指标，按这些阶段的权重重新折算。';
        return missing.length ? `本标准不采用${missing.map((m) => stageLabels[m]).join('、')}；${note}` : note;
      }}
    />
  );
}
