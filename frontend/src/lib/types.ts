/** Response shapes of the API endpoints the pages use (kept beside the server's own types). */
export interface StoreSummary {
  files: number;
  filesLoaded: number;
  filesFailed: number;
  registrations: number;
  recognitions: number;
  exemplars: number;
  reports: number;
}

export interface HealthStatus {
  status: 'ok' | 'error';
  database: 'ok' | 'error';
  schemaVersion: string | null;
  version: string;
}
