/**
 * Column mapping: a table's header paths (one to three header rows) to
 * canonical roles, with a confidence each. Sub-columns are read with their
 * parent: "Phân loại / Mới" is status_new, "Thời gian / Từ" is start_date.
 */
import type { DocumentKind } from '../contract.js';
import { headerKey, matchHeader, type Role } from './vocabulary.js';

export interface ColumnMapping {
  col: number;
  /** Header as shown: the header rows' texts joined with " / ", whitespace collapsed. */
  header: string;
  path: string[];
  role: Role | null;
  confidence: number;
  hidden: boolean;
}

const SUB_RULES: { test: RegExp; role: Role }[] = [
  { test: /^(moi|xay dung moi|dang ky moi|mo hinh moi|mh moi)$/, role: 'status_new' },
  { test: /^(duy tri|tiep tuc|tiep tuc duy tri|mo hinh duy tri)$/, role: 'status_continued' },
  { test: /^(nhan rong|mo hinh nhan rong)$/, role: 'status_replicated' },
  { test: /^(loai bo|dung thuc hien)$/, role: 'status_dropped' },
];

const TIME_PARENT = /^(thoi gian|thoi han|tg)/;
const DECISION_PARENT = /(quyet dinh|qd)/;
const OWNER_PARENT = /(chu the|doi tuong|loai|tap the ca nhan|phan loai)/;
const COUNT_PARENT = /(so (luong )?mo hinh|ket qua|so luong|dien hinh|cong nhan)/;

function subRole(parentKey: string, childKey: string): Role | null {
  for (const r of SUB_RULES) if (r.test.test(childKey)) return r.role;
  if (TIME_PARENT.test(parentKey)) {
    if (/^(tu|tu ngay|bat dau|tu thang|ngay bat dau)$/.test(childKey)) return 'start_date';
    if (/^(den|den ngay|ket thuc|den thang|ngay ket thuc)$/.test(childKey)) return 'end_date';
    if (/ra mat/.test(childKey)) return 'launch_date';
  }
  if (DECISION_PARENT.test(parentKey)) {
    if (/^(so|so hieu|so qd|so quyet dinh)$/.test(childKey)) return 'decision_no';
    if (/^(ngay|ngay thang|ngay ky|ngay ban hanh|ngay thang nam)$/.test(childKey)) return 'decision_date';
    if (/^(cap|cap cong nhan)$/.test(childKey)) return 'level';
  }
  if (OWNER_PARENT.test(parentKey)) {
    if (childKey === 'tap the') return 'owner_collective';
    if (childKey === 'ca nhan') return 'owner_individual';
  }
  if (COUNT_PARENT.test(parentKey)) {
    if (/dien hinh/.test(parentKey)) {
      if (childKey === 'tap the') return 'exemplars_collective';
      if (childKey === 'ca nhan') return 'exemplars_individual';
    }
    if (/cong nhan/.test(parentKey)) {
      if (/cap xa/.test(childKey)) return 'recognized_commune';
      if (/cap huyen/.test(childKey)) return 'recognized_district';
      if (/cap (tinh|thanh pho)/.test(childKey)) return 'recognized_province';
    }
    if (/mo hinh/.test(parentKey)) {
      if (/^(dang ky|tong so|tong)$/.test(childKey)) return 'models_registered';
    }
  }
  return null;
}

/** Report-table counts: "Mới" under "Số mô hình" is a count, not an 'x' column. */
function reportSub(parentKey: string, role: Role): Role {
  if (!/(so (luong )?mo hinh|so mh|ket qua)/.test(parentKey)) return role;
  if (role === 'status_new') return 'models_new';
  if (role === 'status_continued') return 'models_continued';
  if (role === 'status_replicated') return 'models_replicated';
  return role;
}

