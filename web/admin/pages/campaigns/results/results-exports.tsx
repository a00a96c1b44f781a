import { Button, Space } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { downloadUrl } from '../../../api/client';
import { ExportJobButton } from '../../../components/export-job-button';

/**
 * 拉榜排名 and the town committees' stars as .xlsx. The rankings grow with the villages (a
 * province's 10,000 take seconds): a job with its progress, then the download. The town stars
 * are one row per town: a plain link (the session cookie rides along). Each export is audited.
 */
export function ResultsExports({ campaignId }: { campaignId: string }) {
  return (
    <Space.Compact>
      <ExportJobButton path={`/campaigns/${campaignId}/exports/rankings.xlsx`} subject="村党组织星级排名">
        导出排名
      </ExportJobButton>
      <Button icon={<FileExcelOutlined />} href={downloadUrl(`/campaigns/${campaignId}/exports/town-stars.xlsx`)}>
        镇党委星级
      </Button>
    </Space.Compact>
  );
}
