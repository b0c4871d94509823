/**
 * A reader thread: reads a raw file from the store and runs the ETL's
 * extract() on it. It never touches the database; the main process loads
 * what it returns.
 */
import { readFile } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import type { FileResult } from '@dvk/etl';

export interface ReadTask {
  id: number;
  path: string;
  fileName: string;
}

export type ReadReply = { id: number; ok: true; result: FileResult; readMs: number } | { id: number; ok: false; error: string };

const specifier = (workerData as { etlModule?: string } | undefined)?.etlModule ?? '@dvk/etl';
const etl = (await import(specifier)) as typeof import('@dvk/etl');

parentPort!.on('message', (task: ReadTask) => {
  const started = performance.now();
  readFile(task.path)
    .then((bytes) => etl.extract(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), task.fileName))
    .then(
      (result) => parentPort!.postMessage({ id: task.id, ok: true, result, readMs: performance.now() - started } satisfies ReadReply),
      (error: unknown) => parentPort!.postMessage({ id: task.id, ok: false, error: error instanceof Error ? error.message : String(error) } satisfies ReadReply),
    );
});
