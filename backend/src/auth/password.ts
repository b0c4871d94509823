import { hash, verify, type Algorithm } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane): about
 * 30 ms on this machine, run on libuv's thread pool, not the event loop.
 */
const OPTIONS = { algorithm: 2 as Algorithm /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), OPTIONS);
}

let dummy: Promise<string> | null = null;

/**
 * Checks a password; with no stored hash it still spends the same time on a
 * dummy hash, so a response's timing does not tell which user names exist.
 */
export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  const candidate = password.normalize('NFC');
  if (!stored) {
    dummy ??= hashPassword('dummy password, never matches');
    await verify(await dummy, candidate).catch(() => false);
    return false;
  }
  return verify(stored, candidate).catch(() => false);
}

/** A reason in Vietnamese when a new password is too weak, else null. */
export function passwordProblem(password: string, username: string): string | null {
  if (password.length < PASSWORD_MIN) return `Mật khẩu phải có ít nhất ${PASSWORD_MIN} ký tự.`;
  if (password.length > PASSWORD_MAX) return `Mật khẩu dài quá ${PASSWORD_MAX} ký tự.`;
  if (password.toLowerCase().includes(username.toLowerCase())) return 'Mật khẩu không được chứa tên đăng nhập.';
  if (new Set(password).size < 4) return 'Mật khẩu quá đơn giản (quá ít ký tự khác nhau).';
  return null;
}
