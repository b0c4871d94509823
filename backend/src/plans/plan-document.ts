import YAML from 'yaml';
import {
  FIELDS, LEVELS, OWNER_TYPES, RULE_SHAPES, STATUSES,
  type DeadlineDocument, type PlanDocument, type PlanIssue, type RuleDocument, type RuleTarget,
} from './plan.types.js';

/**
 * Reading and checking a plan document (JSON or YAML): pure functions, no
 * database. Errors are Vietnamese sentences naming the place in the document.
 */

export class PlanDocumentError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

/** Parses JSON or YAML text (YAML is a superset of JSON) into a checked plan. */
export function parsePlanText(text: string): PlanDocument {
  let value: unknown;
  try {
    value = YAML.parse(text);
  } catch (error) {
    throw new PlanDocumentError([`Không đọc được tệp kế hoạch (JSON/YAML): ${(error as Error).message}`]);
  }
  return checkPlanDocument(value);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks a plan's structure and every rule's parameters; throws PlanDocumentError listing all problems. */
export function checkPlanDocument(value: unknown): PlanDocument {
  const problems: string[] = [];
  if (!isObject(value)) throw new PlanDocumentError(['Kế hoạch phải là một đối tượng JSON/YAML']);
  const year = value.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) problems.push('"year" phải là năm (2000–2100)');
  if (typeof value.title !== 'string' || value.title.trim() === '') problems.push('Thiếu "title" (tên kế hoạch)');
  const deadlines = Array.isArray(value.deadlines) ? value.deadlines : [];
  if (value.deadlines !== undefined && !Array.isArray(value.deadlines)) problems.push('"deadlines" phải là danh sách');
  deadlines.forEach((d, i) => checkDeadline(d, `deadlines[${i}]`, problems));
  if (!Array.isArray(value.rules)) problems.push('"rules" phải là danh sách chỉ tiêu');
  const rules = Array.isArray(value.rules) ? value.rules : [];
  const codes = new Set<string>();
  rules.forEach((r, i) => {
    checkRule(r, `rules[${i}]`, problems);
    if (isObject(r) && typeof r.code === 'string') {
      if (codes.has(r.code)) problems.push(`rules[${i}]: mã chỉ tiêu "${r.code}" bị trùng`);
      codes.add(r.code);
    }
  });
  for (const key of ['code', 'issuer', 'sourceDocument', 'notes'] as const) {
    if (value[key] !== undefined && value[key] !== null && typeof value[key] !== 'string') problems.push(`"${key}" phải là chuỗi ký tự`);
  }
  if (value.issuerUnitId !== undefined && value.issuerUnitId !== null && !Number.isInteger(value.issuerUnitId)) {
    problems.push('"issuerUnitId" phải là số nguyên');
  }
  if (problems.length > 0) throw new PlanDocumentError(problems);
  return {
    code: (value.code as string | undefined) ?? null,
    year: year as number,
    title: (value.title as string).trim(),
    issuer: (value.issuer as string | undefined) ?? null,
    issuerUnitId: (value.issuerUnitId as number | undefined) ?? null,
    sourceDocument: (value.sourceDocument as string | undefined) ?? null,
    notes: (value.notes as string | undefined) ?? null,
    deadlines: deadlines as DeadlineDocument[],
    rules: rules as RuleDocument[],
  };
}

function checkDeadline(d: unknown, at: string, problems: string[]): void {
  if (!isObject(d)) {
    problems.push(`${at}: phải là đối tượng`);
    return;
  }
  if (typeof d.kind !== 'string' || !d.kind) problems.push(`${at}: thiếu "kind"`);
  if (typeof d.text !== 'string' || !/^\s*\d{1,2}\/\d{1,2}\/\d{4}\s*$/.test(d.text)) {
    problems.push(`${at}: "text" phải là ngày như văn bản ghi, dạng DD/MM/YYYY`);
  }
  if (d.period !== undefined && d.period !== null && d.period !== 'H1' && d.period !== 'FY') problems.push(`${at}: "period" phải là H1 hoặc FY`);
  if (d.submitters !== undefined) checkTarget(d.submitters, `${at}.submitters`, problems);
}

function checkTarget(t: unknown, at: string, problems: string[]): void {
  if (!isObject(t) || (t.type !== 'self' && t.type !== 'children')) {
    problems.push(`${at}: "type" phải là self hoặc children`);
    return;
  }
  if (t.type === 'children') {
    const kinds = t.kinds, names = t.names;
    if (kinds !== undefined && !isStringList(kinds)) problems.push(`${at}.kinds: phải là danh sách chuỗi`);
    if (names !== undefined && !isStringList(names)) problems.push(`${at}.names: phải là danh sách chuỗi`);
    if (t.under !== undefined && !isStringList(t.under)) problems.push(`${at}.under: phải là danh sách chuỗi`);
    if (kinds === undefined && names === undefined) problems.push(`${at}: cần "kinds" hoặc "names"`);
  }
}

const isStringList = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

