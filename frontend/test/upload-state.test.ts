import { describe, expect, it } from 'vitest';
import { batchProgress, jobStateText, mergeJob, screenFiles } from '../src/lib/upload-state';
import type { UploadJob } from '../src/lib/types';

const job = (id: number, over: Partial<UploadJob> = {}): UploadJob => ({
  id, fileName: `f${id}.xlsx`, sizeBytes: 10, state: 'queued', progress: 0, message: null, sourceFileId: null, duplicate: false,
  kind: null, year: null, unitName: null, recordCount: 0, reviewCount: 0, issues: [], ...over,
});

describe('upload state', () => {
  it('weighs sending and the server’s work into one batch progress', () => {
    expect(batchProgress(0.5, [])).toBe(15);
    expect(batchProgress(1, [job(1), job(2)])).toBe(30);
    expect(batchProgress(1, [job(1, { state: 'loaded' }), job(2, { state: 'reading', progress: 50 })])).toBe(83);
    expect(batchProgress(1, [job(1, { state: 'failed' }), job(2, { state: 'loaded', duplicate: true })])).toBe(100);
  });

  it('merges one job’s update from the event stream', () => {
    const jobs = [job(1), job(2)];
    const next = mergeJob(jobs, { id: 2, state: 'loaded', progress: 100, recordCount: 12 });
    expect(next[1]).toMatchObject({ fileName: 'f2.xlsx', state: 'loaded', recordCount: 12 });
    expect(jobs[1]!.state).toBe('queued');
  });

  it('refuses files the reader cannot take, saying why', () => {
    const files = [new File(['x'], 'ds.xlsx'), new File(['x'], 'anh.jpg'), new File([], 'rong.docx'), new File(['x'], 'bc.DOC'),
      new File([new Uint8Array(20 * 1024 * 1024 + 1)], 'qua-lon.xlsx'), new File([new Uint8Array(20 * 1024 * 1024)], 'vua-du.xlsx')];
    const { ok, refused } = screenFiles(files);
    expect(ok.map((f) => f.name)).toEqual(['ds.xlsx', 'bc.DOC', 'vua-du.xlsx']);
    expect(refused).toEqual([
      { name: 'anh.jpg', reason: 'Không phải tệp Excel, Word hoặc CSV (.xlsx .xls .csv .docx .doc).' },
      { name: 'rong.docx', reason: 'Tệp rỗng (0 byte).' },
      // The server's default limit (DVK_UPLOAD_MAX_MB), the same as the ETL's.
      { name: 'qua-lon.xlsx', reason: 'Tệp lớn hơn 20 MB.' },
    ]);
  });

  it('names states in plain Vietnamese', () => {
    expect(jobStateText('needs_review')).toBe('Đã nạp, có dòng cần duyệt');
    expect(jobStateText('loaded', 'en', true)).toBe('Already stored, not loaded again');
    expect(jobStateText('loaded')).toBe('Đã nạp xong');
  });
});
