/**
 * The national dataset for `npm run bench:api`, generated inside DuckDB with
 * SQL (seconds, not minutes): 34 provinces; before 01/07/2025 714 districts
 * and 9,963 communes, after it 3,321 communes, each commune with 16 units
 * (commune, party committee, People's Committee, Front, 4 mass
 * organisations, police, military, health, school and 4 party cells under
 * the party committee); lineage commune → commune and organisation →
 * organisation; five years 2022–2026 of ~150,000 registrations a year with
 * recognitions (~40 %) and exemplars (5 per commune and year); one plan per
 * province for 2026 with five quota rules.
 *
 * Provinces are kept as they are (the 63 → 34 merger is not modelled); the
 * commune merger is, and it is what the rollup and the unit scope pay for.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';

export const DATASET_VERSION = 'national-v1';

export const PROVINCES = 34;
export const NEW_COMMUNES = 3321;
export const OLD_COMMUNES = 9963;
export const DISTRICTS_PER_PROVINCE = 21;

/** Unit id of a new commune (0-based index) and of its organisations (+1 … +15). */
export const newCommuneId = (c: number) => 100_000 + c * 20;
export const provinceOfNew = (c: number) => 1 + Math.floor((c * PROVINCES) / NEW_COMMUNES);

export async function generateNationalDataset(db: Kysely<DB>, log: (s: string) => void): Promise<void> {
  const run = async (label: string, statement: string) => {
    const started = performance.now();
    await sql.raw(statement).execute(db);
    log(`  ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  };
  // Organisation slots of a commune: offset, name prefix, kind, level, parent offset (0: the commune, 1: the party committee).
  await run('org slots', `
    create temp table org_slot as select * from (values
      (0, 'Xã', 'commune', 'commune', null),
      (1, 'Đảng ủy xã', 'party_committee', 'commune', 0),
      (2, 'Ủy ban nhân dân xã', 'peoples_committee', 'commune', 0),
      (3, 'Ủy ban MTTQ Việt Nam xã', 'front', 'commune', 0),
      (4, 'Hội Nông dân xã', 'mass_organisation', 'commune', 0),
      (5, 'Hội Liên hiệp Phụ nữ xã', 'mass_organisation', 'commune', 0),
      (6, 'Đoàn Thanh niên xã', 'mass_organisation', 'commune', 0),
      (7, 'Hội Cựu chiến binh xã', 'mass_organisation', 'commune', 0),
      (8, 'Chi bộ Công an xã', 'police', 'grassroots', 1),
      (9, 'Chi bộ Quân sự xã', 'military', 'grassroots', 1),
      (10, 'Chi bộ Trạm Y tế xã', 'health', 'grassroots', 1),
      (11, 'Chi bộ Trường THCS xã', 'school', 'grassroots', 1),
      (12, 'Chi bộ thôn 1 xã', 'party_cell', 'grassroots', 1),
      (13, 'Chi bộ thôn 2 xã', 'party_cell', 'grassroots', 1),
      (14, 'Chi bộ thôn 3 xã', 'party_cell', 'grassroots', 1),
      (15, 'Chi bộ thôn 4 xã', 'party_cell', 'grassroots', 1)
    ) t(off, prefix, kind, level, parent_off)`);
  await run('provinces and districts', `
    insert into unit (id, name, kind, level, parent_id, valid_from, valid_to)
    select p, 'Tỉnh ' || p, 'province', 'province', null, null, null from range(1, ${PROVINCES + 1}) r(p)
    union all
    select 1000 + d, 'Huyện ' || d, 'district', 'district', 1 + d // ${DISTRICTS_PER_PROVINCE}, null, date '2025-06-30'
      from range(0, ${PROVINCES * DISTRICTS_PER_PROVINCE}) r(d)`);
  await run('new communes (16 units each)', `
    insert into unit (id, name, kind, level, parent_id, valid_from, valid_to)
    select 100000 + c * 20 + s.off, s.prefix || ' Mới ' || c, s.kind, s.level,
           case when s.parent_off is null then 1 + (c * ${PROVINCES}) // ${NEW_COMMUNES} else 100000 + c * 20 + s.parent_off end,
           date '2025-07-01', null
      from range(0, ${NEW_COMMUNES}) r(c), org_slot s`);
  // Old commune o merges into new commune o // 3, in a district of the same province.
  await run('old communes (16 units each)', `
    insert into unit (id, name, kind, level, parent_id, valid_from, valid_to)
    select 1000000 + o * 20 + s.off, s.prefix || ' Cũ ' || o, s.kind, s.level,
           case when s.parent_off is null
                then 1000 + ((1 + ((o // 3) * ${PROVINCES}) // ${NEW_COMMUNES}) - 1) * ${DISTRICTS_PER_PROVINCE} + o % ${DISTRICTS_PER_PROVINCE}
                else 1000000 + o * 20 + s.parent_off end,
           null, date '2025-06-30'
      from range(0, ${OLD_COMMUNES}) r(o), org_slot s`);
  await run('lineage', `
    insert into unit_lineage (predecessor_id, successor_id, effective_date, note)
    select 1000000 + o * 20 + s.off, 100000 + (o // 3) * 20 + s.off, date '2025-07-01', 'Sáp nhập 01/07/2025'
      from range(0, ${OLD_COMMUNES}) r(o), org_slot s`);

  // Files: one registration list per issuing commune and year; one recognition decision per province and year;
  // one exemplar list per commune and year. Ids: year * 100000 + n.
  await run('source files', `
    insert into source_file (id, sha256, file_name, size_bytes, format, kind, year, unit_id, status, uploaded_at)
    with issuers as (
      select y as year, 1000000 + o * 20 as unit_id, o as n, (y::varchar || '-02-01')::date + (o % 40)::int as day
        from range(2022, 2025) t(y), range(0, ${OLD_COMMUNES}) r(o)
      union all select 2025, 1000000 + o * 20, o, date '2025-02-01' + (o % 40)::int from range(0, ${OLD_COMMUNES}) r(o)
      union all select 2025, 100000 + c * 20, 20000 + c, date '2025-08-15' + (c % 30)::int from range(0, ${NEW_COMMUNES}) r(c)
      union all select 2026, 100000 + c * 20, 20000 + c, date '2026-02-01' + (c % 20)::int from range(0, ${NEW_COMMUNES}) r(c)
    )
    select year * 100000 + n, sha256(concat('reg', year, n)), 'dang-ky-' || n || '.xlsx', 20000, 'xlsx', 'registration', year, unit_id, 'loaded', day::timestamptz
      from issuers
    union all
    select year * 100000 + 40000 + n, sha256(concat('ex', year, n)), 'dien-hinh-' || n || '.xlsx', 10000, 'xlsx', 'exemplar', year, unit_id, 'loaded', (day + 250)::timestamptz
      from issuers
    union all
    select y * 100000 + 90000 + p, sha256(concat('rec', y, p)), 'cong-nhan-' || p || '.docx', 30000, 'docx', 'recognition', y, p, 'loaded',
           ((y::varchar || '-12-05')::date)::timestamptz
      from range(2022, 2027) t(y), range(1, ${PROVINCES + 1}) r(p)`);

  // Registrations: 15 a year per old commune (2022–2024), 8 per old commune + 21 per new commune in 2025, 45 per new commune in 2026.
  // A model's id is stable across years (slot k of the new commune's pool), so continued models link.
  await run('registrations', `
    insert into registration (source_file_id, model_id, year, unit_id, model_name, field, field_inferred, owner, owner_unit_id,
                              owner_type, status, launch_date, source)
    with rows as (
      select y as year, 1000000 + o * 20 as issuer, o as n, (o // 3) * 64 + (o % 3) * 20 + k as model_id, 1 + k % 15 as owner_off, k
        from range(2022, 2025) t(y), range(0, ${OLD_COMMUNES}) r(o), range(0, 15) s(k)
      union all select 2025, 1000000 + o * 20, o, (o // 3) * 64 + (o % 3) * 20 + k, 1 + k % 15, k from range(0, ${OLD_COMMUNES}) r(o), range(0, 8) s(k)
      union all select 2025, 100000 + c * 20, 20000 + c, c * 64 + k, 1 + k % 15, k from range(0, ${NEW_COMMUNES}) r(c), range(0, 21) s(k)
      union all select 2026, 100000 + c * 20, 20000 + c, c * 64 + k, 1 + k % 15, k from range(0, ${NEW_COMMUNES}) r(c), range(0, 45) s(k)
    ), h as (select *, hash(model_id, year) % 100 as h from rows)
    select year * 100000 + n, model_id, year, issuer, 'Mô hình ' || model_id,
           (['economy', 'culture_society', 'defense_security', 'political_system'])[1 + (hash(model_id) % 4)::int], false,
           null, issuer + owner_off, case when h % 10 < 8 then 'collective' else 'individual' end,
           case when h < 45 then 'new' when h < 90 then 'continued' when h < 98 then 'replicated' else 'dropped' end,
           case when h < 45 and h % 10 < 7 then (year::varchar || '-04-15') end,
           '{"sheet":"Sheet1"}'
      from h`);
  await run('recognitions (~40 %)', `
    insert into recognition (source_file_id, model_id, year, unit_id, model_name, owner_unit_id, field, level, decision_no, decision_date, source)
    select r.year * 100000 + 90000 + u.prov, r.model_id, r.year, u.prov, r.model_name, r.owner_unit_id, r.field,
           case when r.year < 2025 then (case when hash(r.id) % 10 < 7 then 'commune' when hash(r.id) % 10 < 9 then 'district' else 'province' end)
                else (case when hash(r.id) % 10 < 8 then 'commune' else 'province' end) end,
           r.model_id || '/QĐ', r.year::varchar || '-12-05', '{"table":1}'
      from registration r
      join (select id, case when id >= 1000000 then 1 + (((id - 1000000) // 20 // 3) * ${PROVINCES}) // ${NEW_COMMUNES}
                            else 1 + (((id - 100000) // 20) * ${PROVINCES}) // ${NEW_COMMUNES} end as prov
              from unit where kind = 'commune') u on u.id = r.unit_id
     where hash(r.model_id, r.year, 7) % 100 < 40 and r.status <> 'dropped'`);
  await run('exemplars (5 per commune and year)', `
    insert into exemplar (source_file_id, year, unit_id, name, exemplar_type, owner_unit_id, level, source)
    select f.id + 40000, f.year, f.unit_id, 'Điển hình ' || f.id || '-' || k, case when k % 2 = 0 then 'collective' else 'individual' end,
           f.unit_id + 1 + k * 3, 'commune', '{"sheet":"Sheet1"}'
      from source_file f, range(0, 5) s(k)
     where f.kind = 'registration'`);
  await run('model identities', `
    insert into model (id, name, folded_name, first_year)
    select model_id, min(model_name), lower(min(model_name)), min(year) from registration group by model_id`);
}

/** One 2026 plan per province: the five rule shapes that the data can decide, for each commune. */
export function provincePlan(province: number) {
  const communes = { type: 'children', kinds: ['commune'], label: 'xã' };
  return {
    code: `bench-province-${province}-2026`, year: 2026, title: `Kế hoạch "Dân vận khéo" năm 2026 của Tỉnh ${province}`,
    issuerUnitId: province, deadlines: [{ kind: 'registration', text: '10/02/2026', document: 'registration', submitters: communes }],
    rules: [
      { code: 'models', description: 'Mỗi xã ít nhất 40 mô hình', shape: 'model_count', params: { target: communes, min: 40 } },
      { code: 'new_or_replicated', description: 'Mỗi xã ít nhất 15 mô hình mới hoặc nhân rộng', shape: 'model_count', params: { target: communes, statuses: ['new', 'replicated'], min: 15 } },
      { code: 'party_orgs', description: '100% tổ chức đảng trực thuộc có mô hình', shape: 'child_share', params: { target: communes, childrenUnder: ['party_committee'], childKinds: ['party_cell', 'police', 'military', 'health', 'school'], childLabel: 'tổ chức đảng', minPercent: 100 } },
      { code: 'recognition', description: 'Công nhận từ 40% mô hình đăng ký', shape: 'recognition_rate', params: { target: communes, minPercent: 40 } },
      { code: 'exemplars', description: 'Ít nhất 5 điển hình', shape: 'exemplar_count', params: { target: communes, min: 5 } },
    ],
  };
}
