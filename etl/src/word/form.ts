/**
 * Registration forms ("mẫu 04", "phiếu đăng ký"): labelled lines in
 * paragraphs ("1. Tên mô hình: …", unnumbered, "I." / "a)" numbering) or the
 * same labels in a two- or three-column table, with the status ticked in
 * check boxes. Labels are matched with the spreadsheet column vocabulary, so a
 * label means the same thing in a form as in a summary table's header.
 */
import type { EtlIssue, OwnerType, RegistrationStatus } from '../contract.js';
import type { DocumentBlock, Grid } from '../grid.js';
import { matchHeader, type Role } from '../mapping/vocabulary.js';
import { ownerTypeFromText, parseStatus } from '../normalise/index.js';
import { fold } from '../text/index.js';
import { markValue, parseChoices, type Choice } from './choices.js';

export interface FormValue {
  role: Role;
  label: string;
  value: string;
  /** 1-based paragraph, or table/row/col (0-based row/col, like Grid). */
  paragraph?: number;
  table?: number;
  row?: number;
  col?: number;
}

export interface FormReading {
  values: Map<Role, FormValue>;
  status: RegistrationStatus | null;
  statusSource: FormValue | null;
  ownerType: OwnerType | null;
  /** Labelled lines outside the vocabulary ("Kinh phí: …"), label → value, so nothing is lost. */
  extra: Record<string, string>;
  issues: EtlIssue[];
}

/** Roles a form label may carry; anything else is kept in `extra`. */
const FORM_ROLES = new Set<Role>([
  'model_name', 'owner', 'owner_type', 'location', 'field', 'period', 'start_date', 'end_date', 'launch_date',
  'content', 'goal', 'person_in_charge', 'status', 'note', 'unit',
]);

// "1. ", "1) ", "I. ", "a) ", "- " before a label; the label ends at the first colon.
const LABEL_LINE = /^\s*(?:(?:\d{1,2}(?:\.\d{1,2})*|[IVX]{1,4}|[a-zđ])\s*[.)/]\s*|[-–+•*]\s*)?([^:：]{2,70}?)\s*[:：]\s*(.*)$/su;

