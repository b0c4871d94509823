/**
 * Document facts from the title block and the file name: kind, year,
 * issuing unit, its level, the decision an annex belongs to, the report
 * period, and a level named in the title ("… được công nhận cấp xã").
 */
import type { DocumentKind, Level, PartialDate, Period } from '../contract.js';
import { parseDate } from '../normalise/dates.js';
import { parseLevel } from '../normalise/levels.js';
import { fold } from '../text/vietnamese.js';
import { looseKey } from '../tables/keys.js';

export interface DocumentMeta {
  kind: DocumentKind;
  year: number | null;
  unit: string | null;
  level: Level | null;
  decision_no: string | null;
  decision_date: PartialDate | null;
  period: Period | null;
  /** "cấp xã" etc. in the title: the level of a recognition or exemplar list. */
  titleLevel: Level | null;
  /** The title says the list recognises (not proposes). */
  recognises: boolean;
}

const NATIONAL = /^(dang cong san viet nam|cong hoa xa hoi chu nghia viet nam|doc lap\s*-?\s*tu do|\*+$|-+$|so\s*:|so\s+\d)/;
const ORG = /^(dang bo|dang uy|chi bo|ubnd|uy ban|ban (chap hanh|thuong vu|dan van|tuyen giao|chi dao|xay dung|tg)|bch|btv|hoi |doan |mat tran|mttq|cong an|truong |tram |huyen uy|thi uy|thanh uy|tinh uy|du |dang uy|chi doan|to dan van|phong |trung tam|hdnd|hoi dong)/;
const DOC_TITLE = /^(danh sach|bang tong hop|bieu tong hop|ban tong hop|tong hop|bao cao|ket qua|de nghi|dang ky|bang dang ky|phu luc|bieu mau|mau)/;

export function kindFromText(text: string): DocumentKind {
  const k = fold(text);
  if (/bao cao|so ket|tong ket|ket qua thuc hien|ket qua xay dung/.test(k) && !/danh sach/.test(k)) return 'report';
  if (/dang ky/.test(k)) return 'registration';
  if (/dien hinh/.test(k)) return 'exemplar';
  if (/cong nhan|duoc cong nhan/.test(k)) return 'recognition';
  return 'unknown';
}

export function levelFromTitle(text: string, year: number | null): Level | null {
  const m = /\bcap (xa|phuong|co so|huyen|thi xa|tinh|thanh pho|quan)\b/.exec(fold(text));
  if (!m) return null;
  return parseLevel(`cap ${m[1]}`, year ?? undefined) ?? null;
}

/** "Quyết định số 125-QĐ/ĐU ngày 15/12/2025" (also "QĐ số …", "Số … ngày …"). */
export function parseDecision(text: string, year?: number | null): { no: string | null; date: PartialDate | null; dateText: string | null } {
  const t = text.normalize('NFC');
  const m = /(?:quyết\s+định|qđ)\s*(?:số)?\s*:?\s*([0-9][0-9A-Za-zĐđ\-/.]*)/iu.exec(t) ?? /(?:^|\s)số\s*:?\s*([0-9][0-9A-Za-zĐđ\-/.]*)/iu.exec(t) ?? /^\s*([0-9]+[-/][0-9A-Za-zĐđ\-/.]*[A-Za-zĐđ][0-9A-Za-zĐđ\-/.]*)/u.exec(t);
  const no = m?.[1]?.replace(/[.,;]+$/, '') ?? null;
  const d = /ngày\s*(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{1,2}\s*tháng\s*\d{1,2}\s*năm\s*\d{4})/iu.exec(t) ?? /[,;\s](\d{1,2}\/\d{1,2}\/\d{4})/.exec(t);
  const dateText = d?.[1] ?? null;
  const date = dateText ? parseDate(dateText.replace(/\s*tháng\s*/iu, '/').replace(/\s*năm\s*/iu, '/').replace(/\s+/g, ''), { year: year ?? undefined }).value : null;
  return { no, date, dateText };
}

/**
 * Reads the meta from title lines (each a cell's text, in reading order),
 * footer lines (the date line sits there) and the file name.
 */
