import type { ModelDetail, ModelRow, Page } from '../types';
import { getJson, withQuery } from './http';

export interface ModelQuery {
  /** Free text; the server folds case, diacritics and tone placement ("hoa giai" finds "hòa giải"). */
  q?: string | null;
  field?: string | null;
  status?: string | null;
  year?: number | null;
  unit?: number | null;
  recognized?: string | null;
  sort?: string | null;
  order?: 'asc' | 'desc' | null;
  page?: number;
  pageSize?: number;
}

export const listModels = (q: ModelQuery, signal?: AbortSignal): Promise<Page<ModelRow>> =>
  getJson<Page<ModelRow>>(withQuery('/api/models', { ...q }), { signal: signal ?? null });

export const getModel = (id: number): Promise<ModelDetail> => getJson<ModelDetail>(`/api/models/${id}`);
