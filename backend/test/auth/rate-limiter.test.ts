import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from '../../src/auth/login-rate-limiter.js';
import { passwordProblem } from '../../src/auth/password.js';

describe('LoginRateLimiter', () => {
  const limits = { maxFailuresPerUser: 3, maxFailuresPerIp: 5, windowMinutes: 15 };

  it('locks an IP + name after the limit, for the rest of the window, then forgets', () => {
    let now = 1_000_000;
    const limiter = new LoginRateLimiter(limits, () => now);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('10.0.0.1', 'a')).toBe(0);
      limiter.fail('10.0.0.1', 'A');
    }
    expect(limiter.retryAfter('10.0.0.1', 'a')).toBe(15 * 60);
    expect(limiter.retryAfter('10.0.0.2', 'a')).toBe(0);
    expect(limiter.retryAfter('10.0.0.1', 'b')).toBe(0);
    now += 10 * 60_000;
    expect(limiter.retryAfter('10.0.0.1', 'a')).toBe(5 * 60);
    now += 5 * 60_000;
    expect(limiter.retryAfter('10.0.0.1', 'a')).toBe(0);
  });

  it('locks an IP that tries many names (password spraying)', () => {
    const limiter = new LoginRateLimiter(limits, () => 0);
    for (let i = 0; i < 5; i++) limiter.fail('10.0.0.9', `user${i}`);
    expect(limiter.retryAfter('10.0.0.9', 'someone-else')).toBeGreaterThan(0);
  });

  it('clears the pair on success', () => {
    const limiter = new LoginRateLimiter(limits, () => 0);
    limiter.fail('ip', 'x');
    limiter.fail('ip', 'x');
    limiter.succeed('ip', 'x');
    limiter.fail('ip', 'x');
    limiter.fail('ip', 'x');
    expect(limiter.retryAfter('ip', 'x')).toBe(0);
  });
});

describe('passwordProblem', () => {
  it('asks for length, variety, and no user name inside', () => {
    expect(passwordProblem('ngắn', 'a')).toMatch(/ít nhất 10/);
    expect(passwordProblem('aaaaaaaaaaaa', 'b')).toMatch(/đơn giản/);
    expect(passwordProblem('xa-dong-hoa-2026', 'dong-hoa')).toMatch(/tên đăng nhập/);
    expect(passwordProblem('Mật-khẩu-đủ-dài-2026', 'dong-hoa')).toBeNull();
  });
});
