/**
 * The SQL of unit sets on the real gazetteer: what PostgreSQL expects a parent's set to hold (a time series of
 * HCMC's districts planned for ~5,000 units scanned every figure of its metric: 62 ms instead of 5 at 2.8 M figures),
 * the commune tier of the 2025 system, and the per-level counts the cost analysis assumes.
 */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { TIER_LEVELS, UNITS_OF_LEVEL, UnitTier, unitSetSql, type UnitSet } from '../../../src/modules/unit/unit-set';
import { UnitLevel } from '../../../src/modules/unit/admin-unit.entity';

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
  // Statistics as a running service has them (autovacuum analyses the seeded gazetteer).
  await db.orm.em.fork().execute('analyze admin_unit; analyze unit_parent_period');
});
afterAll(async () => {
  await db?.drop();
});

const execute = <T extends object>(sql: string, params: unknown[] = []) => db.orm.em.fork().getConnection().execute<T[]>(sql, params);
const idOf = async (codeSet: string, code: string) => (await execute<{ id: number }>(
  'select id from admin_unit where code_set = ? and code = ?', [codeSet, code]))[0].id;

/** Rows the planner expects the set's statement to return, and the rows it returns. */
async function estimateAndCount(set: UnitSet, yearFrom: number, yearTo: number, window?: { from: string; to: string }) {
  const { sql, params } = unitSetSql(set, yearFrom, yearTo, window);
  const [plan] = await execute<{ 'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }> }>(`explain (format json) ${sql}`, params);
  const rows = await execute<{ id: number }>(sql, params);
  return { estimate: plan['QUERY PLAN'][0].Plan['Plan Rows'], count: rows.length };
}

describe('a parent\'s set', () => {
  it('is estimated near its size (HCMC\'s 25 district-level units of 2018-2025, Quận 9\'s wards in 2019)', async () => {
    const hcmc = await estimateAndCount({ parentId: await idOf('gso', '79') }, 2018, 2025);
    expect(hcmc.count).toBe(25);
    expect(hcmc.estimate).toBeLessThan(250);
    const quan9 = await estimateAndCount({ parentId: await idOf('gso_history', '763') }, 2019, 2019);
    expect(quan9.count).toBe(13);
    expect(quan9.estimate).toBeLessThan(250);
  });
});

describe('the commune tier', () => {
  it('holds the 3,321 wards, communes and special zones of the 2025 system for October 2025', async () => {
    const tier = await estimateAndCount({ levels: TIER_LEVELS[UnitTier.COMMUNE] }, 2024, 2025, { from: '2025-10-01', to: '2025-10-31' });
    expect(tier.count).toBe(3321);
    const [byLevel] = await execute<{ n: string }>(
      `select count(*) as n from admin_unit where code_set = 'nq202_2025' and level in ('ward', 'commune', 'special_zone')`);
    expect(Number(byLevel.n)).toBe(3321);
  });
});

describe('the per-level counts of the cost analysis', () => {
  it('are at least the units of each official level in the gazetteer', async () => {
    const rows = await execute<{ level: UnitLevel; n: string }>('select level, count(*) as n from admin_unit group by level');
    const official = rows.filter((r) => r.level !== UnitLevel.DEPARTMENT && r.level !== UnitLevel.OTHER);
    expect(official.length).toBeGreaterThan(5);
    for (const r of official) expect({ level: r.level, n: Number(r.n) <= UNITS_OF_LEVEL[r.level] }).toEqual({ level: r.level, n: true });
  });
});
