/**
 * The stored choices (`figure_pick`) answer `compare` exactly as the selection rule does: random figures with many
 * candidates per unit and period (every review status, corrections, bounds, part years, months, quarters, halves,
 * changes, every subject scope, publication dates), compared through the real SQL before any refresh (every key
 * marked), after a refresh, after edits of every kind, and while writers and refreshers race on the same keys.
 */
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { comparisonSql, type ComparisonSpec, type ComparisonSqlRow } from '../../../src/modules/figure/analytics.repository';
import { FigureKind } from '../../../src/modules/figure/figure.entity';
import { refreshFigurePicks, pendingPickMarks, type RunSql } from '../../../src/modules/figure/figure-pick';
import { mulberry32 } from '../../../src/random';

const rng = mulberry32;

const METRICS = ['on_time_rate', 'dvc_index_total'];
const YEARS = [2023, 2024];
/** Periods a figure may cover: the year, part years, halves, quarters, months, spans that are none of those. */
const SPANS: Array<[number | null, number | null]> = [[null, null], [1, 12], [1, 9], [1, 6], [7, 12], [1, 3], [4, 6], [10, 12],
  [2, 2], [5, 5], [12, 12], [2, 4], [3, 8], [6, null]];
/** Mostly the unit itself; its whole area is its own figure too, its wards and departments are not. */
const SCOPES = ['unit', 'unit', 'unit', 'unit', 'unit', 'unit', 'province_wide', 'province_wide', 'subunits', 'departments'];
const STATUSES = ['auto', 'auto', 'needs_review', 'confirmed', 'corrected', 'rejected'];
const FAR_FUTURE = new Date('2100-01-01T00:00:00Z');

let db: TestDatabase;
let units: number[];
let documents: number[];
let run: RunSql;

async function insertFigures(client: { query: (sql: string, params: unknown[]) => Promise<unknown> }, random: () => number, n: number): Promise<void> {
  const rows = Array.from({ length: n }, () => {
    const [from, to] = SPANS[Math.floor(random() * SPANS.length)];
    const status = STATUSES[Math.floor(random() * STATUSES.length)];
    return {
      document_id: documents[Math.floor(random() * documents.length)],
      metric_code: METRICS[Math.floor(random() * METRICS.length)],
      subject_id: units[Math.floor(random() * units.length)],
      scope: SCOPES[Math.floor(random() * SCOPES.length)],
      value: Math.round(random() * 10000) / 100,
      kind: random() < 0.8 ? 'actual' : 'target',
      comparator: random() < 0.8 ? 'eq' : 'gte',
      approximate: random() < 0.15,
      is_change: random() < 0.1,
      year: YEARS[Math.floor(random() * YEARS.length)],
      from, to, status,
      corrected: status === 'corrected' && random() < 0.8 ? Math.round(random() * 10000) / 100 : null,
      fingerprint: Math.floor(random() * 2 ** 48).toString(16),
    };
  });
  await client.query(`insert into figure (document_id, metric_code, subject_id, subject_scope, subject_label, value, unit, kind,
      comparator, approximate, is_change, period_year, period_from_month, period_to_month, period_label, evidence_sentence,
      evidence_start, evidence_end, confidence, extractor_version, review_status, corrected_value, fingerprint)
    select x.document_id, x.metric_code, x.subject_id, x.scope::subject_scope, 'đơn vị', x.value, 'percent', x.kind::figure_kind,
      x.comparator::comparator, x.approximate, x.is_change, x.year, x."from", x."to", 'kỳ ' || x.year, 'câu', 0, 3, 0.9, 'test',
      x.status::review_status, x.corrected, x.fingerprint
    from jsonb_to_recordset($1::jsonb) as x(document_id int, metric_code text, subject_id int, scope text, value numeric, kind text,
      comparator text, approximate boolean, is_change boolean, year int, "from" int, "to" int, status text, corrected numeric,
      fingerprint text)
    on conflict do nothing`, [JSON.stringify(rows)]);
}

/** Every ranking the stored choices can answer, each asked through the stored path and through the rule itself. */
function specs(): ComparisonSpec[] {
  const out: ComparisonSpec[] = [];
  for (const metric of METRICS) {
    for (const kind of [FigureKind.ACTUAL, FigureKind.TARGET]) {
      for (const includeUnreviewed of [false, true]) {
        const base = { metric, kind, units: { unitIds: units }, year: 2024, baselineYear: 2023, descending: true, includeUnreviewed };
        out.push(base);
        for (const grainMonths of [6, 3, 1]) {
          for (let fromMonth = 1; fromMonth <= 12; fromMonth += grainMonths) out.push({ ...base, subPeriod: { fromMonth, grainMonths } });
        }
      }
    }
  }
  return out;
}

