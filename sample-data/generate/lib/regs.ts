/** Registration truths for one commune and year, drawn with a seeded PRNG. */
import type { Field, RegistrationStatus } from '@dvk/etl';
import { FIELDS, MODELS, organisations, PEOPLE, type Reg, VILLAGES } from './bank.js';
import { pick } from './prng.js';

const pad = (n: number) => String(n).padStart(2, '0');

export function makeRegs(rand: () => number, commune: string, year: number, n: number, opts: { kind?: 'xã' | 'thị trấn'; fields?: Field[]; statuses?: RegistrationStatus[] } = {}): Reg[] {
  const orgs = organisations(commune, opts.kind);
  const used = new Set<string>();
  const out: Reg[] = [];
  const villages = VILLAGES[commune] ?? ['Đông'];
  for (let i = 0; i < n; i++) {
    const field = opts.fields ? opts.fields[i % opts.fields.length]! : FIELDS[i % 4]!;
    const names = MODELS[field];
    let name = names[Math.floor(rand() * names.length)]!;
    // Large lists repeat a model for another village, the way replicated models do.
    for (let k = 0; used.has(name) && k < names.length; k++) name = names[(names.indexOf(name) + 1) % names.length]!;
    if (used.has(name)) name = `${name} thôn ${villages[i % villages.length]}`;
    used.add(name);
    const candidates = orgs.filter((o) => o.field === field);
    const owner = pick(rand, candidates.length ? candidates : orgs).owner;
    const status: RegistrationStatus = opts.statuses ? opts.statuses[i % opts.statuses.length]! : pick(rand, ['new', 'continued', 'continued', 'replicated'] as const);
    const sm = 1 + Math.floor(rand() * 4);
    const sd = 1 + Math.floor(rand() * 27);
    const lm = sm + 1 + Math.floor(rand() * 3);
    const village = pick(rand, villages);
    out.push({
      name,
      field,
      owner,
      ownerType: 'collective',
      status,
      start: `${year}-${pad(sm)}-${pad(sd)}`,
      end: `${year}-12-${rand() < 0.5 ? '31' : '15'}`,
      launch: status === 'new' ? `${year}-${pad(lm)}-${pad(1 + Math.floor(rand() * 27))}` : null,
      location: rand() < 0.5 ? `Thôn ${village}` : `Toàn xã ${commune}`,
      person: pick(rand, PEOPLE),
      goal: pick(rand, ['100% hộ gia đình tham gia', 'Giảm 30% số vụ việc so với năm trước', 'Thu hút 200 hội viên tham gia', 'Hoàn thành trước 30/11']),
      content: pick(rand, ['Tuyên truyền, vận động Nhân dân', 'Tổ chức ra mắt, xây dựng quy chế hoạt động', 'Phân công đảng viên phụ trách hộ', 'Sơ kết, nhân rộng cách làm hay']),
      note: rand() < 0.2 ? 'Đăng ký lần đầu' : '',
    });
  }
  return out;
}
