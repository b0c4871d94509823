import { Injectable, StreamableFile, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { tableFromJSON, tableToIPC } from 'apache-arrow';
import type { Request, Response } from 'express';
import { map, type Observable } from 'rxjs';

export const ARROW_STREAM = 'application/vnd.apache.arrow.stream';

/**
 * Answers in Apache Arrow IPC (stream format) when the client asks for it
 * with `Accept: application/vnd.apache.arrow.stream`: the table is the
 * result's `rows` (flat objects), and the rest of the result travels as JSON
 * in the schema metadata under "dvk". JSON otherwise.
 */
@Injectable()
export class ArrowInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<Request>();
    if (!(request.headers.accept ?? '').includes(ARROW_STREAM)) return next.handle();
    const response = http.getResponse<Response>();
    return next.handle().pipe(
      map((result: unknown) => {
        const { rows, ...rest } = result as { rows?: Record<string, unknown>[] };
        const table = tableFromJSON((rows ?? []) as Record<string, unknown>[]);
        table.schema.metadata.set('dvk', JSON.stringify(rest));
        response.setHeader('content-type', ARROW_STREAM);
        response.setHeader('vary', 'Accept');
        return new StreamableFile(tableToIPC(table, 'stream'), { type: ARROW_STREAM });
      }),
    );
  }
}
