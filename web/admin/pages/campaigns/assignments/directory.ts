import { roleLabels, type Role } from '../../../../../shared/roles';
import { useAccountDirectory } from '../../../api/campaigns-hooks';
import { useSession } from '../../../auth/session';

export type PersonOption = { value: string; label: string; roles: string[] };

/**
 * Accounts that can be named as team members or judges (town officials and judges), from
 * `/api/evaluators`, which the department administrator may read without account rights.
 */
export function useDirectory(): { available: boolean; options: PersonOption[]; judges: PersonOption[] } {
  const { can } = useSession();
  const allowed = can('campaign:manage');
  const { data } = useAccountDirectory(allowed);
  const options = (data?.items ?? []).map((a) => ({
    value: a.id,
    label: `${a.displayName}（${a.username}）`,
    roles: a.roles.map((r) => r.role),
    title: a.roles.map((r) => `${roleLabels[r.role as Role] ?? r.role} · ${r.orgUnitName}`).join('，'),
  }));
  return { available: allowed && !!data, options, judges: options.filter((o) => o.roles.includes('judge')) };
}
