import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { AuditService } from './audit.service.js';
import type { AuthedRequest } from './decorators.js';

/**
 * Routes named in the audit log; any other successful write is logged as
 * "METHOD /route". Where the module's service writes its own entry with the
 * details (file.delete, review.correct …, signed with the account's name),
 * this one adds the account id, the IP and the route as `<action>.http`.
 */
const ACTIONS: Array<[method: string, route: RegExp, action: string]> = [
  ['POST', /^\/api\/uploads$/, 'upload'],
  ['POST', /^\/api\/uploads\/[^/]+\/retry$/, 'upload.retry'],
  ['POST', /^\/api\/review\/[^/]+\/correct$/, 'review.correct.http'],
  ['POST', /^\/api\/review\/[^/]+\/confirm$/, 'review.confirm.http'],
  ['POST', /^\/api\/review\/[^/]+\/reject$/, 'review.reject.http'],
  ['DELETE', /^\/api\/files\/[^/]+\/raw$/, 'file.purge.http'],
  ['DELETE', /^\/api\/files\/[^/]+$/, 'file.delete.http'],
  ['POST', /^\/api\/files\/[^/]+\/restore$/, 'file.restore.http'],
  ['POST', /^\/api\/files\/[^/]+\/reload$/, 'file.reload.http'],
  ['GET', /^\/api\/export(\/|$)/, 'export'],
  ['GET', /^\/api\/files\/[^/]+\/raw$/, 'file.download'],
  ['POST', /^\/api\/plans\/import$/, 'plan.import'],
  ['POST', /^\/api\/plans$/, 'plan.create'],
  ['PUT', /^\/api\/plans\/[^/]+$/, 'plan.update'],
  ['DELETE', /^\/api\/plans\/[^/]+$/, 'plan.delete'],
  ['POST', /^\/api\/units\/import$/, 'unit.import'],
  ['POST', /^\/api\/units\/[^/]+\/aliases$/, 'unit.alias.add.http'],
];

/** Audited by AuthService / UsersService themselves, with more detail. */
const SELF_AUDITED = /^\/api\/(auth|users)(\/|$)/;
const SECRET_KEYS = /pass|token|secret|csrf/i;
const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Writes one audit row for every successful write and every export or raw
 * download, in one place, so no endpoint can forget: who (the guard's
 * Scope), when, what (action, path parameters, query, a redacted body
 * summary, the upload's file names) and from where (IP).
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(@Inject(AuditService) private readonly audit: AuditService) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const path = request.path;
    const method = request.method.toUpperCase();
    const named = ACTIONS.find(([m, route]) => m === method && route.test(path));
    if (SELF_AUDITED.test(path) || (!named && !WRITE.has(method))) return next.handle();
    return next.handle().pipe(
      tap((body: unknown) => {
        const response = context.switchToHttp().getResponse<Response>();
        void this.audit.record({
          user: request.scope ?? null,
          action: named?.[2] ?? `${method} ${routeOf(request)}`,
          target: targetOf(request),
          detail: {
            path,
            status: response.statusCode,
            ...(Object.keys(request.query ?? {}).length > 0 ? { query: redact(request.query) } : {}),
            ...(isPlainBody(request.body) ? { body: redact(request.body) } : {}),
            ...uploadSummary(body),
          },
          ip: request.scope?.ip ?? request.ip ?? null,
        });
      }),
    );
  }
}

function routeOf(request: Request): string {
  const route = (request as Request & { route?: { path?: string } }).route?.path;
  return typeof route === 'string' ? route : request.path;
}

function targetOf(request: Request): string | null {
  const params = request.params ?? {};
  const id = params.id;
  if (typeof id !== 'string') return null;
  const kind = request.path.split('/')[2] ?? 'item';
  return `${kind}:${id}`;
}

function isPlainBody(body: unknown): body is Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length > 0;
}

/** Drops secrets and truncates long values, so the log stays small and safe to show. */
function redact(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'string' && value.length > 300 ? `${value.slice(0, 300)}…` : value;
  if (depth > 3) return '…';
  if (Array.isArray(value)) return value.slice(0, 20).map((v) => redact(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value).slice(0, 40)) out[key] = SECRET_KEYS.test(key) ? '***' : redact(v, depth + 1);
  return out;
}

/** For uploads: the batch and each file's name and sha256 (what was received, from where it came). */
function uploadSummary(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || !('jobs' in body) || !Array.isArray((body as { jobs: unknown }).jobs)) return {};
  const batch = body as { id?: unknown; jobs: Array<{ fileName?: unknown; sha256?: unknown }> };
  return {
    batchId: batch.id,
    files: batch.jobs.slice(0, 200).map((j) => ({ name: j.fileName, sha256: j.sha256 })),
    fileCount: batch.jobs.length,
  };
}
