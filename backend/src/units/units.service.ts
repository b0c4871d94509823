import { readFile, rm } from 'node:fs/promises';
import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB, UnitAliasTable, UnitTable } from '../db/schema.js';
import { fold } from './fold.js';
import { UnitRegistry, type Resolution, type ResolveContext } from './registry.js';
import { kindFromLabel, kindFromName, levelFromLabel, parseDay, readUnitList, UNIT_KINDS, UNIT_LEVELS } from './unit-list.reader.js';
import { UnitsRepository, type UnitFilter, type UnitRow } from './units.repository.js';

export interface UnitSummary {
  id: number;
  name: string;
  kind: string;
  level: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  code: string | null;
}

export interface UnitDetail extends UnitSummary {
  parent: UnitSummary | null;
  aliases: { alias: string; source: string }[];
  predecessors: { unit: UnitSummary; effectiveDate: string; note: string | null }[];
  successors: { unit: UnitSummary; effectiveDate: string; note: string | null }[];
  children: UnitSummary[];
}

export interface UnitPage {
  items: UnitSummary[];
  total: number;
}

export interface UnitImportReport {
  file: string;
  rows: number;
  created: number;
  updated: number;
  aliasesAdded: number;
  lineageAdded: number;
}

/** A unit to create or update, from units.json or from a spreadsheet row. */
export interface UnitInput {
  /** Where it came from, for messages: 'Dòng 5' or a units.json key. */
  label: string;
  code: string | null;
  name: string;
  kind: string | null;
  level: string | null;
  parent: string | null;
  validFrom: string | null;
  validTo: string | null;
  aliases: string[];
  successor: string | null;
  mergedOn: string | null;
}

/** The shape of sample-data/units/units.json (sample-data/generate/units). */
interface RegistryFile {
  units: { key: string; name: string; kind: string; level: string; parent: string | null; valid_from: string | null; valid_to: string | null; aliases: string[] }[];
  lineage: { predecessor: string; successor: string; effective_date: string; note: string }[];
}

/**
 * The unit registry's rules: resolution of written names (delegated to the
 * in-memory UnitRegistry), imports from units.json and from the office's
 * spreadsheet, aliases confirmed by a person.
 */
@Injectable()
export class UnitsService {
  private readonly logger = new Logger(UnitsService.name);
  private cached: Promise<UnitRegistry> | null = null;

  constructor(@Inject(UnitsRepository) private readonly repository: UnitsRepository) {}

  /** The registry as of the last write. */
  registry(): Promise<UnitRegistry> {
    this.cached ??= this.repository.loadAll().then(({ units, aliases, lineage }) => new UnitRegistry(units, aliases, lineage));
    this.cached.catch(() => (this.cached = null));
    return this.cached;
  }

  /** Call after any write to unit, unit_alias or unit_lineage. */
  invalidate(): void {
    this.cached = null;
  }

  async resolve(text: string, context: ResolveContext): Promise<Resolution> {
    return (await this.registry()).resolve(text, context);
  }

  async list(filter: UnitFilter): Promise<UnitPage> {
    const page = await this.repository.list(filter, filter.q ? fold(filter.q) : null);
    return { items: page.items.map(summary), total: page.total };
  }

  async detail(id: number): Promise<UnitDetail> {
    const unit = await this.repository.findById(id);
    if (!unit) throw new NotFoundException(`Không có đơn vị mã số ${id}.`);
    const registry = await this.registry();
    const links = registry.linksOf(id);
    const parent = unit.parent_id !== null ? registry.units.get(unit.parent_id) : undefined;
    return {
      ...summary(unit),
      parent: parent ? summary(parent) : null,
      aliases: (await this.repository.aliasesOf(id)).map((a) => ({ alias: a.alias, source: a.source })),
      predecessors: links.filter((l) => l.successor_id === id)
        .map((l) => ({ unit: summary(registry.units.get(l.predecessor_id)!), effectiveDate: l.effective_date, note: l.note })),
      successors: links.filter((l) => l.predecessor_id === id)
        .map((l) => ({ unit: summary(registry.units.get(l.successor_id)!), effectiveDate: l.effective_date, note: l.note })),
      children: registry.childrenOf(id).map((c) => summary(registry.units.get(c)!)),
    };
  }

