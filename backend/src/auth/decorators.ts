import { SetMetadata, createParamDecorator, type ExecutionContext, UnauthorizedException } from '@nestjs/common';
import type { Request } from 'express';
import type { Role, Scope } from './scope.js';

export const IS_PUBLIC = 'dvk:public';
export const ROLES_KEY = 'dvk:roles';
export const ANY_ROLE_MAY_WRITE = 'dvk:any-role-may-write';

/** No login needed (health, login, API docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (checked by AuthGuard). */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/**
 * An unsafe method a viewer may still call because it only touches the
 * caller's own account (logout, change own password). Without it, the guard
 * refuses every POST/PUT/PATCH/DELETE from a viewer.
 */
export const AnyRoleMayWrite = (): MethodDecorator & ClassDecorator => SetMetadata(ANY_ROLE_MAY_WRITE, true);

export interface AuthedRequest extends Request {
  scope?: Scope;
  session?: { id: string; csrfToken: string };
}

/** The caller's Scope, set by AuthGuard; routes that use it are never public. */
export const CurrentScope = createParamDecorator((_data: unknown, ctx: ExecutionContext): Scope => {
  const request = ctx.switchToHttp().getRequest<AuthedRequest>();
  if (!request.scope) throw new UnauthorizedException({ statusCode: 401, message: 'Vui lòng đăng nhập.' });
  return request.scope;
});

/** The caller's Scope, or null on a route reached without the guard (tools, tests of other modules). */
export const MaybeScope = createParamDecorator((_data: unknown, ctx: ExecutionContext): Scope | null => {
  return ctx.switchToHttp().getRequest<AuthedRequest>().scope ?? null;
});
