import {
  ForbiddenException, HttpException, HttpStatus, Inject, Injectable, Logger, UnauthorizedException, type OnApplicationBootstrap,
} from '@nestjs/common';
import { AuditService } from './audit.service.js';
import { AUTH_CONFIG, type AuthConfig } from './auth-config.js';
import { AuthRepository, type UserRow } from './auth.repository.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { isRole, type Role, type Scope } from './scope.js';
import { newToken, sameSecret, sha256 } from './tokens.js';

export interface LoginResult {
  /** The cookie's value: shown once, stored only as its sha256. */
  token: string;
  csrfToken: string;
  expiresAt: Date;
  me: Me;
}

export interface Me {
  id: number;
  username: string;
  displayName: string | null;
  role: Role;
  unitId: number | null;
}

export interface ResolvedSession {
  sessionId: string;
  csrfToken: string;
  scope: Scope;
}

interface CacheEntry {
  resolved: ResolvedSession | null;
  expiresAt: number;
  lastSeenAt: number;
  fetchedAt: number;
}

/** How long a resolved session is trusted without asking DuckDB again; changes through this service clear it at once. */
const CACHE_MS = 30_000;
/** last_seen_at is written at most this often per session, not on every request. */
const TOUCH_MS = 5 * 60_000;

const BAD_LOGIN = 'Tên đăng nhập hoặc mật khẩu không đúng.';

/** Demo accounts created when `npm start` seeds the sample data (printed in the README). */
export const DEMO_USERS: ReadonlyArray<{ username: string; password: string; role: Role; unitCode: string | null; displayName: string }> = [
  { username: 'admin', password: 'DanVanKheo@2026', role: 'admin', unitCode: null, displayName: 'Ban Dân vận Tỉnh ủy (quản trị)' },
  { username: 'uploader-dong-hoa', password: 'DongHoa@2026', role: 'uploader', unitCode: 'dong-hoa', displayName: 'Văn phòng Đảng ủy xã Đông Hòa' },
  { username: 'viewer', password: 'LanhDao@2026', role: 'viewer', unitCode: 'tinh', displayName: 'Thường trực Tỉnh ủy (xem)' },
];

/**
 * Logins, sessions and the first admin. Sessions live in DuckDB
 * (auth_session, keyed by the token's sha256) and are cached in memory for
 * a few seconds, so a request costs no query in the common case.
 */