  /** A person confirms that a written form names this unit; future files resolve it by alias. */
  async addAlias(unitId: number, alias: string, by: string | null): Promise<UnitDetail> {
    const unit = await this.repository.findById(unitId);
    if (!unit) throw new NotFoundException(`Không có đơn vị mã số ${unitId}.`);
    await this.repository.transaction(async (trx) => {
      await this.addConfirmedAlias(trx, unitId, alias, by);
    });
    return this.detail(unitId);
  }

  /** Inside a caller's transaction (review corrections use it too); invalidates the cache. */
  async addConfirmedAlias(trx: Transaction<DB>, unitId: number, alias: string, by: string | null): Promise<void> {
    const text = alias.normalize('NFC').trim();
    if (!fold(text)) throw new BadRequestException('Tên gọi khác không được để trống.');
    const added = await this.repository.addAliases(trx, [{ unit_id: unitId, alias: text, folded: fold(text), source: 'confirmed' }]);
    if (added > 0) await this.repository.audit(trx, 'unit.alias.add', `unit:${unitId}`, { alias: text }, by);
    this.invalidate();
  }

  /** An uploaded unit list (its temp file is removed afterwards). */
  async importReceived(file: { originalName: string; tempPath: string }): Promise<UnitImportReport> {
    try {
      return await this.importSpreadsheet(await readFile(file.tempPath), file.originalName, null);
    } finally {
      await rm(file.tempPath, { force: true });
    }
  }

  async importSpreadsheet(bytes: Uint8Array, fileName: string, by: string | null): Promise<UnitImportReport> {
    const reading = await readUnitList(bytes, fileName);
    if (reading.errors.length > 0) throw new BadRequestException({ statusCode: 400, error: 'Không nạp được danh sách đơn vị', message: reading.errors });
    const inputs: UnitInput[] = reading.rows.map((r) => ({
      label: `Tệp “${fileName}”, trang “${reading.sheet}”, dòng ${r.row}`,
      code: r.code, name: r.name, kind: r.kind, level: r.level, parent: r.parent,
      validFrom: r.valid_from, validTo: r.valid_to, aliases: r.aliases, successor: r.successor, mergedOn: r.merged_on,
    }));
    return this.importUnits(inputs, fileName, 'import', by);
  }

  /** Seeds from sample-data/units/units.json; idempotent (units matched by their key as code). */
  async importRegistryFile(file: string): Promise<UnitImportReport> {
    const registry = JSON.parse(await readFile(file, 'utf8')) as RegistryFile;
    const successorOf = new Map<string, { successor: string; date: string }[]>();
    for (const link of registry.lineage) {
      const list = successorOf.get(link.predecessor) ?? [];
      list.push({ successor: link.successor, date: link.effective_date });
      successorOf.set(link.predecessor, list);
    }
    const inputs: UnitInput[] = [];
    for (const u of registry.units) {
      const links = successorOf.get(u.key) ?? [{ successor: '', date: '' }];
      for (const [i, link] of links.entries()) {
        inputs.push({
          label: `units.json “${u.key}”`, code: u.key, name: u.name, kind: u.kind, level: u.level, parent: u.parent,
          validFrom: u.valid_from, validTo: u.valid_to, aliases: i === 0 ? u.aliases : [], successor: link.successor || null, mergedOn: link.date || null,
        });
      }
    }
    return this.importUnits(inputs, 'units.json', 'registry', 'seed');
  }

