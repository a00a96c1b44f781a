import { useState } from 'react';
import { Badge, Button, Card, Input, Popconfirm, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import type { Account } from '../../../../shared/contracts/accounts';
import { roleLabels, roles, type Role } from '../../../../shared/roles';
import { useAccountAction, useAccounts, type AccountAction, type AccountFilters } from '../../api/accounts-hooks';
import { useSession } from '../../auth/session';
import { notifySuccess } from '../../components/feedback';
import { AccountCreateModal } from './account-create-modal';
import { ResetPasswordModal } from './reset-password-modal';
import { ResetRequestsCard } from './reset-requests-card';
import { RoleAssignModal } from './role-assign-modal';
import { openPagination } from '../../components/open-pagination';

const roleOptions = roles.map((r) => ({ value: r, label: roleLabels[r] }));
const actionDone: Record<AccountAction, string> = { unlock: '已解除锁定', deactivate: '账户已停用', activate: '账户已启用' };

function formatTime(value: string | null): string {
  return value ? dayjs(value).format('YYYY-MM-DD HH:mm') : '从未登录';
}

function isLocked(account: Account): boolean {
  return !!account.lockedUntil && dayjs(account.lockedUntil).isAfter(dayjs());
}

function AccountStatus({ account }: { account: Account }) {
  if (!account.active) return <Badge status="default" text={account.disabledReason === 'idle' ? '已停用（超过 90 天未登录）' : '已停用'} />;
  if (account.resetRequest) {
    return (
      <Tooltip title={`${account.resetRequest.by} 于 ${dayjs(account.resetRequest.at).format('MM-DD HH:mm')} 申请，待安全管理员或审计管理员审批`}>
        <Badge status="processing" text="密码重置待审批" />
      </Tooltip>
    );
  }
  if (isLocked(account)) {
    return (
      <Tooltip title="连续登录失败被锁定，到期自动解除，或由安全管理员解锁">
        <Badge status="warning" text={`锁定至 ${dayjs(account.lockedUntil).format('MM-DD HH:mm')}`} />
      </Tooltip>
    );
  }
  if (account.mustChangePassword) return <Badge status="warning" text="待本人修改密码" />;
  return <Badge status="success" text="正常" />;
}

type Dialog = { kind: 'create' } | { kind: 'roles'; account: Account } | { kind: 'reset'; account: Account } | null;

export function AccountsPage() {
  const { me, can } = useSession();
  const canWrite = can('account:write');
  const canAssign = can('role:assign');
  const [filters, setFilters] = useState<AccountFilters>({ page: 1, pageSize: 20 });
  const { data, isFetching } = useAccounts(filters);
  const action = useAccountAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const patch = (next: Partial<AccountFilters>) => setFilters((f) => ({ ...f, ...next, page: 1, count: undefined }));

  const run = (account: Account, kind: AccountAction) =>
    action.mutate({ id: account.id, action: kind }, { onSuccess: () => notifySuccess(actionDone[kind]) });

  const columns: TableColumnsType<Account> = [
    { title: '用户名', dataIndex: 'username', width: 140 },
    { title: '姓名', dataIndex: 'displayName', width: 140 },
    {
      title: '角色',
      dataIndex: 'roles',
      render: (grants: Account['roles']) =>
        grants.length ? (
          <Space size={[0, 4]} wrap>
            {grants.map((g) => (
              <Tag key={`${g.role}-${g.orgUnitId}`} color="red" bordered={false}>
                {roleLabels[g.role]} · {g.orgUnitName}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">未分配</Typography.Text>
        ),
    },
    { title: '状态', key: 'status', width: 170, render: (_, a) => <AccountStatus account={a} /> },
    { title: '最近登录', dataIndex: 'lastLoginAt', width: 150, render: formatTime },
    {
      title: '操作',
      key: 'actions',
      width: 260,
      render: (_, a) => {
        // The server refuses self-changes (account.cannot_change_self); do not offer them.
        if (a.id === me.id) return <Typography.Text type="secondary">当前账户</Typography.Text>;
        return (
          <Space size={0} wrap>
            {canAssign && (
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'roles', account: a })}>
                分配角色
              </Button>
            )}
            {canAssign && isLocked(a) && (
              <Popconfirm title={`确定解除 ${a.displayName} 的锁定吗？`} onConfirm={() => run(a, 'unlock')}>
                <Button type="link" size="small">解锁</Button>
              </Popconfirm>
            )}
            {canWrite && (
              <Button type="link" size="small" onClick={() => setDialog({ kind: 'reset', account: a })}>
                重置密码
              </Button>
            )}
            {canWrite && (
              <Popconfirm
                title={a.active ? `确定停用 ${a.displayName} 的账户吗？` : `确定启用 ${a.displayName} 的账户吗？`}
                description={a.active ? '停用后该账户立即无法登录。' : undefined}
                onConfirm={() => run(a, a.active ? 'deactivate' : 'activate')}
              >
                <Button type="link" size="small" danger={a.active}>
                  {a.active ? '停用' : '启用'}
                </Button>
              </Popconfirm>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Card
      title="账户管理"
      extra={
        canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>
            新建账户
          </Button>
        )
      }
    >
      {can('account:reset_approve') && <ResetRequestsCard />}
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          placeholder="用户名或姓名"
          allowClear
          onSearch={(q) => patch({ q: q.trim() || undefined })}
          style={{ width: 220 }}
          aria-label="按用户名或姓名搜索"
        />
        <Select
          placeholder="角色"
          allowClear
          options={roleOptions}
          value={filters.role}
          onChange={(role?: Role) => patch({ role })}
          style={{ width: 180 }}
        />
      </Space>
      <Table<Account>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={data?.items}
        loading={isFetching}
        pagination={openPagination(filters, data, setFilters, '个账户')}
      />
      {dialog?.kind === 'create' && <AccountCreateModal onClose={() => setDialog(null)} />}
      {dialog?.kind === 'roles' && <RoleAssignModal account={dialog.account} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'reset' && <ResetPasswordModal account={dialog.account} onClose={() => setDialog(null)} />}
    </Card>
  );
}
