import { useEffect, useMemo, useState } from 'react';
import { Alert, Empty, Input, Skeleton, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrgLazyNode, OrgUnit } from '../../../../shared/contracts/org-units';
import { api } from '../../api/client';
import { orgTreeKeys, useOrgTreeLevels, useOrgTreeSearch } from '../../api/org-tree-hooks';

type Props = {
  selectedId: string | undefined;
  onSelect: (id: string) => void;
};

type Node = TreeDataNode & { org: OrgLazyNode; children?: Node[] };

// A province has 10,000 villages: the tree loads one level when a node is opened, never all.
function toNodes(nodes: OrgLazyNode[], children: Map<string, OrgLazyNode[]>): Node[] {
  return nodes.map((org) => {
    const loaded = children.get(org.id);
    return { key: org.id, title: org.name, org, isLeaf: org.childCount === 0, children: loaded ? toNodes(loaded, children) : undefined };
  });
}

function Highlighted({ text, search }: { text: string; search: string }) {
  const at = search ? text.indexOf(search) : -1;
  if (at < 0) return <>{text}</>;
  return (
    <>
      {text.slice(0, at)}
      <span className="org-tree-match">{search}</span>
      {text.slice(at + search.length)}
    </>
  );
}

/** The ids above a deep-linked unit, top first (two requests at most: village → town → city). */
function useAncestorIds(id: string | undefined) {
  return useQuery({
    queryKey: [...orgTreeKeys.one(id ?? ''), 'ancestors'],
    enabled: !!id,
    queryFn: async () => {
      const ids: string[] = [];
      let unit = await api.get<OrgUnit>(`/org-units/${id}`);
      while (unit.parentId) {
        ids.unshift(unit.parentId);
        // Above the caller's scope the parent is not found: the tree starts below it.
        const parent = await api.get<OrgUnit>(`/org-units/${unit.parentId}`).catch(() => null);
        if (!parent) break;
        unit = parent;
      }
      return ids;
    },
  });
}

export function OrgTreePanel({ selectedId, onSelect }: Props) {
  const queryClient = useQueryClient();
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<string[]>([]);
  const [autoExpandParent, setAutoExpandParent] = useState(true);
  const { roots, children } = useOrgTreeLevels(expanded);
  const hits = useOrgTreeSearch(search);
  const ancestors = useAncestorIds(selectedId);
  const treeData = useMemo(() => toNodes(roots.data ?? [], children), [roots.data, children]);

  // Start with the top levels open (city → towns) and keep a deep-linked selection visible.
  useEffect(() => {
    if (!roots.data) return;
    setExpanded((open) => [...new Set([...open, ...roots.data.map((r) => r.id), ...(ancestors.data ?? [])])]);
  }, [roots.data, ancestors.data]);

  // Open the tree down to every hit of the search.
  useEffect(() => {
    if (!search || !hits.data) return;
    setExpanded((open) => [...new Set([...open, ...hits.data.items.flatMap((h) => h.ancestorIds)])]);
    setAutoExpandParent(true);
  }, [search, hits.data]);

  if (roots.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!roots.data?.length) return <Empty description="暂无可查看的组织" />;

  return (
    <>
      <Input.Search
        placeholder="搜索组织名称"
        allowClear
        onChange={(e) => setSearch(e.target.value.trim())}
        onSearch={(value) => setSearch(value.trim())}
        style={{ marginBottom: 12 }}
        aria-label="搜索组织名称"
      />
      {search && hits.data?.more && <Alert type="info" showIcon style={{ marginBottom: 8 }} message="匹配的组织较多，仅展开前 50 个，请输入更完整的名称" />}
      <Tree<Node>
        treeData={treeData}
        blockNode
        showLine
        expandedKeys={expanded}
        autoExpandParent={autoExpandParent}
        loadData={(node) => queryClient.ensureQueryData({ queryKey: orgTreeKeys.children(node.org.id), queryFn: () => api.get<OrgLazyNode[]>('/org-units/tree/children', { parentId: node.org.id }) }).then(() => undefined)}
        onExpand={(keys) => {
          setExpanded(keys.map(String));
          setAutoExpandParent(false);
        }}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys) => {
          const key = keys[0];
          if (typeof key === 'string') onSelect(key);
        }}
        height={560}
        titleRender={(node) => (
          <span className={node.org.active ? undefined : 'org-tree-inactive'} data-org-name={node.org.name}>
            <Highlighted text={node.org.name} search={search} />
            {!node.org.active && (
              <Tag style={{ marginInlineStart: 6 }} bordered={false}>
                已停用
              </Tag>
            )}
          </span>
        )}
      />
      {search && hits.data && hits.data.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有匹配的组织" />}
    </>
  );
}
