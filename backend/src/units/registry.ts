import { bigrams, diceOf, fold, placeOf } from './fold.js';
import type { AliasRow, LineageRow, UnitRow } from './units.repository.js';
import { push } from '../common/multimap.js';

/** How a written name was matched to a unit. */
export type ResolutionMethod = 'exact' | 'alias';

export interface UnitSuggestion {
  unitId: number;
  name: string;
  /** 0–1; 1 for an exact folded match that was ambiguous. */
  score: number;
}

export interface Resolution {
  text: string;
  folded: string;
  unitId: number | null;
  method: ResolutionMethod | null;
  /** When unresolved: the units a person may confirm (never applied automatically). */
  suggestions: UnitSuggestion[];
  /** True when the text matched several units equally (e.g. two valid in the same year). */
  ambiguous: boolean;
}

export interface ResolveContext {
  /** The document's year: only units valid in that year match. */
  year?: number | null;
  /** The issuing unit: names without a place ("Hội Nông dân xã") are read within its commune. */
  scopeUnitId?: number | null;
}

interface AliasEntry {
  unitId: number;
  /** 'name' when the key is the unit's own name folded. */
  source: string;
}

/** Whether units of this kind are areas (communes, districts, provinces) that other units belong to. */
export function isArea(kind: string | undefined): boolean {
  return kind === 'commune' || kind === 'district' || kind === 'province';
}

const SUGGESTION_THRESHOLD = 0.55;
const GENERIC_TAIL = /\s(xa|thi tran|phuong)$/;

/**
 * The unit registry held in memory (one process owns the database, so the
 * copy stays true until a write invalidates it). Resolution order: exact after
 * folding → alias → suggestions for a person to confirm. Similarity never
 * resolves a name by itself.
 */
export class UnitRegistry {
  readonly units = new Map<number, UnitRow>();
  private readonly byKey = new Map<string, AliasEntry[]>();
  private readonly children = new Map<number, number[]>();
  private readonly successors = new Map<number, number[]>();
  private readonly predecessors = new Map<number, number[]>();
  /** Communes by their place name folded ("dong la"): a sheet or a qualifier names one per file. */
  private readonly communesByPlace = new Map<string, UnitRow[]>();
  private readonly links: LineageRow[];

  constructor(units: UnitRow[], aliases: AliasRow[], lineage: LineageRow[]) {
    for (const unit of units) {
      this.units.set(unit.id, unit);
      this.addKey(unit.folded_name ?? fold(unit.name), { unitId: unit.id, source: 'name' });
      if (unit.parent_id !== null) push(this.children, unit.parent_id, unit.id);
      if (unit.kind === 'commune') push(this.communesByPlace, placeOf(unit.folded_name ?? fold(unit.name)), unit);
    }
    for (const alias of aliases) this.addKey(alias.folded, { unitId: alias.unit_id, source: alias.source });
    this.links = lineage;
    for (const link of lineage) {
      push(this.successors, link.predecessor_id, link.successor_id);
      push(this.predecessors, link.successor_id, link.predecessor_id);
    }
  }

  get size(): number {
    return this.units.size;
  }

  private addKey(key: string, entry: AliasEntry): void {
    if (!key) return;
    const list = this.byKey.get(key);
    if (!list) this.byKey.set(key, [entry]);
    else if (!list.some((e) => e.unitId === entry.unitId)) list.push(entry);
    else if (entry.source === 'name') list.splice(list.findIndex((e) => e.unitId === entry.unitId), 1, entry);
  }

  validIn(unit: UnitRow, year: number | null | undefined): boolean {
    if (!year) return true;
    if (unit.valid_from && unit.valid_from > `${year}-12-31`) return false;
    if (unit.valid_to && unit.valid_to < `${year}-01-01`) return false;
    return true;
  }

  /** The commune (or district/province) a unit belongs to: the nearest ancestor-or-self of an administrative kind. */
  areaOf(unitId: number | null | undefined): UnitRow | null {
    let current = unitId ? this.units.get(unitId) : undefined;
    for (let guard = 0; current && guard < 20; guard++) {
      if (isArea(current.kind)) return current;
      current = current.parent_id !== null ? this.units.get(current.parent_id) : undefined;
    }
    return null;
  }

  resolve(text: string | null | undefined, context: ResolveContext = {}): Resolution {
    const written = (text ?? '').normalize('NFC').trim();
    const folded = fold(written);
    const none: Resolution = { text: written, folded, unitId: null, method: null, suggestions: [], ambiguous: false };
    if (!folded) return none;
    // "Chi bộ thôn Đông, xã Đông La": the qualifier names the commune to read the name in.
    const qualified = /^(.+?),\s*((?:xã|thị trấn|phường|tt)\.?\s+.+)$/iu.exec(written);
    if (qualified) {
      const commune = this.communeByPlace(qualified[2]!, context.year);
      if (commune) {
        const inner = this.resolve(qualified[1]!, { year: context.year, scopeUnitId: commune.id });
        if (inner.unitId !== null) return { ...inner, text: written, folded };
      }
    }
    const area = this.areaOf(context.scopeUnitId);
    for (const key of this.keysFor(folded, area)) {
      const entries = (this.byKey.get(key) ?? []).filter((e) => {
        const unit = this.units.get(e.unitId);
        return unit !== undefined && this.validIn(unit, context.year);
      });
      if (entries.length === 0) continue;
      const inArea = area ? entries.filter((e) => this.areaOf(e.unitId)?.id === area.id) : [];
      const chosen = inArea.length > 0 ? inArea : entries;
      const ids = [...new Set(chosen.map((e) => e.unitId))];
      if (ids.length === 1) {
        const entry = chosen[0]!;
        return { ...none, unitId: entry.unitId, method: entry.source === 'name' ? 'exact' : 'alias' };
      }
      return { ...none, ambiguous: true, suggestions: ids.map((id) => ({ unitId: id, name: this.units.get(id)!.name, score: 1 })) };
    }
    return { ...none, suggestions: this.suggest(folded, context, area) };
  }

