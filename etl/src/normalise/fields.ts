/**
 * The four fields (lĩnh vực) of a model: reading what a file says, and
 * inferring the field from a model's name and owner when the file says nothing.
 */
import type { Field } from '../contract.js';
import { fold, nfc } from '../text/vietnamese.js';

/** Vietnamese labels, for messages and reasons. */
export const FIELD_LABELS: Record<Field, string> = {
  economy: 'Kinh tế',
  culture_society: 'Văn hóa - xã hội',
  defense_security: 'Quốc phòng - an ninh, dân tộc - tôn giáo',
  political_system: 'Xây dựng hệ thống chính trị',
};

// Folded spellings of each field, after prefixes ("I.", "Lĩnh vực", "Trong") are removed.
const FIELD_NAMES: Record<string, Field> = {};
function names(field: Field, list: string[]): void {
  for (const n of list) FIELD_NAMES[n] = field;
}
names('economy', ['kinh te', 'phat trien kinh te', 'kt', 'kinh te nong nghiep', 'kinh te nong thon']);
names('culture_society', [
  'van hoa xa hoi', 'vh xh', 'vhxh', 'van hoa', 'xa hoi', 'van hoa giao duc', 'van hoa xa hoi moi truong',
  'vh xa hoi', 'van hoa va xa hoi',
]);
names('political_system', [
  'xay dung he thong chinh tri', 'cung co va xay dung he thong chinh tri', 'cung co xay dung he thong chinh tri',
  'xdhtct', 'xd htct', 'htct', 'he thong chinh tri', 'xay dung dang va he thong chinh tri',
  'xay dung dang he thong chinh tri', 'xay dung dang', 'xd dang', 'xdd', 'xay dung dang chinh quyen',
  'xay dung dang chinh quyen doan the', 'xay dung chinh quyen', 'chinh tri', 'xd he thong chinh tri',
  'xay dung dang va chinh quyen',
]);
names('defense_security', ['qp an', 'qpan', 'an qp', 'anqp', 'qp', 'an ninh', 'quoc phong', 'dt tg', 'dttg', 'tg dt']);

// Token bag for the many ways of naming the security field:
// "Quốc phòng, an ninh, dân tộc, tôn giáo", "An ninh - quốc phòng", "Tôn giáo - dân tộc" …
const DEFENSE_TOKENS = new Set([
  'quoc', 'phong', 'an', 'ninh', 'dan', 'toc', 'ton', 'giao', 'qp', 'va', 'trat', 'tu', 'dt', 'tg', 'qpan', 'antt',
]);

function stripFieldPrefix(folded: string): string {
  let s = folded;
  // Enumerations: "i", "ii", "1", "2 1", "a", "phan i" …
  s = s.replace(/^(?:phan |muc )?(?:[ivx]{1,4}|\d{1,2}(?: \d{1,2})*|[a-d])(?= )\s*/, '');
  s = s.replace(/^(?:cac |nhom )?(?:mo hinh )?(?:thuoc |trong )?(?:cac )?(?:linh vuc |lv )?/, '');
  s = s.replace(/^(?:ve |cong tac )/, '');
  return s.trim();
}

/**
 * The field a cell names: full names, abbreviations, group-row titles
 * ("I. LĨNH VỰC KINH TẾ"). Null when the text names no field or is ambiguous
 * ("Kinh tế - xã hội").
 */
export function parseField(text: string | null | undefined): Field | null {
  if (typeof text !== 'string') return null;
  // A count in brackets after a group title: "I. Lĩnh vực kinh tế (05 mô hình)".
  const folded = fold(nfc(text).replace(/\([^)]*\)\s*[:.]?$/u, ''));
  if (folded === '' || folded.length > 80) return null;
  const s = stripFieldPrefix(folded);
  if (s === '') return null;
  const direct = FIELD_NAMES[s];
  if (direct !== undefined) return direct;
  const tokens = s.split(' ');
  if (tokens.every((t) => DEFENSE_TOKENS.has(t)) && /quoc phong|an ninh|ton giao|dan toc|qp|antt/.test(s)) {
    return 'defense_security';
  }
  if (/^(?:cung co (?:va )?)?(?:xay dung|xd) (?:to chuc )?(?:dang|chinh quyen|he thong chinh tri)/.test(s) && !/kinh te|van hoa/.test(s)) {
    return 'political_system';
  }
  return null;
}

// ---------------------------------------------------------------------------
// Inference

type Weights = Partial<Record<Field, number>>;

