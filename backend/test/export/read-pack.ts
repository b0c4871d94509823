import { Resvg } from '@resvg/resvg-js';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

/** Readers the export tests use to open every produced file again. */

export async function unzip(bytes: Buffer | Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Buffer>();
  for (const [name, entry] of Object.entries(zip.files)) {
    if (!entry.dir) out.set(name, await entry.async('nodebuffer'));
  }
  return out;
}

const decodeXml = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n))).replace(/&amp;/g, '&');

/** The text of each Word paragraph (w:p), runs joined: what a reader of word/document.xml sees. */
export async function docxParagraphs(bytes: Buffer): Promise<string[]> {
  const files = await unzip(bytes);
  const xml = files.get('word/document.xml')?.toString('utf8') ?? '';
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((m) =>
    decodeXml([...m[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}

/** The text of each slide, in slide order. */
export async function pptxSlides(bytes: Buffer): Promise<{ text: string; images: number }[]> {
  const files = await unzip(bytes);
  const slides = [...files.keys()].filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k))
    .sort((a, b) => Number(/(\d+)\.xml/.exec(a)![1]) - Number(/(\d+)\.xml/.exec(b)![1]));
  return slides.map((k) => {
    const xml = files.get(k)!.toString('utf8');
    return {
      text: decodeXml([...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((t) => t[1]).join(' ')),
      images: (xml.match(/<p:pic>/g) ?? []).length,
    };
  });
}

export async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('workbook without sheets');
  return sheet;
}

/** Every text cell of a sheet, for the Unicode checks. */
export function sheetTexts(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => {
    if (typeof cell.value === 'string') out.push(cell.value);
  }));
  return out;
}

/** Finds the first row whose cell in `column` equals `text`. */
export function rowWhere(sheet: ExcelJS.Worksheet, column: number, text: string): ExcelJS.Row | undefined {
  let found: ExcelJS.Row | undefined;
  sheet.eachRow((row) => {
    if (!found && row.getCell(column).value === text) found = row;
  });
  return found;
}

/** PNG facts: signature, size from IHDR, and the grey-level variance of the decoded pixels. */
export function pngStats(png: Buffer): { signature: boolean; width: number; height: number; variance: number } {
  const signature = png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  // Decode through resvg: an SVG holding the PNG as an image, rendered 1:1.
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}"><image width="${width}" height="${height}" xlink:href="data:image/png;base64,${png.toString('base64')}"/></svg>`;
  const pixels = new Resvg(svg).render().pixels;
  let sum = 0;
  let sumSq = 0;
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4 * 7) {
    const grey = 0.299 * pixels[i]! + 0.587 * pixels[i + 1]! + 0.114 * pixels[i + 2]!;
    sum += grey;
    sumSq += grey * grey;
    n++;
  }
  const mean = sum / n;
  return { signature, width, height, variance: sumSq / n - mean * mean };
}

/** UTF-8 read as Windows-1252 / Latin-1: "Ä‘" for "đ", "Ã¡" for "á", "áº" for "ạ…", "â€œ" for "“". */
const MOJIBAKE = /[ÃÄÆ][\u0080-\u00bf\u2018\u2019\u201a\u201c\u201d\u2020\u2021\u2026\u2030\u2039\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u02c6\u02dc\u2122\u2013\u2014]|á[\u00ba\u00bb]|â€|\ufffd/;

export function badUnicode(texts: string[]): string[] {
  return texts.filter((t) => t !== t.normalize('NFC') || MOJIBAKE.test(t));
}
