/**
 * The gazetteer before 2025: units dissolved earlier (HCMC's Quận 2, Quận 9 and Quận Thủ Đức, merged into Thành phố
 * Thủ Đức on 2021-01-01 by Resolution 1111/NQ-UBTVQH14) with their validity, successions and resolution, so that a
 * 2019 list of HCMC's districts is the 24 units of 2019 and a 2022 list the 22 of 2022.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { searchUnits } from '../../../src/modules/unit/unit-search';
import { unitSetSql } from '../../../src/modules/unit/unit-set';
import { AdminUnit, CodeSet } from '../../../src/modules/unit/admin-unit.entity';
import { UnitSuccession } from '../../../src/modules/unit/unit-succession.entity';
import { HISTORY_CHANGES } from '../../../src/modules/unit/gazetteer-data';
import { loadSubjectContext } from '../../../ingest/gazetteer-resolver';
import { packageSubjectContext } from '../../../ingest/gazetteer-packages';
import { registerSources } from '../../../ingest/sources';
import { figuresFromText } from '../../../ingest/extract/figures';
import { startTestApi } from '../../helpers/api';

let db: TestDatabase;
let em: EntityManager;
let hcmc: AdminUnit;
beforeAll(async () => {
  db = await createTestDatabase();
  em = db.orm.em.fork();
  hcmc = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '79' });
});
afterAll(() => db.drop());

const HCMC_2019 = [
  'Quận 1', 'Quận 2', 'Quận 3', 'Quận 4', 'Quận 5', 'Quận 6', 'Quận 7', 'Quận 8', 'Quận 9', 'Quận 10', 'Quận 11', 'Quận 12',
  'Quận Bình Thạnh', 'Quận Gò Vấp', 'Quận Phú Nhuận', 'Quận Tân Bình', 'Quận Tân Phú', 'Quận Bình Tân', 'Quận Thủ Đức',
  'Huyện Bình Chánh', 'Huyện Cần Giờ', 'Huyện Củ Chi', 'Huyện Hóc Môn', 'Huyện Nhà Bè',
];
const HCMC_2022 = [...HCMC_2019.filter((n) => !['Quận 2', 'Quận 9', 'Quận Thủ Đức'].includes(n)), 'Thành phố Thủ Đức'];
const sorted = (names: string[]) => [...names].sort((a, b) => a.localeCompare(b, 'vi'));

/** `units(parentId, validOn, search)`: HCMC's units valid on a day whose name matches. */
async function childrenOn(day: string, search: string): Promise<string[]> {
  const r = await searchUnits(db.orm.em.fork(), { search, parentId: hcmc.id, validOn: day, limit: 100, offset: 0 });
  return r.items.map((u) => u.name);
}

async function unitSetNames(year: number, baselineYear: number, parentId = hcmc.id): Promise<string[]> {
  const { sql, params } = unitSetSql({ parentId }, Math.min(year, baselineYear), Math.max(year, baselineYear));
  const rows = await em.getConnection().execute<{ name: string }[]>(
    `select u.name from admin_unit u where u.id in (${sql})`, params);
  return rows.map((r) => r.name);
}

