import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  BadRequestException,
  createParamDecorator,
  Inject,
  Injectable,
  Optional,
  PayloadTooLargeException,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import type { Request } from 'express';
import multer, { MulterError, type StorageEngine } from 'multer';
import type { Observable } from 'rxjs';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { HeadStarts, type HeadStart } from './head-start.js';
import { ingestOptions, type IngestOptions } from './ingest.options.js';

/** A received file: streamed to a temp file under the data folder and hashed on the way. */
export interface ReceivedFile {
  originalName: string;
  tempPath: string;
  size: number;
  sha256: string;
  /** Its reading, begun as soon as it landed (head-start.ts), if the bound allowed. */
  headStart?: HeadStart | null;
}

type RequestWithFiles = Request & { receivedFiles?: ReceivedFile[]; currentUploadName?: string; headStarts?: HeadStart[] };

/**
 * Told of each file as soon as it is received and hashed, while the request is
 * still arriving: with its bytes when it is small (its temp file may still be
 * being written), else once it is on disk.
 */
type OnLanded = (tempPath: string, sha256: string, fileName: string, bytes?: Uint8Array) => HeadStart | null;

/** Files up to this size are gathered in memory and written in one call; larger ones stream to disk. */
const SMALL_FILE_BYTES = 1024 * 1024;

/**
 * Writes each part to a temp file while hashing it, so a thousand files
 * never sit in memory: a small file (most are) is gathered and written in
 * one call, a larger one streams to disk with backpressure.
 */
class HashingDiskStorage implements StorageEngine {
  private dirReady = false;

  constructor(
    private readonly dir: string,
    private readonly onLanded: OnLanded | null,
  ) {}

  _handleFile(req: Request, file: Express.Multer.File, callback: (error?: unknown, info?: Partial<Express.Multer.File>) => void): void {
    if (!this.dirReady) {
      mkdirSync(this.dir, { recursive: true });
      this.dirReady = true;
    }
    (req as RequestWithFiles).currentUploadName = file.originalname;
    const tempPath = path.join(this.dir, `${randomUUID()}.upload`);
    const hash = createHash('sha256');
    let size = 0;
    let gathered: Buffer[] | null = [];
    let out: WriteStream | null = null;
    let failed = false;
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      callback(error);
    };
    // Its reading may begin before the temp file is written: a small file's bytes go to the reader thread as they are.
    const landed = (bytes?: Uint8Array) => {
      const sha256 = hash.digest('hex');
      const headStart = this.onLanded?.(tempPath, sha256, file.originalname.normalize('NFC'), bytes) ?? null;
      if (headStart) ((req as RequestWithFiles).headStarts ??= []).push(headStart);
      return { path: tempPath, size, sha256, headStart };
    };
    const received = (info: ReturnType<typeof landed>) => {
      if (!failed) callback(null, info as unknown as Partial<Express.Multer.File>);
    };
    file.stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      hash.update(chunk);
      if (gathered) {
        gathered.push(chunk);
        if (size <= SMALL_FILE_BYTES) return;
        out = createWriteStream(tempPath).on('error', fail);
        for (const part of gathered) out.write(part);
        gathered = null;
      } else if (!out!.write(chunk)) {
        file.stream.pause();
        out!.once('drain', () => file.stream.resume());
      }
    });
    file.stream.on('error', fail);
    file.stream.on('end', () => {
      if (failed) return;
      if (gathered) {
        const bytes = Buffer.concat(gathered, size);
        const info = landed(bytes);
        writeFile(tempPath, bytes).then(() => received(info), fail);
      } else out!.end(() => received(landed()));
    });
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: Error | null) => void): void {
    rm(file.path, { force: true }).then(() => callback(null), callback);
  }
}

