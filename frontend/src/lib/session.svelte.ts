import { getSession, logout as apiLogout, type SessionUser } from './api/auth';
import { ApiError, UNAUTHORIZED_EVENT } from './api/http';

/** Who is signed in, as the shell needs it (login form or pages). */
class SessionState {
  user = $state<SessionUser | null>(null);
  state = $state<'checking' | 'signed_in' | 'signed_out' | 'error'>('checking');
  error = $state<string | null>(null);

  constructor() {
    if (typeof window !== 'undefined') {
      window.addEventListener(UNAUTHORIZED_EVENT, () => {
        this.user = null;
        this.state = 'signed_out';
      });
    }
  }

  async check(): Promise<void> {
    this.state = 'checking';
    try {
      this.user = (await getSession()).user;
      this.state = 'signed_in';
    } catch (e) {
      this.user = null;
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) this.state = 'signed_out';
      else {
        this.error = (e as Error).message;
        this.state = 'error';
      }
    }
  }

  signedIn(user: SessionUser): void {
    this.user = user;
    this.state = 'signed_in';
  }

  async logout(): Promise<void> {
    await apiLogout().catch(() => undefined);
    this.user = null;
    this.state = 'signed_out';
  }
}

export const session = new SessionState();