describe('HCMC before and after Thành phố Thủ Đức (Resolution 1111/NQ-UBTVQH14, 2021-01-01)', () => {
  it('lists the 24 district-level units of 2019 (19 quận + 5 huyện), without Thành phố Thủ Đức', async () => {
    const names = await unitSetNames(2019, 2018);
    expect(names).toHaveLength(24);
    expect(sorted(names)).toEqual(sorted(HCMC_2019));
  });

  it('lists the 22 units of 2022: Quận 2, Quận 9 and Quận Thủ Đức replaced by Thành phố Thủ Đức', async () => {
    const names = await unitSetNames(2022, 2021);
    expect(names).toHaveLength(22);
    expect(sorted(names)).toEqual(sorted(HCMC_2022));
  });

  it('filters `units` by validity the same way: Quận 2, 9 and Thủ Đức in 2019, Thành phố Thủ Đức in 2022', async () => {
    expect(sorted(await childrenOn('2019-06-30', 'quan'))).toEqual(sorted(HCMC_2019.filter((n) => n.startsWith('Quận'))));
    expect(await childrenOn('2019-06-30', 'thu duc')).toEqual(['Quận Thủ Đức']);
    expect(await childrenOn('2022-06-30', 'thu duc')).toEqual(['Thành phố Thủ Đức']);
  });

  it('dates the dissolved districts until 2020-12-31 and Thành phố Thủ Đức from 2021-01-01, keeping code 769 for it', async () => {
    const tpThuDuc = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '769' });
    expect(tpThuDuc).toMatchObject({ name: 'Thành phố Thủ Đức', validFrom: '2021-01-01', validTo: '2025-06-30' });
    const old = await em.find(AdminUnit, { codeSet: CodeSet.GSO_HISTORY, code: { $in: ['762', '763', '769'] } }, { orderBy: { code: 'asc' } });
    expect(old.map((u) => [u.code, u.name, u.validTo, u.parent?.id])).toEqual([
      ['762', 'Quận Thủ Đức', '2020-12-31', hcmc.id], ['763', 'Quận 9', '2020-12-31', hcmc.id], ['769', 'Quận 2', '2020-12-31', hcmc.id],
    ]);
  });

  it('links Quận 2, Quận 9 and Quận Thủ Đức to Thành phố Thủ Đức from 2021-01-01, with the resolution', async () => {
    const tpThuDuc = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '769' });
    const links = await em.find(UnitSuccession, { successor: tpThuDuc }, { populate: ['predecessor'] });
    expect(sorted(links.map((l) => l.predecessor.getEntity().name))).toEqual(sorted(['Quận 2', 'Quận 9', 'Quận Thủ Đức']));
    for (const l of links) {
      expect(l.predecessor.getEntity().codeSet).toBe(CodeSet.GSO_HISTORY);
      expect(l).toMatchObject({ effectiveOn: '2021-01-01', basis: 'Nghị quyết 1111/NQ-UBTVQH14' });
    }
  });

  it('merges Phường Bình An, Bình Khánh and the old An Khánh into the An Khánh of 2021 (GSO 27094)', async () => {
    const anKhanh = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '27094' });
    expect(anKhanh).toMatchObject({ name: 'Phường An Khánh', validFrom: '2021-01-01' });
    const links = await em.find(UnitSuccession, { successor: anKhanh }, { populate: ['predecessor'] });
    expect(sorted(links.map((l) => `${l.predecessor.getEntity().code} ${l.predecessor.getEntity().name}`)))
      .toEqual(['27094 Phường Bình An', '27103 Phường Bình Khánh', '27106 Phường An Khánh']);
    const binhAn = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO_HISTORY, code: '27094' }, { populate: ['parent'] });
    expect(binhAn.parent?.getEntity()).toMatchObject({ codeSet: CodeSet.GSO_HISTORY, name: 'Quận 2' });
  });

  it('lists the 14 wards of Quận 3 in 2019 and the 12 of 2022 (Phường 06, 07 and 08 became Phường Võ Thị Sáu)', async () => {
    const quan3 = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '770' });
    const in2019 = await unitSetNames(2019, 2019, quan3.id);
    expect(in2019).toHaveLength(14);
    expect(in2019).toEqual(expect.arrayContaining(['Phường 06', 'Phường 07', 'Phường 08']));
    expect(in2019).not.toContain('Phường Võ Thị Sáu');
    const in2022 = await unitSetNames(2022, 2022, quan3.id);
    expect(in2022).toHaveLength(12);
    expect(in2022).toContain('Phường Võ Thị Sáu');
    const voThiSau = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '27139' });
    const links = await em.find(UnitSuccession, { successor: voThiSau }, { populate: ['predecessor'] });
    expect(sorted(links.map((l) => l.predecessor.getEntity().name))).toEqual(['Phường 06', 'Phường 07', 'Phường 08']);
    // Quận 4 lost Phường 05 and 12 to neighbouring wards on the same day (the absorbing ward is not recorded).
    const quan4 = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '773' });
    expect(await unitSetNames(2019, 2019, quan4.id)).toHaveLength(15);
    expect(await unitSetNames(2022, 2022, quan4.id)).toHaveLength(13);
  });

  it('finds the historical Quận 2 for "quan 2", with its validity, and keeps it out of a 2022 search', async () => {
    const [first] = (await searchUnits(db.orm.em.fork(), { search: 'quan 2', limit: 5, offset: 0 })).items;
    expect(first).toMatchObject({ name: 'Quận 2', codeSet: CodeSet.GSO_HISTORY, code: '769', validTo: '2020-12-31' });
    const in2022 = await searchUnits(db.orm.em.fork(), { search: 'quan 2', validOn: '2022-01-01', limit: 20, offset: 0 });
    expect(in2022.items.map((u) => u.name)).not.toContain('Quận 2');
    const thuDuc2019 = await searchUnits(db.orm.em.fork(), { search: 'thu duc', validOn: '2019-01-01', limit: 20, offset: 0 });
    expect(thuDuc2019.items.map((u) => u.name)).toContain('Quận Thủ Đức');
    expect(thuDuc2019.items.map((u) => u.name)).not.toContain('Thành phố Thủ Đức');
  });

  it('puts the wards that moved under their district of the time: Quận 9 until 2020, Thành phố Thủ Đức from 2021', async () => {
    const moved = Object.entries(HISTORY_CHANGES[0].movedWards!).filter(([k]) => k !== 'note').flatMap(([, v]) => v as string[]);
    expect(moved).toHaveLength(33);
    const wards = await em.find(AdminUnit, { codeSet: CodeSet.GSO, code: { $in: moved } }, { populate: ['parent'] });
    expect(wards).toHaveLength(33);
    for (const w of wards) expect(w.parent?.getEntity()).toMatchObject({ codeSet: CodeSet.GSO, code: '769' });

    const quan9 = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO_HISTORY, code: '763' });
    const tpThuDuc = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '769' });
    const quan2 = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO_HISTORY, code: '769' });
    // compare / timeSeries sets
    const q9in2019 = await unitSetNames(2019, 2019, quan9.id);
    expect(q9in2019).toHaveLength(13);
    expect(q9in2019).toContain('Phường Long Bình');
    expect(await unitSetNames(2022, 2022, quan9.id)).toEqual([]);
    expect(await unitSetNames(2019, 2019, tpThuDuc.id)).toEqual([]);
    expect(await unitSetNames(2022, 2022, tpThuDuc.id)).toHaveLength(34);
    // Quận 2 in 2019: its 8 wards that moved, and Bình An, Bình Khánh and An Khánh that were merged in 2021.
    const q2in2019 = await unitSetNames(2019, 2019, quan2.id);
    expect(q2in2019).toHaveLength(11);
    expect(q2in2019).toEqual(expect.arrayContaining(['Phường Thảo Điền', 'Phường Bình An', 'Phường Bình Khánh', 'Phường An Khánh']));
    // `units(parentId, validOn)`
    const search = async (parentId: number, validOn: string | null) =>
      (await searchUnits(db.orm.em.fork(), { search: 'phuong', parentId, validOn, limit: 100, offset: 0 })).items.map((u) => u.name);
    expect(await search(quan9.id, '2019-06-30')).toHaveLength(13);
    expect(await search(quan9.id, '2021-06-30')).toEqual([]);
    expect(await search(tpThuDuc.id, '2020-12-31')).toEqual([]);
    expect(await search(tpThuDuc.id, '2021-01-01')).toHaveLength(34);
    expect(await search(quan9.id, null)).toHaveLength(13);
  });
});