/** Keywords in model names (folded), with weights per field, from the seeds' lists of typical contents. */
const NAME_KEYWORDS: [string, Weights][] = [
  // Economy (seed 001 §3.1, seed 004 II.2.1)
  ['giai phong mat bang', { economy: 3 }],
  ['gpmb', { economy: 3 }],
  ['hien dat', { economy: 2 }],
  ['lam duong', { economy: 1 }],
  ['ha tang giao thong', { economy: 2 }],
  ['be tong hoa', { economy: 2 }],
  ['ocop', { economy: 3 }],
  ['mot san pham', { economy: 2 }],
  ['nong thon moi', { economy: 3 }],
  ['kieu mau', { economy: 1 }],
  ['kinh te', { economy: 3 }],
  ['san xuat', { economy: 2 }],
  ['kinh doanh', { economy: 2 }],
  ['lang nghe', { economy: 2 }],
  ['chuoi lien ket', { economy: 3 }],
  ['lien ket', { economy: 1 }],
  ['tieu thu', { economy: 2 }],
  ['nong san', { economy: 2 }],
  ['nong nghiep', { economy: 2 }],
  ['huu co', { economy: 2 }],
  ['cong nghe cao', { economy: 2 }],
  ['don dien', { economy: 3 }],
  ['doi thua', { economy: 3 }],
  ['bo hoang', { economy: 2 }],
  ['cay trong', { economy: 2 }],
  ['vat nuoi', { economy: 2 }],
  ['chan nuoi', { economy: 2 }],
  ['nuoi ong', { economy: 2 }], ['chuoi gia tri', { economy: 2 }], // one-line fix from the spreadsheet ETL: beekeeping and value chains are economy
  ['trong trot', { economy: 2 }],
  ['von vay', { economy: 2 }],
  ['tin dung', { economy: 2 }],
  ['tiet kiem', { economy: 1 }],
  ['khoi nghiep', { economy: 2 }],
  ['giam ngheo', { economy: 2, culture_society: 1 }],
  ['thoat ngheo', { economy: 2 }],
  ['lam giau', { economy: 2 }],
  ['du lich', { economy: 2 }],
  ['thuong mai', { economy: 2 }],
  ['viec lam', { economy: 2 }],
  ['hop tac xa', { economy: 2 }],
  ['trang trai', { economy: 2 }],
  ['canh dong', { economy: 2 }],
  ['cay an qua', { economy: 2 }],
  ['thuy san', { economy: 2 }],
  ['nuoi trong', { economy: 2 }],
  ['rau an toan', { economy: 2 }],
  ['vietgap', { economy: 3 }],
  ['thuong hieu', { economy: 1 }],
  ['san pham', { economy: 1 }],
  ['doanh nghiep', { economy: 1 }],
  ['nang suat', { economy: 2 }],
  ['vuon mau', { economy: 2 }],
  ['thuy loi', { economy: 2 }],
  ['khuyen nong', { economy: 2 }],
  // Culture and society (seed 001 §3.2, seed 004 II.2.2)
  ['bao hiem y te', { culture_society: 3 }],
  ['bhyt', { culture_society: 3 }],
  ['bao hiem xa hoi', { culture_society: 3 }],
  ['bhxh', { culture_society: 3 }],
  ['moi truong', { culture_society: 2 }],
  ['rac thai', { culture_society: 3 }],
  ['chat thai', { culture_society: 3 }],
  ['phan loai rac', { culture_society: 3 }],
  ['thu gom', { culture_society: 2 }],
  ['ve sinh', { culture_society: 2 }],
  ['cay xanh', { culture_society: 2 }],
  ['duong hoa', { culture_society: 3 }],
  ['sang xanh sach', { culture_society: 3 }],
  ['xanh sach dep', { culture_society: 3 }],
  ['van hoa doc', { culture_society: 3 }],
  ['tu sach', { culture_society: 2 }],
  ['thu vien', { culture_society: 2 }],
  ['chuyen doi so', { culture_society: 3 }],
  ['dich vu cong truc tuyen', { culture_society: 2, political_system: 1 }],
  ['binh dan hoc vu so', { culture_society: 3 }],
  ['cong dan so', { culture_society: 2 }],
  ['so hoa', { culture_society: 2 }],
  ['khong dung tien mat', { culture_society: 2 }],
  ['nguoi co cong', { culture_society: 3 }],
  ['den on dap nghia', { culture_society: 3 }],
  ['ho ngheo', { culture_society: 2 }],
  ['hoan canh kho khan', { culture_society: 2 }],
  ['nha dai doan ket', { culture_society: 2 }],
  ['nhan dao', { culture_society: 2 }],
  ['tu thien', { culture_society: 2 }],
  ['yeu the', { culture_society: 2 }],
  ['nguoi cao tuoi', { culture_society: 1 }],
  ['tre em', { culture_society: 1 }],
  ['thieu nhi', { culture_society: 1 }],
  ['gia dinh van hoa', { culture_society: 3 }],
  ['doi song van hoa', { culture_society: 3 }],
  ['van hoa', { culture_society: 1 }],
  ['van nghe', { culture_society: 2 }],
  ['the thao', { culture_society: 2 }],
  ['the duc', { culture_society: 2 }],
  ['le hoi', { culture_society: 2 }],
  ['viec cuoi', { culture_society: 2 }],
  ['viec tang', { culture_society: 2 }],
  ['nep song van minh', { culture_society: 3 }],
  ['xa hoi hoc tap', { culture_society: 3 }],
  ['khuyen hoc', { culture_society: 3 }],
  ['hoc tap', { culture_society: 1 }],
  ['giao duc', { culture_society: 2 }],
  ['y te', { culture_society: 2 }],
  ['suc khoe', { culture_society: 2 }],
  ['dich benh', { culture_society: 2 }],
  ['tiem chung', { culture_society: 2 }],
  ['an toan thuc pham', { culture_society: 3 }],
  ['huong uoc', { culture_society: 2 }],
  ['quy uoc', { culture_society: 2 }],
  ['lan chiem', { culture_society: 2 }],
  ['via he', { culture_society: 2 }],
  ['cong nhan lao dong', { culture_society: 2 }],
  ['an sinh xa hoi', { culture_society: 3 }],
  ['phuc loi', { culture_society: 2 }],
  ['bao ton', { culture_society: 2 }],
  ['di tich', { culture_society: 2 }],
  ['ban sac', { culture_society: 2 }],
  ['khu vui choi', { culture_society: 2 }],
  ['hanh lang giao thong', { culture_society: 1 }],
  ['an toan giao thong', { culture_society: 1, defense_security: 1 }],
  ['dan so', { culture_society: 2 }],
  ['binh dang gioi', { culture_society: 2 }],
  ['bao luc gia dinh', { culture_society: 2 }],
  ['nuoc sach', { culture_society: 2 }],
  ['thap sang', { culture_society: 2 }],
  ['tu quan', { culture_society: 1 }],
  // Defence, security, ethnicity and religion (seed 001 §3.3, seed 004 II.2.3)
  ['an ninh trat tu', { defense_security: 3 }],
  ['antt', { defense_security: 3 }],
  ['an ninh', { defense_security: 2 }],
  ['toi pham', { defense_security: 3 }],
  ['te nan', { defense_security: 3 }],
  ['ma tuy', { defense_security: 3 }],
  ['cai nghien', { defense_security: 3 }],
  ['lam lo', { defense_security: 3 }],
  ['hoa nhap cong dong', { defense_security: 2 }],
  ['camera', { defense_security: 3 }],
  ['phong chay', { defense_security: 3 }],
  ['chua chay', { defense_security: 3 }],
  ['pccc', { defense_security: 3 }],
  ['nghia vu quan su', { defense_security: 3 }],
  ['quan su', { defense_security: 2 }],
  ['tuyen quan', { defense_security: 3 }],
  ['nhap ngu', { defense_security: 3 }],
  ['kham tuyen', { defense_security: 2 }],
  ['hau phuong quan doi', { defense_security: 3 }],
  ['dan quan', { defense_security: 2 }],
  ['quoc phong', { defense_security: 3 }],
  ['bien gioi', { defense_security: 3 }],
  ['cot moc', { defense_security: 2 }],
  ['ton giao', { defense_security: 3 }],
  ['co dao', { defense_security: 3 }],
  ['giao xu', { defense_security: 3 }],
  ['giao dan', { defense_security: 2 }],
  ['tot doi dep dao', { defense_security: 3 }],
  ['luong giao', { defense_security: 3 }],
  ['chuc sac', { defense_security: 3 }],
  ['tin do', { defense_security: 2 }],
  ['dan toc thieu so', { defense_security: 3 }],
  ['dan toc', { defense_security: 2 }],
  ['nguoi co uy tin', { defense_security: 2 }],
  ['hoa giai', { defense_security: 2, political_system: 1 }],
  ['mau thuan', { defense_security: 2 }],
  ['diem nong', { defense_security: 2 }],
  ['an ninh mang', { defense_security: 2 }],
  ['lua dao', { defense_security: 3 }],
  ['chap hanh phap luat', { defense_security: 2 }],
  ['phap luat', { defense_security: 1 }],
  ['nha tro', { defense_security: 2 }],
  ['tam tru', { defense_security: 2 }],
  ['to quoc', { defense_security: 1 }],
  ['bao ve to quoc', { defense_security: 2 }],
  // Political system (seed 001 §3.4, seed 004 II.2.4)
  ['chinh quyen than thien', { political_system: 3 }],
  ['than thien', { political_system: 2 }],
  ['cai cach hanh chinh', { political_system: 3 }],
  ['thu tuc hanh chinh', { political_system: 3 }],
  ['cchc', { political_system: 3 }],
  ['mot cua', { political_system: 3 }],
  ['hanh chinh cong', { political_system: 3 }],
  ['tiep cong dan', { political_system: 3 }],
  ['khieu nai', { political_system: 3 }],
  ['to cao', { political_system: 2 }],
  ['phat trien dang vien', { political_system: 3 }],
  ['ket nap', { political_system: 3 }],
  ['dang vien', { political_system: 2 }],
  ['to chuc dang', { political_system: 3 }],
  ['co so dang', { political_system: 2 }],
  ['sinh hoat chi bo', { political_system: 3 }],
  ['chi bo', { political_system: 1 }],
  ['bon tot', { political_system: 2 }],
  ['dan chu o co so', { political_system: 3 }],
  ['dan chu co so', { political_system: 3 }],
  ['quy che dan chu', { political_system: 3 }],
  ['giam sat', { political_system: 2 }],
  ['phan bien', { political_system: 2 }],
  ['gop y xay dung dang', { political_system: 3 }],
  ['xay dung dang', { political_system: 3 }],
  ['he thong chinh tri', { political_system: 3 }],
  ['doan vien', { political_system: 2 }],
  ['hoi vien', { political_system: 2 }],
  ['neu guong', { political_system: 2 }],
  ['nguoi dung dau', { political_system: 2 }],
  ['dao duc cong vu', { political_system: 3 }],
  ['van hoa cong vu', { political_system: 3, culture_society: -1 }],
  ['cong vu', { political_system: 2 }],
  ['phuc vu nhan dan', { political_system: 2 }],
  ['nhan dan phuc vu', { political_system: 2 }],
  ['cai cach tu phap', { political_system: 3 }],
  ['tro giup phap ly', { political_system: 3 }],
  ['thi hanh an', { political_system: 3 }],
  ['doi thoai', { political_system: 2 }],
  ['cong chuc', { political_system: 1 }],
  ['gan dan', { political_system: 2 }],
  ['sat dan', { political_system: 1 }],
  ['lang nghe dan', { political_system: 2 }],
];

