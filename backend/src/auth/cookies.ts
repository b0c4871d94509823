import type { CookieOptions, Request, Response } from 'express';
import type { AuthConfig } from './auth-config.js';

/** httpOnly session cookie: the token the server looks up in auth_session. */
export const SESSION_COOKIE = 'dvk_session';
/** Readable cookie holding the CSRF token the page echoes in CSRF_HEADER on unsafe requests. */
export const CSRF_COOKIE = 'dvk_csrf';
export const CSRF_HEADER = 'x-csrf-token';

function base(config: AuthConfig, request: Request): CookieOptions {
  const secure = config.secureCookies === 'auto' ? request.secure : config.secureCookies;
  return { sameSite: 'strict', secure, path: '/' };
}

export function setSessionCookies(
  response: Response, request: Request, config: AuthConfig, session: { token: string; csrfToken: string; expiresAt: Date },
): void {
  const options = { ...base(config, request), expires: session.expiresAt };
  response.cookie(SESSION_COOKIE, session.token, { ...options, httpOnly: true });
  response.cookie(CSRF_COOKIE, session.csrfToken, { ...options, httpOnly: false });
}

export function clearSessionCookies(response: Response, request: Request, config: AuthConfig): void {
  response.clearCookie(SESSION_COOKIE, { ...base(config, request), httpOnly: true });
  response.clearCookie(CSRF_COOKIE, base(config, request));
}