function checkList(v: unknown, allowed: readonly string[], at: string, problems: string[]): void {
  if (v === undefined) return;
  if (!isStringList(v) || v.length === 0 || v.some((x) => !allowed.includes(x))) {
    problems.push(`${at}: phải là danh sách khác rỗng trong {${allowed.join(', ')}}`);
  }
}

function checkNumber(v: unknown, at: string, problems: string[], max = Number.MAX_SAFE_INTEGER): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > max) problems.push(`${at}: phải là số từ 0 đến ${max}`);
}

function checkRule(r: unknown, at: string, problems: string[]): void {
  if (!isObject(r)) {
    problems.push(`${at}: phải là đối tượng`);
    return;
  }
  if (typeof r.code !== 'string' || !/^[a-z0-9_.-]+$/i.test(r.code)) problems.push(`${at}: "code" chỉ gồm chữ, số, _ . -`);
  if (typeof r.description !== 'string' || !r.description.trim()) problems.push(`${at}: thiếu "description"`);
  if (typeof r.shape !== 'string' || !(RULE_SHAPES as readonly string[]).includes(r.shape)) {
    problems.push(`${at}: "shape" phải là một trong {${RULE_SHAPES.join(', ')}}`);
    return;
  }
  const p = r.params;
  if (!isObject(p)) {
    problems.push(`${at}: thiếu "params"`);
    return;
  }
  if (p.target !== undefined) checkTarget(p.target, `${at}.params.target`, problems);
  const filters = () => {
    checkList(p.statuses, STATUSES, `${at}.params.statuses`, problems);
    checkList(p.fields, FIELDS, `${at}.params.fields`, problems);
    checkList(p.ownerTypes, OWNER_TYPES, `${at}.params.ownerTypes`, problems);
    checkList(p.recognizedLevels, LEVELS, `${at}.params.recognizedLevels`, problems);
  };
  switch (r.shape) {
    case 'model_count':
      checkNumber(p.min, `${at}.params.min`, problems);
      if (p.scope !== undefined && p.scope !== 'own' && p.scope !== 'subtree') problems.push(`${at}.params.scope: phải là own hoặc subtree`);
      filters();
      break;
    case 'child_share':
      checkNumber(p.minPercent, `${at}.params.minPercent`, problems, 100);
      if (p.minModels !== undefined) checkNumber(p.minModels, `${at}.params.minModels`, problems);
      if (p.childKinds !== undefined && !isStringList(p.childKinds)) problems.push(`${at}.params.childKinds: phải là danh sách chuỗi`);
      if (p.childNames !== undefined && !isStringList(p.childNames)) problems.push(`${at}.params.childNames: phải là danh sách chuỗi`);
      if (p.childrenUnder !== undefined && !isStringList(p.childrenUnder)) problems.push(`${at}.params.childrenUnder: phải là danh sách chuỗi`);
      if (p.childKinds === undefined && p.childNames === undefined) problems.push(`${at}.params: cần "childKinds" hoặc "childNames"`);
      filters();
      break;
    case 'recognition_rate':
      checkNumber(p.minPercent, `${at}.params.minPercent`, problems, 100);
      checkList(p.levels, LEVELS, `${at}.params.levels`, problems);
      break;
    case 'exemplar_count':
      checkNumber(p.min, `${at}.params.min`, problems);
      checkList(p.types, OWNER_TYPES, `${at}.params.types`, problems);
      break;
    case 'launch_held':
      break;
    case 'manual':
      if (typeof p.criterion !== 'string' || !p.criterion.trim()) problems.push(`${at}.params.criterion: thiếu mô tả tiêu chí`);
      break;
  }
}

/**
 * Reads a deadline as the plan writes it. An impossible date ("31/11/2026")
 * is kept as written, its ISO date null, and reported as an issue: never
 * moved to a nearby day, never a crash.
 */
export function readDeadline(d: DeadlineDocument): { date: string | null; issue: PlanIssue | null } {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(d.text);
  const what = d.label ? `"${d.label}"` : `loại ${d.kind}`;
  if (!match) {
    return { date: null, issue: { code: 'INVALID_DATE', value: d.text, message: `Hạn ${what} ghi "${d.text}": không đọc được ngày.` } };
  }
  const day = Number(match[1]), month = Number(match[2]), year = Number(match[3]);
  if (month < 1 || month > 12) {
    return { date: null, issue: { code: 'INVALID_DATE', value: d.text, message: `Hạn ${what} ghi "${d.text}": không có tháng ${month}. Giữ nguyên như văn bản; không dùng để tính đúng hạn hay trễ hạn.` } };
  }
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) {
    return {
      date: null,
      issue: {
        code: 'INVALID_DATE',
        value: d.text,
        message: `Hạn ${what} ghi "${d.text}": ngày không tồn tại (tháng ${month}/${year} chỉ có ${daysInMonth} ngày). Giữ nguyên như văn bản; không dùng để tính đúng hạn hay trễ hạn.`,
      },
    };
  }
  return { date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`, issue: null };
}

/** Folds Vietnamese text for matching names: case, diacritics, tone placement, đ, spacing. */
export function foldName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function targetOf(params: { target?: RuleTarget }): RuleTarget {
  return params.target ?? { type: 'self' };
}
