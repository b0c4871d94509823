/**
 * Record building: one canonical record per data row of a mapped table,
 * with group-row context (field, owner type, status, level) applied to the
 * rows under it, values normalised, and every doubt an issue.
 */
import type {
  DocumentKind, EtlIssue, EtlRecord, ExemplarRecord, Field, Level, OwnerType, PartialDate, RecognitionRecord,
  RegistrationRecord, RegistrationStatus, ReportRecord,
} from '../contract.js';
import { cellAddress, type Grid, type GridCell } from '../grid.js';
import type { ColumnMapping } from '../mapping/map.js';
import type { Role } from '../mapping/vocabulary.js';
import { parseDate, parseDateRange } from '../normalise/dates.js';
import { inferField, parseField } from '../normalise/fields.js';
import { parseLevel } from '../normalise/levels.js';
import { parseVietnameseNumber } from '../normalise/numbers.js';
import { ownerTypeFromName, ownerTypeFromText, stripHonorific } from '../normalise/owner.js';
import { isMark, parseStatus } from '../normalise/status.js';
import type { FoundTable } from '../tables/find.js';
import { cellText, masterCell } from '../tables/find.js';
import { fold } from '../text/vietnamese.js';
import type { DocumentMeta } from './meta.js';
import { parseDecision } from './meta.js';

export interface GroupContext {
  field?: Field;
  ownerType?: OwnerType;
  status?: RegistrationStatus;
  level?: Level;
}

const ROMAN = /^((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)|[a-d]|\d{1,2})[.)\s-]+\s*/i;

/** What a group row says about the rows below it. */
export function groupMeaning(text: string, year: number | null): GroupContext & { top: boolean } {
  const top = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)[.)\s-]/i.test(text.trim());
  const rest = text.trim().replace(ROMAN, '');
  const k = fold(rest).replace(/\s+/g, ' ');
  const g: GroupContext & { top: boolean } = { top };
  if (/^(tap the|ca nhan|cac tap the|cac ca nhan|dien hinh tap the|dien hinh ca nhan)\b/.test(k)) {
    const t = ownerTypeFromText(/ca nhan/.test(k) ? 'Cá nhân' : 'Tập thể');
    if (t) g.ownerType = t;
  }
  if (/linh vuc|kinh te|van hoa|xa hoi|quoc phong|an ninh|he thong chinh tri|xay dung dang|ton giao|dan toc|^(kt|vhxh|vh-xh|qp-an|qpan|xdhtct)$/.test(k)) {
    const f = parseField(rest);
    if (f) g.field = f;
  }
  if (/mo hinh (moi|duy tri|nhan rong|xay dung moi)|^(moi|duy tri|nhan rong|loai bo)\b|^(xay dung moi|dang ky moi)/.test(k)) {
    const s = parseStatus(rest.replace(/^(?:các\s+)?mô\s+hình\s+/iu, ''));
    if (s) g.status = s;
  }
  const lm = /\bcap (xa|phuong|co so|huyen|thi xa|tinh|thanh pho)\b/.exec(k);
  if (lm) {
    const l = parseLevel(`cap ${lm[1]}`, year ?? undefined);
    if (l) g.level = l;
  }
  return g;
}

function applyGroup(ctx: GroupContext, g: GroupContext & { top: boolean }): GroupContext {
  const next: GroupContext = g.top ? {} : { ...ctx };
  if (g.field) next.field = g.field;
  if (g.ownerType) next.ownerType = g.ownerType;
  if (g.status) next.status = g.status;
  if (g.level) next.level = g.level;
  return next;
}

export interface BuildContext {
  grid: Grid;
  table: FoundTable;
  mapping: ColumnMapping[];
  kind: DocumentKind;
  meta: DocumentMeta;
  /** The table's own title level ("cấp xã"), overriding the document's. */
  titleLevel: Level | null;
}

function colLetter(col: number): string {
  return cellAddress(0, col).replace(/\d+$/, '');
}

