import { getJson, sendJson } from './http';

export interface SessionUser {
  id: number;
  username: string;
  displayName: string | null;
  role: 'admin' | 'uploader' | 'viewer';
  unitId: number | null;
  rootUnitId: number | null;
}
export interface SessionInfo {
  user: SessionUser;
  csrfToken: string;
}

export const getSession = (): Promise<SessionInfo> => getJson<SessionInfo>('/api/auth/me');
export const login = (username: string, password: string): Promise<SessionInfo> => sendJson<SessionInfo>('POST', '/api/auth/login', { username, password });
export const logout = (): Promise<void> => sendJson<void>('POST', '/api/auth/logout');
