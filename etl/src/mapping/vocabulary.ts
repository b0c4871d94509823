/**
 * Header vocabulary: the Vietnamese spellings units use for each canonical
 * column, matched on folded text (no diacritics, lower case, tone-placement
 * insensitive), so "TÊN MÔ HÌNH", "Ten mo hinh" and "Tên\nmô hình" agree.
 */
import { fold } from '../text/vietnamese.js';

export type Role =
  | 'stt'
  | 'model_name'
  | 'name'
  | 'field'
  | 'owner'
  | 'owner_type'
  | 'owner_collective'
  | 'owner_individual'
  | 'unit'
  | 'location'
  | 'period'
  | 'start_date'
  | 'end_date'
  | 'launch_date'
  | 'content'
  | 'goal'
  | 'person_in_charge'
  | 'status'
  | 'status_new'
  | 'status_continued'
  | 'status_replicated'
  | 'status_dropped'
  | 'note'
  | 'level'
  | 'decision'
  | 'decision_no'
  | 'decision_date'
  | 'position'
  | 'award'
  | 'year'
  | 'models_registered'
  | 'models_new'
  | 'models_continued'
  | 'models_replicated'
  | 'recognized_commune'
  | 'recognized_district'
  | 'recognized_province'
  | 'exemplars_collective'
  | 'exemplars_individual';