describe('GraphQL: a dissolved district, its wards and its successor', () => {
  it('answers unit(code, codeSet: GSO_HISTORY) with validity, children of the time and the successor', async () => {
    const api = await startTestApi(db.orm);
    try {
      const { body } = await api.gql(`{ unit(code: "763", codeSet: GSO_HISTORY) { name codeSet validFrom validTo
        children { name } successors { name code codeSet validFrom } } }`);
      expect(body.errors).toBeUndefined();
      expect(body.data.unit).toMatchObject({ name: 'Quận 9', codeSet: 'GSO_HISTORY', validFrom: null, validTo: '2020-12-31',
        successors: [{ name: 'Thành phố Thủ Đức', code: '769', codeSet: 'GSO', validFrom: '2021-01-01' }] });
      expect(body.data.unit.children).toHaveLength(13);
      const same = await api.gql(`{ unit(code: "769") { name predecessors { name } } }`);
      expect(same.body.data.unit.name).toBe('Thành phố Thủ Đức'); // code 769 keeps its meaning in the GSO list
      expect(same.body.data.unit.predecessors.map((u: any) => u.name)).toEqual(['Quận 2', 'Quận 9', 'Quận Thủ Đức']);
    } finally {
      await api.close();
    }
  });
});

describe('the ingestion resolver reads a mention as of the article date', () => {
  it('resolves "Quận 9" in a 2019 article to the old Quận 9 and "TP Thủ Đức" in 2022 to Thành phố Thủ Đức', async () => {
    const { resolver } = await loadSubjectContext(db.orm.em.fork(), hcmc.id);
    const quan9 = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO_HISTORY, code: '763' });
    expect(resolver.resolve('Quận 9', null, new Date('2019-05-20T09:00:00+07:00'))).toMatchObject({ id: String(quan9.id), name: 'Quận 9' });
    const tp = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '769' });
    expect(resolver.resolve('TP Thủ Đức', null, new Date('2022-05-20T09:00:00+07:00'))).toMatchObject({ id: String(tp.id) });
  });

  it('picks the ward of the article\'s year when two units share a name (An Khánh before and after 2021)', async () => {
    const { resolver } = await loadSubjectContext(db.orm.em.fork(), hcmc.id);
    const oldAnKhanh = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO_HISTORY, code: '27106' });
    const newAnKhanh = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '27094' });
    expect(resolver.resolve('phường An Khánh', null, new Date('2020-12-31T20:00:00+07:00'))?.id).toBe(String(oldAnKhanh.id));
    expect(resolver.resolve('phường An Khánh', null, new Date('2021-01-01T08:00:00+07:00'))?.id).toBe(String(newAnKhanh.id));
  });

  it('passes a centrally-run city to the engine as a province, so its departments keep their own figures (stop 29)', async () => {
    const ctx = await loadSubjectContext(db.orm.em.fork(), hcmc.id);
    expect(ctx.publisher).toMatchObject({ id: String(hcmc.id), level: 'tinh' });
    const { figures } = figuresFromText('Năm 2024, Sở Tư pháp tiếp nhận 1.200 hồ sơ, giải quyết đúng hạn đạt 99,5%.', {
      publishedAt: new Date('2025-01-10T09:00:00+07:00'), publisher: ctx.publisher, resolver: ctx.resolver,
    });
    expect(figures.find((f) => f.metric === 'dossiers_received')?.subject.name).toMatch(/^Sở Tư pháp/);
  });

  it('gives a figure of a 2019 article about Quận 9 the old Quận 9 as its subject', async () => {
    const ctx = await loadSubjectContext(db.orm.em.fork(), hcmc.id);
    const quan9 = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO_HISTORY, code: '763' });
    const { figures } = figuresFromText('Năm 2019, UBND Quận 9 đạt 98,6% hồ sơ giải quyết đúng hạn.', {
      publishedAt: new Date('2020-01-10T09:00:00+07:00'), publisher: ctx.publisher, resolver: ctx.resolver,
    });
    expect(figures.length).toBeGreaterThan(0);
    expect(figures[0].subject).toMatchObject({ unitId: String(quan9.id), name: 'Quận 9', scope: 'unit' });
  });
});

