import { fold } from '../units/fold.js';
import type { UnitRegistry } from '../units/registry.js';
import type { ModelIdentity, ModelWithCreator } from './ingest.repository.js';
import { ModelCandidates, Namesakes, type Issuer } from './model-candidates.js';
import type { ModelHomes } from './model-homes.js';
import { describeSource, type PreparedRow, type ReviewDraft } from './prepare.js';

/** A "continued" registration, the model it linked to, and where an earlier model of it may live. */
export interface LinkerContinued {
  file: LinkedFile;
  row: PreparedRow;
  year: number;
  model: ModelIdentity;
  homes: readonly string[];
}

/** One file of a group, as model linking sees it. */
export interface LinkedFile {
  fileId: number;
  fileName: string;
  /** The issuing unit, or only its written name when the registry does not know it. */
  unitId: number | null;
  unitText: string | null;
  rows: readonly PreparedRow[];
  /** The file's review drafts: a "continued" row that matches nothing may add one. */
  review: ReviewDraft[];
}

/**
 * Model identity across years for one group of files: the same folded name
 * owned by the same unit, or by a predecessor/successor through the 2025
 * mergers, is the same model. Registrations and recognitions without a match
 * start a new model (visible to later files of the group); exemplars only
 * link. A "continued" registration that matches nothing is kept until the
 * whole group is linked, then explained by its namesakes in the same commune
 * (`explainUnmatched`), so the explanation does not depend on file order.
 * Pure: the caller looks up the stored models and inserts the new ones.
 */
export class ModelLinker {
  /**
   * The models the group creates, in order. Each has a temporary id -1, -2, …
   * (its place in this list) until the caller draws real ids.
   */
  readonly created: ModelWithCreator[] = [];
  /** Stored models a row shows to be older than their first year says: model id → the earliest such year. */
  readonly firstYears = new Map<number, number>();
  /**
   * "Continued" registrations with where their model may live, and the model
   * they linked to: explained unless that model turns out older than the row
   * (a new model, one of the same year from another version of the list, or
   * the one the file's own earlier reading created, all leave it unexplained).
   */
  private readonly continued: LinkerContinued[] = [];

  constructor(
    private readonly candidates: ModelCandidates,
    private readonly registry: UnitRegistry,
    private readonly homes: ModelHomes,
  ) {}

  /** The model id of each row of a file (null: none; negative: a model this group creates). */
  linkFile(file: LinkedFile): (number | null)[] {
    // Rows of one file with the same name and owner are one model, even when new.
    const fresh = new Map<string, number>();
    const issuer: Issuer = file.unitId !== null ? { unitId: file.unitId } : { unitId: null, folded: fold(file.unitText) };
    const ids = new Array<number | null>(file.rows.length);
    for (let i = 0; i < file.rows.length; i++) ids[i] = this.linkRow(file, file.rows[i]!, issuer, fresh);
    return ids;
  }

  private linkRow(file: LinkedFile, row: PreparedRow, issuer: Issuer, fresh: Map<string, number>): number | null {
    if (row.fixedModelId !== null) return row.fixedModelId;
    if (!row.modelKey || row.type === 'report') return null;
    const ownerId = (row.values.owner_unit_id as number | null) ?? null;
    // Only an owner outside the registry is known by its folded words.
    const ownerFolded = ownerId === null ? fold(row.ownerText) : '';
    const match = this.candidates.match(row.modelKey, ownerId !== null ? { unitId: ownerId, line: this.registry.lineageLine(ownerId) } : { unitId: null, folded: ownerFolded }, issuer);
    const year = (row.values.year as number | null) ?? null;
    if (match) {
      if (year !== null && (match.first_year === null || year < match.first_year)) {
        // A stored model is lowered by the caller; one this group creates carries its earliest year itself.
        if (match.id > 0) this.firstYears.set(match.id, Math.min(year, this.firstYears.get(match.id) ?? year));
        else match.first_year = year;
      }
      this.noteContinued(file, row, year, match, ownerId);
      return match.id;
    }
    if (row.type === 'exemplar') return null;
    const identity = ownerId !== null ? `${row.modelKey}\u0000${ownerId}` : `${row.modelKey}\u0000text:${ownerFolded}`;
    let id = fresh.get(identity);
    if (id === undefined) {
      id = -(this.created.length + 1);
      fresh.set(identity, id);
      // Later files of the group see it like a stored model.
      const model: ModelWithCreator = {
        id, name: String(row.values.model_name ?? row.modelKey), folded_name: row.modelKey, owner_unit_id: ownerId, owner_text: row.ownerText,
        field: (row.values.field as string | null) ?? null, first_year: year, created_from: file.fileId, creator_unit_id: file.unitId, creator_unit_text: file.unitText,
      };
      this.created.push(model);
      this.candidates.add(model);
    }
    this.noteContinued(file, row, year, this.created[-id - 1]!, ownerId);
    return id;
  }

  private noteContinued(file: LinkedFile, row: PreparedRow, year: number | null, model: ModelIdentity, ownerId: number | null): void {
    if (row.type !== 'registration' || row.values.status !== 'continued' || year === null) return;
    this.continued.push({ file, row, year, model, homes: this.homes.line(ownerId, file.unitId, file.unitText) });
  }

  /** The "continued" rows whose model is not older than they are, once the whole group is linked. */
  unmatched(): LinkerContinued[] {
    return this.continued.filter(({ model, year }) => !(this.firstYearOf(model) < year));
  }

  /** A model's first year, lowered by the rows of this group. */
  private firstYearOf(model: ModelIdentity): number {
    return Math.min(model.first_year ?? Infinity, (model.id > 0 ? this.firstYears.get(model.id) : undefined) ?? Infinity);
  }

  /**
   * A review item for each "continued" row that matched nothing while a model
   * of its name lived in its commune before its year: the office picks the
   * model it continues. Called once the group's models have their real ids,
   * so models created by the group can be offered too.
   */
  explainUnmatched(unmatched: readonly LinkerContinued[], namesakes: Namesakes): void {
    const names = new Set(unmatched.map((u) => u.row.modelKey!));
    for (const model of this.created) {
      if (names.has(model.folded_name)) namesakes.add(model, this.homes.of(model.owner_unit_id, model.creator_unit_id, model.creator_unit_text));
    }
    for (const { file, row, year, homes } of unmatched) {
      const earlier = namesakes.before(row.modelKey!, homes, year);
      if (!earlier.any) continue;
      file.review.push({
        record_type: row.type, record_key: row.key, reason: 'possible_model_match',
        message: `${describeSource(file.fileName, row.source)}: mô hình “${String(row.values.model_name)}” ghi là duy trì nhưng chưa khớp mô hình năm trước của cùng chủ thể; trong cùng xã có mô hình cùng tên của chủ thể khác.`,
        detail: { candidates: earlier.models.map((m) => ({ modelId: m.id, name: m.name, ownerUnitId: m.owner_unit_id, ownerText: m.owner_text, firstYear: m.first_year })) },
      });
    }
  }
}
