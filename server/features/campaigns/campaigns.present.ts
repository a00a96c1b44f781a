import type { Campaign } from '../../../shared/contracts/campaigns.js';
import type { CampaignRow } from './campaigns.queries.js';

export function presentCampaign(row: CampaignRow): Campaign {
  return {
    id: row.id,
    year: row.year,
    name: row.name,
    standardId: row.standardId,
    standardName: row.standardName,
    standardVersion: row.standardVersion,
    status: row.status,
    windows: row.windows,
    stageWeights: row.stageWeights,
    noticeDays: row.noticeDays,
    noticeStarts: row.noticeStarts,
    noticeEnds: row.noticeEnds,
  };
}
