/**
 * Hand-written WordprocessingML for reader tests: each test states the exact
 * XML Word writes (w:sym, w14:checkbox, FORMCHECKBOX, gridSpan, vMerge,
 * rFonts), zipped with jszip, so the reader is tested against the format and
 * not against our own generator.
 */
import JSZip from 'jszip';
import type { DocumentBlock, Grid, WordDocument } from '../../src/grid.js';

const NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A run; `font` sets w:rFonts. */
export function r(text: string, font?: string, bold = false): string {
  const rPr = font || bold ? `<w:rPr>${font ? `<w:rFonts w:ascii="${font}" w:hAnsi="${font}"/>` : ''}${bold ? '<w:b/>' : ''}</w:rPr>` : '';
  return `<w:r>${rPr}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

export function p(...runs: string[]): string {
  return `<w:p>${runs.map((x) => (x.startsWith('<') ? x : r(x))).join('')}</w:p>`;
}

export function sym(char: string, font = 'Wingdings'): string {
  return `<w:r><w:sym w:font="${font}" w:char="${char}"/></w:r>`;
}

/** A w14 check-box content control whose shown glyph may disagree with its state (the state wins). */
export function checkbox(checked: boolean, glyph = checked ? '☐' : '☒'): string {
  return `<w:sdt><w:sdtPr><w14:checkbox><w14:checked w14:val="${checked ? 1 : 0}"/><w14:checkedState w14:val="2612" w14:font="MS Gothic"/><w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr><w:sdtContent><w:r><w:t>${glyph}</w:t></w:r></w:sdtContent></w:sdt>`;
}

/** A legacy form-field check box (FORMCHECKBOX). */
export function formCheckbox(checked: boolean): string {
  return `<w:r><w:fldChar w:fldCharType="begin"><w:ffData><w:name w:val="Check1"/><w:enabled/><w:checkBox><w:sizeAuto/><w:default w:val="${checked ? 1 : 0}"/></w:checkBox></w:ffData></w:fldChar></w:r><w:r><w:instrText xml:space="preserve"> FORMCHECKBOX </w:instrText></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>`;
}

export interface Tc { text?: string; xml?: string; span?: number; vmerge?: 'restart' | 'continue' }

export function tbl(rows: (Tc | string)[][]): string {
  const tr = rows.map((cells) => `<w:tr>${cells.map((c) => {
    const cell: Tc = typeof c === 'string' ? { text: c } : c;
    const pr = `${cell.span ? `<w:gridSpan w:val="${cell.span}"/>` : ''}${cell.vmerge === 'restart' ? '<w:vMerge w:val="restart"/>' : cell.vmerge === 'continue' ? '<w:vMerge/>' : ''}`;
    const body = cell.xml ?? (cell.text ?? '').split('\n').map((l) => p(l)).join('');
    return `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${body || '<w:p/>'}</w:tc>`;
  }).join('')}</w:tr>`).join('');
  return `<w:tbl><w:tblPr/>${tr}</w:tbl>`;
}

export function documentXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const RELS = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

export async function docx(body: string, opts: { styles?: string; rawDocument?: string; files?: Record<string, string> } = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', CONTENT_TYPES);
  zip.file('_rels/.rels', RELS);
  zip.file('word/document.xml', opts.rawDocument ?? documentXml(body));
  if (opts.styles) zip.file('word/styles.xml', opts.styles);
  for (const [name, content] of Object.entries(opts.files ?? {})) zip.file(name, content);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export function paragraphs(doc: WordDocument | null): string[] {
  return (doc?.blocks ?? []).filter((b): b is Extract<DocumentBlock, { type: 'paragraph' }> => b.type === 'paragraph').map((b) => b.text);
}

export function tables(doc: WordDocument | null): Grid[] {
  return (doc?.blocks ?? []).filter((b): b is Extract<DocumentBlock, { type: 'table' }> => b.type === 'table').map((b) => b.grid);
}

/** Cell texts of a grid, covered cells as '<r,c>'. */
export function cells(grid: Grid | undefined): string[][] {
  return (grid?.rows ?? []).map((row) => row.map((c) => (c ? (c.mergedInto ? `<${c.mergedInto.join(',')}>` : c.text) : '')));
}