describe('the publisher a source is registered with (stop 30)', () => {
  it('passes a ministry registered as a department to the engine as a ministry, not a provincial department', async () => {
    const [id] = await registerSources(db.orm.em.fork(), [{
      id: 'test-bo-xay-dung', name: 'Bộ Xây dựng', family: 'generic', baseUrl: 'https://moc.gov.vn/',
      listingUrls: ['https://moc.gov.vn/tin-cchc'], schedule: '0 3 * * *',
      publisher: { department: 'Bộ Xây dựng', province: { codeSet: 'gso', code: '01' } },
    }]);
    const [source] = await em.execute<{ publisher_id: number }[]>('select publisher_id from source where id = ?', [id]);
    const ctx = await loadSubjectContext(db.orm.em.fork(), source.publisher_id);
    expect(ctx.publisher).toMatchObject({ name: 'Bộ Xây dựng', level: 'bo' });
  });

  it('the gazetteer packages give the scorer the context the database gives ingestion (Hồ Chí Minh, 2019 and 2022)', async () => {
    const db2019 = await loadSubjectContext(db.orm.em.fork(), hcmc.id);
    const on2019 = new Date('2019-05-20T09:00:00+07:00');
    const pkg = packageSubjectContext({ name: 'Thành phố Hồ Chí Minh', level: 'tinh', province: 'Thành phố Hồ Chí Minh', on: on2019 });
    expect(pkg).not.toBeNull();
    expect(pkg!.publisher).toMatchObject({ name: db2019.publisher.name, level: db2019.publisher.level });
    expect(pkg!.data.units).toHaveLength(db2019.data.units.length);
    const on2022 = new Date('2022-05-20T09:00:00+07:00');
    expect(pkg!.resolver.resolve('Quận 9', pkg!.publisher, on2019)).toMatchObject({ name: 'Quận 9', level: 'quan' });
    for (const mention of ['Quận 9', 'TP Thủ Đức', 'phường An Khánh', 'UBND Phường 4', 'huyện Cần Giờ', 'xã Bình Hưng', 'Q.11']) {
      for (const on of [on2019, on2022]) {
        const a = db2019.resolver.resolve(mention, db2019.publisher, on);
        const b = pkg!.resolver.resolve(mention, pkg!.publisher, on);
        expect([mention, b?.name, b?.level]).toEqual([mention, a?.name, a?.level]);
      }
    }
    // A source registered after the reform: the new city, with the same reach.
    const on2025 = new Date('2025-09-20T09:00:00+07:00');
    const newHcmc = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.NQ202_2025, code: '79' });
    const dbNew = await loadSubjectContext(db.orm.em.fork(), newHcmc.id);
    const pkgNew = packageSubjectContext({ name: 'Thành phố Hồ Chí Minh', level: 'tinh', province: 'Thành phố Hồ Chí Minh', on: on2025 });
    expect(pkgNew!.data.units).toHaveLength(dbNew.data.units.length);
    for (const mention of ['Quận 9', 'phường Sài Gòn', 'phường An Khánh', 'Tỉnh Quảng Ninh', 'Tỉnh Bình Dương', 'Thị xã Bến Cát']) {
      for (const on of [on2019, on2025]) {
        const a = dbNew.resolver.resolve(mention, dbNew.publisher, on);
        const b = pkgNew!.resolver.resolve(mention, pkgNew!.publisher, on);
        expect([mention, on, b?.name, b?.level]).toEqual([mention, on, a?.name, a?.level]);
      }
    }
  });
});