async function compareRows(spec: ComparisonSpec): Promise<ComparisonSqlRow[]> {
  const { sql, params } = comparisonSql(spec);
  const rows = await db.orm.em.fork().execute<ComparisonSqlRow[]>(sql, params);
  // Numbers as numbers (the two paths may spell a decimal differently), in unit order (the SQL leaves order to the ranker).
  const number = (v: string | null) => (v == null ? null : String(Number(v)));
  return rows.map((r): ComparisonSqlRow => ({ ...r, value: number(r.value), previous_value: number(r.previous_value) }))
    .sort((a, b) => Number(a.u_id) - Number(b.u_id));
}

/** Asserts every ranking reads the same from the stored choices as from the rule; returns how many figures were compared. */
async function expectStoredEqualsRule(): Promise<number> {
  let chosen = 0;
  for (const spec of specs()) {
    const stored = await compareRows(spec);
    const rule = await compareRows({ ...spec, asOf: FAR_FUTURE });
    expect({ spec, rows: stored }).toEqual({ spec, rows: rule });
    chosen += stored.filter((r) => r.figure_id != null).length;
  }
  return chosen;
}

beforeAll(async () => {
  db = await createTestDatabase();
  const em = db.orm.em.fork();
  run = (sql, params) => db.orm.em.fork().execute(sql, params);
  units = (await em.execute<{ id: number }[]>(`select id from admin_unit where code_set = 'gso' and level = 'district' order by id limit 6`)).map((r) => r.id);
  await em.execute(`insert into source (id, name, base_url, family, listing_urls, schedule, enabled, demo)
    values ('pick-test', 'pick test', 'https://pick.invalid', 'generic', array['https://pick.invalid'], '0 5 * * *', false, false)`);
  const random = rng(7);
  documents = [];
  for (let i = 0; i < 10; i++) {
    // Some publication dates missing, some shared, so every tie-break of the rule is exercised.
    const published = random() < 0.2 ? null : new Date(Date.UTC(2024, Math.floor(random() * 4), 1 + Math.floor(random() * 3)));
    const [doc] = await em.execute<{ id: number }[]>(`insert into document (url, source_id, title, published_at, fetched_at,
        http_status, content_hash, raw_html_gz, text, extractor_version)
      values (?, 'pick-test', 'tin', ?, now(), 200, md5(?), '\\x'::bytea, 'tin', 'test') returning id`,
    [`https://pick.invalid/${i}`, published, String(i)]);
    documents.push(doc.id);
  }
  await insertFigures({ query: (sql, params) => em.execute(sql.replace('$1', '?'), params) }, random, 700);
});

afterAll(async () => {
  await db?.drop();
});