// fold() turns "T/M" into "t m".
const SIGNATURE = /^(t[/ ]?m\b|k[/ ]?t\b|nguoi dang ky|nguoi lap|xac nhan|noi nhan|thu truong|bi thu$|chu tich$|pho bi thu$|pho chu tich$|truong ban$|ban thuong vu$|(\(|\[)?ky(,| ten| va| ghi| dong)|dai dien)/;

export function isSignatureText(text: string): boolean {
  return SIGNATURE.test(fold(text).trim());
}

/** A label's role when it is a form label with good confidence; null otherwise. */
export function labelRole(label: string): Role | null {
  const l = label.trim();
  if (l === '' || l.length > 70) return null;
  const m = matchHeader(l);
  if (!m || m.confidence < 0.85) return null;
  // "Mô hình" alone labels the status check boxes on some forms, not the name.
  return FORM_ROLES.has(m.role) ? m.role : null;
}

const BULLET = /^\s*[-–+•*]\s*/;

function addValue(reading: FormReading, v: FormValue): void {
  const prev = reading.values.get(v.role);
  if (!prev || (prev.value.trim() === '' && v.value.trim() !== '')) reading.values.set(v.role, v);
}

function statusFromChoices(choices: Choice[]): { status: RegistrationStatus | null; checked: number; known: number } {
  let checked = 0;
  let known = 0;
  let status: RegistrationStatus | null = null;
  for (const c of choices) {
    const s = parseStatus(c.label) ?? parseStatus(c.label.replace(/^(mô hình|đăng ký)\s+/iu, ''));
    if (!s) continue;
    known++;
    if (c.checked) {
      checked++;
      status = s;
    }
  }
  return { status: checked === 1 ? status : null, checked, known };
}

function ownerTypeFromChoices(choices: Choice[]): OwnerType | null {
  const ticked = choices.filter((c) => c.checked).map((c) => ownerTypeFromText(c.label)).filter((t): t is OwnerType => t !== null);
  return ticked.length === 1 ? ticked[0]! : null;
}

/** Reads the labelled values of a form from paragraphs and label/value tables. */
export function readForm(blocks: DocumentBlock[], fileName: string): FormReading {
  const reading: FormReading = { values: new Map(), status: null, statusSource: null, ownerType: null, extra: {}, issues: [] };
  const statusChoices: { choices: Choice[]; where: FormValue }[] = [];
  let open: FormValue | null = null;

  for (const b of blocks) {
    if (b.type === 'paragraph') {
      const text = b.text.trim();
      if (text === '') continue;
      if (isSignatureText(text)) break;
      const m = LABEL_LINE.exec(text);
      const role = m ? labelRole(m[1] ?? '') : null;
      const choices = parseChoices(text);
      if (m && role) {
        const v: FormValue = { role, label: (m[1] ?? '').trim(), value: (m[2] ?? '').trim(), paragraph: b.index };
        if (choices.length > 0 && (role === 'status' || role === 'owner_type' || statusFromChoices(choices).known > 0)) {
          statusChoices.push({ choices, where: v });
          open = null;
          continue;
        }
        addValue(reading, v);
        open = reading.values.get(role) === v ? v : null;
        continue;
      }
      if (choices.length > 0) {
        // "Mô hình: ☐ Đăng ký mới ☒ Nhân rộng" has a label outside the vocabulary.
        statusChoices.push({ choices, where: { role: 'status', label: m?.[1]?.trim() ?? '', value: text, paragraph: b.index } });
        open = null;
        continue;
      }
      if (m && parseStatus(m[1] ?? '') && markValue(m[2] ?? '') !== null) {
        // One option per line: "- Đăng ký mới: x".
        statusChoices.push({ choices: [{ label: (m[1] ?? '').trim(), checked: markValue(m[2] ?? '') === true }], where: { role: 'status', label: '', value: text, paragraph: b.index } });
        continue;
      }
      if (m && reading.values.size > 0 && (m[2] ?? '').trim() !== '' && !BULLET.test(text)) {
        reading.extra[(m[1] ?? '').trim()] = (m[2] ?? '').trim();
        open = null;
        continue;
      }
      // A continuation: bullet lines under a label, or the first line under an empty label.
      if (open && (BULLET.test(text) || open.value === '')) {
        open.value = open.value === '' ? text : `${open.value}\n${text}`;
        continue;
      }
      open = null;
    } else {
      open = null;
      readFormTable(b.grid, b.index, reading, statusChoices);
    }
  }

  // Status: all ticked options together; exactly one ticked is a reading.
  const all = statusChoices.flatMap((s) => s.choices);
  const st = statusFromChoices(all);
  reading.ownerType = ownerTypeFromChoices(all);
  const where = statusChoices.find((s) => statusFromChoices(s.choices).checked > 0)?.where ?? statusChoices[0]?.where ?? null;
  if (st.known > 0) {
    reading.statusSource = where;
    if (st.checked === 1) reading.status = st.status;
    else if (st.checked === 0) {
      reading.issues.push({ severity: 'warning', code: 'FORM_STATUS_UNCHECKED', message: `Tệp "${fileName}": phiếu đăng ký không đánh dấu ô nào trong "Mới / Duy trì / Nhân rộng"${where?.paragraph ? ` (đoạn ${where.paragraph})` : ''}; để trống tình trạng mô hình.`, value: where?.value ?? null });
    } else {
      reading.issues.push({ severity: 'warning', code: 'FORM_STATUS_AMBIGUOUS', message: `Tệp "${fileName}": phiếu đăng ký đánh dấu ${st.checked} ô trong "Mới / Duy trì / Nhân rộng"${where?.paragraph ? ` (đoạn ${where.paragraph})` : ''}; không xác định được tình trạng mô hình.`, value: where?.value ?? null });
    }
  } else {
    const s = reading.values.get('status');
    if (s) {
      reading.statusSource = s;
      reading.status = parseStatus(s.value);
    }
  }
  return reading;
}

function cellAt(grid: Grid, r: number, c: number): string {
  const cell = grid.rows[r]?.[c];
  if (!cell || cell.mergedInto) return '';
  return cell.text.trim();
}

/** Label/value rows of a table: "Tên mô hình | …", "1 | Tên mô hình | …", "Duy trì | ☒". */
/** Label/value rows of a table: "Tên mô hình | …", "1 | Tên mô hình | …", "Lĩnh vực | … | Thời gian | …", "Duy trì | ☒". */
function readFormTable(grid: Grid, table: number, reading: FormReading, statusChoices: { choices: Choice[]; where: FormValue }[]): void {
  grid.rows.forEach((row, r) => {
    const cells: { c: number; text: string }[] = [];
    row.forEach((cell, c) => {
      if (cell && !cell.mergedInto) cells.push({ c, text: cellAt(grid, r, c) });
    });
    // Skip a leading number cell ("1", "2.", "a)").
    let i = 0;
    while (i < cells.length - 1 && /^(\d{1,2}|[IVX]{1,4}|[a-zđ])?[.)]?$/u.test(cells[i]!.text)) i++;
    // Label/value pairs along the row: a label cell, then the next non-empty cell is its value.
    while (i < cells.length) {
      const labelCell = cells[i]!;
      if (labelCell.text === '') { i++; continue; }
      let j = i + 1;
      while (j < cells.length && cells[j]!.text === '') j++;
      const valueCell = cells[j];
      const consumed = readPair(labelCell, valueCell, r);
      i = consumed ? j + 1 : i + 1;
      if (!consumed) break;
    }
  });

  function readPair(labelCell: { c: number; text: string }, valueCell: { c: number; text: string } | undefined, r: number): boolean {
    const label = labelCell.text.replace(/[:：]\s*$/, '');
    const role = labelRole(label);
    const choicesInValue = valueCell ? parseChoices(valueCell.text) : [];
    if (role && role !== 'status' && choicesInValue.length === 0 && valueCell) {
      addValue(reading, { role, label, value: valueCell.text, table, row: r, col: valueCell.c });
      return true;
    }
    if (choicesInValue.length > 0) {
      statusChoices.push({ choices: choicesInValue, where: { role: 'status', label, value: valueCell?.text ?? '', table, row: r, col: valueCell?.c ?? 0 } });
      return true;
    }
    // One option per row: "Mô hình duy trì | ☒" or "Đăng ký mới | x".
    if (parseStatus(label) || parseStatus(label.replace(/^(mô hình|đăng ký)\s+/iu, ''))) {
      const mark = markValue(valueCell?.text ?? '');
      if (mark !== null) statusChoices.push({ choices: [{ label, checked: mark }], where: { role: 'status', label, value: valueCell?.text ?? '', table, row: r, col: valueCell?.c ?? labelCell.c } });
      return mark !== null;
    }
    if (role === 'status' && valueCell) {
      addValue(reading, { role, label, value: valueCell.text, table, row: r, col: valueCell.c });
      return true;
    }
    return false;
  }
}

function hasModelLabel(b: DocumentBlock): boolean {
  if (b.type === 'paragraph') {
    const m = LABEL_LINE.exec(b.text.trim());
    // "Mô hình: ☐ Mới ☒ Duy trì" labels the status boxes, not a new form.
    return m !== null && labelRole(m[1] ?? '') === 'model_name' && parseChoices(m[2] ?? '').length === 0;
  }
  return b.grid.rows.some((row) => row.some((c) => c !== undefined && !c.mergedInto && c.text.trim().length < 40 && labelRole(c.text.replace(/[:：]\s*$/, '')) === 'model_name'));
}

/**
 * Several forms in one file (a chi bộ sends its members' mẫu 04 together):
 * each "Tên mô hình" label after the first starts a new form, and each form
 * reads up to its own signature.
 */
export function readForms(blocks: DocumentBlock[], fileName: string): FormReading[] {
  const starts: number[] = [];
  blocks.forEach((b, i) => {
    if (hasModelLabel(b)) starts.push(i);
  });
  if (starts.length <= 1) return [readForm(blocks, fileName)];
  return starts.map((s, k) => readForm(blocks.slice(k === 0 ? 0 : s, starts[k + 1] ?? blocks.length), fileName));
}

/** True when the blocks look like a form: a model name label plus at least two other labels. */
export function looksLikeForm(reading: FormReading): boolean {
  if (!reading.values.has('model_name')) return false;
  const others = [...reading.values.keys()].filter((k) => k !== 'model_name').length + (reading.statusSource ? 1 : 0);
  return others >= 2;
}
