import type { UploadBatch, UploadJob } from '../types';
import { getJson, uploadForm } from './http';

/** Sends many files in one batch (multipart field `files`); progress is bytes sent. */
export function uploadFiles(files: readonly File[], onProgress?: (sent: number, total: number) => void): Promise<UploadBatch> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  return uploadForm<UploadBatch>('/api/uploads', form, onProgress);
}

export const getBatch = (id: number): Promise<UploadBatch> => getJson<UploadBatch>(`/api/uploads/${id}`);

/**
 * Follows a batch by server-sent events; each message is one job's new state.
 * Returns a function that stops following. Falls back to polling when the
 * browser or the server has no SSE, so progress never silently stops.
 */
export function followBatch(id: number, onJob: (job: UploadJob) => void, onError: (message: string) => void): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const poll = async (): Promise<void> => {
    if (stopped) return;
    try {
      const batch = await getBatch(id);
      batch.jobs.forEach(onJob);
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
  source.onmessage = (event: MessageEvent<string>) => {
    try {
      const data = JSON.parse(event.data) as UploadJob | { jobs: UploadJob[] };
      if ('jobs' in data) data.jobs.forEach(onJob);
      else onJob(data);
    } catch {
      /* a keep-alive or a comment line: nothing to show */
    }
  };
  source.onerror = () => {
    // The server closes the stream when the batch is done; polling confirms the final state.
    source.close();
    void poll();
  };
  return () => {
    stopped = true;
    clearTimeout(timer);
    source.close();
  };
}

export const isFinal = (state: UploadJob['state']): boolean => state === 'loaded' || state === 'failed' || state === 'needs_review' || state === 'duplicate';
