import { useEffect, useMemo, useState } from 'react';
import { Empty, Input, Skeleton, Tag, Tree } from 'antd';
import type { TreeDataNode } from 'antd';
import type { OrgTreeNode } from '../../../../shared/contracts/org-units';
import { ancestorIds, flattenTree } from '../../components/org-tree-utils';

type Props = {
  roots: OrgTreeNode[] | undefined;
  loading: boolean;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
};

type Node = TreeDataNode & { org: OrgTreeNode; children?: Node[] };

function toNodes(nodes: OrgTreeNode[]): Node[] {
  return nodes.map((org) => ({
    key: org.id,
    title: org.name,
    org,
    children: org.children.length ? toNodes(org.children) : undefined,
    isLeaf: org.children.length === 0,
  }));
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

export function OrgTreePanel({ roots, loading, selectedId, onSelect }: Props) {
  const [search, setSearch] = useState('');
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const [autoExpandParent, setAutoExpandParent] = useState(true);
  const flat = useMemo(() => flattenTree(roots ?? []), [roots]);
  const treeData = useMemo(() => toNodes(roots ?? []), [roots]);

  // Start with the top levels open (city → towns) and keep a deep-linked selection visible.
  useEffect(() => {
    if (!roots) return;
    const open = new Set<React.Key>(roots.map((r) => r.id));
    if (selectedId) for (const id of ancestorIds(flat, selectedId)) open.add(id);
    setExpanded([...open]);
    // Only when the tree arrives; later the user owns the expansion.
  }, [roots]);

  const onSearch = (value: string) => {
    const term = value.trim();
    setSearch(term);
    if (!term) return;
    const hits = [...flat.values()].filter((f) => f.node.name.includes(term));
    const open = new Set<React.Key>();
    for (const hit of hits) for (const id of ancestorIds(flat, hit.node.id)) open.add(id);
    setExpanded([...open]);
    setAutoExpandParent(true);
  };

  if (loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!roots?.length) return <Empty description="暂无可查看的组织" />;

  return (
    <>
      <Input.Search
        placeholder="搜索组织名称"
        allowClear
        onChange={(e) => onSearch(e.target.value)}
        onSearch={onSearch}
        style={{ marginBottom: 12 }}
        aria-label="搜索组织名称"
      />
      <Tree<Node>
        treeData={treeData}
        blockNode
        showLine
        expandedKeys={expanded}
        autoExpandParent={autoExpandParent}
        onExpand={(keys) => {
          setExpanded(keys);
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
      {search && ![...flat.values()].some((f) => f.node.name.includes(search)) && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有匹配的组织" />
      )}
    </>
  );
}