export function buildRecords(ctx: BuildContext): { records: EtlRecord[]; issues: EtlIssue[] } {
  const { grid, table, mapping, kind, meta } = ctx;
  const records: EtlRecord[] = [];
  const issues: EtlIssue[] = [];
  const sheet = grid.name;
  const byRole = new Map<Role, ColumnMapping>();
  for (const m of mapping) if (m.role && !m.hidden) byRole.set(m.role, m);
  // Roles this kind of record reads; a mapped column it does not read still goes to extra.
  const consumed = consumedRoles(kind, new Set(byRole.keys()));
  // The one column that names the owner (or the exemplar): the first present of its spellings.
  const ownerRole: Role = (['owner', 'unit', 'name'] as Role[]).find((r) => byRole.has(r)) ?? 'owner';
  const nameRole: Role = (['name', 'owner'] as Role[]).find((r) => byRole.has(r)) ?? 'name';
  for (const m of mapping) {
    if (m.role && m.confidence < 0.7 && !m.hidden) {
      issues.push({
        severity: 'warning', code: 'LOW_CONFIDENCE_MAPPING', sheet, column: colLetter(m.col), value: m.header,
        message: `Trang "${sheet}", cột ${colLetter(m.col)} "${m.header}": đoán là "${m.role}" với độ tin cậy thấp (${m.confidence.toFixed(2)}); hãy kiểm tra.`,
      });
    }
    if (m.hidden) {
      issues.push({ severity: 'info', code: 'HIDDEN_COLUMN', sheet, column: colLetter(m.col), value: m.header, message: `Trang "${sheet}", cột ${colLetter(m.col)} "${m.header}" đang bị ẩn: giá trị được giữ trong phần "extra", không dùng làm trường chính.` });
    }
  }
  let group: GroupContext = {};
  const year = meta.year;
  for (const tr of table.rows) {
    const excelRow = tr.row + 1;
    if (tr.kind === 'group') {
      group = applyGroup(group, groupMeaning(tr.text ?? '', year));
      continue;
    }
    if (tr.kind === 'total') {
      issues.push({ severity: 'info', code: 'TOTAL_ROW_SKIPPED', sheet, row: excelRow, value: tr.text ?? null, message: `Trang "${sheet}", dòng ${excelRow}: dòng tổng cộng, không tính là một bản ghi.` });
      continue;
    }
    if (tr.kind !== 'data') continue;
    const get = (role: Role): { text: string; cell: GridCell | undefined; col: number } | null => {
      const m = byRole.get(role);
      if (!m) return null;
      const text = cellText(grid, tr.row, m.col);
      return { text, cell: masterCell(grid, tr.row, m.col), col: m.col };
    };
    const txt = (role: Role): string | null => {
      const v = get(role)?.text ?? '';
      return v === '' ? null : v;
    };
    const cells: Record<string, string> = {};
    for (const m of mapping) if (m.role && !m.hidden && consumed.has(m.role) && cellText(grid, tr.row, m.col) !== '') cells[m.role] = cellAddress(tr.row, m.col);
    const extra: Record<string, string> = {};
    for (const m of mapping) {
      if (m.role === 'stt' || (m.role && !m.hidden && consumed.has(m.role))) continue;
      const v = cellText(grid, tr.row, m.col);
      if (v === '') continue;
      // Two columns with one header keep both values, the second named by its column.
      const key = m.header !== '' ? m.header : `Cột ${colLetter(m.col)}`;
      extra[key in extra ? `${key} (cột ${colLetter(m.col)})` : key] = v;
    }
    const mainText = txt('model_name') ?? txt('name') ?? txt('owner') ?? txt('unit');
    const anyValue = mapping.some((m) => m.role !== 'stt' && cellText(grid, tr.row, m.col) !== '');
    if (!anyValue) continue;
    if (tr.hidden) {
      issues.push({ severity: 'warning', code: 'HIDDEN_ROW_SKIPPED', sheet, row: excelRow, value: mainText, message: `Trang "${sheet}", dòng ${excelRow} đang bị ẩn nên không được nhập${mainText ? ` ("${mainText}")` : ''}; nếu dòng này vẫn có hiệu lực, hãy bỏ ẩn rồi gửi lại.` });
      continue;
    }
    const source = { sheet, row: excelRow, cells };
    const dateOf = (role: Role, end = false): PartialDate | null => {
      const g = get(role);
      if (!g || g.text === '') return null;
      const raw = g.cell?.raw;
      const input = raw instanceof Date || typeof raw === 'number' ? raw : g.text;
      const res = parseDate(input, { year: year ?? undefined, end, numFmt: g.cell?.numFmt });
      if (res.issue) issues.push(dateIssue(res.issue, sheet, excelRow, g.col, g.text));
      return res.value ?? null;
    };
    const rowYear = (() => {
      const y = txt('year');
      const n = y ? Number(y.replace(/\D/g, '')) : NaN;
      return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : year;
    })();

    if (kind === 'recognition') {
      const dec = txt('decision');
      let decision_no = txt('decision_no');
      let decision_date = dateOf('decision_date');
      if (dec) {
        const d = parseDecision(dec, rowYear);
        decision_no ??= d.no;
        if (!decision_date && d.dateText) {
          const res = parseDate(d.dateText.replace(/\s*tháng\s*/iu, '/').replace(/\s*năm\s*/iu, '/').replace(/\s+/g, ''), { year: rowYear ?? undefined });
          if (res.issue) issues.push(dateIssue(res.issue, sheet, excelRow, get('decision')!.col, d.dateText));
          decision_date = res.value ?? null;
        }
      }
      const rec: RecognitionRecord = {
        type: 'recognition', year: rowYear, source, extra,
        model_name: txt('model_name'),
        owner: txt(ownerRole === 'name' ? 'owner' : ownerRole),
        field: fieldOf(txt('field'), group, sheet, excelRow, get('field')?.col, issues),
        level: levelOf(txt('level'), rowYear) ?? group.level ?? ctx.titleLevel ?? meta.titleLevel ?? meta.level,
        decision_no: decision_no ?? meta.decision_no,
        decision_date: decision_date ?? meta.decision_date,
      };
      if (!rec.model_name) issues.push(missing('model_name', sheet, excelRow));
      records.push(rec);
    } else if (kind === 'exemplar') {
      const rawName = txt(nameRole);
      const name = rawName ? stripHonorific(rawName) : null;
      const typeText = txt('owner_type');
      let exemplar_type: OwnerType | null = (typeText ? ownerTypeFromText(typeText) : null) ?? group.ownerType ?? null;
      if (!exemplar_type && name) exemplar_type = ownerTypeFromName(rawName ?? name) ?? null;
      const rec: ExemplarRecord = {
        type: 'exemplar', year: rowYear, source, extra,
        name: name && name !== '' ? name : null,
        exemplar_type,
        position: txt('position'),
        unit: txt('unit'),
        model_name: txt('model_name'),
        award: txt('award'),
        level: levelOf(txt('level'), rowYear) ?? group.level ?? ctx.titleLevel ?? meta.titleLevel ?? (meta.recognises ? meta.level : null),
      };
      if (!rec.name) issues.push(missing('name', sheet, excelRow));
      records.push(rec);
    } else if (kind === 'report') {
      const num = (role: Role): number | null => {
        const t = txt(role);
        if (t === null) return null;
        const n = parseVietnameseNumber(t);
        if (n === null) issues.push({ severity: 'warning', code: 'INVALID_NUMBER', sheet, row: excelRow, column: colLetter(get(role)!.col), value: t, message: `Trang "${sheet}", ô ${cellAddress(tr.row, get(role)!.col)}: "${t}" không phải là số.` });
        return n;
      };
      const rec: ReportRecord = {
        type: 'report', year: rowYear, source, extra,
        period: meta.period,
        models_registered: num('models_registered'),
        models_new: num('models_new') ?? num('status_new'),
        models_continued: num('models_continued') ?? num('status_continued'),
        models_replicated: num('models_replicated') ?? num('status_replicated'),
        recognized_commune: num('recognized_commune'),
        recognized_district: num('recognized_district'),
        recognized_province: num('recognized_province'),
        exemplars_collective: num('exemplars_collective'),
        exemplars_individual: num('exemplars_individual'),
      };
      records.push(rec);
    } else {
      const model_name = txt('model_name');
      const owner = txt(ownerRole);
      let field = fieldOf(txt('field'), group, sheet, excelRow, get('field')?.col, issues);
      let field_inferred = false;
      if (!field && !txt('field') && model_name) {
        const inf = inferField(model_name, owner ?? undefined);
        if (inf.field) {
          field = inf.field;
          field_inferred = true;
        }
      }
      // Status: 'x' columns, else a status column, else the group.
      let status: RegistrationStatus | null = null;
      const marks: RegistrationStatus[] = [];
      for (const [role, s] of [['status_new', 'new'], ['status_continued', 'continued'], ['status_replicated', 'replicated'], ['status_dropped', 'dropped']] as const) {
        const t = txt(role);
        if (t && (isMark(t) || parseStatus(t) === s)) marks.push(s);
      }
      if (marks.length === 1) status = marks[0]!;
      else if (marks.length > 1) {
        issues.push({ severity: 'warning', code: 'AMBIGUOUS_STATUS', sheet, row: excelRow, value: marks.join(', '), message: `Trang "${sheet}", dòng ${excelRow}: đánh dấu nhiều hình thức cùng lúc (${marks.join(', ')}); chưa xác định được mô hình mới, duy trì hay nhân rộng.` });
      }
      const statusText = txt('status');
      if (!status && statusText) {
        status = parseStatus(statusText);
        if (!status) issues.push({ severity: 'warning', code: 'UNKNOWN_STATUS', sheet, row: excelRow, column: colLetter(get('status')!.col), value: statusText, message: `Trang "${sheet}", ô ${cellAddress(tr.row, get('status')!.col)}: không hiểu hình thức "${statusText}".` });
      }
      status ??= group.status ?? null;
      // Owner type: a column, 'x' sub-columns, the group, then the owner's name.
      let owner_type: OwnerType | null = null;
      const ot = txt('owner_type');
      if (ot) owner_type = ownerTypeFromText(ot);
      if (!owner_type) {
        const c = txt('owner_collective');
        const i = txt('owner_individual');
        if (c && isMark(c)) owner_type = 'collective';
        else if (i && isMark(i)) owner_type = 'individual';
      }
      owner_type ??= group.ownerType ?? (owner ? ownerTypeFromName(owner) : null) ?? null;
      let start_date = dateOf('start_date');
      let end_date = dateOf('end_date', true);
      const period = get('period');
      if (period && period.text !== '' && (!start_date || !end_date)) {
        const raw = period.cell?.raw;
        if (raw instanceof Date || (typeof raw === 'number' && raw > 3000)) {
          const res = parseDate(raw, { year: rowYear ?? undefined, numFmt: period.cell?.numFmt });
          if (res.issue) issues.push(dateIssue(res.issue, sheet, excelRow, period.col, period.text));
          start_date ??= res.value ?? null;
        } else {
          const res = parseDateRange(period.text, { year: rowYear ?? undefined });
          for (const iss of res.issues) issues.push(dateIssue(iss, sheet, excelRow, period.col, period.text));
          start_date ??= res.start ?? null;
          end_date ??= res.end ?? null;
        }
      }
      const rec: RegistrationRecord = {
        type: 'registration', year: rowYear, source, extra,
        model_name, field, field_inferred, owner, owner_type, status, start_date, end_date,
        launch_date: dateOf('launch_date'),
        location: txt('location'),
        person_in_charge: txt('person_in_charge'),
        goal: txt('goal'),
        content: txt('content'),
        note: txt('note'),
      };
      if (!rec.model_name) issues.push(missing('model_name', sheet, excelRow));
      records.push(rec);
    }
  }
  return { records, issues };
}

