import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Scope } from '../auth/scope.js';
import { within, withScopeUnit } from '../auth/scope.js';
import type { ModelListQueryDto } from './dto/models.dto.js';
import { ModelsRepository, type ModelHistoryRow } from './models.repository.js';
import type { ModelDetail, ModelPage, ModelYear, ProvenancedValue } from './models.types.js';
import { stripMarks } from '../units/fold.js';

/** The models list (search, filters, paging) and a model's history with provenance. */
@Injectable()
export class ModelsService {
  constructor(@Inject(ModelsRepository) private readonly repository: ModelsRepository) {}

  async list(query: ModelListQueryDto, scope: Scope | null): Promise<ModelPage> {
    const pageSize = query.pageSize ?? 50;
    const page = query.page ?? 1;
    const scoped = withScopeUnit(query, scope);
    const rows = await this.repository.list({
      q: query.q ? stripMarks(query.q) || null : null,
      field: query.field ?? null,
      status: query.status ?? null,
      recognized: query.recognized ?? null,
      year: query.year ?? null,
      unit: scoped.unit ?? null,
      within: scope ? within(scope) : null,
      sort: query.sort ?? 'name',
      order: query.order ?? 'asc',
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        ownerName: r.owner,
        ownerUnitId: r.owner_unit_id,
        unitName: r.unit_name,
        field: r.field,
        fieldInferred: r.field_inferred,
        status: r.status,
        ownerType: r.owner_type,
        year: r.year,
        firstYear: r.first_year,
        recognitionLevel: r.recognition_level,
      })),
      total: rows[0]?.total ?? 0,
      page,
      pageSize,
    };
  }

  async detail(id: number, scope: Scope | null): Promise<ModelDetail> {
    const model = await this.repository.findModel(id);
    const rows = model ? await this.repository.history(id, scope ? within(scope) : null) : [];
    // A model with no row the caller may see does not exist for them.
    if (!model || rows.length === 0) throw new NotFoundException({ statusCode: 404, message: `Không tìm thấy mô hình số ${id}.` });
    const corrected = await this.repository.correctedFields(
      rows.filter((r) => r.record_key !== null).map((r) => ({ sha256: r.sha256, recordKey: r.record_key! })),
    );
    const registrations = rows.filter((r) => r.kind === 'registration');
    const latest = registrations.at(-1);
    return {
      id: model.id,
      name: model.name,
      ownerName: latest ? String(latest.values.owner ?? '') || model.owner_text : model.owner_text,
      ownerUnitId: model.owner_unit_id,
      field: (latest?.values.field as string | null | undefined) ?? model.field,
      firstYear: registrations[0]?.year ?? model.first_year,
      history: rows.map((row) => toYear(row, corrected)),
    };
  }
}

function toYear(row: ModelHistoryRow, corrected: Set<string>): ModelYear {
  const values: ProvenancedValue[] = Object.entries(row.values).map(([field, value]) => {
    const cell = row.source.cells?.[field] ?? null;
    return {
      field,
      value,
      source: {
        fileId: row.file_id,
        fileName: row.file_name,
        sheet: row.source.sheet ?? null,
        row: row.source.row ?? null,
        cell,
        table: row.source.table ?? null,
        paragraph: row.source.paragraph ?? null,
      },
      inferred: field === 'field' && row.field_inferred,
      corrected: row.record_key !== null && corrected.has(`${row.sha256}/${row.record_key}/${storedFieldName(row.kind, field)}`),
    };
  });
  return { year: row.year ?? 0, kind: row.kind, unitName: row.unit_name, values };
}

/** Corrections name stored columns; the exemplar's unit is stored as unit_text. */
function storedFieldName(kind: ModelHistoryRow['kind'], field: string): string {
  return kind === 'exemplar' && field === 'unit' ? 'unit_text' : field;
}
