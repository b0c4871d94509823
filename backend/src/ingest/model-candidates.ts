import { fold } from '../units/fold.js';
import type { ModelWithCreator } from './ingest.repository.js';
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
  private readonly byOwner = new Map<string, Map<number, ModelWithCreator[]>>();
  private readonly byText = new Map<string, ModelWithCreator[]>();
  /** Insertion order: stored models by id first, then those a group creates. */
  private readonly order = new Map<ModelWithCreator, number>();
  private readonly named = new Map<string, ModelWithCreator[]>();

  constructor(models: Iterable<ModelWithCreator>) {
    for (const model of models) this.add(model);
  }

  add(model: ModelWithCreator): void {
    this.order.set(model, this.order.size);
    push(this.named, model.folded_name, model);
    if (model.owner_unit_id !== null) {
      let owners = this.byOwner.get(model.folded_name);
      if (!owners) this.byOwner.set(model.folded_name, (owners = new Map()));
      push(owners, model.owner_unit_id, model);
    } else {
      const issuer: Issuer = model.creator_unit_id !== null ? { unitId: model.creator_unit_id } : { unitId: null, folded: fold(model.creator_unit_text) };
      push(this.byText, textKey(model.folded_name, fold(model.owner_text), issuer), model);
    }
  }

  /** Every model of this folded name, in insertion order. */
  withName(key: string): readonly ModelWithCreator[] {
    return this.named.get(key) ?? [];
  }

  /** The model a row continues, if any. */
  match(key: string, owner: { unitId: number; line: readonly number[] } | { unitId: null; folded: string }, issuer: Issuer): ModelWithCreator | undefined {
    if (owner.unitId === null) return this.byText.get(textKey(key, owner.folded, issuer))?.[0];
    const owners = this.byOwner.get(key);
    if (!owners) return undefined;
    const own = owners.get(owner.unitId)?.[0];
    if (own) return own;
    let best: ModelWithCreator | undefined;
    for (const id of owner.line) {
      const first = owners.get(id)?.[0];
      if (first && (!best || this.order.get(first)! < this.order.get(best)!)) best = first;
    }
    return best;
  }
}

function textKey(modelKey: string, ownerFolded: string, issuer: Issuer): string {
  return `${modelKey}\u0000${ownerFolded}\u0000${issuer.unitId !== null ? `u${issuer.unitId}` : `t${issuer.folded}`}`;
}