export function documentMeta(title: { text: string; col: number }[], footer: string[], fileName: string): DocumentMeta {
  const texts = title.map((t) => t.text);
  const keys = texts.map((t) => fold(t).replace(/\s+/g, ' ').trim());
  let titleIdx = keys.findIndex((k) => DOC_TITLE.test(k) && !/^phu luc\s*\d*$/.test(k) && !/^mau\s*\S*$/.test(k));
  if (titleIdx < 0) titleIdx = keys.findIndex((k) => /danh sach|dang ky|cong nhan|dien hinh/.test(k));
  const docTitle = titleIdx >= 0 ? texts.slice(titleIdx).filter((_, i) => i < 4).join(' ') : '';
  let kind: DocumentKind = docTitle ? kindFromText(docTitle) : 'unknown';
  if (kind === 'unknown') kind = kindFromText(fileName.replace(/[_-]+/g, ' '));

  // Year: "NĂM 2026" in the title, else the date line, else the file name.
  let year: number | null = null;
  const ym = /\bnam\s+(20\d\d)\b/.exec(fold(docTitle));
  if (ym) year = Number(ym[1]);
  if (year === null) {
    for (const line of [...texts, ...footer]) {
      const m = /ngay\s*(?:\d{1,2}|\.+|…)?\s*thang\s*(?:\d{1,2}|\.+|…)?\s*nam\s*(20\d\d)/.exec(fold(line));
      if (m) {
        year = Number(m[1]);
        break;
      }
    }
  }
  if (year === null) {
    const fm = /(?:^|[^0-9])(20[12]\d)(?:[^0-9]|$)/.exec(fileName);
    if (fm) year = Number(fm[1]);
  }

  // Issuing unit: the last organisation line of the left block, before the title.
  let unit: string | null = null;
  const before = titleIdx >= 0 ? title.slice(0, titleIdx) : title;
  for (const t of before) {
    const k = fold(t.text).replace(/\s+/g, ' ').trim();
    if (NATIONAL.test(k)) continue;
    const label = /^(don vi|don vi bao cao|co quan)\s*:\s*(.+)$/.exec(looseKey(t.text));
    if (label) {
      unit = t.text.slice(t.text.indexOf(':') + 1).trim();
      continue;
    }
    if (ORG.test(k) && k.length <= 80) {
      // "BAN DÂN VẬN" under "HUYỆN ỦY KIM SƠN": a department is named with its committee.
      const prev: string | null = unit;
      unit = t.text;
      if (prev && /^ban /.test(k) && !/\b(xa|huyen|tinh|thanh pho|thi xa|thi tran|phuong|uy)\b/.test(k)) unit = `${t.text} ${prev}`;
    }
  }
  if (unit === null) {
    for (const t of title) {
      const k = looseKey(t.text);
      if (/^(don vi|don vi bao cao)\s*:/.test(k)) unit = t.text.slice(t.text.indexOf(':') + 1).trim() || null;
    }
  }

  let decision_no: string | null = null;
  let decision_date: PartialDate | null = null;
  for (const line of texts) {
    if (/(quyet dinh|qd)\s*(so)?/.test(fold(line)) && /kem theo|theo|cua/.test(fold(line))) {
      const d = parseDecision(line, year);
      if (d.no) {
        decision_no = d.no;
        decision_date = d.date;
        break;
      }
    }
  }
  if (year === null && decision_date) year = Number(decision_date.slice(0, 4));

  const fk = fold(docTitle + ' ' + fileName);
  const period: Period | null = /6 thang|sau thang|so ket|nua dau nam|\bh1\b/.test(fk) ? 'H1' : kind === 'report' ? 'FY' : null;
  let level = unit ? (parseLevel(unit, year ?? undefined) ?? null) : null;
  // Party cells, villages and their teams sit at the grassroots (commune) level.
  if (unit && level === null && /^(chi bo|dang bo bo phan|to dan van|thon |to dan pho|khu dan cu|chi doan|chi hoi|ban cong tac mat tran)/.test(fold(unit))) level = 'commune';
  const titleLevel = docTitle ? levelFromTitle(docTitle, year) : null;
  const recognises = /duoc cong nhan|cong nhan/.test(fold(docTitle)) && !/de nghi/.test(fold(docTitle));
  return { kind, year, unit, level, decision_no, decision_date, period, titleLevel, recognises };
}
