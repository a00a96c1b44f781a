import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import type { OrgLevel } from '../../../shared/contracts/org-units';
import { useOrgTree } from '../api/org-units-hooks';
import { toSelectTree } from './org-tree-utils';

type Props = {
  /** Passed down by Form.Item so the field's label points at this control. */
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  selectableLevels?: OrgLevel[];
  maxLevel?: OrgLevel;
  exclude?: string;
  allowClear?: boolean;
  style?: React.CSSProperties;
};

/** An org picker limited to the caller's visible subtrees (the server sends only those). */
export function OrgTreeSelect({ placeholder = '请选择组织', allowClear = true, ...props }: Props) {
  const { data, isPending } = useOrgTree();
  const treeData = useMemo(
    () => toSelectTree(data ?? [], { selectableLevels: props.selectableLevels, maxLevel: props.maxLevel, exclude: props.exclude }),
    [data, props.selectableLevels, props.maxLevel, props.exclude],
  );
  return (
    <TreeSelect
      id={props.id}
      value={props.value}
      onChange={(v: string | undefined) => props.onChange?.(v)}
      treeData={treeData}
      loading={isPending}
      placeholder={placeholder}
      allowClear={allowClear}
      showSearch
      treeNodeFilterProp="title"
      treeDefaultExpandAll={false}
      treeDefaultExpandedKeys={data?.map((n) => n.id)}
      style={props.style ?? { width: '100%' }}
      popupMatchSelectWidth={false}
      notFoundContent="无匹配组织"
    />
  );
}
