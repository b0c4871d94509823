import type { Page, ReviewItem } from '../types';
import { getJson, sendJson, withQuery } from './http';

export const listReview = (q: { state?: string; page?: number; pageSize?: number; file?: number | null } = {}): Promise<Page<ReviewItem>> =>
  getJson<Page<ReviewItem>>(withQuery('/api/review', { state: 'open', ...q }));

export const confirmReview = (id: number): Promise<ReviewItem> => sendJson<ReviewItem>('POST', `/api/review/${id}/confirm`);

export const correctReview = (id: number, value: string, reason?: string): Promise<ReviewItem> =>
  sendJson<ReviewItem>('POST', `/api/review/${id}/correct`, { value, reason });

export const rejectReview = (id: number, reason?: string): Promise<ReviewItem> =>
  sendJson<ReviewItem>('POST', `/api/review/${id}/reject`, { reason });
