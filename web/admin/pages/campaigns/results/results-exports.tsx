import { Dropdown } from 'antd';
import { DownOutlined, FileExcelOutlined } from '@ant-design/icons';
import { downloadUrl } from '../../../api/client';

/**
 * 拉榜排名 and the town committees' stars as .xlsx. Plain links: the session cookie rides along,
 * and the server writes an audit row for each export.
 */
export function ResultsExports({ campaignId }: { campaignId: string }) {
  const rankings = downloadUrl(`/campaigns/${campaignId}/exports/rankings.xlsx`);
  return (
    <Dropdown.Button
      icon={<DownOutlined />}
      href={rankings}
      menu={{
        items: [
          { key: 'rankings', label: <a href={rankings}>村党组织星级排名（全市及各镇）</a> },
          { key: 'towns', label: <a href={downloadUrl(`/campaigns/${campaignId}/exports/town-stars.xlsx`)}>镇党委星级</a> },
        ],
      }}
    >
      <FileExcelOutlined /> 导出排名
    </Dropdown.Button>
  );
}