describe('stored choices (figure_pick)', () => {
  it('answer like the rule while every key is still marked, and after a refresh clears the marks', async () => {
    // One mark per key the insert touched (metric, kind, unit, year), whatever its number of candidates.
    const [{ keys }] = await run(`select count(distinct (metric_code, kind, subject_id, period_year))::int as keys from figure
      where subject_scope in ('unit', 'province_wide') and not is_change and review_status <> 'rejected'`, []);
    expect(Number(keys)).toBeGreaterThan(30);
    expect(await pendingPickMarks(run)).toBe(Number(keys));
    expect(await expectStoredEqualsRule()).toBeGreaterThan(100);

    const outcome = await refreshFigurePicks(run, { batchSize: 7 });
    expect(outcome).toEqual({ marks: Number(keys), batches: Math.ceil(Number(keys) / 7) });
    expect(await pendingPickMarks(run)).toBe(0);
    const [{ n }] = await run('select count(*)::int as n from figure_pick', []);
    expect(Number(n)).toBeGreaterThan(100);
    expect(await expectStoredEqualsRule()).toBeGreaterThan(100);
  });

  it('stay right through reviews, corrections, moves, deletions and new publication dates, refreshed or not', async () => {
    await refreshFigurePicks(run);
    const em = db.orm.em.fork();
    const random = rng(11);
    const ids = (await em.execute<{ id: number }[]>('select id from figure order by id')).map((r) => r.id);
    const some = (k: number) => Array.from({ length: k }, () => ids[Math.floor(random() * ids.length)]);
    await em.execute(`update figure set review_status = 'confirmed' where id in (?)`, [some(25)]);
    await em.execute(`update figure set review_status = 'rejected' where id in (?)`, [some(25)]);
    await em.execute(`update figure set review_status = 'corrected', corrected_value = 1.5 where id in (?)`, [some(25)]);
    await em.execute(`update figure set review_status = 'needs_review' where id in (?)`, [some(25)]);
    await em.execute(`update figure set subject_id = ? where id in (?)`, [units[0], some(15)]);
    await em.execute(`update figure set period_from_month = 4, period_to_month = 6 where id in (?)`, [some(15)]);
    await em.execute(`update figure set is_change = not is_change where id in (?)`, [some(10)]);
    await em.execute(`delete from figure where id in (?)`, [some(40)]);
    await em.execute(`update document set published_at = published_at + interval '400 days' where id in (?)`, [documents.slice(0, 3)]);
    await em.execute(`update document set published_at = null where id = ?`, [documents[4]]);
    expect(await pendingPickMarks(run)).toBeGreaterThan(0);
    await expectStoredEqualsRule();
    await refreshFigurePicks(run, { batchSize: 5, maxBatches: 3 }); // part of the marks only
    await expectStoredEqualsRule();
    await refreshFigurePicks(run);
    expect(await pendingPickMarks(run)).toBe(0);
    await expectStoredEqualsRule();
  });

  it('marks only what the rule reads: a new confidence or extractor version leaves the choices alone', async () => {
    await refreshFigurePicks(run);
    const em = db.orm.em.fork();
    await em.execute(`update figure set confidence = confidence / 2, extractor_version = 'other'`);
    expect(await pendingPickMarks(run)).toBe(0);
    await em.execute(`update document set fetched_at = now(), etag = 'x'`);
    expect(await pendingPickMarks(run)).toBe(0);
    await em.execute(`update figure set value = value + 1 where id = (select min(id) from figure where subject_scope in ('unit', 'province_wide') and not is_change and review_status <> 'rejected')`);
    expect(await pendingPickMarks(run)).toBe(1);
  });

  it('stay right when writers and refreshers race on the same keys', async () => {
    await refreshFigurePicks(run);
    const clients = await Promise.all(Array.from({ length: 4 }, async () => {
      const c = new Client({ connectionString: db.url });
      await c.connect();
      return c;
    }));
    try {
      await Promise.all(clients.map(async (c, i) => {
        const random = rng(100 + i);
        for (let round = 0; round < 25; round++) {
          // Two writers updating and deleting overlapping rows in one transaction can deadlock each other (stop 30: a
          // clean run failed so); PostgreSQL aborts one, and a writer retries its transaction as an application would.
          // The race under test is between writers and refreshers, and it stays.
          for (let attempt = 1; ; attempt++) {
            try {
              await c.query('begin');
              await insertFigures(c, random, 8);
              await c.query(`update figure set review_status = (array['auto','confirmed','needs_review','rejected'])[1 + floor($1::float8 * 4)::int]::review_status
                where id in (select id from figure order by id offset floor($1::float8 * 300)::int limit 5)`, [random()]);
              await c.query(`delete from figure where id in (select id from figure order by id offset floor($1::float8 * 300)::int limit 2)`, [random()]);
              await c.query('commit');
              break;
            } catch (err: unknown) {
              await c.query('rollback');
              if ((err as { code?: string }).code !== '40P01' || attempt === 5) throw err;
            }
          }
          await refreshFigurePicks((sql, params) => c.query(sql.replace('?', '$1'), params).then((r) => r.rows), { batchSize: 3 + (round % 7), maxBatches: 2 });
        }
      }));
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    // Whatever marks are left, every unmarked key's stored choice is the rule's choice now.
    await expectStoredEqualsRule();
    await refreshFigurePicks(run);
    expect(await pendingPickMarks(run)).toBe(0);
    await expectStoredEqualsRule();
  });

  it('recompute a key once however many statements marked it (a backfill marks a year\'s key once per month)', async () => {
    await refreshFigurePicks(run);
    const em = db.orm.em.fork();
    // Twelve statements, each a month of one unit's year: twelve marks of one key, and four marks of another key.
    for (let month = 1; month <= 12; month++) {
      await em.execute(`update figure set value = value + 1 where id = (select min(id) from figure
        where subject_id = ? and metric_code = 'on_time_rate' and kind = 'actual' and period_year = 2024
          and subject_scope = 'unit' and not is_change and review_status <> 'rejected')`, [units[0]]);
      if (month % 3 === 0) {
        await em.execute(`update figure set value = value + 1 where id = (select min(id) from figure
          where subject_id = ? and metric_code = 'on_time_rate' and kind = 'actual' and period_year = 2024
            and subject_scope = 'unit' and not is_change and review_status <> 'rejected')`, [units[1]]);
      }
    }
    expect(await pendingPickMarks(run)).toBe(16);
    // Batches of one mark: the first takes its key's other eleven marks with it, the second the other key's four.
    expect(await refreshFigurePicks(run, { batchSize: 1 })).toEqual({ marks: 16, batches: 2 });
    expect(await pendingPickMarks(run)).toBe(0);
    await expectStoredEqualsRule();
  });

  it('are emptied with the figures by a truncate (which fires no row triggers)', async () => {
    await refreshFigurePicks(run);
    expect(Number((await run('select count(*)::int as n from figure_pick', []))[0].n)).toBeGreaterThan(0);
    await run('truncate figure cascade', []);
    expect(Number((await run('select count(*)::int as n from figure_pick', []))[0].n)).toBe(0);
    expect(await expectStoredEqualsRule()).toBe(0);
  });
});
