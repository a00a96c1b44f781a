import type { OrgKind, OrgLevel, PartyOrgType } from '../../../shared/contracts/org-units';

// shared/ names kinds in Chinese already; levels are English enum values and need screen names.
export const orgLevelLabels: Record<OrgLevel, string> = {
  city: '市',
  town: '镇（街道）',
  village: '村（社区）',
};

export const orgKindsByLevel: Record<OrgLevel, OrgKind[]> = {
  city: ['市'],
  town: ['镇', '乡', '街道'],
  village: ['行政村', '社区'],
};

export const partyOrgTypes: PartyOrgType[] = ['党委', '党总支', '党支部'];

/** What a new unit under `parent` usually is, so the form starts with the common answer. */
export function childLevel(parent: OrgLevel): OrgLevel | null {
  if (parent === 'city') return 'town';
  if (parent === 'town') return 'village';
  return null;
}

export const defaultPartyOrgType: Record<OrgLevel, PartyOrgType> = {
  city: '党委',
  town: '党委',
  village: '党支部',
};