@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  private readonly limiter: LoginRateLimiter;
  private readonly cache = new Map<string, CacheEntry>();

  constructor(
    @Inject(AuthRepository) private readonly repository: AuthRepository,
    @Inject(AuditService) private readonly audit: AuditService,
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
  ) {
    this.limiter = new LoginRateLimiter(config);
  }

  async onApplicationBootstrap(): Promise<void> {
    const { adminUser, adminPassword } = this.config;
    if (adminUser && adminPassword) {
      const existing = await this.repository.findUserByName(adminUser);
      if (!existing) {
        await this.createUser({ username: adminUser, password: adminPassword, role: 'admin', unitId: null, displayName: 'Quản trị viên' }, null);
        this.logger.log(`Đã tạo tài khoản quản trị "${adminUser}" từ DVK_ADMIN_USER/DVK_ADMIN_PASSWORD.`);
      }
    }
    if ((await this.repository.countAdmins()) === 0) {
      this.logger.warn(
        'Chưa có tài khoản quản trị. Đặt DVK_ADMIN_USER và DVK_ADMIN_PASSWORD rồi khởi động lại, ' +
          'hoặc chạy (khi máy chủ đang tắt): node backend/dist/auth/cli.js create-admin --username <tên>',
      );
    }
  }

  async login(username: string, password: string, ip: string, userAgent: string | null): Promise<LoginResult> {
    const name = username.trim().toLowerCase();
    const wait = this.limiter.retryAfter(ip, name);
    if (wait > 0) {
      await this.audit.record({ user: { id: null, username: name }, action: 'auth.login_locked', ip, detail: { retryAfterSeconds: wait } });
      throw new HttpException(
        { statusCode: 429, message: `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(wait / 60)} phút.`, retryAfter: wait },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
    const user = await this.repository.findUserByName(name);
    const ok = await verifyPassword(user?.password_hash ?? null, password);
    if (!user || !ok || user.disabled || !isRole(user.role)) {
      this.limiter.fail(ip, name);
      await this.audit.record({
        user: { id: user?.id ?? null, username: name },
        action: 'auth.login_failed',
        ip,
        detail: { reason: !user ? 'unknown_user' : !ok ? 'bad_password' : 'disabled' },
      });
      throw new UnauthorizedException({ statusCode: 401, message: user?.disabled && ok ? 'Tài khoản đã bị khóa. Liên hệ quản trị viên.' : BAD_LOGIN });
    }
    this.limiter.succeed(ip, name);
    const now = new Date();
    await this.repository.deleteExpiredSessions(now, new Date(now.getTime() - this.config.idleMinutes * 60_000));
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = new Date(now.getTime() + this.config.sessionHours * 3_600_000);
    await this.repository.insertSession({
      id: sha256(token), user_id: user.id, csrf_token: csrfToken, expires_at: expiresAt, last_seen_at: now,
      ip, user_agent: userAgent?.slice(0, 300) ?? null,
    });
    await this.repository.updateUser(user.id, { last_login_at: now });
    await this.audit.record({ user: { id: user.id, username: user.username }, action: 'auth.login', ip });
    return { token, csrfToken, expiresAt, me: toMe(user) };
  }

  async logout(scope: Scope, sessionId: string): Promise<void> {
    await this.repository.deleteSession(sessionId);
    this.cache.delete(sessionId);
    await this.audit.record({ user: scope, action: 'auth.logout' });
  }

  /** The session behind a cookie token, or null when absent, expired, idle too long or its user is disabled. */
  async resolve(token: string, ip: string | null): Promise<ResolvedSession | null> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const id = sha256(token);
    const now = Date.now();
    let entry = this.cache.get(id);
    if (!entry || now - entry.fetchedAt > CACHE_MS) {
      entry = await this.load(id, now);
      if (this.cache.size > 10_000) this.cache.clear();
      this.cache.set(id, entry);
    }
    if (!entry.resolved) return null;
    if (now >= entry.expiresAt || now >= entry.lastSeenAt + this.config.idleMinutes * 60_000) {
      this.cache.delete(id);
      await this.repository.deleteSession(id);
      return null;
    }
    if (now - entry.lastSeenAt > TOUCH_MS) {
      entry.lastSeenAt = now;
      await this.repository.touchSession(id, new Date(now));
    }
    return { ...entry.resolved, scope: { ...entry.resolved.scope, ip } };
  }

  private async load(id: string, now: number): Promise<CacheEntry> {
    const found = await this.repository.findSession(id);
    if (!found || found.user.disabled || !isRole(found.user.role)) {
      return { resolved: null, expiresAt: 0, lastSeenAt: 0, fetchedAt: now };
    }
    const user = found.user;
    return {
      resolved: {
        sessionId: found.sessionId,
        csrfToken: found.csrfToken,
        scope: scopeOf(user),
      },
      expiresAt: new Date(found.expiresAt).getTime(),
      lastSeenAt: new Date(found.lastSeenAt).getTime(),
      fetchedAt: now,
    };
  }

  /** Forget cached sessions of a user (after a change to their account). */
  forgetUser(userId: number): void {
    for (const [key, entry] of this.cache) if (entry.resolved?.scope.userId === userId) this.cache.delete(key);
  }

  checkCsrf(session: ResolvedSession, header: string | undefined): boolean {
    return typeof header === 'string' && sameSecret(header, session.csrfToken);
  }

  async changeOwnPassword(scope: Scope, sessionId: string, current: string, next: string): Promise<void> {
    const user = await this.repository.findUser(scope.userId);
    if (!user || !(await verifyPassword(user.password_hash, current))) {
      throw new ForbiddenException({ statusCode: 403, message: 'Mật khẩu hiện tại không đúng.' });
    }
    const problem = passwordProblem(next, user.username);
    if (problem) throw new HttpException({ statusCode: 400, message: problem }, HttpStatus.BAD_REQUEST);
    await this.repository.updateUser(user.id, { password_hash: await hashPassword(next), password_changed_at: new Date() });
    await this.repository.deleteUserSessions(user.id, sessionId);
    this.forgetUser(user.id);
    await this.audit.record({ user: scope, action: 'auth.password_change', target: `user:${user.id}` });
  }

  /** Creates a user after checking name, password and role; used by the admin API, the CLI and the start-up admin. */
  async createUser(
    input: { username: string; password: string; role: Role; unitId: number | null; displayName: string | null },
    by: Scope | null,
  ): Promise<number> {
    const username = input.username.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9._-]{2,39}$/.test(username)) {
      throw new HttpException({ statusCode: 400, message: 'Tên đăng nhập gồm 3–40 ký tự: chữ thường không dấu, số, dấu chấm, gạch ngang, gạch dưới.' }, 400);
    }
    const problem = passwordProblem(input.password, username);
    if (problem) throw new HttpException({ statusCode: 400, message: problem }, 400);
    if (input.role !== 'admin' && input.unitId === null) {
      throw new HttpException({ statusCode: 400, message: 'Tài khoản cán bộ đơn vị hoặc lãnh đạo phải gắn với một đơn vị.' }, 400);
    }
    if (input.unitId !== null && !(await this.repository.unitExists(input.unitId))) {
      throw new HttpException({ statusCode: 400, message: `Không có đơn vị mã số ${input.unitId}.` }, 400);
    }
    if (await this.repository.findUserByName(username)) {
      throw new HttpException({ statusCode: 409, message: `Tên đăng nhập "${username}" đã có.` }, 409);
    }
    const id = await this.repository.insertUser({
      username, password_hash: await hashPassword(input.password), role: input.role, unit_id: input.unitId,
      display_name: input.displayName, disabled: false, last_login_at: null, password_changed_at: new Date(),
    });
    await this.audit.record({
      user: by, action: 'user.create', target: `user:${id}`,
      detail: { username, role: input.role, unitId: input.unitId, by: by ? 'api' : 'system' },
    });
    return id;
  }

  /**
   * Creates the demo accounts (DEMO_USERS) that do not exist yet. Called when
   * `npm start` seeds the sample data, after the unit registry is loaded; a
   * demo user whose unit is missing is skipped with a warning.
   */
  async seedDemoUsers(): Promise<string[]> {
    const created: string[] = [];
    for (const demo of DEMO_USERS) {
      if (await this.repository.findUserByName(demo.username)) continue;
      const unit = demo.unitCode ? await this.repository.findUnitIdByCode(demo.unitCode) : null;
      if (demo.unitCode && !unit) {
        this.logger.warn(`Bỏ qua tài khoản mẫu "${demo.username}": chưa có đơn vị "${demo.unitCode}".`);
        continue;
      }
      await this.createUser({ username: demo.username, password: demo.password, role: demo.role, unitId: unit?.id ?? null, displayName: demo.displayName }, null);
      created.push(demo.username);
    }
    return created;
  }
}

export function toMe(user: UserRow): Me {
  return { id: user.id, username: user.username, displayName: user.display_name, role: user.role as Role, unitId: user.unit_id };
}

export function scopeOf(user: UserRow): Scope {
  return {
    userId: user.id, username: user.username, displayName: user.display_name, role: user.role as Role,
    // Fail closed: only an admin may have no unit (the whole store); anyone else without one sees nothing.
    rootUnitId: user.unit_id ?? (user.role === 'admin' ? null : -1),
    ip: null,
  };
}
