import { Alert, Button, Space, Tag } from 'antd';
import type { CampaignResults } from '../../../../../shared/contracts/campaigns';

type Village = CampaignResults['villages'][number];
type Referral = CampaignResults['referrals'][number];

/**
 * 名额并列待部门裁定: the standard refers ties at a quota boundary to the department. Each tie
 * lists its villages and the places left open; the department decides by 调整 with a reason
 * (give a place, or keep the village one level down). The notice waits until every tie is decided.
 */
export function ReferralsAlert({ referrals, villages, onDecide }: { referrals: Referral[]; villages: Village[] | null; onDecide?: (v: Village) => void }) {
  if (referrals.length === 0) return null;
  const open = referrals.filter((r) => !r.resolved);
  const byId = new Map((villages ?? []).map((v) => [v.orgUnitId, v]));
  return (
    <Alert
      type={open.length ? 'error' : 'success'}
      showIcon
      data-testid="referrals-alert"
      message={open.length ? `名额并列待部门裁定：${open.length} 处，裁定前不能进入公示` : '名额并列已由部门裁定'}
      description={
        <Space direction="vertical" size={4} style={{ width: '100%' }}>
          {referrals.map((r) => (
            <div key={`${r.scope}-${r.townId ?? ''}-${r.stars}`}>
              <div>
                {r.scope === 'city' ? '全市' : (r.townName ?? '本镇')} {r.stars} 星剩余名额 {r.places} 个，已给 {r.given} 个{' '}
                <Tag color={r.resolved ? 'green' : 'red'}>{r.resolved ? '已裁定' : '待裁定'}</Tag>
              </div>
              <Space wrap size={[8, 4]}>
                {r.villages.map((v) => {
                  const row = byId.get(v.orgUnitId);
                  const label = `${v.townName}${v.name}：${v.stars === null ? '不定级' : `${v.stars} 星`}${v.decided ? '（已裁定）' : ''}`;
                  return onDecide && row ? (
                    <Button key={v.orgUnitId} size="small" onClick={() => onDecide(row)}>
                      {label} · 裁定
                    </Button>
                  ) : (
                    <Tag key={v.orgUnitId}>{label}</Tag>
                  );
                })}
              </Space>
            </div>
          ))}
          {open.length > 0 && <div>请逐村点击“调整”并写明理由：给予名额的调为 {open[0]?.stars} 星，不给的维持原星级；名额用满或每个并列村都有裁定后即可进入公示。给予的名额不能超过剩余名额。</div>}
        </Space>
      }
    />
  );
}
