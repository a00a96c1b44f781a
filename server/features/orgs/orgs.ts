// Pure rules of the org tree.
import { orgKindLevel, type OrgKind, type OrgLevel, type OrgUnit } from '../../../shared/contracts/org-units.js';

export const childLevelOf: Record<OrgLevel, OrgLevel | null> = { city: 'town', town: 'village', village: null };

export function levelOfKind(kind: OrgKind): OrgLevel {
  return orgKindLevel[kind];
}

/** A town hangs under a city, a village under a town; nothing under a village. */
export function isValidParent(parentLevel: OrgLevel, childKind: OrgKind): boolean {
  return childLevelOf[parentLevel] === levelOfKind(childKind);
}

export function childPath(parentPath: string, id: string): string {
  return `${parentPath}${id}/`;
}

export type OrgRow = {
  id: string;
  parentId: string | null;
  level: OrgLevel;
  kind: string;
  name: string;
  code: string;
  path: string;
  partyOrgType: string;
  partyOrgName: string;
  active: boolean;
  sortOrder: number;
  parentName: string | null;
};

export function presentOrgUnit(row: OrgRow): OrgUnit {
  return {
    id: row.id,
    parentId: row.parentId,
    level: row.level,
    kind: row.kind as OrgUnit['kind'],
    name: row.name,
    code: row.code,
    partyOrgType: row.partyOrgType as OrgUnit['partyOrgType'],
    partyOrgName: row.partyOrgName,
    active: row.active,
    sortOrder: row.sortOrder,
    parentName: row.parentName,
  };
}

export type TreeNode = OrgUnit & { children: TreeNode[] };

/** Rows sorted by path depth come back as a forest whose roots are the caller's scopes. */
export function buildForest(rows: OrgRow[]): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  const roots: TreeNode[] = [];
  const ordered = [...rows].sort((a, b) => a.path.length - b.path.length || a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
  for (const row of ordered) {
    const node: TreeNode = { ...presentOrgUnit(row), children: [] };
    nodes.set(row.id, node);
    const parent = row.parentId ? nodes.get(row.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** Audit snapshot of a unit: only the fields a person edits. */
export function orgSnapshot(row: Pick<OrgRow, 'name' | 'code' | 'kind' | 'partyOrgType' | 'partyOrgName' | 'parentId' | 'active' | 'sortOrder'>) {
  const { name, code, kind, partyOrgType, partyOrgName, parentId, active, sortOrder } = row;
  return { name, code, kind, partyOrgType, partyOrgName, parentId, active, sortOrder };
}
