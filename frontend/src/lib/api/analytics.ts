import type { Overview, QuotaCheck, Submission, Trend } from '../types';
import { getJson, withQuery } from './http';

export interface OverviewQuery {
  unit?: number | null;
  year?: number | null;
  field?: string | null;
  level?: string | null;
}

export const getOverview = (q: OverviewQuery, signal?: AbortSignal): Promise<Overview> =>
  getJson<Overview>(withQuery('/api/analytics/overview', { ...q }), { signal: signal ?? null });

export const getTrend = (q: { unit?: number | null; field?: string | null; mode?: 'rollup' | 'as_was' }, signal?: AbortSignal): Promise<Trend> =>
  getJson<Trend>(withQuery('/api/analytics/trend', { ...q }), { signal: signal ?? null });

export const getQuotaChecks = (unit: number, year: number): Promise<QuotaCheck[]> =>
  getJson<QuotaCheck[]>(withQuery('/api/analytics/quotas', { unit, year }));

export const getSubmissions = (unit: number, year: number): Promise<Submission[]> =>
  getJson<Submission[]>(withQuery('/api/analytics/submissions', { unit, year }));
