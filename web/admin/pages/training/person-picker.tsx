import { useState } from 'react';
import { Select, Typography } from 'antd';
import type { PositionTitle } from '../../../../shared/contracts/people';
import { usePeople } from '../../api/people-hooks';

type Props = {
  id?: string;
  value?: string;
  onChange?: (personId: string | undefined) => void;
  /** Only people currently holding this title (study tours: 书记). */
  title?: PositionTitle;
  placeholder?: string;
};

/** Searches the people register by name within the caller's scope. */
export function PersonPicker({ id, value, onChange, title, placeholder = '输入姓名搜索' }: Props) {
  const [q, setQ] = useState('');
  const { data, isFetching } = usePeople({ q: q || undefined, title, page: 1, pageSize: 20 }, q.length > 0 || Boolean(title));
  const options = (data?.items ?? []).map((p) => {
    const titles = p.positions.map((x) => x.title).join('、');
    return {
      value: p.id,
      label: (
        <span>
          {p.name}
          <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
            {p.orgUnitName}
            {titles ? ` · ${titles}` : ''}
            {p.phoneMasked ? ` · ${p.phoneMasked}` : ''}
          </Typography.Text>
        </span>
      ),
    };
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch
      filterOption={false}
      onSearch={setQ}
      options={options}
      loading={isFetching}
      placeholder={placeholder}
      notFoundContent={q || title ? '没有找到' : '请输入姓名'}
      allowClear
      style={{ width: '100%' }}
    />
  );
}
