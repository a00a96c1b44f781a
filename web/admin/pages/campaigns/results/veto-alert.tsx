import { Alert, Skeleton } from 'antd';
import { useVillageVetoes } from '../../../api/decisions-hooks';

/**
 * Shown at the top of the override and correction dialogs, before anyone types: the village's
 * confirmed violation records and the most stars they allow. The server refuses the rest.
 */
export function VetoAlert({ campaignId, villageId }: { campaignId: string; villageId: string }) {
  const vetoes = useVillageVetoes(campaignId, villageId);
  if (vetoes.isPending) return <Skeleton active paragraph={{ rows: 1 }} title={false} />;
  const data = vetoes.data;
  if (!data || data.limits.length === 0) return null;
  const limit = data.noRating ? '只能定为“不定级”' : `最多 ${data.maxStars} 星`;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="veto-alert"
      style={{ marginBottom: 16 }}
      message={`该村有经核查属实的否决或降星记录：${limit}`}
      description={
        <>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {data.limits.map((l) => (
              <li key={l.caseNo}>{l.text}</li>
            ))}
          </ul>
          <div>如需改变，须由纪检、信访专员复核该记录后重新生成定星建议。</div>
        </>
      }
    />
  );
}
