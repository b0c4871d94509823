import type { JobState, UploadJob } from './types';

/** Plain-Vietnamese name of a job's state; a duplicate is "already stored", whatever its state. */
export function jobStateText(state: JobState, lang: 'vi' | 'en' = 'vi', duplicate = false): string {
  if (duplicate && state !== 'failed' && state !== 'queued' && state !== 'reading') return lang === 'en' ? 'Already stored, not loaded again' : 'Tệp này đã có, không nạp lại';
  const vi: Record<JobState, string> = {
    queued: 'Đang chờ đọc',
    reading: 'Đang đọc tệp',
    loaded: 'Đã nạp xong',
    failed: 'Không nạp được',
    needs_review: 'Đã nạp, có dòng cần duyệt',
  };
  const en: Record<JobState, string> = {
    queued: 'Queued',
    reading: 'Reading',
    loaded: 'Loaded',
    failed: 'Failed',
    needs_review: 'Loaded, rows need review',
  };
  return (lang === 'en' ? en : vi)[state] ?? state;
}

/** Batch progress 0..100: sending counts for the first 30 %, the server's work for the rest. */
export function batchProgress(sentRatio: number, jobs: readonly Pick<UploadJob, 'progress' | 'state'>[]): number {
  const send = Math.min(1, Math.max(0, sentRatio)) * 30;
  if (jobs.length === 0) return Math.round(send);
  const done = jobs.reduce((s, j) => s + (j.state === 'loaded' || j.state === 'failed' || j.state === 'needs_review' ? 100 : Math.min(100, Math.max(0, j.progress))), 0) / jobs.length;
  return Math.round(30 + done * 0.7);
}

/** Merges a job update into the list (SSE sends one job at a time). */
export function mergeJob(jobs: readonly UploadJob[], update: Partial<UploadJob> & { id: number }): UploadJob[] {
  const i = jobs.findIndex((j) => j.id === update.id);
  if (i < 0) return [...jobs, update as UploadJob];
  const out = [...jobs];
  out[i] = { ...out[i]!, ...update };
  return out;
}

const ACCEPTED = /\.(xlsx|xls|xlsm|csv|docx|doc)$/i;

/**
 * Splits dropped files into those the reader takes and those it does not, with a reason. The size limit is
 * the server's default (DVK_UPLOAD_MAX_MB, 20 MB); a server set lower still refuses with a 413 naming the file.
 */
export function screenFiles(files: readonly File[], maxBytes = 20 * 1024 * 1024): { ok: File[]; refused: { name: string; reason: string }[] } {
  const ok: File[] = [];
  const refused: { name: string; reason: string }[] = [];
  for (const f of files) {
    if (!ACCEPTED.test(f.name)) refused.push({ name: f.name, reason: 'Không phải tệp Excel, Word hoặc CSV (.xlsx .xls .csv .docx .doc).' });
    else if (f.size === 0) refused.push({ name: f.name, reason: 'Tệp rỗng (0 byte).' });
    else if (f.size > maxBytes) refused.push({ name: f.name, reason: `Tệp lớn hơn ${Math.round(maxBytes / 1024 / 1024)} MB.` });
    else ok.push(f);
  }
  return { ok, refused };
}
