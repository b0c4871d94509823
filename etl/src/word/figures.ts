/**
 * Figures in a result report's sentences and small tables, in the seeds'
 * style: "Toàn Đảng bộ đăng ký xây dựng 14 mô hình, trong đó 05 mô hình mới,
 * 09 mô hình duy trì; công nhận 9 mô hình cấp xã, 02 mô hình cấp huyện",
 * "có mười hai tập thể và 07 cá nhân được biểu dương".
 *
 * A number counts only when a noun follows it ("mô hình", "tập thể", "cá
 * nhân"); what it counts is read from the words after the noun (mới, duy trì,
 * cấp xã …) and then from the clause's verb (đăng ký, công nhận, biểu dương).
 * Clauses that state a target or a proposal (phấn đấu, chỉ tiêu, ít nhất, đề
 * nghị công nhận) are not results and give no figure.
 */
import type { Level } from '../contract.js';
import { parseLevel, parseVietnameseNumber } from '../normalise/index.js';
import { fold } from '../text/index.js';

export type FigureKey =
  | 'models_registered' | 'models_new' | 'models_continued' | 'models_replicated'
  | 'recognized_commune' | 'recognized_district' | 'recognized_province'
  | 'exemplars_collective' | 'exemplars_individual';

export const FIGURE_KEYS: FigureKey[] = [
  'models_registered', 'models_new', 'models_continued', 'models_replicated',
  'recognized_commune', 'recognized_district', 'recognized_province',
  'exemplars_collective', 'exemplars_individual',
];

export interface Figure {
  key: FigureKey;
  value: number;
  /** The clause it was read from, as written. */
  text: string;
}

const NUMBER_WORD = '(?:một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|tám|chín|mười|mươi|trăm|linh|lẻ)';
// A count: digits (not part of a date, fraction, decimal or percentage) or number words, then the noun.
const COUNT = new RegExp(
  `(?<![\\p{L}\\p{N}/.,])(\\d{1,3}(?:\\.\\d{3})+|\\d{1,4}|${NUMBER_WORD}(?:\\s+${NUMBER_WORD})*)` +
    `(?![\\p{N}/%]|[.,]\\p{N})\\s+(mô hình|tập thể|cá nhân|điển hình)(?![\\p{L}])`,
  'giu',
);
const NONE = /(?<![\p{L}])(?:không có|chưa có)\s+(?:mô hình\s+)?(?:nào\s+)?(mới|duy trì|nhân rộng)(?![\p{L}])/giu;

/** Clauses that are targets, plans or proposals, not results. */
const NOT_RESULT = /(phan dau|chi tieu|it nhat|toi thieu|ke hoach|du kien|de nghi|de xuat|se |tiep tuc dang ky|nam toi|thoi gian toi)/;

