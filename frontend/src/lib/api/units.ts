import type { SourceFileRow, UnitInfo, UnitRef } from '../types';
import { getJson, withQuery } from './http';

/** backend/src/units/units.service.ts UnitDetail, as far as the page reads it. */
interface WireUnit {
  id: number;
  name: string;
  kind: string;
  level: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  parent: { id: number; name: string } | null;
  aliases: { alias: string }[];
  predecessors: { unit: { id: number; name: string } }[];
  successors: { unit: { id: number; name: string } }[];
  children: { id: number; name: string; kind: string; level: string }[];
}
interface WireFile {
  id: number;
  fileName: string;
  kind: string;
  year: number | null;
  status: string;
  records: number;
  uploadedAt: string;
  unitText: string | null;
}

const ref = (u: { id: number; name: string }): UnitRef => ({ id: u.id, name: u.name });

/** A unit with its chain of parents (root first), walked one request per level (a tree is 3–4 deep). */
export async function getUnit(id: number): Promise<UnitInfo> {
  const u = await getJson<WireUnit>(`/api/units/${id}`);
  const ancestors: UnitRef[] = [];
  let parentId = u.parentId;
  for (let depth = 0; parentId !== null && depth < 8; depth++) {
    const p = await getJson<WireUnit>(`/api/units/${parentId}`).catch(() => null);
    if (!p) break;
    ancestors.unshift(ref(p));
    parentId = p.parentId;
  }
  return {
    id: u.id,
    name: u.name,
    kind: u.kind,
    level: u.level,
    parentId: u.parentId,
    validFrom: u.validFrom,
    validTo: u.validTo,
    ancestors,
    children: u.children.map((c) => ({ id: c.id, name: c.name, kind: c.kind, level: c.level })),
    predecessors: u.predecessors.map((p) => ref(p.unit)),
    successor: u.successors[0] ? ref(u.successors[0].unit) : null,
    aliases: u.aliases.map((a) => a.alias),
  };
}

/**
 * Files sent by the unit or by its direct children (a commune's lists are sent
 * by its party committee), newest first.
 */
export async function getUnitFiles(units: readonly number[], year?: number | null): Promise<SourceFileRow[]> {
  const pages = await Promise.all(units.map((unitId) => getJson<{ items: WireFile[]; total: number }>(withQuery('/api/files', { unitId, year, limit: 200 }))));
  const seen = new Set<number>();
  return pages
    .flatMap((p) => p.items)
    .filter((f) => !seen.has(f.id) && seen.add(f.id))
    .sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt))
    .map((f) => ({ id: f.id, fileName: f.fileName, kind: f.kind, year: f.year, status: f.status, recordCount: f.records, uploadedAt: f.uploadedAt, unitName: f.unitText }));
}

/** Where the original bytes of a stored file can be downloaded. */
export const rawFileUrl = (fileId: number): string => `/api/files/${fileId}/raw`;
