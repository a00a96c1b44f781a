import { useEffect, useState } from 'react';
import { Alert, Button, Result, Space, Typography } from 'antd';
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import QRCode from 'qrcode';
import { Link, useLocation, useParams } from 'react-router-dom';
import type { IssuedCodes } from '../../../../../shared/contracts/surveys';
import './survey-cards.css';

function useQrImages(urls: string[]) {
  const [images, setImages] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    // Drawn in the browser: the codes never go to any other service.
    Promise.all(urls.map((u) => QRCode.toDataURL(u, { width: 320, margin: 1, errorCorrectionLevel: 'M' })))
      .then((all) => live && setImages(all))
      .catch(() => live && setImages([]));
    return () => {
      live = false;
    };
  }, [urls]);
  return images;
}

/**
 * 测评卡 to print right after issuing: the codes came with the issue answer and live only in this
 * page's memory (the server keeps hashes). Leaving the page loses them, so the toolbar says so.
 */
export function SurveyCardsPage() {
  const { id = '' } = useParams();
  const issued = useLocation().state as IssuedCodes | null;
  const [urls] = useState(() => (issued?.codes ?? []).map((c) => `${window.location.origin}${c.path}`));
  const images = useQrImages(urls);
  if (!issued) {
    return (
      <Result
        status="info"
        title="测评码只在生成时显示一次"
        subTitle="系统只保存测评码的校验值，无法再次打印。如卡片遗失，请作废后重新发放。"
        extra={
          <Link to={`/campaigns/${id}/surveys`}>
            <Button type="primary">返回群众测评</Button>
          </Link>
        }
      />
    );
  }
  return (
    <div style={{ background: '#f0f2f5', minHeight: '100%', paddingBottom: 24 }}>
      <div className="survey-cards-toolbar">
        <Space>
          <Link to={`/campaigns/${id}/surveys`}>
            <Button icon={<ArrowLeftOutlined />}>返回</Button>
          </Link>
          <Typography.Text>
            {issued.townName} {issued.villageName} · 第 {issued.batchNo} 批 · {issued.codes.length} 张
          </Typography.Text>
        </Space>
        <Space>
          <Alert type="warning" showIcon message="离开本页后测评码不能再次显示，请先打印" style={{ padding: '2px 12px' }} />
          <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} disabled={!images}>
            打印测评卡
          </Button>
        </Space>
      </div>
      <article className="survey-cards-sheet" data-testid="survey-cards">
        {issued.codes.map((c, i) => (
          <section className="survey-card" key={c.code} data-testid="survey-card">
            {images?.[i] ? <img src={images[i]} alt={`测评二维码 ${i + 1}`} /> : <div style={{ width: '34mm' }} />}
            <div>
              <h3>群众满意度测评卡</h3>
              <div className="village">
                {issued.townName} {issued.villageName}
              </div>
              <div className="how">微信或手机相机扫码作答；也可打开 {window.location.host}/m/survey 输入测评码：</div>
              <div className="code" data-testid="survey-card-code">
                {c.display}
              </div>
              <div className="privacy">每户一码，仅可作答一次。本测评不收集姓名、身份证号和手机号，不记录网络地址。</div>
            </div>
          </section>
        ))}
      </article>
    </div>
  );
}
