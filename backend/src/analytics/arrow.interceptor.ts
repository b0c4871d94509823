import { gzipSync } from 'node:zlib';
import { Injectable, StreamableFile, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { tableFromJSON, tableToIPC } from 'apache-arrow';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Serialises the analytics answers. JSON by default; Apache Arrow IPC
 * (stream format) when the client asks with `Accept:
 * application/vnd.apache.arrow.stream`: the table is the result's `rows`
 * (flat objects), and the rest of the result travels as JSON in the schema
 * metadata under "dvk". Memoised answers come back as the same object, so
 * their serialised bytes are kept beside them (WeakMap) and reused, and so
 * are their gzip-compressed bytes for clients that accept gzip (a
 * province's quota table at national scale: 142 KB of JSON, 4.8 KB gzipped;
 * it matters on a commune's connection, and is compressed once, not per request).
 */
@Injectable()
export class ArrowInterceptor implements NestInterceptor {
  private readonly json = new WeakMap<object, Buffer>();
  private readonly arrow = new WeakMap<object, Uint8Array>();
  private readonly gzipped = new WeakMap<Uint8Array, Buffer>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const wantsArrow = (request.headers.accept ?? '').includes(ARROW_STREAM);
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    return next.handle().pipe(
      map((result: unknown) => {
        if (typeof result !== 'object' || result === null) return result;
        response.setHeader('vary', 'Accept, Accept-Encoding');
        if (wantsArrow) {
          let bytes = this.arrow.get(result);
          if (!bytes) {
            const { rows, ...rest } = result as { rows?: Record<string, unknown>[] };
            const table = tableFromJSON((rows ?? []) as Record<string, unknown>[]);
            table.schema.metadata.set('dvk', JSON.stringify(rest));
            bytes = tableToIPC(table, 'stream');
            this.arrow.set(result, bytes);
          }
          return this.send(response, bytes, ARROW_STREAM, acceptsGzip);
        }
        let body = this.json.get(result);
        if (!body) {
          body = Buffer.from(JSON.stringify(result));
          this.json.set(result, body);
        }
        return this.send(response, body, JSON_TYPE, acceptsGzip);
      }),
    );
  }

  private send(response: Response, bytes: Uint8Array, type: string, acceptsGzip: boolean): StreamableFile {
    if (!acceptsGzip || bytes.byteLength < GZIP_FROM_BYTES) return new StreamableFile(bytes, { type, length: bytes.byteLength });
    let packed = this.gzipped.get(bytes);
    if (!packed) {
      packed = gzipSync(bytes, { level: 6 });
      this.gzipped.set(bytes, packed);
    }
    response.setHeader('content-encoding', 'gzip');
    return new StreamableFile(packed, { type, length: packed.byteLength });
  }
}

/** Smaller answers are sent as they are: compressing them saves less than it costs. */
const GZIP_FROM_BYTES = 1024;
