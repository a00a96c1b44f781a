import { useState } from 'react';
import { Alert, Button, Modal, Popconfirm, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import type { PasswordResetResult } from '../../../../shared/contracts/accounts';
import { useDecideReset, useResetRequests, type ResetRequest } from '../../api/accounts-hooks';
import { errorText } from '../../api/client';
import { notifySuccess } from '../../components/feedback';
import { OneTimePasswordResult } from './reset-password-modal';

/**
 * Password resets of privileged accounts waiting for a second admin (security or audit
 * administrator). Approving issues the one-time password, shown here once.
 */
export function ResetRequestsCard() {
  const { data } = useResetRequests(true);
  const decide = useDecideReset();
  const [issued, setIssued] = useState<{ request: ResetRequest; password: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!data || data.length === 0) return null;

  const run = (request: ResetRequest, decision: 'approve' | 'cancel') => {
    setError(null);
    decide.mutate(
      { id: request.id, decision },
      {
        onSuccess: (result) => {
          if (decision === 'cancel') return notifySuccess('已驳回重置申请');
          const password = (result as PasswordResetResult).oneTimePassword;
          if (password) setIssued({ request, password });
        },
        onError: (e) => setError(errorText(e)),
      },
    );
  };

  return (
    <div data-testid="reset-requests" style={{ marginBottom: 16 }}>
      <Alert
        type="warning"
        showIcon
        message={`有 ${data.length} 个密码重置申请待审批`}
        description="管理员等重要账户的密码重置须由另一类管理员审批：批准后生成一次性密码，由您通过安全渠道交给本人。"
        style={{ marginBottom: 8 }}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      <Table<ResetRequest>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={data}
        columns={[
          { title: '账户', render: (_, r) => `${r.displayName}（${r.username}）` },
          { title: '申请人', dataIndex: 'requestedBy' },
          { title: '申请时间', dataIndex: 'requestedAt', render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
          {
            title: '操作',
            width: 200,
            render: (_, r) => (
              <Space>
                <Popconfirm title={`批准重置 ${r.displayName} 的密码吗？`} onConfirm={() => run(r, 'approve')}>
                  <Button type="link" size="small">
                    批准
                  </Button>
                </Popconfirm>
                <Popconfirm title="驳回该申请吗？" onConfirm={() => run(r, 'cancel')}>
                  <Button type="link" size="small" danger>
                    驳回
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!issued} title="一次性密码" onCancel={() => setIssued(null)} footer={<Button type="primary" onClick={() => setIssued(null)}>完成</Button>}>
        {issued && <OneTimePasswordResult account={issued.request} password={issued.password} />}
        <Typography.Text type="secondary">关闭后将无法再次查看。</Typography.Text>
      </Modal>
    </div>
  );
}
