import { Alert, Button, Card, Flex, Popconfirm, Space, Typography } from 'antd';
import { ExpandOutlined, PoweroffOutlined, QrcodeOutlined, ReloadOutlined } from '@ant-design/icons';
import type { TrainingSession } from '../../../../shared/contracts/training';
import { useSignInAction, useSignInLink } from '../../api/training-sessions-hooks';
import { notifySuccess } from '../../components/feedback';
import { QrCode, absoluteUrl } from './qr-code';
import { SignInTag } from './training-labels';

/** The organizer's QR sign-in switch: open, show on a screen, change the code, close. */
export function SignInPanel({ session }: { session: TrainingSession }) {
  const link = useSignInLink(session.id, session.canEdit);
  const action = useSignInAction();
  const run = (a: 'open' | 'rotate' | 'close', done: string) => action.mutate({ id: session.id, action: a }, { onSuccess: () => notifySuccess(done) });
  const planned = session.status === 'planned';

  if (!session.canEdit) {
    return (
      <Card size="small" title="扫码签到">
        <Space direction="vertical">
          <SignInTag state={session.signInState} />
          <Typography.Text type="secondary">签到二维码由举办单位管理。</Typography.Text>
        </Space>
      </Card>
    );
  }
  const path = link.data?.path;
  const state = link.data?.state ?? session.signInState;
  return (
    <Card size="small" title={<Space><QrcodeOutlined />扫码签到<SignInTag state={state} /></Space>} loading={link.isPending}>
      {state === 'open' && path ? (
        <Flex gap={20} align="center" wrap>
          <QrCode text={absoluteUrl(path)} size={184} />
          <Space direction="vertical" size="small" style={{ flex: 1, minWidth: 220 }}>
            <Typography.Text type="secondary">学员用手机扫码，输入姓名和手机号（或身份证号）后四位即可签到；同一人只记一次。</Typography.Text>
            <Typography.Text copyable={{ text: absoluteUrl(path), tooltips: ['复制签到链接', '已复制'] }} style={{ fontSize: 12 }}>
              签到链接
            </Typography.Text>
            <Space wrap>
              <Button type="primary" icon={<ExpandOutlined />} href={`/training-screen/${session.id}`} target="_blank">
                全屏展示二维码
              </Button>
              <Popconfirm title="更换二维码后，旧二维码立即失效。确定更换？" onConfirm={() => run('rotate', '已更换二维码')}>
                <Button icon={<ReloadOutlined />}>更换二维码</Button>
              </Popconfirm>
              <Popconfirm title="关闭后学员无法再扫码签到（可重新开启）。确定关闭？" onConfirm={() => run('close', '已关闭扫码签到')}>
                <Button danger icon={<PoweroffOutlined />}>关闭签到</Button>
              </Popconfirm>
            </Space>
          </Space>
        </Flex>
      ) : planned ? (
        <Space direction="vertical">
          <Typography.Text type="secondary">
            {state === 'closed' ? '扫码签到已关闭，可重新开启（二维码不变）。' : '开启后生成签到二维码；仅在培训当天可以签到。'}
          </Typography.Text>
          <Button type="primary" icon={<QrcodeOutlined />} loading={action.isPending} onClick={() => run('open', '已开启扫码签到')}>
            {state === 'closed' ? '重新开启签到' : '开启扫码签到'}
          </Button>
        </Space>
      ) : (
        <Alert type="info" showIcon message={session.status === 'completed' ? '培训已结束，扫码签到已关闭；如需补登请在下方手工登记。' : '该场次已取消。'} />
      )}
    </Card>
  );
}
