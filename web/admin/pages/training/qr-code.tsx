import { useEffect, useState } from 'react';
import { Skeleton } from 'antd';
import QRCode from 'qrcode';

/** A QR code drawn in the browser (no network service): the link never leaves the page. */
export function QrCode({ text, size, label = '签到二维码' }: { text: string; size: number; label?: string }) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    // Twice the shown size so it stays sharp on a projector and in print.
    QRCode.toDataURL(text, { width: size * 2, margin: 1, errorCorrectionLevel: 'M' })
      .then((data) => live && setUrl(data))
      .catch(() => live && setUrl(null));
    return () => {
      live = false;
    };
  }, [text, size]);
  if (!url) return <Skeleton.Node active style={{ width: size, height: size }} />;
  return <img src={url} width={size} height={size} alt={label} data-testid="sign-in-qr" style={{ display: 'block', imageRendering: 'pixelated' }} />;
}

export function absoluteUrl(path: string): string {
  return `${window.location.origin}${path}`;
}
