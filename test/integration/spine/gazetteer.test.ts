import type { EntityManager } from '@mikro-orm/postgresql';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { seedReferenceData } from '../../../src/db/seed';
import { searchUnits } from '../../../src/modules/unit/unit-search';
import { AdminUnit, CodeSet, UnitLevel } from '../../../src/modules/unit/admin-unit.entity';
import { UnitSuccession } from '../../../src/modules/unit/unit-succession.entity';

let db: TestDatabase;
let em: EntityManager;
beforeAll(async () => {
  db = await createTestDatabase();
  em = db.orm.em.fork();
});
afterAll(() => db.drop());

async function countBy(codeSet: CodeSet, levels: UnitLevel[]): Promise<number> {
  return em.count(AdminUnit, { codeSet, level: { $in: levels } });
}

describe('gazetteer seed', () => {
  it('loads both administrative systems with official counts', async () => {
    expect(await countBy(CodeSet.GSO, [UnitLevel.PROVINCE, UnitLevel.CENTRAL_CITY])).toBe(63);
    expect(await countBy(CodeSet.GSO, [UnitLevel.DISTRICT, UnitLevel.TOWN, UnitLevel.PROVINCIAL_CITY])).toBe(705);
    expect(await countBy(CodeSet.GSO, [UnitLevel.WARD, UnitLevel.COMMUNE, UnitLevel.TOWNSHIP])).toBe(10599);
    expect(await countBy(CodeSet.NQ202_2025, [UnitLevel.PROVINCE, UnitLevel.CENTRAL_CITY])).toBe(34);
    expect(await countBy(CodeSet.NQ202_2025, [UnitLevel.WARD, UnitLevel.COMMUNE, UnitLevel.SPECIAL_ZONE])).toBe(3321);
  });

  it('dates the old system until 2025-06-30 and the new one from 2025-07-01', async () => {
    const binhThanh = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '765' });
    expect(binhThanh).toMatchObject({ name: 'Quận Bình Thạnh', level: UnitLevel.DISTRICT, validTo: '2025-06-30' });
    const newHcmc = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.NQ202_2025, code: '79' });
    expect(newHcmc.validFrom).toBe('2025-07-01');
    expect(newHcmc.validTo).toBeNull();
  });

  it('resolves an old ward to its 2025 successor', async () => {
    // Phường Sông Cầu (Bắc Kạn city, GSO 01837) merged into Phường Bắc Kạn, Thái Nguyên province.
    const songCau = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '01837' });
    const links = await em.find(UnitSuccession, { predecessor: songCau }, { populate: ['successor', 'successor.parent'] });
    expect(links.map((l) => l.successor.getEntity().name)).toEqual(['Phường Bắc Kạn']);
    expect(links[0].successor.getEntity().parent?.getEntity().shortName).toBe('Thái Nguyên');
    expect(links[0].effectiveOn).toBe('2025-07-01');
  });

  it('derives province successions from the commune crosswalk', async () => {
    const binhDuong = await em.findOneOrFail(AdminUnit, { codeSet: CodeSet.GSO, code: '74' });
    const links = await em.find(UnitSuccession, { predecessor: binhDuong }, { populate: ['successor'] });
    expect(links.map((l) => l.successor.getEntity().code)).toEqual(['79']);
  });

  it('is idempotent: seeding again changes no counts', async () => {
    const before = [await em.count(AdminUnit), await em.count(UnitSuccession)];
    const skipped = await seedReferenceData(db.orm.em.fork());
    expect(skipped.skipped).toBe(true);
    const forced = await seedReferenceData(db.orm.em.fork(), { force: true });
    expect(forced.skipped).toBe(false);
    expect([forced.units, forced.successions]).toEqual(before);
  });
});

describe('unit search', () => {
  const names = async (search: string, first = 5) =>
    (await searchUnits(db.orm.em.fork(), { search, limit: first, offset: 0 })).items.map((u) => u.name);

  it.each(['binh thanh', 'Bình Thạnh', 'BÌNH THẠNH', 'UBND quận Bình Thạnh', 'Bi\u0300nh Tha\u0323nh'])(
    'finds Quận Bình Thạnh first for %s', async (q) => {
      expect((await names(q))[0]).toBe('Quận Bình Thạnh');
    });

  it('ranks Quận 1 above Quận 11 and never matches "1" inside "11"', async () => {
    const found = await names('quan 1', 20);
    expect(found[0]).toBe('Quận 1');
    expect(found).not.toContain('Quận 11');
    expect((await names('Q.11'))[0]).toBe('Quận 11');
  });

  it('filters by level and validity date', async () => {
    const r = await searchUnits(db.orm.em.fork(), {
      search: 'ho chi minh', levels: [UnitLevel.CENTRAL_CITY], validOn: '2026-01-01', limit: 5, offset: 0,
    });
    expect(r.items.map((u) => [u.name, u.codeSet])).toEqual([['Thành phố Hồ Chí Minh', CodeSet.NQ202_2025]]);
  });

  it('treats regex characters in the query as text', async () => {
    await expect(names('.*(')).resolves.toEqual([]);
  });
});
