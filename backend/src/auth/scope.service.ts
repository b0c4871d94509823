import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { AuthRepository } from './auth.repository.js';
import type { Resource } from './route-policy.js';
import type { Scope } from './scope.js';

const CACHE_MS = 60_000;

/**
 * Answers "may this caller see unit X?" for the guard and for services that
 * take a unit from a request. Row filtering itself happens in SQL through
 * db/unit-scope.ts with `within(scope)`.
 */
@Injectable()
export class ScopeService {
  private readonly cache = new Map<string, { ok: boolean; at: number }>();

  constructor(@Inject(AuthRepository) private readonly repository: AuthRepository) {}

  async canSee(scope: Scope, unitId: number): Promise<boolean> {
    if (scope.rootUnitId === null) return true;
    if (scope.rootUnitId === unitId) return true;
    const key = `${scope.rootUnitId}:${unitId}`;
    const hit = this.cache.get(key);
    if (hit && Date.now() - hit.at < CACHE_MS) return hit.ok;
    const ok = await this.repository.unitWithin(unitId, scope.rootUnitId);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { ok, at: Date.now() });
    return ok;
  }

  /**
   * Whether the resource behind a route's :id belongs to the caller's subtree
   * (see route-policy.ts). A missing resource passes: the route answers 404.
   */
  async canReach(scope: Scope, resource: Resource, id: number): Promise<boolean> {
    if (scope.rootUnitId === null) return true;
    const owner = await this.repository.resourceOwner(resource === 'plan-read' ? 'plan' : resource, id);
    if (!owner) return true;
    if (owner.unitId === null) return resource === 'file' || resource === 'review' || resource === 'batch' ? owner.uploader === scope.username : false;
    if (await this.canSee(scope, owner.unitId)) return true;
    // A plan issued above the caller sets the caller's quotas: readable, not editable.
    return resource === 'plan-read' && (await this.repository.unitWithin(scope.rootUnitId, owner.unitId));
  }

  /**
   * The units an account's uploads may be filed under: undefined for no
   * limit (an unknown name — the seed, the CLI — or an admin of the whole
   * store), else its subtree (empty for an account without unit).
   */
  async uploadUnits(username: string | null): Promise<ReadonlySet<number> | undefined> {
    if (!username) return undefined;
    const user = await this.repository.findUserByName(username);
    if (!user || (user.role === 'admin' && user.unit_id === null)) return undefined;
    return new Set(user.unit_id === null ? [] : await this.repository.subtreeUnitIds(user.unit_id));
  }

  async assertCanSee(scope: Scope, unitId: number): Promise<void> {
    if (!(await this.canSee(scope, unitId))) throw outOfScope();
  }

  /**
   * The unit a request is about: the requested one when the caller may see
   * it, else the caller's own root when none was asked for. null = the whole
   * store (only for an admin without unit who asked for none).
   */
  async resolveUnit(scope: Scope, requested: number | null | undefined): Promise<number | null> {
    if (requested === null || requested === undefined) return scope.rootUnitId;
    await this.assertCanSee(scope, requested);
    return requested;
  }
}

export function outOfScope(): ForbiddenException {
  return new ForbiddenException({ statusCode: 403, message: 'Đơn vị này nằm ngoài phạm vi dữ liệu của tài khoản.' });
}
