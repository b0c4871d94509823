import { ForbiddenException, Inject, Injectable, NotFoundException, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { UnitClosure } from '../db/unit-scope.js';
import { AUTH_CONFIG, type AuthConfig } from './auth-config.js';
import { AuthService } from './auth.service.js';
import { CSRF_HEADER, SESSION_COOKIE } from './cookies.js';
import { ANY_ROLE_MAY_WRITE, IS_PUBLIC, ROLES_KEY, type AuthedRequest } from './decorators.js';
import { policyKey, ROUTE_POLICY } from './route-policy.js';
import type { Role } from './scope.js';
import { outOfScope, ScopeService } from './scope.service.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Request parameters that name a unit; the guard checks each against the caller's subtree. */
const UNIT_PARAMS = ['unit', 'unitId', 'unit_id', 'root', 'issuerUnitId'];
/** Bodies a cross-site HTML form can send without a CORS preflight. */
const FORM_TYPES = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i;

/**
 * One guard for every route:
 * 1. resolves the session cookie to a Scope (user, role, unit subtree root);
 * 2. refuses unsafe methods from foreign origins, and without the session's
 *    CSRF token in x-csrf-token (double submit, bound to the session);
 * 3. applies @Roles(), and refuses every write from a viewer unless the
 *    route is @AnyRoleMayWrite() (own account only);
 * 4. refuses any unit named in the query, path or body outside the caller's
 *    subtree, and (route-policy.ts) answers 404 for a file, review item,
 *    upload batch or plan of another subtree.
 * @Public() routes skip 3–4 and need no session.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(ScopeService) private readonly scopes: ScopeService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(UnitClosure) private readonly closure: UnitClosure,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC, targets) === true;
    const unsafe = !SAFE_METHODS.has(request.method.toUpperCase());

    if (unsafe && !this.originAllowed(request)) {
      throw new ForbiddenException({ statusCode: 403, message: 'Yêu cầu gửi từ một trang web khác bị từ chối.' });
    }

    const token: unknown = request.cookies?.[SESSION_COOKIE];
    const session = typeof token === 'string' ? await this.auth.resolve(token, request.ip ?? null) : null;
    if (session) {
      // Subtree checks here and in every scoped query read unit_closure: bring it up to date with the registry first.
      if (session.scope.rootUnitId !== null) await this.closure.ensureFresh();
      request.scope = session.scope;
      request.session = { id: session.sessionId, csrfToken: session.csrfToken };
    }

    if (isPublic) {
      // Login CSRF: a public write must be JSON, which a foreign page cannot send without CORS.
      if (unsafe && FORM_TYPES.test(request.get('content-type') ?? '')) {
        throw new ForbiddenException({ statusCode: 403, message: 'Yêu cầu không hợp lệ: cần gửi dữ liệu dạng JSON.' });
      }
      return true;
    }
    if (!session) {
      throw new UnauthorizedException({ statusCode: 401, message: 'Chưa đăng nhập hoặc phiên đã hết hạn. Vui lòng đăng nhập lại.' });
    }
    if (unsafe && !this.auth.checkCsrf(session, request.get(CSRF_HEADER))) {
      throw new ForbiddenException({ statusCode: 403, message: 'Thiếu hoặc sai mã chống giả mạo (CSRF). Hãy tải lại trang rồi thử lại.' });
    }

    const scope = session.scope;
    const routePath = (request as { route?: { path?: unknown } }).route?.path;
    const policy = typeof routePath === 'string' ? ROUTE_POLICY[policyKey(request.method, routePath)] : undefined;
    // Decorators first (the auth module's routes), then the route table; a route in neither is for admins only.
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets) ?? policy?.roles ?? ['admin'];
    if (!roles.includes(scope.role)) {
      throw new ForbiddenException({ statusCode: 403, message: 'Tài khoản của bạn không có quyền thực hiện thao tác này.' });
    }
    const anyRoleMayWrite = this.reflector.getAllAndOverride<boolean | undefined>(ANY_ROLE_MAY_WRITE, targets) === true;
    if (unsafe && scope.role === 'viewer' && !anyRoleMayWrite) {
      throw new ForbiddenException({ statusCode: 403, message: 'Tài khoản chỉ xem không được thay đổi dữ liệu.' });
    }

    for (const unitId of unitsNamed(request)) {
      if (!(await this.scopes.canSee(scope, unitId))) throw outOfScope();
    }
    const id = Number((request.params as Record<string, unknown> | undefined)?.id);
    if (policy?.resource && Number.isInteger(id) && !(await this.scopes.canReach(scope, policy.resource, id))) {
      throw new NotFoundException({ statusCode: 404, message: 'Không tìm thấy mục này trong phạm vi dữ liệu của tài khoản.' });
    }
    return true;
  }

  /** Same origin (Origin's host = Host), an allowed CORS origin, or no Origin header (non-browser clients). */
  private originAllowed(request: AuthedRequest): boolean {
    const origin = request.get('origin');
    if (!origin) return true;
    if (this.config.corsOrigins.includes(origin)) return true;
    // Behind a trusted reverse proxy the browser's host arrives as X-Forwarded-Host.
    const hosts = [request.get('host'), ...(this.config.trustProxy !== null ? [request.get('x-forwarded-host')?.split(',')[0]?.trim()] : [])];
    try {
      return hosts.includes(new URL(origin).host);
    } catch {
      return false;
    }
  }
}

/** Unit ids named in the query string, route parameters or a JSON body; a malformed one is refused rather than ignored. */
function unitsNamed(request: AuthedRequest): number[] {
  const out: number[] = [];
  const body: unknown = request.body;
  const sources: Array<Record<string, unknown>> = [
    request.query as Record<string, unknown>,
    request.params as Record<string, unknown>,
    ...(typeof body === 'object' && body !== null && !Array.isArray(body) ? [body as Record<string, unknown>] : []),
  ];
  for (const source of sources) {
    for (const name of UNIT_PARAMS) {
      const raw = source?.[name];
      if (raw === undefined || raw === '' || raw === null) continue;
      for (const value of Array.isArray(raw) ? raw : [raw]) {
        const n = Number(value);
        if (!Number.isInteger(n)) throw outOfScope();
        out.push(n);
      }
    }
  }
  return out;
}