function megabytes(bytes: number): string {
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/**
 * Multipart upload of many files under one field, with Vietnamese 413/400
 * answers that name the offending file. Files land in `req.receivedFiles`.
 */
export function UploadInterceptor(field: string, single = false): Type<NestInterceptor> {
  @Injectable()
  class Interceptor implements NestInterceptor {
    private readonly upload;
    private readonly options: IngestOptions;

    constructor(
      @Inject(APP_CONFIG) config: AppConfig,
      // Where the route's module provides it (the uploads), files are read as soon as they land.
      @Optional() @Inject(HeadStarts) private readonly headStarts: HeadStarts | null,
    ) {
      const options = ingestOptions(config);
      this.options = options;
      const onLanded: OnLanded | null = headStarts && !single ? (tempPath, sha256, fileName, bytes) => headStarts.begin(tempPath, sha256, fileName, bytes) : null;
      this.upload = multer({
        storage: new HashingDiskStorage(options.tmpDir, onLanded),
        defParamCharset: 'utf8',
        limits: { files: single ? 1 : options.maxFiles, fileSize: options.maxFileBytes, fields: 20, parts: (single ? 1 : options.maxFiles) + 20 },
      }).array(field, single ? 1 : options.maxFiles);
    }

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const http = context.switchToHttp();
      const req = http.getRequest<RequestWithFiles>();
      await new Promise<void>((resolve, reject) => {
        this.upload(req, http.getResponse(), (error: unknown) => {
          if (!error) return resolve();
          // Refused: nothing of it is loaded, and its head starts no longer count.
          this.headStarts?.drop(req.headStarts ?? []);
          reject(this.translate(error, req));
        });
      });
      const files = (req.files as (Express.Multer.File & { sha256: string; headStart: HeadStart | null })[] | undefined) ?? [];
      if (files.length === 0) {
        const type = req.headers['content-type'] ?? '';
        throw new BadRequestException(
          type.startsWith('multipart/form-data')
            ? `Chưa có tệp nào: gửi tệp trong trường “${field}”.`
            : `Yêu cầu phải là multipart/form-data với tệp trong trường “${field}”.`,
        );
      }
      req.receivedFiles = files.map((f) => ({ originalName: f.originalname.normalize('NFC'), tempPath: f.path, size: f.size, sha256: f.sha256, headStart: f.headStart }));
      return next.handle();
    }

    private translate(error: unknown, req: RequestWithFiles): Error {
      const name = req.currentUploadName ? `“${req.currentUploadName}”` : '';
      if (error instanceof MulterError) {
        switch (error.code) {
          case 'LIMIT_FILE_SIZE':
            return new PayloadTooLargeException({
              statusCode: 413, error: 'Tệp quá lớn',
              message: `Tệp ${name} lớn hơn giới hạn ${megabytes(this.options.maxFileBytes)} cho mỗi tệp; không tệp nào trong lần tải này được nhận.`,
            });
          case 'LIMIT_FILE_COUNT':
          case 'LIMIT_PART_COUNT':
            return new BadRequestException(single
              ? `Chỉ gửi một tệp trong trường “${field}”.`
              : `Quá nhiều tệp trong một lần tải: tối đa ${this.options.maxFiles} tệp; hãy chia thành nhiều lần.`);
          case 'LIMIT_UNEXPECTED_FILE':
            return new BadRequestException(`Tệp phải được gửi trong trường “${field}” (nhận được trường “${error.field ?? ''}”).`);
          default:
            return new BadRequestException(`Yêu cầu tải tệp không hợp lệ (${error.code}).`);
        }
      }
      return new BadRequestException('Yêu cầu multipart không đọc được (bị cắt ngang hoặc sai định dạng).');
    }
  }
  return Interceptor;
}

/** The files the interceptor received for this request. */
export function receivedFiles(req: Request): ReceivedFile[] {
  return (req as RequestWithFiles).receivedFiles ?? [];
}

/** Controller parameter: the files received by UploadInterceptor. */
export const Received = createParamDecorator((_data: unknown, context: ExecutionContext): ReceivedFile[] => receivedFiles(context.switchToHttp().getRequest<Request>()));