export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?…])\s+(?=[\p{Lu}\d“"(\-–])|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Clauses: split at ";" and before "trong đó" so "14 mô hình, trong đó 05 mới" keeps its parts apart. */
export function splitClauses(sentence: string): string[] {
  return sentence
    .split(/\s*;\s*|,?\s+(?=trong đó\s)/iu)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

function levelKey(level: Level | null): FigureKey | null {
  return level === 'commune' ? 'recognized_commune' : level === 'district' ? 'recognized_district' : level === 'province' ? 'recognized_province' : null;
}

/** The level named right after the noun: "cấp xã", "cấp huyện", "cấp thành phố". */
function levelAfter(tail: string, year: number | null): Level | null {
  const m = /^(?:được\s+(?:công nhận\s+)?)?(?:công nhận\s+)?(?:là\s+)?(?:mô hình\s+)?(?:“[^”]*”\s*|"[^"]*"\s*)?(?:được\s+công nhận\s+)?(?:ở\s+|tại\s+)?(cấp\s+(?:xã|phường|thị trấn|cơ sở|huyện|quận|thị xã|tỉnh|thành phố|tp|trung ương))/iu.exec(tail);
  return m ? parseLevel(m[1] ?? '', year) : null;
}

/**
 * What one count is, from the words after its noun (up to the next count) and
 * the clause it sits in.
 */
function classify(noun: string, tail: string, clause: string, year: number | null, before = ''): FigureKey | null {
  const t = fold(tail);
  const c = fold(clause);
  const n = fold(noun);
  if (n === 'tap the' || n === 'ca nhan') {
    // "04 tập thể điển hình", "được biểu dương", "khen thưởng".
    if (/(dien hinh|bieu duong|khen thuong|tuyen duong|cong nhan)/.test(c)) return n === 'tap the' ? 'exemplars_collective' : 'exemplars_individual';
    return null;
  }
  if (n === 'dien hinh') {
    if (/^(tap the)/.test(t)) return 'exemplars_collective';
    if (/^(ca nhan)/.test(t)) return 'exemplars_individual';
    return null;
  }
  // mô hình: status words right after the noun first (up to the next comma: "10 mô hình, công nhận 6 …").
  const rawHead = tail.split(/[,;:(]/)[0] ?? tail;
  const head = fold(rawHead);
  if (/^(“[^”]*”\s*)?(dan van kheo\s*)?(xay dung |dang ky )?moi\b/.test(head) || /^(dang ky|xay dung) moi\b/.test(head)) return 'models_new';
  if (/^(“[^”]*”\s*)?(dan van kheo\s*)?(tiep tuc )?duy tri\b/.test(head)) return 'models_continued';
  if (/^(“[^”]*”\s*)?(dan van kheo\s*)?(duoc )?nhan rong\b/.test(head)) return 'models_replicated';
  // The status word may come first: "trong đó: mới 05 mô hình, duy trì 09 mô hình".
  const b = fold(before).trim();
  // …but "nông thôn mới" (new-style countryside) is a programme, not a status.
  if (/(^| )moi$/.test(b) && !/nong thon moi$/.test(b)) return 'models_new';
  if (/(^| )duy tri$/.test(b)) return 'models_continued';
  if (/(^| )nhan rong$/.test(b)) return 'models_replicated';
  if (/^(duoc )?dang ky\b/.test(head)) return 'models_registered';
  const lvl = levelAfter(rawHead, year);
  if (lvl) return /cong nhan/.test(c) ? levelKey(lvl) : null;
  if (/cong nhan/.test(head)) {
    // "1 mô hình được Thành ủy công nhận": the recogniser names the level.
    return levelKey(parseLevel(rawHead, year) ?? parseLevel(clause, year));
  }
  if (/(dang ky|xay dung|trien khai|thuc hien)/.test(c)) {
    if (/cong nhan/.test(c)) {
      // "đăng ký 14 mô hình … công nhận 9": the verb nearest before the number decides.
      return null;
    }
    return 'models_registered';
  }
  if (/cong nhan/.test(c)) return levelKey(parseLevel(clause, year));
  return null;
}

/** The verb nearest before a count, for clauses with both đăng ký and công nhận. */
function nearestVerb(before: string): 'register' | 'recognise' | null {
  const f = fold(before);
  const r = Math.max(f.lastIndexOf('dang ky'), f.lastIndexOf('xay dung'));
  const k = f.lastIndexOf('cong nhan');
  if (r < 0 && k < 0) return null;
  return k > r ? 'recognise' : 'register';
}

/** Figures in one clause of running text. */
export function figuresInClause(clause: string, year: number | null): Figure[] {
  const out: Figure[] = [];
  if (NOT_RESULT.test(fold(clause))) return out;
  const matches = [...clause.matchAll(COUNT)];
  matches.forEach((m, i) => {
    const value = parseVietnameseNumber(m[1] ?? '');
    if (value === null || !Number.isInteger(value) || value < 0 || value > 100_000) return;
    const end = m.index + m[0].length;
    const nextStart = i + 1 < matches.length ? matches[i + 1]!.index : clause.length;
    const tail = clause.slice(end, nextStart).trim();
    const prev = i > 0 ? matches[i - 1]! : null;
    const before = clause.slice(prev ? prev.index + prev[0].length : 0, m.index);
    let key = classify(m[2] ?? '', tail, clause, year, before.split(/[,;:(]/).pop() ?? '');
    if (key === null && fold(m[2] ?? '') === 'mo hinh' && /cong nhan/.test(fold(clause))) {
      const verb = nearestVerb(clause.slice(0, m.index));
      if (verb === 'register') key = 'models_registered';
      else if (verb === 'recognise') key = levelKey(levelAfter(tail, year) ?? parseLevel(clause.slice(0, m.index), year));
    }
    if (key) out.push({ key, value, text: clause });
  });
  for (const m of clause.matchAll(NONE)) {
    const w = fold(m[1] ?? '');
    out.push({ key: w === 'moi' ? 'models_new' : w === 'duy tri' ? 'models_continued' : 'models_replicated', value: 0, text: clause });
  }
  return out;
}

// "- Số mô hình được công nhận cấp xã: 11", "Tập thể điển hình: 04 tập thể.", "Tổng số mô hình đăng ký là 18."
const LABEL_NUMBER = new RegExp(`^[-–+•*]?\\s*([^:：]{3,90}?)(?:\\s*[:：]|\\s+là|\\s+đạt)\\s*(\\d{1,4}|${NUMBER_WORD}(?:\\s+${NUMBER_WORD})*)\\s*(?:mô hình|tập thể|cá nhân)?\\s*[.;,]?\\s*$`, 'iu');

/** Figures in a paragraph of running text. */
export function figuresInText(text: string, year: number | null): Figure[] {
  return splitSentences(text).flatMap((s) => splitClauses(s)).flatMap((c) => {
    const lm = LABEL_NUMBER.exec(c);
    if (lm) {
      const value = parseVietnameseNumber(lm[2] ?? '');
      const key = value === null ? null : figureFromLabel(lm[1] ?? '', value, year);
      if (key && value !== null) return [{ key, value, text: c }];
    }
    return figuresInClause(c, year);
  });
}

/** A table row "label | number": the label read as a clause with the number in front. */
export function figureFromLabel(label: string, value: number, year: number | null): FigureKey | null {
  const l = label.trim();
  if (l === '' || NOT_RESULT.test(fold(l))) return null;
  const f = fold(l);
  if (/(tap the)/.test(f) && !/ca nhan/.test(f) && /(dien hinh|bieu duong|khen|cong nhan)/.test(f)) return 'exemplars_collective';
  if (/(ca nhan)/.test(f) && !/tap the/.test(f) && /(dien hinh|bieu duong|khen|cong nhan)/.test(f)) return 'exemplars_individual';
  if (!/mo hinh/.test(f)) {
    // Column headers like "Công nhận cấp xã".
    return /cong nhan/.test(f) ? levelKey(parseLevel(l, year)) : null;
  }
  const rest = l.replace(/^.*?mô hình\s*/iu, '');
  const figs = figuresInClause(`${l.replace(/mô hình.*$/iu, '')} ${value} mô hình ${rest}`.trim(), year);
  return figs[0]?.key ?? null;
}
