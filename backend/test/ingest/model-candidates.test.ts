import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelRow } from '../../src/ingest/ingest.repository.js';
import { Namesakes, NAMESAKES_SHOWN } from '../../src/ingest/model-candidates.js';

function model(id: number, name: string, firstYear: number | null): ModelRow {
  return { id, name, folded_name: name, owner_unit_id: null, owner_text: null, field: null, first_year: firstYear, created_from: null } as ModelRow;
}

describe('Namesakes', () => {
  it('offers, for any order of arrival, the earliest stored models of a name by first year then id, without repeats', () => {
    const arrival = fc.array(fc.record({ id: fc.integer({ min: -20, max: 60 }), name: fc.constantFrom('a', 'b'), year: fc.option(fc.integer({ min: 2015, max: 2027 }), { nil: null }) }), { maxLength: 80 });
    fc.assert(fc.property(arrival, fc.integer({ min: 2015, max: 2028 }), (models, year) => {
      const namesakes = new Namesakes();
      // A model keeps its first year wherever it arrives from (one id, one year).
      const yearOf = new Map<number, number | null>();
      for (const m of models) {
        if (!yearOf.has(m.id)) yearOf.set(m.id, m.year);
        namesakes.add(model(m.id, m.name, yearOf.get(m.id)!));
      }
      for (const name of ['a', 'b']) {
        const mine = models.filter((m) => m.name === name && yearOf.get(m.id) !== null);
        const stored = [...new Map(mine.filter((m) => m.id > 0).map((m) => [m.id, yearOf.get(m.id)!])).entries()]
          .sort(([a, ya], [b, yb]) => ya - yb || a - b).slice(0, NAMESAKES_SHOWN);
        const expected = stored.filter(([, y]) => y < year).map(([id]) => id);
        const any = mine.some((m) => yearOf.get(m.id)! < year);
        const found = namesakes.before(name, year);
        expect(found.any).toBe(any);
        expect(found.models.map((m) => m.id)).toEqual(any ? expected : []);
      }
    }), { numRuns: 300 });
  });
});