  /**
   * Creates or updates units, their aliases and successor links in one
   * transaction: all rows or none. A unit is the same when its code matches,
   * or its folded name and parent match. Parents and successors are found by
   * code, by a name in the same list, or by exact/alias resolution in the
   * registry, never by similarity.
   */
  async importUnits(inputs: UnitInput[], fileName: string, aliasSource: string, by: string | null): Promise<UnitImportReport> {
    const errors: string[] = [];
    const registry = await this.registry();
    const report: UnitImportReport = { file: fileName, rows: inputs.length, created: 0, updated: 0, aliasesAdded: 0, lineageAdded: 0 };
    const checked = inputs.map((input) => this.check(input, errors));
    if (errors.length > 0) throw importError(errors);

    await this.repository.transaction(async (trx) => {
      // The registry as it stands, read once: matching happens in memory and the writes go in bulk
      // (a province's list of thousands of units is one import, not thousands of round trips).
      const stored = await this.repository.allUnits(trx);
      const storedByCode = new Map(stored.filter((u) => u.code !== null).map((u) => [u.code!, u]));
      const storedByName = new Map(stored.map((u) => [`${u.folded_name ?? fold(u.name)}\u0000${u.parent_id ?? ''}`, u]));
      const byCode = new Map<string, number>();
      const byName = new Map<string, number[]>();
      const idOf = new Map<UnitInput, number>();
      const find = (ref: string): number | null | 'ambiguous' => {
        const local = byCode.get(ref) ?? storedByCode.get(ref)?.id;
        if (local !== undefined) return local;
        const named = byName.get(fold(ref));
        if (named && named.length === 1) return named[0]!;
        if (named && named.length > 1) return 'ambiguous';
        const resolved = registry.resolve(ref);
        return resolved.unitId ?? (resolved.ambiguous ? 'ambiguous' : null);
      };
      // New units get their ids from the sequence at the end; until then a negative stand-in.
      const created: (Insertable<UnitTable> & { id: number })[] = [];
      const updates: { id: number; values: Updateable<UnitTable> }[] = [];
      const aliases: Insertable<UnitAliasTable>[] = [];

      let pending = checked;
      while (pending.length > 0) {
        const next: typeof pending = [];
        for (const item of pending) {
          const parentId = item.input.parent ? find(item.input.parent) : null;
          if (item.input.parent && (parentId === null || parentId === 'ambiguous')) {
            next.push(item);
            continue;
          }
          const { input, kind, level } = item;
          const folded = fold(input.name);
          const existing = (input.code ? storedByCode.get(input.code) : undefined) ?? storedByName.get(`${folded}\u0000${parentId ?? ''}`);
          const values = {
            name: input.name, kind, level, parent_id: parentId as number | null, folded_name: folded,
            valid_from: parseDay(input.validFrom) as string | null, valid_to: parseDay(input.validTo) as string | null, code: input.code ?? existing?.code ?? null,
          };
          let id: number;
          if (existing) {
            id = existing.id;
            if ((Object.keys(values) as (keyof typeof values)[]).some((k) => existing[k] !== values[k])) {
              updates.push({ id, values });
              report.updated++;
            }
          } else {
            id = -(created.length + 1);
            created.push({ id, ...values });
            report.created++;
          }
          idOf.set(input, id);
          if (input.code) byCode.set(input.code, id);
          byName.set(folded, [...new Set([...(byName.get(folded) ?? []), id])]);
          for (const alias of input.aliases) aliases.push({ unit_id: id, alias, folded: fold(alias), source: aliasSource });
        }
        if (next.length === pending.length) {
          for (const item of next) {
            const found = find(item.input.parent!);
            errors.push(found === 'ambiguous'
              ? `${item.input.label}: đơn vị cấp trên “${item.input.parent}” trùng tên với nhiều đơn vị; ghi mã đơn vị để phân biệt.`
              : `${item.input.label}: không tìm thấy đơn vị cấp trên “${item.input.parent}”.`);
          }
          break;
        }
        pending = next;
      }
      if (errors.length > 0) throw importError(errors);

      const ids = await this.repository.nextUnitIds(trx, created.length);
      const real = (id: number) => (id < 0 ? ids[-id - 1]! : id);
      await this.repository.insertUnits(trx, created.map((u) => ({ ...u, id: real(u.id), parent_id: u.parent_id === null || u.parent_id === undefined ? null : real(u.parent_id) })));
      for (const { id, values } of updates) await this.repository.updateUnit(trx, id, { ...values, parent_id: values.parent_id === null || values.parent_id === undefined ? null : real(values.parent_id) });
      for (const [input, id] of idOf) idOf.set(input, real(id));
      report.aliasesAdded = await this.repository.addAliases(trx, aliases.map((a) => ({ ...a, unit_id: real(a.unit_id) })));
      if (errors.length > 0) throw importError(errors);

      const links = [];
      for (const [input, id] of idOf) {
        if (!input.successor) continue;
        const found = find(input.successor);
        if (found === null || found === 'ambiguous') {
          errors.push(`${input.label}: không tìm thấy đơn vị kế thừa “${input.successor}”.`);
          continue;
        }
        const date = (parseDay(input.mergedOn) as string | null) ?? dayAfter(input.validTo);
        if (!date) {
          errors.push(`${input.label}: thiếu ngày sáp nhập vào “${input.successor}”.`);
          continue;
        }
        links.push({ predecessor_id: id, successor_id: real(found), effective_date: date, note: null });
      }
      if (errors.length > 0) throw importError(errors);
      report.lineageAdded = await this.repository.addLineage(trx, links);
      await this.repository.audit(trx, 'units.import', `file:${fileName}`, { ...report }, by);
    }).finally(() => this.invalidate());
    this.logger.log(report, 'units imported');
    return report;
  }

