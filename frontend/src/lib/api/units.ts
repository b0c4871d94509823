import type { SourceFileRow, UnitInfo } from '../types';
import { getJson, withQuery } from './http';

export const getUnit = (id: number): Promise<UnitInfo> => getJson<UnitInfo>(`/api/units/${id}`);

export const getUnitFiles = (unit: number, year?: number | null): Promise<SourceFileRow[]> =>
  getJson<SourceFileRow[]>(withQuery('/api/files', { unit, year }));

/** Where the original bytes of a stored file can be downloaded. */
export const rawFileUrl = (fileId: number): string => `/api/files/${fileId}/raw`;
