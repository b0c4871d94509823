import { fold } from '../units/fold.js';
import { isArea, type UnitRegistry } from '../units/registry.js';

/**
 * The commune a model belongs to, its "home": the area (commune, or district
 * or province) of its owner when the owner is a registry unit, else the area
 * of the unit that sent the file it came from, else that unit's written name.
 *
 * A "continued" row that matches no model of its own owner is offered only
 * namesakes of the same home, through the 2025 mergers: the same words in
 * another commune are that commune's model (or one it replicated), never the
 * one this commune continued. Offering them flooded the review queue: 8,409
 * items for a first load of 1,000 communes.
 */
export class ModelHomes {
  private readonly lines = new Map<number, readonly string[]>();

  constructor(private readonly registry: UnitRegistry) {}

  /** A model's home: its owner unit, else its issuing unit, else the issuer's written name. */
  of(ownerUnitId: number | null, issuerUnitId: number | null, issuerText: string | null): string {
    const unit = ownerUnitId ?? issuerUnitId;
    return unit !== null ? `a${this.area(unit)}` : `t${fold(issuerText)}`;
  }

  /** A row's home and the homes its area was merged from or into: where the model it continues may live. */
  line(ownerUnitId: number | null, issuerUnitId: number | null, issuerText: string | null): readonly string[] {
    const unit = ownerUnitId ?? issuerUnitId;
    if (unit === null) return [`t${fold(issuerText)}`];
    const area = this.area(unit);
    let line = this.lines.get(area);
    if (!line) this.lines.set(area, (line = this.registry.lineageLine(area).map((id) => `a${id}`)));
    return line;
  }

  /**
   * Registry units whose models may live in one of these homes: each area and
   * its units down to the next administrative unit (a district's communes are
   * their own homes). What the lookup of stored namesakes is bounded by.
   */
  unitsOf(homes: Iterable<string>): number[] {
    const out = new Set<number>();
    for (const home of homes) {
      if (!home.startsWith('a')) continue;
      const stack = [Number(home.slice(1))];
      while (stack.length > 0) {
        const id = stack.pop()!;
        if (out.has(id)) continue;
        out.add(id);
        for (const child of this.registry.childrenOf(id)) if (!isArea(this.registry.units.get(child)?.kind)) stack.push(child);
      }
    }
    return [...out];
  }

  private area(unitId: number): number {
    return this.registry.areaOf(unitId)?.id ?? unitId;
  }
}
