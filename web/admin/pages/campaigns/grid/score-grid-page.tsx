// 表格录入: the whole of a scorer's villages in one grid, and the same sheet as .xlsx.
import { Alert, Card, Empty, Result, Space, Typography } from 'antd';
import { LockOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { evaluationStages, stageLabels, type EvaluationStage } from '../../../../../shared/contracts/campaigns';
import { errorText } from '../../../api/client';
import { gridWorkbookPath, gridWorkbookUrl, uploadGridWorkbook, useScoreGrid } from '../../../api/score-grid-hooks';
import { ExportJobButton } from '../../../components/export-job-button';
import { ImportExcelButton } from '../../../components/import-excel';
import { PageLoading } from '../../../components/page-loading';
import { ScoreGridTable } from './score-grid-table';

export function ScoreGridPage() {
  const { id = '', stage: stageParam = '' } = useParams();
  const stage = evaluationStages.includes(stageParam as EvaluationStage) ? (stageParam as EvaluationStage) : null;
  if (!stage) return <Result status="404" title="没有这个评分阶段" />;
  return <ScoreGridView campaignId={id} stage={stage} />;
}

function ScoreGridView({ campaignId, stage }: { campaignId: string; stage: EvaluationStage }) {
  const { data: grid, isPending, error, dataUpdatedAt } = useScoreGrid(campaignId, stage);
  if (isPending) return <PageLoading />;
  if (error || !grid) return <Result status="warning" title="评分表无法打开" subTitle={errorText(error)} />;
  const mine = grid.rows.filter((r) => r.canScore).length;
  // A job: the dialog shows its progress and reloads the grid when it ends.
  const upload = ({ file, onProgress }: { file: Blob; onProgress?: (percent: number) => void }) => uploadGridWorkbook(campaignId, stage, file, onProgress);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={`${grid.campaignName} · ${stageLabels[stage]}评分（表格录入）`}
        extra={
          mine > 0 && (
            <Space>
              <ExportJobButton path={gridWorkbookPath(campaignId, stage)} subject="评分表">
                下载评分表（Excel）
              </ExportJobButton>
              {!grid.lockReason && <ImportExcelButton subject="评分表" templateUrl={gridWorkbookUrl(campaignId, stage)} upload={upload} />}
            </Space>
          )
        }
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {grid.lockReason ? (
            <Alert type="info" showIcon icon={<LockOutlined />} message={`评分表只读：${grid.lockReason}`} />
          ) : (
            <Typography.Text type="secondary">
              填报时间 {grid.window.opens} 至 {grid.window.closes}。Tab / Shift+Tab 左右移动，Enter / 方向键上下移动；可从 Excel 或 WPS 复制一块分数，
              点中起始格后粘贴。每行在停止输入后自动保存；超出满分、负数或超过两位小数的格标红，不会保存。
            </Typography.Text>
          )}
          {grid.rows.length === 0 ? (
            <Empty description={`您在本年度没有${stageLabels[stage]}评分任务`} />
          ) : (
            // A new key after an upload starts the grid again from the stored values.
            <ScoreGridTable key={dataUpdatedAt} campaignId={campaignId} stage={stage} grid={grid} />
          )}
        </Space>
      </Card>
    </Space>
  );
}
