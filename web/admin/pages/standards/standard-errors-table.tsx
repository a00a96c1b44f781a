import { Table, Typography } from 'antd';
import type { StandardError } from '../../../../shared/contracts/standards';
import { describePath } from './standard-paths';

type Props = { errors: StandardError[]; doc: unknown; onOpen?: (path: string) => void };

/** Validation errors of a standard: where (in words and as the JSON path) and what is wrong. */
export function StandardErrorsTable({ errors, doc, onOpen }: Props) {
  return (
    <Table<StandardError & { key: number }>
      size="small"
      data-testid="standard-errors"
      dataSource={errors.map((e, key) => ({ ...e, key }))}
      pagination={errors.length > 10 ? { pageSize: 10, size: 'small' } : false}
      columns={[
        {
          title: '位置',
          dataIndex: 'path',
          width: '45%',
          render: (path: string) => (
            <div>
              {onOpen ? <a onClick={() => onOpen(path)}>{describePath(doc, path)}</a> : describePath(doc, path)}
              <br />
              <Typography.Text type="secondary" code style={{ fontSize: 12 }}>
                {path || '（根）'}
              </Typography.Text>
            </div>
          ),
        },
        { title: '问题', dataIndex: 'message' },
      ]}
    />
  );
}