/** Owner hints (folded), weighted above name keywords: the seeds say the owner is a strong hint. */
const OWNER_KEYWORDS: [string, Weights][] = [
  ['cong an', { defense_security: 4 }],
  ['bien phong', { defense_security: 4 }],
  ['quan su', { defense_security: 4 }],
  ['chi huy quan su', { defense_security: 4 }],
  ['dan quan', { defense_security: 3 }],
  ['quan doi', { defense_security: 3 }],
  ['giao xu', { defense_security: 4 }],
  ['giao ho', { defense_security: 3 }],
  ['ho dao', { defense_security: 3 }],
  ['phat giao', { defense_security: 3 }],
  ['tin lanh', { defense_security: 3 }],
  ['hoi thanh', { defense_security: 3 }],
  ['cuu chien binh', { defense_security: 1 }],
  ['hoi nong dan', { economy: 3 }],
  ['hop tac xa', { economy: 3 }],
  ['htx', { economy: 3 }],
  ['khuyen nong', { economy: 2 }],
  ['ngan hang chinh sach', { economy: 2 }],
  ['quy tin dung', { economy: 2 }],
  ['cong ty', { economy: 1 }],
  ['doanh nghiep', { economy: 1 }],
  ['mot cua', { political_system: 4 }],
  ['hanh chinh cong', { political_system: 4 }],
  ['tiep nhan va tra ket qua', { political_system: 4 }],
  ['uy ban kiem tra', { political_system: 2 }],
  ['ban xay dung dang', { political_system: 2 }],
  ['van phong dang uy', { political_system: 2 }],
  ['tram y te', { culture_society: 3 }],
  ['trung tam y te', { culture_society: 3 }],
  ['benh vien', { culture_society: 3 }],
  ['hoi chu thap do', { culture_society: 3 }],
  ['hoi khuyen hoc', { culture_society: 3 }],
  ['thu vien', { culture_society: 2 }],
  ['truong mam non', { culture_society: 1 }],
  ['truong tieu hoc', { culture_society: 1 }],
  ['truong thcs', { culture_society: 1 }],
  ['truong thpt', { culture_society: 1 }],
  ['van hoa', { culture_society: 1 }],
];