/** Header levels with blanks and merge repeats dropped. */
export function distinctPath(path: string[]): string[] {
  const parts: string[] = [];
  for (const p of path) {
    const t = p.replace(/\s+/g, ' ').trim();
    if (t !== '' && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts;
}

export function displayHeader(path: string[]): string {
  return distinctPath(path).join(' / ');
}

/**
 * Maps every column. `paths[i]` lists the header texts of column `cols[i]`
 * from the top header row down (merged parents repeated).
 */
export function mapColumns(cols: { col: number; path: string[]; hidden: boolean }[], kind: DocumentKind): ColumnMapping[] {
  return dedupeRoles(mapColumnsRaw(cols, kind));
}

/** Roles by header only, duplicates not yet resolved (so values can still correct them). */
export function mapColumnsRaw(cols: { col: number; path: string[]; hidden: boolean }[], kind: DocumentKind): ColumnMapping[] {
  const out: ColumnMapping[] = cols.map(({ col, path, hidden }) => {
    const header = displayHeader(path);
    const distinct = distinctPath(path);
    let role: Role | null = null;
    let confidence = 0;
    if (distinct.length >= 2) {
      const parentKey = headerKey(distinct[distinct.length - 2]!);
      const childKey = headerKey(distinct[distinct.length - 1]!);
      const sr = subRole(parentKey, childKey) ?? subRole(headerKey(distinct.slice(0, -1).join(' ')), childKey);
      if (sr) [role, confidence] = [reportSub(parentKey, sr), 1];
      else {
        const child = matchHeader(distinct[distinct.length - 1]!);
        const parent = matchHeader(distinct[distinct.length - 2]!);
        const whole = matchHeader(distinct.join(' '));
        const best = [whole, child, parent].filter((m) => m !== null).sort((a, b) => b.confidence - a.confidence)[0];
        if (best) [role, confidence] = [best.role, best.confidence * (best === parent ? 0.9 : 1)];
      }
    } else if (distinct[0]) {
      const m = matchHeader(distinct[0]);
      if (m) [role, confidence] = [m.role, m.confidence];
    }
    if (role && EXACT_REPORT.has(role) && kind !== 'report' && distinct.length < 2) {
      // "Cấp xã" alone in a recognition list is the level, not a count.
      if (role === 'recognized_commune' || role === 'recognized_district' || role === 'recognized_province') role = 'level';
    }
    return { col, header, path, role, confidence, hidden };
  });
  resolveByKind(out, kind);
  return out;
}

export function dedupeRoles(out: ColumnMapping[]): ColumnMapping[] {
  // A role taken twice keeps the most confident column; the others go to extra.
  const byRole = new Map<Role, ColumnMapping>();
  for (const m of out) {
    if (!m.role || m.hidden) continue;
    const prev = byRole.get(m.role);
    if (!prev) byRole.set(m.role, m);
    else if (m.confidence > prev.confidence) {
      prev.role = null;
      byRole.set(m.role, m);
    } else m.role = null;
  }
  return out;
}

const EXACT_REPORT = new Set<Role>(['recognized_commune', 'recognized_district', 'recognized_province']);

/** Words whose meaning depends on the kind of list: "Đơn vị" owns a model, or employs an exemplar. */
function resolveByKind(cols: ColumnMapping[], kind: DocumentKind): void {
  const has = (r: Role) => cols.some((c) => c.role === r && !c.hidden);
  for (const c of cols) {
    if (kind === 'exemplar') {
      if (c.role === 'owner' && !has('unit')) c.role = 'unit';
      if (c.role === 'owner_type') c.role = 'owner_type';
    } else {
      if (c.role === 'unit' && !has('owner')) c.role = 'owner';
      if (c.role === 'name' && !has('model_name') && kind !== 'unknown') c.role = kind === 'registration' || kind === 'recognition' ? 'owner' : c.role;
    }
    // "Đăng ký" alone counts registrations only in a report table.
    if ((kind === 'registration' || kind === 'recognition' || kind === 'exemplar') && c.role === 'models_registered' && headerKey(c.header) === 'dang ky') c.role = null;
  }
}
