import { Alert } from 'antd';
import { Link } from 'react-router-dom';
import type { CampaignRaters, RaterFlagView } from '../../../../../shared/contracts/raters';
import { useCampaignRaters } from '../../../api/raters-hooks';
import { useSession } from '../../../auth/session';

/** Flags about a town: its own team, or the team that evaluated its villages. */
function touchesTown(data: CampaignRaters, townId: string) {
  return (f: RaterFlagView) => f.unitIds.includes(townId) || data.cells.some((c) => c.townId === townId && f.unitIds.includes(c.teamTownId) && f.kind !== 'outlier_rater');
}

/**
 * A note on the mutual report (a town) or the arena (judges) when 评价质量 has a flag about it.
 * Only the department sees flags, so nothing is fetched for other roles.
 */
export function RaterFlagNote({ campaignId, townId, judges }: { campaignId: string; townId?: string; judges?: boolean }) {
  const { can } = useSession();
  const { data } = useCampaignRaters(campaignId, can('campaign:manage'));
  if (!data) return null;
  const flags = data.flags.filter((f) => (judges ? f.kind === 'outlier_rater' : townId ? touchesTown(data, townId)(f) : false));
  if (flags.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      message={judges ? '评价质量提示：有评委的擂台比武打分偏离同场评委' : '评价质量提示：本镇相关的互评分数与其他阶段有明显差距'}
      description={
        <>
          {flags.map((f) => (
            <div key={f.message}>{f.message}</div>
          ))}
          <Link to={`/campaigns/${campaignId}/raters`}>查看评价质量</Link>
        </>
      }
    />
  );
}