export interface FieldInference {
  field: Field | null;
  /** 0 … 1: how clearly the winning field beats the others and how much evidence there is. */
  confidence: number;
  /** Vietnamese: the keywords that decided. */
  reason: string;
}

const FIELDS: Field[] = ['economy', 'culture_society', 'defense_security', 'political_system'];

/** Words of a text as written, with their folded forms, to quote matched keywords as the file wrote them. */
interface Words {
  folded: string;
  original: string[];
  foldedWords: string[];
}

function words(text: string | null | undefined): Words {
  const original = nfc(text ?? '')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((w) => w !== '');
  const foldedWords = original.map((w) => fold(w));
  return { folded: foldedWords.join(' '), original, foldedWords };
}

/** The keyword as the text wrote it ("giai phong mat bang" → "giải phóng mặt bằng"). */
function quote(kw: string, w: Words): string {
  const parts = kw.split(' ');
  for (let i = 0; i + parts.length <= w.foldedWords.length; i++) {
    if (parts.every((p, j) => w.foldedWords[i + j] === p)) return w.original.slice(i, i + parts.length).join(' ');
  }
  return kw;
}

function score(
  w: Words,
  table: [string, Weights][],
  totals: Record<Field, number>,
  hits: Map<Field, string[]>,
  factor: number,
): void {
  const padded = ` ${w.folded} `;
  for (const [kw, weights] of table) {
    if (!padded.includes(` ${kw} `)) continue;
    for (const f of FIELDS) {
      const weight = weights[f];
      if (weight === undefined) continue;
      totals[f] += weight * factor;
      if (weight > 0) {
        const list = hits.get(f) ?? [];
        list.push(quote(kw, w));
        hits.set(f, list);
      }
    }
  }
}

