import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ModelRow } from '../../src/ingest/ingest.repository.js';
import { Namesakes, NAMESAKES_SHOWN } from '../../src/ingest/model-candidates.js';

function model(id: number, name: string, firstYear: number | null): ModelRow {
  return { id, name, folded_name: name, owner_unit_id: null, owner_text: null, field: null, first_year: firstYear, created_from: null } as ModelRow;
}

describe('Namesakes', () => {
  it('offers, for any order of arrival, the earliest models of a name in the asked homes by first year then id, without repeats', () => {
    const arrival = fc.array(fc.record({
      id: fc.integer({ min: 1, max: 60 }), name: fc.constantFrom('a', 'b'), home: fc.constantFrom('x', 'y', 'z'),
      year: fc.option(fc.integer({ min: 2015, max: 2027 }), { nil: null }),
    }), { maxLength: 80 });
    const line = fc.subarray(['x', 'y', 'z'], { minLength: 1 });
    fc.assert(fc.property(arrival, line, fc.integer({ min: 2015, max: 2028 }), (models, homes, year) => {
      const namesakes = new Namesakes();
      // A model keeps its first year and its home wherever it arrives from (one id, one year, one home).
      const first = new Map<number, { year: number | null; home: string }>();
      for (const m of models) {
        if (!first.has(m.id)) first.set(m.id, { year: m.year, home: m.home });
        namesakes.add(model(m.id, m.name, first.get(m.id)!.year), first.get(m.id)!.home);
      }
      for (const name of ['a', 'b']) {
        const inLine = [...new Map(models.filter((m) => m.name === name).map((m) => [m.id, first.get(m.id)!])).entries()]
          .filter(([, f]) => f.year !== null && homes.includes(f.home) && f.year < year)
          .sort(([a, fa], [b, fb]) => fa.year! - fb.year! || a - b);
        const found = namesakes.before(name, homes, year);
        expect(found.any).toBe(inLine.length > 0);
        expect(found.models.map((m) => m.id)).toEqual(inLine.slice(0, NAMESAKES_SHOWN).map(([id]) => id));
      }
    }), { numRuns: 300 });
  });
});
