import { Tag, Tooltip } from 'antd';
import { StarFilled, StarOutlined } from '@ant-design/icons';
import {
  campaignStatusLabels,
  campaignStatuses,
  type Campaign,
  type CampaignStatus,
  type EvaluationStage,
} from '../../../../shared/contracts/campaigns';
import type { Permission } from '../../../../shared/roles';
import { isApiError } from '../../api/client';

export const statusColors: Record<CampaignStatus, string> = {
  draft: 'default',
  mutual: 'processing',
  department: 'processing',
  city: 'processing',
  notice: 'warning',
  final: 'success',
};

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  return <Tag color={statusColors[status]}>{campaignStatusLabels[status]}</Tag>;
}

export function nextStatusOf(status: CampaignStatus): CampaignStatus | null {
  return campaignStatuses[campaignStatuses.indexOf(status) + 1] ?? null;
}

/** What moving to a status means, said in the confirmation before the audited step. */
export const advanceEffects: Record<CampaignStatus, string> = {
  draft: '',
  mutual: '评分标准将被锁定，各镇互评组可以在填报时间内为被评镇的村打分。',
  department: '摸底互评评分表将变为只读，评委组开始部门点评打分。',
  city: '部门点评评分表将变为只读，市级考评组开始逐项考核，随后生成定星建议。',
  notice: `定星结果将进入公示，公示期按工作日计算；公示期间受理群众异议。`,
  final: '公示结束，星级最终确定；此后只能由组织部管理员以书面理由更正。',
};

/** Why the server refused a step, with what to do about it: the message alone is not enough. */
export function advanceRefusal(error: unknown, campaign: Campaign): string {
  if (!isApiError(error)) return '推进失败，请稍后重试';
  const details = (error.details ?? {}) as { unconfirmed?: number; noticeEnds?: string | null };
  switch (error.code) {
    case 'campaign.results_unconfirmed':
      // The server answers -1 when no proposal has been computed at all.
      if ((details.unconfirmed ?? 0) < 0) return '尚未生成定星建议：请先在“定星结果”中生成定星建议并确认定星，再进入公示。';
      return `还有 ${details.unconfirmed ?? '部分'} 个村未定星：请在“定星结果”中生成定星建议并确认定星后再进入公示。`;
    case 'campaign.notice_running':
      return `公示期至 ${details.noticeEnds ?? campaign.noticeEnds ?? '—'} 结束，公示期满后才能最终定星。`;
    case 'campaign.objections_open':
      return '还有群众异议尚未答复：请先在“公示与异议”中处理并答复全部异议。';
    case 'campaign.not_ready': {
      // The conditions changed between the dialog and the click (or no reason reached the server).
      const blockers = ((error.details ?? {}) as { blockers?: { text: string }[] }).blockers ?? [];
      return `${error.message}：${blockers.map((b) => b.text).join('；')}`;
    }
    case 'campaign.illegal_transition':
      return '评星年度已被他人推进，请刷新页面后查看当前阶段。';
    default:
      return error.message;
  }
}

/** The permission that lets a role score a stage (assignment decides which villages). */
export const scorePermission: Record<EvaluationStage, Permission> = { mutual: 'score:mutual', department: 'score:department', city: 'score:city' };

/** A rating as stars: filled for the stars held, outlined up to five; "未定级" when none. */
export function Stars({ value, size = 14 }: { value: number | null | undefined; size?: number }) {
  if (value === null || value === undefined) return <Tag>未定级</Tag>;
  return (
    <Tooltip title={`${value} 星`}>
      <span aria-label={`${value}星`} data-stars={value} style={{ whiteSpace: 'nowrap', color: '#faad14', fontSize: size }}>
        {Array.from({ length: 5 }, (_, i) => (i < value ? <StarFilled key={i} /> : <StarOutlined key={i} style={{ color: '#d9d9d9' }} />))}
      </span>
    </Tooltip>
  );
}

export const starLabels: Record<number, string> = { 5: '五星', 4: '四星', 3: '三星', 2: '二星', 1: '一星' };
