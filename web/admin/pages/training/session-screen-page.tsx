import { Button, Flex, Result, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import { useParams } from 'react-router-dom';
import { errorText } from '../../api/client';
import { useSignInLink, useTrainingSession } from '../../api/training-sessions-hooks';
import { QrCode, absoluteUrl } from './qr-code';
import { dateSpan } from './training-labels';
import './training-screen.css';

/**
 * The QR code for a projector or a printed poster at the venue: large, with the topic and a live
 * count. Opened from the session page in a new tab, outside the admin frame.
 */
export function SessionScreenPage() {
  const { id = '' } = useParams();
  const session = useTrainingSession(id);
  const link = useSignInLink(id, Boolean(session.data?.canEdit));
  const s = session.data;
  if (session.isPending || (s?.canEdit && link.isPending)) {
    return (
      <Flex align="center" justify="center" style={{ height: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }
  if (!s) return <Result status="404" title="培训场次不存在" subTitle={errorText(session.error)} />;
  const open = link.data?.state === 'open' && link.data.path;
  const size = Math.round(Math.min(window.innerHeight * 0.58, window.innerWidth * 0.8, 640));
  return (
    <div className="training-screen">
      <div className="training-screen-banner">
        <div className="training-screen-kicker">扫码签到</div>
        <h1>{s.topic}</h1>
        <div className="training-screen-meta">
          {dateSpan(s.date, s.endDate)} · {s.place} · {s.organizer}
        </div>
      </div>
      {open ? (
        <div className="training-screen-body">
          <div className="training-screen-qr">
            <QrCode text={absoluteUrl(link.data?.path ?? '')} size={size} />
          </div>
          <Typography.Title level={3} style={{ margin: '16px 0 4px' }}>
            请用手机扫描二维码，输入姓名和手机号后四位完成签到
          </Typography.Title>
          <div className="training-screen-count" data-testid="screen-count">
            已签到 <strong>{s.present}</strong> 人{s.capacity ? ` / ${s.capacity}` : ''}
          </div>
        </div>
      ) : (
        <Result status="info" title={s.canEdit ? '扫码签到未开启' : '只有举办单位可以展示签到二维码'} subTitle={s.canEdit ? '请回到场次页面开启扫码签到。' : undefined} />
      )}
      <Button className="training-screen-print" icon={<PrinterOutlined />} onClick={() => window.print()}>
        打印
      </Button>
    </div>
  );
}
