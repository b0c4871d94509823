import type { Page, Provenance, ReviewItem } from '../types';
import { getJson, sendJson, withQuery } from './http';

/** backend/src/ingest/review.service.ts ReviewItemView, as far as the page reads it. */
interface WireReviewItem {
  id: number;
  fileId: number;
  fileName: string;
  recordType: string;
  reason: string;
  message: string;
  detail: Record<string, unknown>;
  state: string;
  record: Record<string, unknown> | null;
}

const str = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

/** Record fields a person may correct, in the order the form shows them. */
const EDITABLE = ['model_name', 'field', 'owner', 'owner_type', 'status', 'start_date', 'end_date', 'launch_date', 'level', 'decision_no', 'decision_date', 'name', 'exemplar_type', 'award', 'year'];

export function toReviewItem(w: WireReviewItem): ReviewItem {
  const d = w.detail ?? {};
  const units = Array.isArray(d.suggestions) ? (d.suggestions as { unitId: number; name: string }[]) : [];
  const models = Array.isArray(d.candidates) ? (d.candidates as { modelId: number; name: string; ownerText?: string | null; firstYear?: number | null }[]) : [];
  const action: ReviewItem['action'] = w.reason === 'possible_model_match' ? 'choose_model' : w.reason === 'unresolved_owner' || w.reason === 'unresolved_unit' ? 'choose_unit' : 'edit';
  const field = w.reason === 'field_inferred' ? 'field' : w.reason === 'unresolved_owner' ? 'owner' : w.reason === 'unknown_year' ? 'year' : w.reason === 'invalid_date' ? 'start_date' : null;
  const record = w.record ?? {};
  const src = record.source as { sheet?: string; row?: number; cells?: Record<string, string> } | undefined;
  const source: Provenance | null = src ? { fileId: w.fileId, fileName: w.fileName, sheet: src.sheet ?? null, row: src.row ?? null, cell: field && src.cells?.[field] ? src.cells[field]! : null } : null;
  return {
    id: w.id,
    fileId: w.fileId,
    fileName: w.fileName,
    recordType: w.recordType,
    reason: w.reason,
    message: w.message,
    action,
    field,
    value: str(d.value ?? d.text ?? (field ? (d[field] ?? record[field]) : null)),
    candidates:
      action === 'choose_unit'
        ? units.map((u) => ({ id: u.unitId, label: u.name }))
        : action === 'choose_model'
          ? models.map((m) => ({ id: m.modelId, label: `${m.name}${m.ownerText ? ` — ${m.ownerText}` : ''}${m.firstYear ? ` (${m.firstYear})` : ''}` }))
          : [],
    recordFields: EDITABLE.filter((f) => f in record || f === field),
    source,
    state: w.state,
  };
}

export async function listReview(q: { page?: number; pageSize?: number; fileId?: number | null } = {}): Promise<Page<ReviewItem>> {
  const pageSize = q.pageSize ?? 50;
  const page = q.page ?? 1;
  const r = await getJson<{ items: WireReviewItem[]; total: number }>(withQuery('/api/review', { state: 'open', limit: pageSize, offset: (page - 1) * pageSize, fileId: q.fileId }));
  return { items: r.items.map(toReviewItem), total: r.total, page, pageSize };
}

/** The reading was right; or the person picked a unit / an earlier model. */
export const confirmReview = async (id: number, choice: { unitId?: number; modelId?: number } = {}): Promise<ReviewItem> =>
  toReviewItem(await sendJson<WireReviewItem>('POST', `/api/review/${id}/confirm`, choice));

/** Stored as a correction and re-applied when the file is loaded again. */
export const correctReview = async (id: number, changes: Record<string, unknown>, reason?: string): Promise<ReviewItem> =>
  toReviewItem(await sendJson<WireReviewItem>('POST', `/api/review/${id}/correct`, { changes, ...(reason ? { reason } : {}) }));

export const rejectReview = async (id: number, reason?: string): Promise<ReviewItem> =>
  toReviewItem(await sendJson<WireReviewItem>('POST', `/api/review/${id}/reject`, reason ? { reason } : {}));
