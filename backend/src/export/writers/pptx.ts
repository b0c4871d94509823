import pptxgen from 'pptxgenjs';
import type { ExportData } from '../export-data.js';
import type { RenderedChart } from './charts.js';
import { reportSentences } from './docx.js';
import { cleanText, upper, vietnamDay } from './text.js';

/**
 * Slides for the tổng kết conference screen: a title slide, one slide of key
 * figures, then one slide per chart (16:9, the 1920 × 1080 PNGs full width).
 */

// The package's types describe a CommonJS module (NodeNext sees `default.default`);
// at run time its ESM build's default export is the class itself.
type PptxGenJS = InstanceType<typeof pptxgen.default>;
const PptxGenJS = ((pptxgen as unknown as { default?: typeof pptxgen.default }).default ?? pptxgen) as typeof pptxgen.default;

const FONT = 'Arial';
const NAVY = '1A2F5A';
const RED = 'B03A2E';

export async function buildSlides(data: ExportData, charts: RenderedChart[]): Promise<Buffer> {
  const { meta } = data;
  const pres: PptxGenJS = new PptxGenJS();
  pres.layout = 'LAYOUT_16x9'; // 10 × 5.625 in
  pres.title = cleanText(`Tổng kết phong trào thi đua “Dân vận khéo” năm ${meta.year}`);
  pres.company = cleanText(meta.unitName);
  pres.author = 'Dân vận khéo';

  const title = pres.addSlide();
  title.background = { color: 'FFFFFF' };
  title.addShape(pres.ShapeType.rect, { x: 0, y: 0, w: 10, h: 0.35, fill: { color: RED } });
  title.addText(upper(meta.issuerLine), { x: 0.5, y: 0.7, w: 9, h: 0.5, fontFace: FONT, fontSize: 18, bold: true, color: NAVY, align: 'center' });
  title.addText('HỘI NGHỊ TỔNG KẾT', { x: 0.5, y: 1.6, w: 9, h: 0.6, fontFace: FONT, fontSize: 26, bold: true, color: RED, align: 'center' });
  title.addText(cleanText(`Phong trào thi đua “Dân vận khéo” năm ${meta.year}`), {
    x: 0.5, y: 2.3, w: 9, h: 0.9, fontFace: FONT, fontSize: 30, bold: true, color: NAVY, align: 'center',
  });
  const day = vietnamDay(meta.issuedOn);
  title.addText(cleanText(`${meta.place}, tháng ${String(day.month).padStart(2, '0')} năm ${day.year}`), {
    x: 0.5, y: 4.4, w: 9, h: 0.4, fontFace: FONT, fontSize: 16, italic: true, color: '4A5263', align: 'center',
  });

  const s = reportSentences(data);
  const figures = pres.addSlide();
  figures.addText('KẾT QUẢ NỔI BẬT', { x: 0.4, y: 0.25, w: 9.2, h: 0.6, fontFace: FONT, fontSize: 24, bold: true, color: NAVY });
  figures.addText(
    [s.registration, s.fields, s.coverage, s.recognition, s.exemplars, s.quotas, ...(s.trend ? [s.trend] : [])].map((text) => ({
      text: cleanText(text),
      options: { bullet: true, breakLine: true },
    })),
    { x: 0.5, y: 1.0, w: 9, h: 4.3, fontFace: FONT, fontSize: 16, color: '1D2330', valign: 'top', paraSpaceAfter: 6 },
  );

  for (const chart of charts) {
    const slide = pres.addSlide();
    // Full width, or full height for a tall chart (one bar per unit), centred.
    const scale = Math.min(10 / chart.width, 5.625 / chart.height);
    const w = chart.width * scale;
    const h = chart.height * scale;
    slide.addImage({
      data: `image/png;base64,${chart.png.toString('base64')}`,
      x: (10 - w) / 2, y: (5.625 - h) / 2, w, h,
      altText: cleanText(chart.title),
    });
  }

  // Stored, not deflated: the slides are PNGs, already compressed.
  const out = await pres.write({ outputType: 'nodebuffer', compression: false });
  return Buffer.from(out as Uint8Array);
}
