import JSZip from 'jszip';
import type { ExportData } from '../export-data.js';
import { renderChartsAsync } from './charts.js';
import { buildReportDocument } from './docx.js';
import { buildSlides } from './pptx.js';
import {
  buildExemplarWorkbook,
  buildQuotaWorkbook,
  buildRecognitionWorkbook,
  buildRegistrationWorkbook,
  buildSubmissionWorkbook,
} from './xlsx.js';

/** One file of the pack: its path inside the ZIP and its bytes. */
export interface PackFile {
  path: string;
  bytes: Buffer | string;
}

/** ASCII file names keep every unzip tool and old Windows Explorer happy. */
export const PACK_FILES = {
  registrations: 'bang-bieu/01-tong-hop-dang-ky-mo-hinh.xlsx',
  recognitions: 'bang-bieu/02-danh-sach-mo-hinh-duoc-cong-nhan.xlsx',
  exemplars: 'bang-bieu/03-danh-sach-dien-hinh.xlsx',
  quotas: 'bang-bieu/04-ket-qua-thuc-hien-chi-tieu.xlsx',
  submissions: 'bang-bieu/05-tinh-hinh-gui-bao-cao.xlsx',
  report: 'bao-cao-ket-qua-dan-van-kheo.docx',
  slides: 'trinh-chieu-hoi-nghi-tong-ket.pptx',
  charts: 'bieu-do',
} as const;

/** Every file of the pack, built from the one ExportData (pure: no I/O, no clock). */
export async function buildPackFiles(data: ExportData): Promise<PackFile[]> {
  // Charts rasterise on the thread pool while the spreadsheets are written here.
  const pending = renderChartsAsync(data);
  pending.catch(() => undefined);
  const registrations = await buildRegistrationWorkbook(data);
  const recognitions = await buildRecognitionWorkbook(data);
  const exemplars = await buildExemplarWorkbook(data);
  const quotas = await buildQuotaWorkbook(data);
  const submissions = await buildSubmissionWorkbook(data);
  const charts = await pending;
  const report = await buildReportDocument(data, charts);
  const slides = await buildSlides(data, charts);
  return [
    { path: PACK_FILES.report, bytes: report },
    { path: PACK_FILES.slides, bytes: slides },
    { path: PACK_FILES.registrations, bytes: registrations },
    { path: PACK_FILES.recognitions, bytes: recognitions },
    { path: PACK_FILES.exemplars, bytes: exemplars },
    { path: PACK_FILES.quotas, bytes: quotas },
    { path: PACK_FILES.submissions, bytes: submissions },
    ...charts.flatMap((c) => [
      { path: `${PACK_FILES.charts}/${c.slug}.png`, bytes: c.png },
      { path: `${PACK_FILES.charts}/${c.slug}.svg`, bytes: c.svg },
    ]),
  ];
}

/** The ZIP the button and the CLI hand out. Office files are already compressed: stored as they are. */
export async function buildExportZip(data: ExportData): Promise<Buffer> {
  const zip = new JSZip();
  const date = data.meta.issuedOn;
  for (const file of await buildPackFiles(data)) {
    const compressed = file.path.endsWith('.svg');
    zip.file(file.path, file.bytes, { date, compression: compressed ? 'DEFLATE' : 'STORE' });
  }
  return zip.generateAsync({ type: 'nodebuffer', platform: 'UNIX' });
}

/** "dan-van-kheo-2026-dang-uy-xa-dong-hoa.zip": the download's name, ASCII only. */
export function packFileName(data: ExportData): string {
  const slug = data.meta.unitName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  const years = data.meta.fromYear !== null && data.meta.fromYear < data.meta.year ? `${data.meta.fromYear}-${data.meta.year}` : `${data.meta.year}`;
  return `dan-van-kheo-${years}-${slug || 'don-vi'}.zip`;
}