/**
 * Infer a model's field from its name and owner (DOMAIN.md: "When a file
 * gives no field…"): a weighted keyword table, owner hints weighing more.
 * Null when nothing matches or two fields tie.
 */
export function inferField(modelName: string | null, owner?: string | null): FieldInference {
  const name = words(modelName);
  const own = words(owner);
  const totals: Record<Field, number> = { economy: 0, culture_society: 0, defense_security: 0, political_system: 0 };
  const nameHits = new Map<Field, string[]>();
  const ownerHits = new Map<Field, string[]>();
  score(name, NAME_KEYWORDS, totals, nameHits, 1);
  score(own, OWNER_KEYWORDS, totals, ownerHits, 1);
  // A name that names its unit ("Công an xã với …") carries the owner hint itself.
  if (own.folded === '') score(name, OWNER_KEYWORDS, totals, ownerHits, 1);

  const ranked = [...FIELDS].sort((a, b) => totals[b] - totals[a]);
  const best = ranked[0] as Field;
  const second = ranked[1] as Field;
  const top = totals[best];
  const runnerUp = Math.max(0, totals[second]);
  if (top <= 0) return { field: null, confidence: 0, reason: 'Không có từ khóa nào gợi ý lĩnh vực' };
  if (top === runnerUp) {
    return {
      field: null,
      confidence: 0,
      reason: `Không phân biệt được giữa ${FIELD_LABELS[best]} và ${FIELD_LABELS[second]}`,
    };
  }
  const margin = (top - runnerUp) / top;
  const amount = Math.min(1, top / 5);
  const confidence = Math.round(margin * amount * 100) / 100;
  const parts: string[] = [];
  const nh = nameHits.get(best);
  if (nh && nh.length > 0) parts.push(`tên có "${nh.join('", "')}"`);
  const oh = ownerHits.get(best);
  if (oh && oh.length > 0) parts.push(`chủ thể có "${oh.join('", "')}"`);
  return { field: best, confidence, reason: `${FIELD_LABELS[best]}: ${parts.join('; ')}` };
}