  /** The commune a place name designates in a year ("Đông La", "xã Đông La", "TT Kim Sơn"), when exactly one does. */
  communeByPlace(text: string | null | undefined, year?: number | null): UnitRow | null {
    const place = fold(text).replace(/^(tt|xa|thi tran|phuong)\s+/, '');
    if (!place) return null;
    const found = (this.communesByPlace.get(place) ?? []).filter((u) => this.validIn(u, year));
    return found.length === 1 ? found[0]! : null;
  }

  /** The folded name, then the same name read within the issuing unit's commune. */
  private keysFor(folded: string, area: UnitRow | null): string[] {
    const keys = [folded];
    if (area && area.kind === 'commune') {
      const areaKey = area.folded_name ?? fold(area.name);
      const place = placeOf(areaKey);
      if (!folded.includes(place)) {
        const bare = folded.replace(GENERIC_TAIL, '');
        keys.push(`${bare} ${areaKey}`);
        if (bare !== folded) keys.push(`${folded} ${place}`);
      }
    }
    return keys;
  }

  private readonly suggestions = new Map<string, UnitSuggestion[]>();

  private suggest(folded: string, context: ResolveContext, area: UnitRow | null): UnitSuggestion[] {
    // The same few written forms ("Hội Nông dân xã") come back in every file: remember the answer.
    const cacheKey = `${context.year ?? ''}\u0000${area?.id ?? ''}\u0000${folded}`;
    const cached = this.suggestions.get(cacheKey);
    if (cached) return cached;
    if (this.suggestions.size > 50_000) this.suggestions.clear();
    const computed = this.computeSuggestions(folded, context, area);
    this.suggestions.set(cacheKey, computed);
    return computed;
  }

  private profiles: { key: string; grams: Uint32Array; entries: AliasEntry[] }[] | null = null;

  private computeSuggestions(folded: string, context: ResolveContext, area: UnitRow | null): UnitSuggestion[] {
    const best = new Map<number, number>();
    this.profiles ??= [...this.byKey].map(([key, entries]) => ({ key, grams: bigrams(key), entries }));
    const grams = bigrams(folded);
    for (const { key, grams: keyGrams, entries } of this.profiles) {
      if (Math.abs(key.length - folded.length) > folded.length) continue;
      const score = key === folded ? 1 : diceOf(grams, keyGrams);
      if (score < SUGGESTION_THRESHOLD) continue;
      for (const entry of entries) {
        const unit = this.units.get(entry.unitId);
        if (!unit || !this.validIn(unit, context.year)) continue;
        const bonus = area && this.areaOf(unit.id)?.id === area.id ? 0.05 : 0;
        best.set(entry.unitId, Math.max(best.get(entry.unitId) ?? 0, Math.min(0.99, score + bonus)));
      }
    }
    return [...best.entries()]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, 5)
      .map(([unitId, score]) => ({ unitId, name: this.units.get(unitId)!.name, score: Math.round(score * 100) / 100 }));
  }

  /** Lineage lines already walked: ingest asks once per row, and a registry never changes (a new one replaces it). */
  private readonly lines = new Map<number, readonly number[]>();

  /** The unit with its predecessors and successors through any number of mergers (not its siblings). */
  lineageLine(unitId: number): readonly number[] {
    let line = this.lines.get(unitId);
    if (!line) this.lines.set(unitId, (line = this.walkLineage(unitId)));
    return line;
  }

  private walkLineage(unitId: number): number[] {
    const out = new Set<number>([unitId]);
    const walk = (from: number, edges: Map<number, number[]>) => {
      const stack = [from];
      while (stack.length > 0) {
        const id = stack.pop()!;
        for (const next of edges.get(id) ?? []) {
          if (!out.has(next)) {
            out.add(next);
            stack.push(next);
          }
        }
      }
    };
    walk(unitId, this.predecessors);
    walk(unitId, this.successors);
    return [...out];
  }

  /** Lineage links where the unit is the predecessor or the successor. */
  linksOf(unitId: number): LineageRow[] {
    return this.links.filter((l) => l.predecessor_id === unitId || l.successor_id === unitId);
  }

  successorsOf(unitId: number): number[] {
    return this.successors.get(unitId) ?? [];
  }

  predecessorsOf(unitId: number): number[] {
    return this.predecessors.get(unitId) ?? [];
  }

  childrenOf(unitId: number): number[] {
    return this.children.get(unitId) ?? [];
  }
}

