import { fold } from '../units/fold.js';
import type { ModelIdentity, ModelRow } from './ingest.repository.js';
import { push } from '../common/multimap.js';

/** Where a row's issuing file stands: a unit of the registry, or only its written name. */
export type Issuer = { unitId: number } | { unitId: null; folded: string };

/**
 * The models a group's rows may continue, indexed so each row finds its
 * candidates without scanning every model of the same name (a batch of a
 * thousand communes repeats the same model names thousands of times).
 *
 * A model matches a row when it has the same folded name and
 * - the row's owner is a registry unit: the model's owner is on the same
 *   lineage line (the unit, its predecessors and successors);
 * - the owner is only written words: the model's owner has the same folded
 *   words and was created from a file of the same issuing unit (the same
 *   words from two communes are two owners).
 * Among several, the one owned by the row's own unit wins, else the earliest.
 */
export class ModelCandidates {
  private readonly byOwner = new Map<string, Map<number, ModelIdentity[]>>();
  private readonly byText = new Map<string, ModelIdentity[]>();
  /** Insertion order: stored models by id first, then those a group creates. */
  private readonly order = new Map<ModelIdentity, number>();

  constructor(models: Iterable<ModelIdentity>) {
    for (const model of models) this.add(model);
  }

  add(model: ModelIdentity): void {
    this.order.set(model, this.order.size);
    if (model.owner_unit_id !== null) {
      let owners = this.byOwner.get(model.folded_name);
      if (!owners) this.byOwner.set(model.folded_name, (owners = new Map()));
      push(owners, model.owner_unit_id, model);
    } else {
      const issuer: Issuer = model.creator_unit_id !== null ? { unitId: model.creator_unit_id } : { unitId: null, folded: fold(model.creator_unit_text) };
      push(this.byText, textKey(model.folded_name, fold(model.owner_text), issuer), model);
    }
  }

  /** The model a row continues, if any. */
  match(key: string, owner: { unitId: number; line: readonly number[] } | { unitId: null; folded: string }, issuer: Issuer): ModelIdentity | undefined {
    if (owner.unitId === null) return this.byText.get(textKey(key, owner.folded, issuer))?.[0];
    const owners = this.byOwner.get(key);
    if (!owners) return undefined;
    const own = owners.get(owner.unitId)?.[0];
    if (own) return own;
    let best: ModelIdentity | undefined;
    for (const id of owner.line) {
      const first = owners.get(id)?.[0];
      if (first && (!best || this.order.get(first)! < this.order.get(best)!)) best = first;
    }
    return best;
  }
}

/** How many earlier models of the same name a review item offers. */
export const NAMESAKES_SHOWN = 5;

/**
 * Models of the same folded name in the same home (see model-homes.ts), kept
 * as the earliest year each name was seen there and the few earliest models:
 * what a "continued" row that matched none of its owner's models may mean.
 */
export class Namesakes {
  private readonly byName = new Map<string, { earliest: number; shown: ModelRow[] }>();

  add(model: ModelRow, home: string): void {
    if (model.first_year === null) return;
    const key = `${model.folded_name}\u0000${home}`;
    let entry = this.byName.get(key);
    if (!entry) this.byName.set(key, (entry = { earliest: model.first_year, shown: [] }));
    entry.earliest = Math.min(entry.earliest, model.first_year);
    // Kept sorted by (first year, id) by insertion.
    insertEarliest(entry.shown, model);
  }

  /** Whether a model of this name existed in one of these homes before `year`, and the earliest that did. */
  before(name: string, homes: readonly string[], year: number): { any: boolean; models: ModelRow[] } {
    let any = false;
    const models: ModelRow[] = [];
    for (const home of homes) {
      const entry = this.byName.get(`${name}\u0000${home}`);
      if (!entry || entry.earliest >= year) continue;
      any = true;
      for (const model of entry.shown) if (model.first_year! < year) insertEarliest(models, model);
    }
    return { any, models };
  }
}

/** Inserts a model into a list kept sorted by (first year, id), at most NAMESAKES_SHOWN long, without repeats. */
function insertEarliest(shown: ModelRow[], model: ModelRow): void {
  let at = shown.length;
  while (at > 0 && earlier(model, shown[at - 1]!)) at--;
  if (at >= NAMESAKES_SHOWN || shown.some((m) => m.id === model.id)) return;
  shown.splice(at, 0, model);
  if (shown.length > NAMESAKES_SHOWN) shown.pop();
}

/** Whether a comes before b among namesakes: earlier first year, then lower id. */
function earlier(a: ModelRow, b: ModelRow): boolean {
  return a.first_year! < b.first_year! || (a.first_year === b.first_year && a.id < b.id);
}

function textKey(modelKey: string, ownerFolded: string, issuer: Issuer): string {
  return `${modelKey}\u0000${ownerFolded}\u0000${issuer.unitId !== null ? `u${issuer.unitId}` : `t${issuer.folded}`}`;
}

