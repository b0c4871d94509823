import { copyFile, mkdir, stat } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Visibility } from '../auth/scope.js';
import { ScopeService } from '../auth/scope.service.js';
import {
  BadRequestException,
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  type BeforeApplicationShutdown,
  type MessageEvent,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { FileResult } from '@dvk/etl';
import { Observable, Subject } from 'rxjs';
import { IngestRepository, type JobRow } from './ingest.repository.js';
import { INGEST_OPTIONS, type IngestOptions } from './ingest.options.js';
import { LoadService, type LoadOutcome } from './load.service.js';
import { RawFileStore } from './raw-file.store.js';
import { HeadStarts, type HeadStart } from './head-start.js';
import { ReadPool, type Reading } from './read-pool.js';
import type { ReceivedFile } from './upload.interceptor.js';

export type JobState = 'queued' | 'reading' | 'loaded' | 'failed' | 'needs_review';

export interface JobView {
  id: number;
  batchId: number;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  state: JobState;
  /** 0–100 */
  progress: number;
  /** Vietnamese: what happened, or why it failed (the ETL's own message). */
  message: string | null;
  errors: { code: string; message: string; sheet?: string | null; row?: number | null; column?: string | null }[];
  sourceFileId: number | null;
  /** The same bytes were already stored: nothing changed. */
  duplicate: boolean;
  records: number;
  reviewItems: number;
  attempts: number;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface BatchView {
  id: number;
  origin: string;
  createdBy: string | null;
  createdAt: string;
  fileCount: number;
  /** queued | running | done */
  state: 'queued' | 'running' | 'done';
  /** 0–100 over all its files */
  progress: number;
  counts: Record<JobState, number> & { duplicate: number; records: number };
  jobs: JobView[];
}

export type UploadEvent = { batchId: number; type: 'job'; data: JobView } | { batchId: number; type: 'done'; data: BatchView };

interface QueuedJob {
  id: number;
  batchId: number;
  sha256: string;
  fileName: string;
  sizeBytes: number;
  /** Attempts finished before this one. */
  attempts: number;
  /** 'reload': the file is stored already and is read again to replace its rows (a batch of origin 'reload'). */
  mode: 'upload' | 'reload';
  /** Its reading, begun while the upload was still arriving. */
  headStart?: HeadStart | null | undefined;
}

const FINAL: JobState[] = ['loaded', 'failed', 'needs_review'];
/** The origin of a batch that reads stored files again (reloadWaiting). */
const RELOAD_ORIGIN = 'reload';
/** The writer loads at most this many rows per transaction (and at most IngestOptions.groupFiles files). */
const MAX_GROUP_ROWS = 10_000;
/**
 * While more files remain to be read than a group holds, the writer lets a
 * group grow until it is full or its first reading has waited this long. A
 * group costs tens of milliseconds whatever its size (lookups, a commit),
 * taken from the cores the readers need: a thousand files written as fifty
 * groups cost several seconds more than as five. Once the rest of the queue
 * fits in one group, it writes what is ready at once, so the last files are
 * not held back to be written in one large group after the last read: the
 * groups shrink as the queue ends, and so does the wait after its last file.
 */
const GROUP_WAIT_MS = 1000;

/**
 * Upload batches and their jobs: received files go to the raw store, one job
 * per file is persisted as queued, the reader pool reads them off the request
 * thread, and LoadService writes each in its own transaction in this process.
 * Progress is persisted on every state change and published as events.
 * Jobs a stopped process left behind are queued again on start.
 */
@Injectable()
export class UploadsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(UploadsService.name);
  private readonly queue: QueuedJob[] = [];
  private readonly remaining = new Map<number, number>();
  private readonly waiters = new Map<number, ((view: BatchView) => void)[]>();
  private readonly events = new Subject<UploadEvent>();
  private readonly running = new Set<Promise<void>>();
  private readonly ready: { job: QueuedJob; reading: Reading }[] = [];
  /** Ids of the jobs not yet finished, in upload order. */
  private readonly unwritten: number[] = [];
  private reading = 0;
  /** Jobs being read, since when: a state of this process only, shown over the stored 'queued'. */
  private readonly readingSince = new Map<number, Date>();
  private writing: Promise<void> | null = null;
  /** Wakes the writer waiting for its group to grow (nextArrival). */
  private arrived: (() => void) | null = null;
  /** Per unfinished batch: the units its uploader may file data under (see allowedUnits). */
  private readonly uploaderUnits = new Map<number, Promise<ReadonlySet<number> | undefined>>();
  private stopping = false;

  constructor(
    @Inject(IngestRepository) private readonly repository: IngestRepository,
    @Inject(LoadService) private readonly loader: LoadService,
    @Inject(RawFileStore) private readonly store: RawFileStore,
    @Inject(ReadPool) private readonly pool: ReadPool,
    @Inject(INGEST_OPTIONS) private readonly options: IngestOptions,
    @Inject(ScopeService) private readonly scopes: ScopeService,
    @Inject(HeadStarts) private readonly headStarts: HeadStarts,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    // Doubts that lapsed while this version was not running (or before doubts kept file ids: migration 0005).
    await this.repository.transaction((trx) => this.repository.withdrawStaleDuplicates(trx, 'all'));
    const unfinished = await this.repository.requeueUnfinished();
    if (unfinished.length > 0) this.logger.log(`Tiếp tục ${unfinished.length} tệp còn dở từ lần chạy trước`);
    this.enqueue(unfinished.map((row) => toQueued(row, row.origin)));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.queue.length = 0;
    await this.pool.close();
    await Promise.allSettled([...this.running]);
    await this.writing;
    this.events.complete();
  }

  /** POST /api/uploads: keeps the files, persists a batch with one queued job each, starts reading. */
  async upload(files: ReceivedFile[], by: string | null): Promise<BatchView> {
    try {
      await Promise.all(files.map((file) => this.store.adopt(file.tempPath, file.sha256)));
      return await this.createBatch(files.map((f) => ({ fileName: f.originalName, sha256: f.sha256, sizeBytes: f.size, headStart: f.headStart })), 'api', by);
    } catch (error) {
      // No batch, so no job will take these readings.
      this.headStarts.drop(files.map((f) => f.headStart));
      throw error;
    }
  }

  /** The CLI and the seed: files on disk, copied into the raw store first. */
  async uploadPaths(paths: string[], origin: 'cli' | 'seed', by: string | null, root?: string): Promise<BatchView> {
    const entries = [];
    await mkdir(this.options.tmpDir, { recursive: true });
    for (const file of paths) {
      const temp = path.join(this.options.tmpDir, `${randomUUID()}.copy`);
      await copyFile(file, temp);
      const size = (await stat(temp)).size;
      const sha256 = await this.store.adopt(temp);
      entries.push({ fileName: root ? path.relative(root, file) || path.basename(file) : path.basename(file), sha256, sizeBytes: size });
    }
    return this.createBatch(entries, origin, by);
  }

  /**
   * Reads again, as one batch followed like an upload, every loaded file with
   * rows still waiting for a unit: after the office imported its unit list or
   * confirmed a name, owners and issuers resolve, models link across years,
   * and the file's corrections are re-applied (mode 'reload').
   */
  async reloadWaiting(by: string | null, visible?: Visibility): Promise<BatchView> {
    const files = await this.repository.filesWaitingForUnits(visible);
    if (files.length === 0) throw new BadRequestException('Không có tệp nào đang chờ xác định đơn vị.');
    return this.createBatch(files.map((f) => ({ fileName: f.file_name, sha256: f.sha256, sizeBytes: f.size_bytes })), RELOAD_ORIGIN, by);
  }

  private async createBatch(entries: { fileName: string; sha256: string; sizeBytes: number; headStart?: HeadStart | null | undefined }[], origin: string, by: string | null): Promise<BatchView> {
    const { batchId, jobIds } = await this.repository.transaction(async (trx) => {
      const id = await this.repository.insertBatch(trx, origin, by, entries.length);
      const ids = await this.repository.insertJobs(trx, entries.map((e) => ({
        batch_id: id, file_name: e.fileName, sha256: e.sha256, size_bytes: e.sizeBytes, state: 'queued', message: null, errors: null,
        source_file_id: null, started_at: null, finished_at: null,
      })));
      return { batchId: id, jobIds: ids };
    });
    const jobs: QueuedJob[] = entries.map((e, i) => ({ id: jobIds[i]!, batchId, ...e, attempts: 0, mode: modeOf(origin) }));
    for (const job of jobs) {
      // A file a thread is already reading shows as 'reading' from when it began.
      if (job.headStart?.startedAt) this.markReading(job, job.headStart.startedAt);
      else if (job.headStart) job.headStart.onStart = () => this.markReading(job);
    }
    const view = await this.batch(batchId);
    this.enqueue(jobs);
    return view;
  }

  async batch(id: number): Promise<BatchView> {
    const batch = await this.repository.findBatch(id);
    if (!batch) throw new NotFoundException(`Không có lượt tải lên số ${id}.`);
    const jobs = (await this.repository.jobsOfBatch(id)).map((row) => this.view(row));
    const counts = { queued: 0, reading: 0, loaded: 0, failed: 0, needs_review: 0, duplicate: 0, records: 0 };
    for (const job of jobs) {
      counts[job.state]++;
      if (job.duplicate) counts.duplicate++;
      else counts.records += job.records;
    }
    const done = jobs.every((j) => FINAL.includes(j.state));
    return {
      id: batch.id, origin: batch.origin, createdBy: batch.created_by, createdAt: new Date(batch.created_at).toISOString(),
      fileCount: batch.file_count, state: done ? 'done' : counts.queued === jobs.length ? 'queued' : 'running',
      progress: jobs.length === 0 ? 100 : Math.round(jobs.reduce((sum, j) => sum + j.progress, 0) / jobs.length),
      counts, jobs,
    };
  }

  async recent(limit: number, visible?: Visibility): Promise<BatchView[]> {
    const batches = await this.repository.recentBatches(limit, visible);
    const out: BatchView[] = [];
    for (const b of batches) out.push(await this.batch(b.id));
    return out;
  }

  /** Queues a batch's failed files again (after the ETL improved, or a transient error). */
  async retry(batchId: number): Promise<BatchView> {
    const { origin } = await this.batch(batchId);
    const failed = await this.repository.failedJobsOfBatch(batchId);
    for (const job of failed) await this.repository.updateJob(this.repository.db, job.id, { state: 'queued', progress: 0, message: null, errors: null, finished_at: null });
    this.enqueue(failed.map((row) => toQueued(row, origin)));
    return this.batch(batchId);
  }

  /** Resolves when every job of the batch has reached a final state. */
  async waitFor(batchId: number): Promise<BatchView> {
    if (!this.remaining.get(batchId)) return this.batch(batchId);
    return new Promise((resolve) => this.waiters.set(batchId, [...(this.waiters.get(batchId) ?? []), resolve]));
  }

  /** Every event of every batch (the CLI's progress bar). */
  stream(): Observable<UploadEvent> {
    return this.events.asObservable();
  }

  /**
   * Server-sent events of one batch: a 'batch' snapshot first, then one 'job'
   * event per state change, then 'done' and the end of the stream.
   */
  sse(batchId: number): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      const buffered: UploadEvent[] = [];
      let ready = false;
      const deliver = (event: UploadEvent) => {
        subscriber.next({ type: event.type, data: event.data });
        if (event.type === 'done') subscriber.complete();
      };
      const subscription = this.events.subscribe((event) => {
        if (event.batchId !== batchId) return;
        if (ready) deliver(event);
        else buffered.push(event);
      });
      this.batch(batchId).then(
        (view) => {
          subscriber.next({ type: 'batch', data: view });
          if (view.state === 'done') {
            subscriber.next({ type: 'done', data: view });
            subscriber.complete();
            return;
          }
          ready = true;
          for (const event of buffered.splice(0)) deliver(event);
        },
        (error: unknown) => subscriber.error(error),
      );
      return () => subscription.unsubscribe();
    });
  }

  /** Reads a stored file again through the pool (reload after an ETL upgrade, restore of deleted data). */
  readStored(sha256: string, fileName: string): Promise<FileResult> {
    return this.pool.read(this.store.pathOf(sha256), fileName);
  }

  private enqueue(jobs: QueuedJob[]): void {
    for (const job of jobs) {
      this.remaining.set(job.batchId, (this.remaining.get(job.batchId) ?? 0) + 1);
      this.queue.push(job);
      this.unwritten.push(job.id);
    }
    // Read and write in upload order (retried files go before later uploads).
    this.queue.sort((a, b) => a.id - b.id);
    this.unwritten.sort((a, b) => a - b);
    this.pump();
  }

  /** Whether the earliest unfinished file has been read: otherwise the writer waits (its reader calls drain()). */
  private nextIsRead(): boolean {
    return this.ready.some((r) => r.job.id === this.unwritten[0]);
  }

  /**
   * The readings the writer may take now, in upload order: a file is written
   * only after every file uploaded before it, so when two are versions of the
   * same document the later upload supersedes the earlier one, whichever
   * reader thread finished first.
   */
  private nextGroup(): { job: QueuedJob; reading: Reading }[] {
    this.ready.sort((a, b) => a.job.id - b.job.id);
    const group: { job: QueuedJob; reading: Reading }[] = [];
    let rows = 0;
    for (const [i, id] of this.unwritten.entries()) {
      if (group.length >= this.options.groupFiles || rows >= MAX_GROUP_ROWS) break;
      const next = this.ready[group.length];
      if (!next || next.job.id !== id || i !== group.length) break;
      rows += next.reading.records;
      group.push(next);
    }
    this.ready.splice(0, group.length);
    return group;
  }

  /** Starts reads while threads are free, keeping a bounded number of readings waiting for the writer. */
  private pump(): void {
    // Enough reads in flight that every thread has its next files queued (read-pool.ts DEPTH).
    const limit = this.pool.capacity;
    const starting: QueuedJob[] = [];
    // The backlog bound never holds back the file the writer waits for (a retried file can queue behind later ones' readings).
    // Readings may pile up to one full group: the writer's cost is mostly per group, so while it
    // writes one group the next can grow as large as the bounds allow.
    const backlogOk = () => this.ready.length < this.options.groupFiles || this.queue[0]!.id === this.unwritten[0];
    while (!this.stopping && this.queue.length > 0 && this.reading + starting.length < limit && backlogOk()) {
      starting.push(this.queue.shift()!);
    }
    if (starting.length === 0) return;
    this.reading += starting.length;
    const task = this.read(starting).catch((error: unknown) => this.logger.error(error instanceof Error ? error.stack : String(error)));
    this.running.add(task);
    void task.finally(() => this.running.delete(task));
  }

  private async read(jobs: QueuedJob[]): Promise<void> {
    await Promise.all(jobs.map(async (job) => {
      try {
        let reading: Reading;
        try {
          reading = job.headStart
            ? await this.headStarts.take(job.headStart).result
            : await this.pool.readPacked(this.store.pathOf(job.sha256), job.fileName, { onStart: () => this.markReading(job) });
        } catch (error) {
          if (this.stopping) return;
          // Only now ask why: a stat per file in the common case is wasted work.
          const message = (await this.store.has(job.sha256))
            ? `Tệp “${job.fileName}”: không đọc được — ${error instanceof Error ? error.message : String(error)}`
            : `Tệp “${job.fileName}”: không còn bản gốc trong kho (đã bị xóa hẳn); hãy tải lên lại.`;
          await this.finish(job, { state: 'failed', message, errors: [] });
          return;
        }
        if (this.stopping) return;
        this.ready.push({ job, reading });
        this.drain();
      } finally {
        this.reading--;
        this.pump();
        this.arrived?.();
      }
    }));
  }

  /** Resolves when a read ends (a reading arrived, or a file failed), or after `ms`. */
  private nextArrival(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.arrived === done) this.arrived = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.arrived = done;
    });
  }

  /** More files are still to be read (queued or being read) than a group holds. */
  private moreToReadThanAGroup(): boolean {
    return this.queue.length + this.reading > this.options.groupFiles;
  }

  /** The readings waiting would fill a group. */
  private groupFull(): boolean {
    if (this.ready.length >= this.options.groupFiles) return true;
    let rows = 0;
    for (const { reading } of this.ready) rows += reading.records;
    return rows >= MAX_GROUP_ROWS;
  }

  /**
   * The one writer: takes every reading that is ready (up to a group size)
   * and loads them together; runs again while readings keep arriving.
   */
  private drain(): void {
    if (this.writing || !this.nextIsRead() || this.stopping) return;
    this.writing = (async () => {
      while (this.nextIsRead() && !this.stopping) {
        // Let the group grow while more files remain to be read than it holds (GROUP_WAIT_MS).
        const deadline = Date.now() + GROUP_WAIT_MS;
        while (this.moreToReadThanAGroup() && !this.groupFull() && !this.stopping && Date.now() < deadline) await this.nextArrival(deadline - Date.now());
        const group = this.nextGroup();
        this.pump();
        const allowed = await this.allowedUnits(group.map(({ job }) => job.batchId));
        await this.loader.loadMany(group.map(({ job, reading }) => ({
          sha256: job.sha256, fileName: job.fileName, sizeBytes: job.sizeBytes, result: reading.result(), batchId: job.batchId, jobId: job.id, mode: job.mode,
          allowedUnits: allowed.get(job.batchId), startedAt: this.readingSince.get(job.id),
        })));
        await this.completed(group.map(({ job }) => job));
      }
    })()
      .catch((error: unknown) => this.logger.error(error instanceof Error ? error.stack : String(error)))
      .finally(() => {
        this.writing = null;
        this.drain();
      });
  }

  /**
   * For each batch, the units its uploader may file data under (auth's
   * ScopeService; undefined = no limit), as they were when its first file
   * was written: looked up once per batch, not once per group of files.
   */
  private async allowedUnits(batchIds: number[]): Promise<Map<number, ReadonlySet<number> | undefined>> {
    const out = new Map<number, ReadonlySet<number> | undefined>();
    for (const id of new Set(batchIds)) {
      let allowed = this.uploaderUnits.get(id);
      if (!allowed) {
        allowed = this.repository.findBatch(id).then((batch) => this.scopes.uploadUnits(batch?.created_by ?? null));
        this.uploaderUnits.set(id, allowed);
        // A failed lookup is not kept: the next group asks again.
        allowed.catch(() => this.uploaderUnits.delete(id));
      }
      out.set(id, await allowed);
    }
    return out;
  }

  /**
   * 'reading' is not written to the database: it lasts a fraction of a second
   * per file, and after a crash a job left 'queued' is read again anyway. It
   * is shown over the stored state (view()), and its start time is stored
   * with the job's outcome.
   */
  private markReading(job: QueuedJob, now = new Date()): void {
    this.readingSince.set(job.id, now);
    // Nothing about a job changed in the database yet: its view needs no query (which would queue behind the writer).
    if (!this.events.observed) return;
    const queued: JobView = {
      id: job.id, batchId: job.batchId, fileName: job.fileName, sha256: job.sha256, sizeBytes: job.sizeBytes, state: 'queued', progress: 0,
      message: null, errors: [], sourceFileId: null, duplicate: false, records: 0, reviewItems: 0, attempts: job.attempts, startedAt: null, finishedAt: null,
    };
    this.events.next({ batchId: job.batchId, type: 'job', data: asReading(queued, now) });
  }

  /** A stored job as the page sees it: 'reading' while this process reads it. */
  private view(row: JobRow): JobView {
    const view = jobView(row);
    const since = this.readingSince.get(row.id);
    return since && !FINAL.includes(view.state) ? asReading(view, since) : view;
  }

  /** A job that ends without reaching the writer (unreadable, raw file gone). */
  private async finish(job: QueuedJob, outcome: LoadOutcome): Promise<void> {
    await this.loader.finishJob(this.repository.db, job.id, outcome, null, this.readingSince.get(job.id));
    await this.completed([job]);
    // Files read after this one may have waited for it.
    this.drain();
  }

  /** Jobs that reached a final state: tell the followers, and finish batches that have no job left. */
  private async completed(jobs: QueuedJob[]): Promise<void> {
    for (const job of jobs) {
      this.readingSince.delete(job.id);
      const at = this.unwritten.indexOf(job.id);
      if (at >= 0) this.unwritten.splice(at, 1);
    }
    await this.publishJobs(jobs.map((j) => j.id));
    for (const job of jobs) {
      const left = (this.remaining.get(job.batchId) ?? 1) - 1;
      if (left > 0) {
        this.remaining.set(job.batchId, left);
        continue;
      }
      this.remaining.delete(job.batchId);
      this.uploaderUnits.delete(job.batchId);
      const view = await this.batch(job.batchId);
      this.events.next({ batchId: job.batchId, type: 'done', data: view });
      for (const resolve of this.waiters.get(job.batchId) ?? []) resolve(view);
      this.waiters.delete(job.batchId);
    }
  }

  /** One 'job' event per job, read in one query; nothing when nobody follows. */
  private async publishJobs(jobIds: number[]): Promise<void> {
    if (!this.events.observed || jobIds.length === 0) return;
    for (const row of await this.repository.findJobs(this.repository.db, jobIds)) {
      this.events.next({ batchId: row.batch_id, type: 'job', data: this.view(row) });
    }
  }
}

/** A queued job while this process reads it. */
function asReading(view: JobView, since: Date): JobView {
  return { ...view, state: 'reading', progress: 30, startedAt: since.toISOString() };
}

function toQueued(row: JobRow, origin: string): QueuedJob {
  return { id: row.id, batchId: row.batch_id, sha256: row.sha256, fileName: row.file_name, sizeBytes: row.size_bytes, attempts: row.attempts, mode: modeOf(origin) };
}

/** A batch of origin 'reload' reads stored files again; every other batch brings files in. */
function modeOf(origin: string): QueuedJob['mode'] {
  return origin === RELOAD_ORIGIN ? 'reload' : 'upload';
}

export function jobView(row: JobRow): JobView {
  return {
    id: row.id, batchId: row.batch_id, fileName: row.file_name, sha256: row.sha256, sizeBytes: row.size_bytes,
    state: row.state as JobState, progress: row.progress, message: row.message, errors: row.errors ?? [],
    sourceFileId: row.source_file_id, duplicate: row.duplicate, records: row.record_count, reviewItems: row.review_count,
    attempts: row.attempts, startedAt: row.started_at ? new Date(row.started_at).toISOString() : null,
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}
