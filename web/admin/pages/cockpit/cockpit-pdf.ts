// The cockpit as one A4 landscape PDF page for a report. The page is drawn on a canvas with the
// browser's own Chinese fonts (a PDF font with Chinese glyphs would weigh megabytes) and placed as
// one image; jsPDF, loaded only when a user exports, writes the file.

export type CockpitPdfInput = {
  title: string;
  /** The campaign line: its name and status, or that there is none. */
  campaign: string;
  date: string;
  stats: { title: string; value: string }[];
  /** Each chart drawn at a size in CSS pixels (as a PNG data URL at twice that), or null: none. */
  charts: { title: string; draw: ((width: number, height: number) => string) | null; empty: string }[];
  footer: string;
  fileName: string;
};

// A4 landscape (297 × 210 mm) at 200 dpi.
const W = 2339;
const H = 1654;
const M = 90;
const font = (px: number, weight = 400) => `${weight} ${px}px "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif`;
const red = '#c8161d';

function loadImage(src: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('chart image failed to load'));
    img.src = src;
  });
}

async function drawPage(input: CockpitPdfInput): Promise<HTMLCanvasElement> {
  const canvas = document.createElement('canvas');
  canvas.width = W;
  canvas.height = H;
  const g = canvas.getContext('2d');
  if (!g) throw new Error('canvas unavailable');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, W, H);
  g.textBaseline = 'alphabetic';

  // Header: title, campaign and date, a red rule.
  g.fillStyle = '#1f1f1f';
  g.font = font(52, 700);
  g.fillText(input.title, M, M + 52);
  g.font = font(30);
  g.fillStyle = '#434343';
  g.fillText(input.campaign, M, M + 110);
  g.textAlign = 'right';
  g.fillText(input.date, W - M, M + 110);
  g.textAlign = 'left';
  g.fillStyle = red;
  g.fillRect(M, M + 136, W - 2 * M, 5);

  // The figures in one row of boxes.
  const statsTop = M + 170;
  const gap = 24;
  const boxW = (W - 2 * M - gap * (input.stats.length - 1)) / input.stats.length;
  input.stats.forEach((s, i) => {
    const x = M + i * (boxW + gap);
    g.fillStyle = '#fafafa';
    g.fillRect(x, statsTop, boxW, 130);
    g.fillStyle = red;
    g.fillRect(x, statsTop, 6, 130);
    g.fillStyle = '#8c8c8c';
    g.font = font(26);
    g.fillText(s.title, x + 28, statsTop + 46);
    g.fillStyle = '#1f1f1f';
    g.font = font(44, 700);
    g.fillText(s.value, x + 28, statsTop + 108);
  });

  // The charts two by two, each scaled to fit its cell.
  const gridTop = statsTop + 130 + 40;
  const footerH = 50;
  const cellW = (W - 2 * M - gap) / 2;
  const cellH = (H - M - footerH - gridTop - gap) / 2;
  const areaW = cellW - 32;
  const areaH = cellH - 76;
  const images = await Promise.all(input.charts.map((c) => (c.draw ? loadImage(c.draw(Math.round(areaW / 2), Math.round(areaH / 2))) : Promise.resolve(null))));
  input.charts.slice(0, 4).forEach((c, i) => {
    const x = M + (i % 2) * (cellW + gap);
    const y = gridTop + Math.floor(i / 2) * (cellH + gap);
    g.strokeStyle = '#e8e8e8';
    g.lineWidth = 2;
    g.strokeRect(x, y, cellW, cellH);
    g.fillStyle = '#1f1f1f';
    g.font = font(30, 700);
    g.fillText(c.title, x + 24, y + 46);
    const img = images[i];
    const areaY = y + 66;
    if (img) {
      const scale = Math.min((cellW - 32) / img.width, areaH / img.height);
      const w = img.width * scale;
      const h = img.height * scale;
      g.drawImage(img, x + (cellW - w) / 2, areaY + (areaH - h) / 2, w, h);
    } else {
      g.fillStyle = '#bfbfbf';
      g.font = font(28);
      g.textAlign = 'center';
      g.fillText(c.empty, x + cellW / 2, areaY + areaH / 2);
      g.textAlign = 'left';
    }
  });

  g.fillStyle = '#8c8c8c';
  g.font = font(24);
  g.fillText(input.footer, M, H - M + 20);
  return canvas;
}

/** Draws the page and downloads it as a PDF. */
export async function exportCockpitPdf(input: CockpitPdfInput): Promise<void> {
  const [canvas, { jsPDF }] = await Promise.all([drawPage(input), import('jspdf')]);
  const pdf = new jsPDF({ orientation: 'landscape', unit: 'mm', format: 'a4', compress: true });
  pdf.addImage(canvas.toDataURL('image/jpeg', 0.92), 'JPEG', 0, 0, 297, 210);
  pdf.setProperties({ creator: 'fivestar' });
  pdf.save(input.fileName);
}