describe('the resolver reaches across the 2025 reform and to other provinces (stop 30)', () => {
  const on2019 = new Date('2019-05-20T09:00:00+07:00');
  const on2025 = new Date('2025-09-20T09:00:00+07:00');

  it('a source registered with the new Thành phố Hồ Chí Minh resolves a 2019 article\'s districts, and a 2025 one\'s wards', async () => {
    const newHcmc = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.NQ202_2025, code: '79' });
    const { resolver, publisher } = await loadSubjectContext(db.orm.em.fork(), newHcmc.id);
    const quan9 = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO_HISTORY, code: '763' });
    expect(resolver.resolve('Quận 9', publisher, on2019)?.id).toBe(String(quan9.id));
    expect(resolver.resolve('huyện Cần Giờ', publisher, on2019)).toMatchObject({ name: 'Huyện Cần Giờ', level: 'huyen' });
    expect(resolver.resolve('phường Sài Gòn', publisher, on2025)).toMatchObject({ name: 'Phường Sài Gòn', level: 'phuong' });
  });

  it('a source registered with the old city resolves a 2025 article\'s new wards', async () => {
    const { resolver, publisher } = await loadSubjectContext(db.orm.em.fork(), hcmc.id);
    expect(resolver.resolve('phường Sài Gòn', publisher, on2025)).toMatchObject({ name: 'Phường Sài Gòn', level: 'phuong' });
  });

  it('of two units of one name, takes the one in force on the article\'s day, whichever system the source is registered in', async () => {
    const newHcmc = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.NQ202_2025, code: '79' });
    const [twin] = await em.execute<{ name: string }[]>(`
      select o.name from admin_unit o join admin_unit n on n.search_key = o.search_key
      join admin_unit d on d.id = o.parent_id join admin_unit p on p.id = d.parent_id
      where o.code_set = 'gso' and p.code_set = 'gso' and p.code = '79' and n.code_set = 'nq202_2025' and n.parent_id = ?
      order by o.name limit 1`, [newHcmc.id]);
    expect(twin).toBeDefined();
    for (const id of [hcmc.id, newHcmc.id]) {
      const { resolver, publisher } = await loadSubjectContext(db.orm.em.fork(), id);
      const before = await em.findOneOrFail(AdminUnit, { id: Number(resolver.resolve(twin.name, publisher, on2019)?.id) });
      const after = await em.findOneOrFail(AdminUnit, { id: Number(resolver.resolve(twin.name, publisher, on2025)?.id) });
      expect([before.codeSet, after.codeSet]).toEqual([CodeSet.GSO, CodeSet.NQ202_2025]);
    }
  });

  it('resolves another province a ranking names ("tỉnh Quảng Ninh" on a Hà Nội paper), not only the publisher\'s units', async () => {
    const hanoi = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '01' });
    const { resolver, publisher } = await loadSubjectContext(db.orm.em.fork(), hanoi.id);
    expect(resolver.resolve('Tỉnh Quảng Ninh', publisher, on2019)).toMatchObject({ name: 'Tỉnh Quảng Ninh', level: 'tinh' });
    // Districts and communes of other provinces stay out: their names repeat across the country.
    expect(resolver.resolve('huyện Cần Giờ', publisher, on2019)).toBeNull();
  });
});
