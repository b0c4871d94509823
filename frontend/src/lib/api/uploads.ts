import type { FileReading, IngestIssue, UploadBatch, UploadJob } from '../types';
import { getJson, sendJson, uploadForm } from './http';

/** The server's shapes (backend/src/ingest/uploads.service.ts, files.service.ts), mirrored as far as the page reads them. */
interface WireJob {
  id: number;
  fileName: string;
  sizeBytes: number;
  state: UploadJob['state'];
  progress: number;
  message: string | null;
  errors?: { code: string; message: string; sheet?: string | null; row?: number | null; column?: string | null }[];
  sourceFileId: number | null;
  duplicate: boolean;
  records: number;
  reviewItems: number;
}
interface WireBatch {
  id: number;
  createdAt: string | null;
  state: UploadBatch['state'];
  progress: number;
  jobs: WireJob[];
}
interface WireFileDetail {
  id: number;
  kind: string;
  year: number | null;
  unitText: string | null;
  unitId: number | null;
  records: number;
  issues: { severity: string; code: string; message: string; sheet: string | null; row: number | null; column: string | null; value: string | null }[];
}

export function toJob(j: WireJob): UploadJob {
  return {
    id: j.id,
    fileName: j.fileName,
    sizeBytes: j.sizeBytes,
    state: j.state,
    progress: j.progress,
    message: j.message,
    sourceFileId: j.sourceFileId,
    duplicate: j.duplicate,
    kind: null,
    year: null,
    unitName: null,
    recordCount: j.records,
    reviewCount: j.reviewItems,
    issues: (j.errors ?? []).map((e) => ({ severity: 'error', code: e.code, message: e.message, sheet: e.sheet ?? null, row: e.row ?? null, column: e.column ?? null, value: null })),
  };
}
const toBatch = (b: WireBatch): UploadBatch => ({ id: b.id, createdAt: b.createdAt, state: b.state, progress: b.progress, jobs: b.jobs.map(toJob) });

/** Reads again every file whose rows wait for a unit (after the office imported its unit list): one batch, followed like an upload. */
export async function reloadWaitingFiles(): Promise<UploadBatch> {
  return toBatch(await sendJson<WireBatch>('POST', '/api/uploads/reload-waiting'));
}

/** Sends many files in one batch (multipart field `files`); progress is bytes sent. */
export async function uploadFiles(files: readonly File[], onProgress?: (sent: number, total: number) => void): Promise<UploadBatch> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return toBatch(await uploadForm<WireBatch>('/api/uploads', form, onProgress));
}

export const getBatch = async (id: number): Promise<UploadBatch> => toBatch(await getJson<WireBatch>(`/api/uploads/${id}`));

/** What the reader understood of a stored file, with every issue it raised. */
export async function getFileReading(id: number): Promise<FileReading> {
  const f = await getJson<WireFileDetail>(`/api/files/${id}`);
  return {
    id: f.id,
    kind: f.kind,
    year: f.year,
    unitName: f.unitText,
    unitResolved: f.unitId !== null,
    records: f.records,
    issues: f.issues.map((i) => ({ ...i, severity: (['error', 'warning', 'info'].includes(i.severity) ? i.severity : 'warning') as IngestIssue['severity'] })),
  };
}

export const isFinal = (state: UploadJob['state']): boolean => state === 'loaded' || state === 'failed' || state === 'needs_review';

/**
 * Follows a batch by server-sent events ('batch' snapshot, 'job' per change,
 * 'done'). Returns a function that stops following. Falls back to polling
 * when the stream breaks, so progress never silently stops.
 */
export function followBatch(id: number, onBatch: (batch: UploadBatch) => void, onJob: (job: UploadJob) => void, onError: (message: string) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async (): Promise<void> => {
    if (stopped) return;
    try {
      const batch = await getBatch(id);
      onBatch(batch);
      if (batch.jobs.some((j) => !isFinal(j.state))) timer = setTimeout(poll, 700);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  if (typeof EventSource === 'undefined') {
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }
  const source = new EventSource(`/api/uploads/${id}/events`);
  const parse = <T>(event: MessageEvent<string>): T | null => {
    try {
      return JSON.parse(event.data) as T;
    } catch {
      return null;
    }
  };
  source.addEventListener('batch', (e) => {
    const b = parse<WireBatch>(e);
    if (b) onBatch(toBatch(b));
  });
  source.addEventListener('job', (e) => {
    const j = parse<WireJob>(e);
    if (j) onJob(toJob(j));
  });
  source.addEventListener('done', (e) => {
    const b = parse<WireBatch>(e);
    if (b) onBatch(toBatch(b));
    source.close();
  });
  source.onerror = () => {
    // Closed by the server after 'done', or broken: polling confirms the final state.
    source.close();
    void poll();
  };
  return () => {
    stopped = true;
    clearTimeout(timer);
    source.close();
  };
}