  private check(input: UnitInput, errors: string[]): { input: UnitInput; kind: string; level: string } {
    const name = input.name.normalize('NFC').trim();
    if (!name) errors.push(`${input.label}: thiếu tên đơn vị.`);
    const kind = input.kind ? (UNIT_KINDS.includes(input.kind) ? input.kind : kindFromLabel(input.kind)) : kindFromName(name);
    if (!kind) {
      errors.push(input.kind
        ? `${input.label}: loại đơn vị “${input.kind}” không rõ (ví dụ: Đảng ủy, Chi bộ, UBND, MTTQ, Đoàn thể, Công an, Quân sự, Trường học, Doanh nghiệp, Thôn).`
        : `${input.label}: không đoán được loại đơn vị của “${name}”; điền cột “Loại”.`);
    }
    const level = input.level ? (UNIT_LEVELS.includes(input.level) ? input.level : levelFromLabel(input.level)) : defaultLevel(kind);
    if (!level && kind) errors.push(`${input.label}: cấp “${input.level}” không rõ (tỉnh, huyện, xã, cơ sở).`);
    for (const [column, value] of [['Hiệu lực từ', input.validFrom], ['Hiệu lực đến', input.validTo], ['Ngày sáp nhập', input.mergedOn]] as const) {
      if (parseDay(value) === 'invalid') errors.push(`${input.label}: cột “${column}” có ngày không hợp lệ “${value}”.`);
    }
    return { input: { ...input, name }, kind: kind ?? '', level: level ?? '' };
  }

  async count(): Promise<number> {
    return this.repository.count();
  }
}

function summary(unit: UnitRow): UnitSummary {
  return { id: unit.id, name: unit.name, kind: unit.kind, level: unit.level, parentId: unit.parent_id, validFrom: unit.valid_from, validTo: unit.valid_to, code: unit.code };
}

function defaultLevel(kind: string | null): string | null {
  if (!kind) return null;
  if (kind === 'province' || kind === 'district' || kind === 'commune') return kind;
  if (['party_cell', 'police', 'military', 'school', 'health', 'enterprise', 'village'].includes(kind)) return 'grassroots';
  return 'commune';
}

function dayAfter(day: string | null): string | null {
  const parsed = parseDay(day);
  if (!parsed || parsed === 'invalid') return null;
  const date = new Date(`${parsed}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

function importError(errors: string[]): BadRequestException {
  return new BadRequestException({ statusCode: 400, error: 'Không nạp được danh sách đơn vị; chưa có gì thay đổi', message: errors });
}
