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
 * their serialised bytes are kept beside them (WeakMap) and reused.
 */
@Injectable()
export class ArrowInterceptor implements NestInterceptor {
  private readonly json = new WeakMap<object, Buffer>();
  private readonly arrow = new WeakMap<object, Uint8Array>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const wantsArrow = (request.headers.accept ?? '').includes(ARROW_STREAM);
    return next.handle().pipe(
      map((result: unknown) => {
        if (typeof result !== 'object' || result === null) return result;
        response.setHeader('vary', 'Accept');
        if (wantsArrow) {
          let bytes = this.arrow.get(result);
          if (!bytes) {
            const { rows, ...rest } = result as { rows?: Record<string, unknown>[] };
            const table = tableFromJSON((rows ?? []) as Record<string, unknown>[]);
            table.schema.metadata.set('dvk', JSON.stringify(rest));
            bytes = tableToIPC(table, 'stream');
            this.arrow.set(result, bytes);
          }
          return new StreamableFile(bytes, { type: ARROW_STREAM, length: bytes.byteLength });
        }
        let body = this.json.get(result);
        if (!body) {
          body = Buffer.from(JSON.stringify(result));
          this.json.set(result, body);
        }
        return new StreamableFile(body, { type: JSON_TYPE, length: body.byteLength });
      }),
    );
  }
}
