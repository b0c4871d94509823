/**
 * Second look at columns by their values: a "Tập thể/Cá nhân" column holds
 * types, not names; a header nobody recognised may still hold only field
 * names or status words. Headers propose, values confirm.
 */
import type { Grid } from '../grid.js';
import { parseField } from '../normalise/fields.js';
import { ownerTypeFromText } from '../normalise/owner.js';
import { parseStatus } from '../normalise/status.js';
import type { FoundTable } from '../tables/find.js';
import { cellText } from '../tables/find.js';
import type { ColumnMapping } from './map.js';
import type { Role } from './vocabulary.js';

function values(grid: Grid, table: FoundTable, col: number): string[] {
  const out: string[] = [];
  for (const r of table.rows) {
    if (r.kind !== 'data') continue;
    const t = cellText(grid, r.row, col);
    if (t !== '') out.push(t);
  }
  return out;
}

function share(vals: string[], test: (v: string) => boolean): number {
  if (vals.length === 0) return 0;
  return vals.filter(test).length / vals.length;
}

export function refineByValues(mapping: ColumnMapping[], grid: Grid, table: FoundTable): void {
  const taken = new Set<Role>(mapping.filter((m) => m.role && !m.hidden && m.role !== 'name').map((m) => m.role!));
  for (const m of mapping) {
    if (m.hidden) continue;
    const vals = values(grid, table, m.col);
    if (vals.length < 2) continue;
    const short = vals.every((v) => v.length <= 12);
    if ((m.role === 'name' || m.role === 'owner' || m.role === null) && short && share(vals, (v) => ownerTypeFromText(v) !== null) >= 0.8) {
      if (!taken.has('owner_type')) {
        m.role = 'owner_type';
        m.confidence = Math.max(m.confidence, 0.9);
        taken.add('owner_type');
      }
      continue;
    }
    if (m.role === null && !taken.has('field') && share(vals, (v) => parseField(v) !== null) >= 0.8) {
      m.role = 'field';
      m.confidence = 0.75;
      taken.add('field');
      continue;
    }
    if (m.role === null && !taken.has('status') && short && share(vals, (v) => parseStatus(v) !== null) >= 0.8) {
      m.role = 'status';
      m.confidence = 0.75;
      taken.add('status');
    }
  }
}
