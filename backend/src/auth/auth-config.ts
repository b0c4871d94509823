/**
 * Security settings, read from the environment once at start-up (through
 * loadConfig) and overridable in tests. Defaults are the safe choice: CORS
 * closed, cookies Secure when the request came over TLS, short sessions.
 */
export interface AuthConfig {
  /** Absolute lifetime of a session (DVK_SESSION_HOURS, default 12). */
  sessionHours: number;
  /** A session unused this long ends (DVK_SESSION_IDLE_MINUTES, default 120). */
  idleMinutes: number;
  /** Secure cookies: 'auto' follows the request's protocol (DVK_COOKIE_SECURE=true|false|auto). */
  secureCookies: boolean | 'auto';
  /** Origins allowed by CORS, comma separated (DVK_CORS_ORIGINS); empty = CORS closed. */
  corsOrigins: string[];
  /** Express 'trust proxy' (DVK_TRUST_PROXY: a hop count, 'loopback', …); unset = the socket's address is the client's. */
  trustProxy: string | number | null;
  /** First admin, created on start when no user of that name exists (DVK_ADMIN_USER, DVK_ADMIN_PASSWORD). */
  adminUser: string | null;
  adminPassword: string | null;
  /** Failed logins allowed per IP and user name within the window before a lock (default 5 in 15 minutes). */
  maxFailuresPerUser: number;
  /** Failed logins allowed per IP within the window, whatever the name (default 30). */
  maxFailuresPerIp: number;
  windowMinutes: number;
  /** Largest JSON or form body accepted (DVK_BODY_LIMIT, default 1mb); uploads have their own limits. */
  bodyLimit: string;
}

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');

function int(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} không hợp lệ: "${value}"`);
  return n;
}

export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const secure = env.DVK_COOKIE_SECURE;
  const trust = env.DVK_TRUST_PROXY;
  return {
    sessionHours: int(env.DVK_SESSION_HOURS, 12, 'DVK_SESSION_HOURS'),
    idleMinutes: int(env.DVK_SESSION_IDLE_MINUTES, 120, 'DVK_SESSION_IDLE_MINUTES'),
    secureCookies: secure === 'true' ? true : secure === 'false' ? false : 'auto',
    corsOrigins: (env.DVK_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    trustProxy: trust === undefined || trust === '' ? null : /^\d+$/.test(trust) ? Number(trust) : trust,
    adminUser: env.DVK_ADMIN_USER?.trim() || null,
    adminPassword: env.DVK_ADMIN_PASSWORD || null,
    maxFailuresPerUser: int(env.DVK_LOGIN_MAX_FAILURES, 5, 'DVK_LOGIN_MAX_FAILURES'),
    maxFailuresPerIp: 30,
    windowMinutes: 15,
    bodyLimit: env.DVK_BODY_LIMIT ?? '1mb',
  };
}