/** Folded, punctuation-free key used for all header matching. */
export function headerKey(text: string): string {
  return fold(text)
    .replace(/[\r\n]+/g, ' ')
    .replace(/[^a-z0-9/ ]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Phrases in plain folded form; `abbr` are exact-only short forms. */
const VOCAB: { role: Role; phrases: string[]; abbr?: string[] }[] = [
  { role: 'stt', phrases: ['stt', 'so tt', 'so thu tu', 'thu tu', 'tt'], abbr: ['stt', 'tt', 'no'] },
  {
    role: 'model_name',
    phrases: [
      'ten mo hinh', 'ten mo hinh dan van kheo', 'mo hinh', 'ten mo hinh dien hinh', 'mo hinh dan van kheo',
      'ten mo hinh dang ky', 'ten mo hinh duoc cong nhan', 'ten mo hinh/dien hinh', 'mo hinh/dien hinh', 'ten mo hinh, dien hinh',
      'ten mo hinh dien hinh dan van kheo', 'mo hinh tham gia', 'thuoc mo hinh', 'mo hinh gan voi',
    ],
    abbr: ['tmh'],
  },
  {
    role: 'name',
    phrases: [
      'ho va ten', 'ho ten', 'ten tap the/ca nhan', 'ten tap the ca nhan', 'tap the/ca nhan', 'ten dien hinh', 'ho ten/ten tap the',
      'ten tap the, ca nhan', 'ten don vi/ca nhan duoc de nghi', 'tap the, ca nhan', 'ten tap the hoac ca nhan',
    ],
  },
  { role: 'field', phrases: ['linh vuc', 'linh vuc thuc hien', 'thuoc linh vuc', 'linh vuc mo hinh'], abbr: ['lv'] },
  {
    role: 'owner',
    phrases: [
      'chu the thuc hien', 'chu the', 'chu mo hinh', 'don vi thuc hien', 'don vi/ca nhan', 'don vi/ca nhan thuc hien', 'don vi ca nhan thuc hien',
      'tap the/ca nhan thuc hien', 'tap the, ca nhan thuc hien', 'co quan/don vi', 'don vi dang ky', 'chu the xay dung mo hinh', 'don vi chu tri',
      'to chuc/ca nhan thuc hien', 'chu the thuc hien mo hinh', 'don vi xay dung',
    ],
  },
  { role: 'owner_type', phrases: ['loai chu the', 'doi tuong', 'tap the hay ca nhan', 'loai', 'phan loai chu the'] },
  { role: 'unit', phrases: ['don vi', 'don vi cong tac', 'co quan don vi', 'noi cong tac', 'co quan', 'thuoc don vi'] },
  { role: 'location', phrases: ['dia ban', 'dia chi', 'dia ban thuc hien', 'dia diem', 'dia ban/dia chi', 'noi thuc hien', 'dia chi/dia ban'] },
  { role: 'period', phrases: ['thoi gian thuc hien', 'thoi gian', 'thoi gian xay dung', 'thoi han thuc hien', 'tg thuc hien'] },
  { role: 'start_date', phrases: ['thoi gian bat dau', 'bat dau', 'tu ngay', 'ngay bat dau', 'tu', 'tu thang', 'thoi diem bat dau'] },
  { role: 'end_date', phrases: ['thoi gian ket thuc', 'ket thuc', 'den ngay', 'ngay ket thuc', 'den', 'den thang', 'thoi diem ket thuc'] },
  { role: 'launch_date', phrases: ['thoi gian ra mat', 'ngay ra mat', 'ra mat', 'du kien ra mat', 'thoi gian ra mat mo hinh', 'ra mat mo hinh'] },
  { role: 'content', phrases: ['noi dung', 'noi dung chinh', 'noi dung thuc hien', 'noi dung mo hinh', 'noi dung chu yeu', 'tom tat noi dung', 'noi dung, giai phap', 'cach lam'] },
  { role: 'goal', phrases: ['muc tieu', 'muc dich', 'muc tieu mo hinh', 'chi tieu'] },
  { role: 'person_in_charge', phrases: ['nguoi phu trach', 'nguoi chiu trach nhiem', 'phu trach', 'can bo phu trach', 'nguoi theo doi', 'chu tri'] },
  { role: 'status', phrases: ['hinh thuc', 'phan loai', 'tinh trang', 'loai mo hinh', 'hinh thuc dang ky', 'phan loai mo hinh', 'mo hinh moi/duy tri', 'trang thai', 'moi/duy tri', 'moi/duy tri/nhan rong', 'moi, duy tri, nhan rong', 'moi/nhan rong/duy tri', 'duy tri/moi'] },
  { role: 'status_new', phrases: ['moi', 'xay dung moi', 'dang ky moi', 'mo hinh moi'] },
  { role: 'status_continued', phrases: ['duy tri', 'tiep tuc', 'tiep tuc duy tri', 'mo hinh duy tri'] },
  { role: 'status_replicated', phrases: ['nhan rong', 'mo hinh nhan rong'] },
  { role: 'status_dropped', phrases: ['loai bo', 'dung thuc hien'] },
  { role: 'note', phrases: ['ghi chu', 'ghi chu khac'] },
  { role: 'level', phrases: ['cap cong nhan', 'cap', 'cap do', 'cap de nghi cong nhan', 'cong nhan cap'] },
  { role: 'decision', phrases: ['quyet dinh cong nhan', 'quyet dinh', 'so, ngay quyet dinh', 'so ngay quyet dinh', 'quyet dinh so, ngay', 'so/ngay quyet dinh', 'can cu quyet dinh'] },
  { role: 'decision_no', phrases: ['so quyet dinh', 'so qd', 'quyet dinh so', 'so hieu quyet dinh', 'so'] },
  { role: 'decision_date', phrases: ['ngay quyet dinh', 'ngay qd', 'ngay ky', 'ngay cong nhan', 'ngay ban hanh', 'ngay', 'ngay thang'] },
  { role: 'position', phrases: ['chuc vu', 'chuc danh', 'chuc vu/chuc danh', 'chuc vu, chuc danh'] },
  { role: 'award', phrases: ['hinh thuc khen thuong', 'khen thuong', 'danh hieu', 'hinh thuc khen', 'hinh thuc de nghi khen thuong', 'de nghi khen thuong', 'muc khen'] },
  { role: 'year', phrases: ['nam', 'nam dang ky', 'nam thuc hien'] },
  { role: 'models_registered', phrases: ['so mo hinh dang ky', 'tong so mo hinh', 'dang ky', 'tong so mo hinh dang ky', 'so luong mo hinh'] },
  { role: 'models_new', phrases: ['mo hinh moi', 'so mo hinh moi'] },
  { role: 'models_continued', phrases: ['so mo hinh duy tri'] },
  { role: 'models_replicated', phrases: ['so mo hinh nhan rong'] },
  { role: 'recognized_commune', phrases: ['cong nhan cap xa', 'cap xa'] },
  { role: 'recognized_district', phrases: ['cong nhan cap huyen', 'cap huyen'] },
  { role: 'recognized_province', phrases: ['cong nhan cap tinh', 'cap tinh', 'cap thanh pho', 'cap tinh/thanh pho'] },
  { role: 'exemplars_collective', phrases: ['dien hinh tap the', 'tap the'] },
  { role: 'exemplars_individual', phrases: ['dien hinh ca nhan', 'ca nhan'] },
];

interface Compiled {
  role: Role;
  phrase: string;
  abbr: boolean;
}

const COMPILED: Compiled[] = VOCAB.flatMap((v) => [
  ...v.phrases.map((p) => ({ role: v.role, phrase: headerKey(p), abbr: false })),
  ...(v.abbr ?? []).map((p) => ({ role: v.role, phrase: headerKey(p), abbr: true })),
]);

const EXACT = new Map<string, Role>();
for (const c of COMPILED) if (!EXACT.has(c.phrase)) EXACT.set(c.phrase, c.role);

/** Roles that only make sense as sub-columns or in report tables; they never match by containment. */
const EXACT_ONLY = new Set<Role>([
  'status_new', 'status_continued', 'status_replicated', 'status_dropped', 'year', 'stt',
  'models_registered', 'models_new', 'models_continued', 'models_replicated',
  'recognized_commune', 'recognized_district', 'recognized_province', 'exemplars_collective', 'exemplars_individual',
]);

export interface RoleMatch {
  role: Role;
  confidence: number;
}

/** Containment candidates indexed by their first word, so a header is checked against a handful of phrases. */
const BY_FIRST_WORD = new Map<string, { role: Role; words: string[]; len: number }[]>();
for (const c of COMPILED) {
  if (c.abbr || EXACT_ONLY.has(c.role) || c.phrase.length < 4) continue;
  const words = c.phrase.split(' ');
  const list = BY_FIRST_WORD.get(words[0]!) ?? [];
  list.push({ role: c.role, words, len: c.phrase.length });
  BY_FIRST_WORD.set(words[0]!, list);
}

const CACHE = new Map<string, RoleMatch | null>();
const CACHE_LIMIT = 20_000;

/** Best role for one header text; null when nothing in the vocabulary fits. */
export function matchHeader(text: string): RoleMatch | null {
  const hit = CACHE.get(text);
  if (hit !== undefined) return hit;
  const m = matchHeaderUncached(text);
  if (CACHE.size >= CACHE_LIMIT) CACHE.clear();
  CACHE.set(text, m);
  return m;
}

function matchHeaderUncached(text: string): RoleMatch | null {
  const k = headerKey(text);
  if (k === '') return null;
  const exact = EXACT.get(k);
  if (exact) return { role: exact, confidence: 1 };
  // Headers often carry a parenthetical: "Thời gian thực hiện (từ … đến …)".
  const hasParen = text.includes('(');
  const bare = hasParen ? headerKey(text.replace(/\(.*$/s, ' ')) : k;
  const k2 = hasParen ? headerKey(text.replace(/\(.*?\)/gs, ' ')) : k;
  for (const cand of [bare, k2]) {
    const e = EXACT.get(cand);
    if (e) return { role: e, confidence: 0.95 };
  }
  // A phrase at the start reads as the header's head ("Tên mô hình đăng ký"), inside as a weaker hint.
  const tokens = k2.split(' ');
  let best: { role: Role; confidence: number; len: number } | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const cands = BY_FIRST_WORD.get(tokens[i]!);
    if (!cands) continue;
    for (const c of cands) {
      if (i + c.words.length > tokens.length) continue;
      let ok = true;
      for (let j = 1; j < c.words.length; j++) {
        if (tokens[i + j] !== c.words[j]) {
          ok = false;
          break;
        }
      }
      if (!ok) continue;
      if (i === 0 && c.words.length === tokens.length) continue; // whole key: the exact map already said no
      const conf = i === 0 ? 0.85 : 0.6;
      if (!best || conf > best.confidence || (conf === best.confidence && c.len > best.len)) best = { role: c.role, confidence: conf, len: c.len };
    }
  }
  return best ? { role: best.role, confidence: best.confidence } : null;
}

/** True when a cell's text is a plausible header word (for header-row detection). */
export function isHeaderLike(text: string): boolean {
  const k = headerKey(text);
  if (k.length === 0 || k.length > 80) return false;
  return matchHeader(text) !== null;
}