const COUNTS: Role[] = ['models_registered', 'models_new', 'models_continued', 'models_replicated', 'recognized_commune', 'recognized_district', 'recognized_province', 'exemplars_collective', 'exemplars_individual'];

/** What each kind of record reads, with the first present of the owner spellings. */
export function consumedRoles(kind: DocumentKind, present: Set<Role>): Set<Role> {
  const first = (...roles: Role[]): Role[] => {
    const r = roles.find((x) => present.has(x));
    return r ? [r] : [];
  };
  const base: Role[] = ['stt', 'year'];
  if (kind === 'recognition') return new Set<Role>([...base, 'model_name', ...first('owner', 'unit'), 'field', 'level', 'decision', 'decision_no', 'decision_date']);
  if (kind === 'exemplar') return new Set<Role>([...base, ...first('name', 'owner'), 'owner_type', 'position', 'unit', 'model_name', 'award', 'level']);
  if (kind === 'report') return new Set<Role>([...base, ...COUNTS, 'status_new', 'status_continued', 'status_replicated']);
  return new Set<Role>([
    ...base, 'model_name', 'field', ...first('owner', 'unit', 'name'), 'owner_type', 'owner_collective', 'owner_individual',
    'status', 'status_new', 'status_continued', 'status_replicated', 'status_dropped', 'period', 'start_date', 'end_date', 'launch_date',
    'location', 'person_in_charge', 'goal', 'content', 'note',
  ]);
}

