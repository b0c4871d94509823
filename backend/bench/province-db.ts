import { sql, type Kysely } from 'kysely';
import type { DB } from '../src/db/schema.js';

/**
 * A province-sized subtree in DuckDB, generated with SQL in a second or two:
 * one province, 100 communes of 16 units each (commune, party committee,
 * People's Committee, Front, 4 mass organisations, police, military, health,
 * school, 4 party cells); four years 2023–2026 of ~2,100 registered models
 * a year (the Bà Rịa – Vũng Tàu figure in DOMAIN.md), ~58 % of them
 * recognised, 7 exemplars per commune and year; one loaded file per commune,
 * kind and year.
 */
export const PROVINCE_ID = 1;
export const COMMUNES = 100;
export const YEARS = [2023, 2024, 2025, 2026] as const;

const communeId = (c: string) => `(1000 + ${c} * 20)`;

export async function seedProvinceDb(db: Kysely<DB>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run(`
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
      (12, 'Chi bộ thôn Đông xã', 'party_cell', 'grassroots', 1),
      (13, 'Chi bộ thôn Tây xã', 'party_cell', 'grassroots', 1),
      (14, 'Chi bộ thôn Nam xã', 'party_cell', 'grassroots', 1),
      (15, 'Chi bộ thôn Bắc xã', 'party_cell', 'grassroots', 1)
    ) t(off, prefix, kind, level, parent_off)`);
  await run(`
    create temp table commune_name as
    select c, (['Đông', 'Tân', 'Kim', 'Hòa', 'Phú', 'Thanh', 'An', 'Bình', 'Mỹ', 'Long'])[1 + c % 10] || ' '
           || (['La', 'Lai', 'Sơn', 'Hưng', 'Lộc', 'Thịnh', 'Phong', 'Hải', 'Thuận', 'Khánh'])[1 + c // 10] as name
      from range(0, ${COMMUNES}) r(c)`);
  await run(`
    insert into unit (id, name, kind, level, parent_id, valid_from, valid_to)
    select ${PROVINCE_ID}, 'Tỉnh Hải Đông', 'province', 'province', null, null, null
    union all
    select ${communeId('n.c')} + s.off, s.prefix || ' ' || n.name, s.kind, s.level,
           case when s.parent_off is null then ${PROVINCE_ID} else ${communeId('n.c')} + s.parent_off end, null, null
      from commune_name n cross join org_slot s`);

  // Files: registration (+0), recognition (+200), exemplar (+400) per commune and year, sent by the party committee.
  await run(`
    insert into source_file (id, sha256, file_name, size_bytes, format, kind, year, unit_id, encoding, status, uploaded_at)
    select y * 1000 + k.off + c, sha256('bench-' || y || '-' || k.off || '-' || c), k.kind || '-' || c || '-' || y || '.xlsx', 20000,
           'xlsx', k.kind, y, ${communeId('c')} + 1, 'unicode', 'loaded', make_timestamp(y, k.month, 5, 2, 0, 0)
      from range(0, ${COMMUNES}) a(c)
      cross join (values (${YEARS.join('), (')})) yy(y)
      cross join (values (0, 'registration', 2), (200, 'recognition', 11), (400, 'exemplar', 11)) k(off, kind, month)`);

  // Models: 15–26 per commune, continued across the years.
  await run(`
    create temp table bench_model as
    select c, m, c * 100 + m + 1 as id, 'Dân vận khéo trong ' ||
           (['giải phóng mặt bằng', 'xây dựng nông thôn mới', 'phát triển sản phẩm OCOP', 'bảo hiểm y tế toàn dân', 'phân loại rác tại nguồn',
             'văn hóa đọc', 'chuyển đổi số', 'an ninh trật tự', 'hòa giải ở cơ sở', 'chính quyền thân thiện', 'cải cách hành chính',
             'dân chủ ở cơ sở'])[1 + (m + c) % 12] || ' số ' || (m + 1) || ' xã ' || n.name as name
      from commune_name n cross join range(0, 26) r(m)
     where m < 15 + (n.c * 7) % 12`);
  await run(`
    insert into model (id, name, folded_name, owner_unit_id, field, first_year)
    select id, name, lower(strip_accents(name)), ${communeId('c')} + 2 + m % 14,
           (['economy', 'culture_society', 'defense_security', 'political_system'])[1 + m % 4], ${YEARS[0]}
      from bench_model`);
  await run(`
    insert into registration (source_file_id, year, unit_id, model_id, model_name, field, owner, owner_unit_id, owner_type, status,
                              start_date, launch_date, extra, source)
    select y * 1000 + c, y, ${communeId('c')} + 1, id, name,
           case when m % 29 = 28 then null else (['economy', 'culture_society', 'defense_security', 'political_system'])[1 + m % 4] end,
           null, ${communeId('c')} + 2 + m % 14, case when m % 3 = 2 then 'individual' else 'collective' end,
           case when y = ${YEARS[0]} or (m + y) % 5 = 0 then 'new' when (m + y) % 7 = 3 then 'replicated' else 'continued' end,
           y || '-01', case when (m + y) % 5 = 0 then y || '-03-15' end, '{}', '{"sheet":"Sheet1","row":' || (m + 8) || '}'
      from bench_model cross join (values (${YEARS.join('), (')})) yy(y)`);
  await run(`
    insert into recognition (source_file_id, year, unit_id, model_id, model_name, owner, owner_unit_id, field, level, decision_no, decision_date, extra, source)
    select y * 1000 + 200 + c, y, ${communeId('c')} + 1, id, name, null, ${communeId('c')} + 2 + m % 14,
           (['economy', 'culture_society', 'defense_security', 'political_system'])[1 + m % 4],
           (['commune', 'commune', 'commune', 'district', 'province'])[1 + m % 5],
           (100 + m) || '-QĐ/' || case when m % 5 = 4 then 'TU' else 'ĐU' end, y || '-11-' || lpad(cast(1 + m % 28 as varchar), 2, '0'),
           '{}', '{"sheet":"Sheet1","row":' || (m + 8) || '}'
      from bench_model cross join (values (${YEARS.join('), (')})) yy(y)
     where (m * 13 + y) % 10 < 6`);
  await run(`
    insert into exemplar (source_file_id, year, unit_id, model_id, name, exemplar_type, position, unit_text, owner_unit_id, model_name, award, level, extra, source)
    select y * 1000 + 400 + c, y, ${communeId('c')} + 1, null,
           case when e % 2 = 0 then 'Chi hội Nông dân thôn ' || (e + 1) || ' xã ' || n.name
                else (['Nguyễn Văn', 'Trần Thị', 'Lê Đức', 'Phạm Minh'])[1 + e % 4] || ' ' || (['Huệ', 'Lập', 'Nguyệt', 'Long', 'Nhân', 'Hoa', 'Bình'])[1 + (c + e) % 7] end,
           case when e % 2 = 0 then 'collective' else 'individual' end, case when e % 2 = 1 then 'Chi hội trưởng' end,
           'Hội Nông dân xã ' || n.name, ${communeId('c')} + 4, null, (['Giấy khen', 'Bằng khen'])[1 + e % 2], 'commune',
           '{}', '{"sheet":"Sheet1","row":' || (e + 8) || '}'
      from commune_name n cross join range(0, 7) r(e) cross join (values (${YEARS.join('), (')})) yy(y)`);
}

/** The province's plan for the last year: the seeds' quota shapes. */
export function provincePlanBody(): Record<string, unknown> {
  const children = { type: 'children', kinds: ['commune'] };
  return {
    code: 'bench-province-2026', year: 2026, title: 'Kế hoạch thực hiện phong trào thi đua “Dân vận khéo” năm 2026', issuerUnitId: PROVINCE_ID,
    deadlines: [
      { kind: 'registration', label: 'Đăng ký mô hình', text: '25/02/2026', document: 'registration', submitters: children },
      { kind: 'year_report', label: 'Báo cáo năm', text: '31/11/2026', document: 'recognition', submitters: children },
    ],
    rules: [
      { code: 'commune_models', description: 'Mỗi xã có ít nhất 05 mô hình ở cấp cơ sở trở lên', shape: 'model_count', params: { target: children, min: 5 } },
      { code: 'recognition_rate', description: 'Công nhận từ 50% số mô hình đăng ký trong năm', shape: 'recognition_rate', params: { target: children, minPercent: 50 } },
      { code: 'exemplars', description: 'Ít nhất 07 tập thể, cá nhân được công nhận điển hình', shape: 'exemplar_count', params: { target: children, min: 7 } },
    ],
  };
}
