import type { OrgLevel, OrgTreeNode } from '../../../shared/contracts/org-units';

export type FlatOrg = { node: OrgTreeNode; parentId: string | null; depth: number };

export function flattenTree(roots: OrgTreeNode[]): Map<string, FlatOrg> {
  const map = new Map<string, FlatOrg>();
  const walk = (nodes: OrgTreeNode[], parentId: string | null, depth: number) => {
    for (const node of nodes) {
      map.set(node.id, { node, parentId, depth });
      walk(node.children, node.id, depth + 1);
    }
  };
  walk(roots, null, 0);
  return map;
}

/** Ancestors of `id`, nearest last; used to expand the tree down to a search hit. */
export function ancestorIds(flat: Map<string, FlatOrg>, id: string): string[] {
  const out: string[] = [];
  let current = flat.get(id)?.parentId ?? null;
  while (current) {
    out.unshift(current);
    current = flat.get(current)?.parentId ?? null;
  }
  return out;
}

export type OrgSelectNode = {
  value: string;
  title: string;
  disabled?: boolean;
  selectable?: boolean;
  children?: OrgSelectNode[];
};

/**
 * TreeSelect data from the org tree. `selectableLevels` limits what can be picked (e.g. only towns
 * when moving a village); inactive units stay visible for context but cannot be picked.
 */
export function toSelectTree(
  roots: OrgTreeNode[],
  options: { selectableLevels?: OrgLevel[]; maxLevel?: OrgLevel; includeInactive?: boolean; exclude?: string } = {},
): OrgSelectNode[] {
  const order: OrgLevel[] = ['city', 'town', 'village'];
  const maxIndex = options.maxLevel ? order.indexOf(options.maxLevel) : order.length - 1;
  const build = (nodes: OrgTreeNode[]): OrgSelectNode[] =>
    nodes
      .filter((n) => order.indexOf(n.level) <= maxIndex)
      .filter((n) => options.includeInactive || n.active)
      .map((n) => {
        const selectable =
          n.active && n.id !== options.exclude && (!options.selectableLevels || options.selectableLevels.includes(n.level));
        const children = build(n.children);
        return {
          value: n.id,
          title: n.active ? n.name : `${n.name}（已停用）`,
          selectable,
          disabled: !selectable && children.length === 0,
          children: children.length ? children : undefined,
        };
      });
  return build(roots);
}