function levelOf(text: string | null, year: number | null): Level | null {
  return text ? (parseLevel(text, year ?? undefined) ?? null) : null;
}

function fieldOf(text: string | null, group: GroupContext, sheet: string, row: number, col: number | undefined, issues: EtlIssue[]): Field | null {
  if (text) {
    const f = parseField(text);
    if (f) return f;
    issues.push({ severity: 'warning', code: 'UNKNOWN_FIELD', sheet, row, column: col !== undefined ? colLetter(col) : null, value: text, message: `Trang "${sheet}", dòng ${row}: không nhận ra lĩnh vực "${text}".` });
    return null;
  }
  return group.field ?? null;
}

function missing(what: 'model_name' | 'name', sheet: string, row: number): EtlIssue {
  const label = what === 'model_name' ? 'tên mô hình' : 'tên tập thể/cá nhân';
  return { severity: 'warning', code: 'MISSING_NAME', sheet, row, message: `Trang "${sheet}", dòng ${row}: thiếu ${label}.` };
}

function dateIssue(issue: { code: string; message: string; value?: string | null }, sheet: string, row: number, col: number, text: string): EtlIssue {
  return {
    severity: 'warning', code: issue.code, sheet, row, column: colLetter(col), value: issue.value ?? text,
    message: `Trang "${sheet}", ô ${colLetter(col)}${row}: ${issue.message}`,
  };
}
