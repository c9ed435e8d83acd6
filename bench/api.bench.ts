/**
 * `npm run bench:api`: the comparison queries and the figure list over HTTP against the same SQL sent straight
 * through `pg`, and the figure list against PostGraphile serving the same database, side by side.
 *
 * 1. A throwaway embedded PostgreSQL (temp folder), migrated and seeded like production.
 * 2. BENCH_FIGURES figures (default 200,000; `-- --full` for 1,000,000) in a few set-based INSERTs: GSO districts
 *    first, then communes, HCMC's first, × 11 metrics × 8 years (2018-2025), one yearly report per district and year;
 *    at full size every GSO district and commune (11,304 units), plus part-year alternatives so the selection rule works.
 * 3. The API in a child process (so the load generator does not share its event loop; NODE_ENV=production, as in the
 *    Docker image, and so is PostGraphile's), measured with autocannon:
 *    one connection for latency (p50/p99), then BENCH_CONNECTIONS connections for throughput. The child counts the
 *    SQL statements it sends (a hook on `pg`'s Client.query), read over IPC around a few untimed requests.
 * 4. The SQL the API's repositories build for the same request, formatted exactly as MikroORM sends it, run through
 *    a `pg` pool with the same concurrency. For the figure list that is one statement joining everything the
 *    response shows (what a hand-written endpoint would send).
 * 5. PostGraphile 4 (postgraphile@4.14.1 + postgraphile-plugin-connection-filter, relations filter on) in its own
 *    child process on 127.0.0.1 over the same database, asked the same question (the list; it has no equivalent of
 *    the ranking and statistics queries).
 * Targets: p99 ≤ 20 ms (list: 30 ms) with one client; API throughput ≥ 0.5 × direct SQL and (list) ≥ 1.0 ×
 * PostGraphile. Nothing here asserts: it prints. The list answers of the three sides are compared first.
 * 6. The national service index at its real shape: every 2025 unit (34 provinces, 3,321 communes) × every month,
 *    quarter, half and year of 2022-2025 (72 periods) × the total and six groups: ~1.78 M more figures, then
 *    one-month national rankings of the 2,621 units of level COMMUNE, of the whole commune tier (`tier: COMMUNE`,
 *    3,321 wards, communes and special zones: the issue's 50 ms p99 target at 5 M figures) and of one province's
 *    communes.
 * Scenarios include `compare` with `asOf` (the data-version path of permalinks) next to the plain one.
 * Each number is the median of BENCH_ROUNDS rounds that alternate API and SQL, so drifting background load on a
 * shared machine hits both sides alike.
 * Environment: BENCH_SECONDS (per round and measurement, default 3), BENCH_ROUNDS (default 3), BENCH_CONNECTIONS
 * (default 10), BENCH_DATABASE_URL (use this database instead of a throwaway one; it is migrated, seeded and filled
 * once, then reused — for profiling), BENCH_ONLY (a regular expression: only the scenarios whose name matches).
 * BENCH_FIGURES=3220000 gives 5 M figures in all (3.22 M generic, with 9-month, first-half and first-quarter
 * alternatives, plus the index's 1.78 M); `-- --build` fills the database and exits (build once, then measure).
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import { fork, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { Client as PgClient, Pool } from 'pg';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { initOrm, migrate } from '../src/db/orm';
import { seedReferenceData } from '../src/db/seed';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/logger';
import { startApi } from '../src/app';
import { comparisonSql, statsSql, timeSeriesSql, StatsKey } from '../src/modules/figure/analytics.repository';
import { FigureKind } from '../src/modules/figure/figure.entity';
import { figureWhere } from '../src/modules/figure/figure-sql';
import { CodeSet, UnitLevel } from '../src/modules/unit/admin-unit.entity';
import { TIER_LEVELS, UnitTier } from '../src/modules/unit/unit-set';
import { refreshFigurePicks } from '../src/modules/figure/figure-pick';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const TARGET_FIGURES = process.argv.includes('--full') ? 1_000_000 : Number(process.env.BENCH_FIGURES ?? 200_000);
const YEARS = [2018, 2025] as const;
const METRICS = [
  'on_time_rate', 'satisfaction_rate', 'dossiers_received', 'dossiers_resolved', 'online_dossier_rate', 'late_dossiers',
  'postal_rate', 'e_payment_rate', 'digitisation_rate', 'procedures_published_rate', 'online_services_full',
];
const DISTRICT_LEVELS = `('district', 'town', 'provincial_city')`;
const COMMUNE_LEVELS = `('ward', 'commune', 'township')`;

// ---------------------------------------------------------------------------------------------- data generation

/** The district-level ancestor of a GSO unit (itself for districts). */
const DISTRICT_OF = `case when u.level in ${DISTRICT_LEVELS} then u.id else u.parent_id end`;

/** A part-year report: its months (January to `to`), URL slug, label and publication month. */
interface PartYear { slug: string; label: string; to: number; published: number }
const PART_YEAR: PartYear[] = [
  { slug: '9-thang', label: '9 tháng', to: 9, published: 10 },
  { slug: '6-thang', label: '6 tháng đầu', to: 6, published: 7 },
  { slug: 'quy-1', label: 'quý I', to: 3, published: 4 },
];

async function generate(pool: Pool): Promise<{ figures: number; millis: number }> {
  const started = Date.now();
  await pool.query(`insert into source (id, name, base_url, family, listing_urls, schedule, enabled, demo)
    select 'bench-' || p.code, p.name, 'https://bench.invalid/' || p.code, 'generic', array['https://bench.invalid/' || p.code],
      '0 5 * * *', false, false
    from admin_unit p where p.code_set = 'gso' and p.parent_id is null`);
  await pool.query(`insert into document (url, source_id, title, published_at, fetched_at, http_status, content_hash, raw_html_gz, text, extractor_version)
    select 'https://bench.invalid/' || d.code || '/' || y, 'bench-' || p.code, d.name || ': tổng kết CCHC năm ' || y,
      make_timestamptz(y + 1, 1, 15, 9, 0, 0, 'Asia/Ho_Chi_Minh'), now(), 200, md5(d.code || y), '\\x'::bytea,
      d.name || ' tổng kết công tác cải cách hành chính năm ' || y || '.', 'bench'
    from admin_unit d join admin_unit p on p.id = d.parent_id cross join generate_series(${YEARS[0]}, ${YEARS[1]}) y
    where d.code_set = 'gso' and d.level in ${DISTRICT_LEVELS}`);
  // Part-year reports per district and year, the selection rule's alternatives: a 9-month report published in
  // October, then (for larger targets) a first-half report published in July and a first-quarter one in April.
  for (const v of PART_YEAR) {
    await pool.query(`insert into document (url, source_id, title, published_at, fetched_at, http_status, content_hash, raw_html_gz, text, extractor_version)
      select 'https://bench.invalid/' || d.code || '/' || y || '/${v.slug}', 'bench-' || p.code, d.name || ': sơ kết ${v.label} năm ' || y,
        make_timestamptz(y, ${v.published}, 5, 9, 0, 0, 'Asia/Ho_Chi_Minh'), now(), 200, md5(d.code || y || '${v.slug}'), '\\x'::bytea,
        d.name || ' sơ kết ${v.label} năm ' || y || '.', 'bench'
      from admin_unit d join admin_unit p on p.id = d.parent_id cross join generate_series(${YEARS[0]}, ${YEARS[1]}) y
      where d.code_set = 'gso' and d.level in ${DISTRICT_LEVELS}`);
  }
  const metricList = METRICS.map((m) => `'${m}'`).join(', ');
  const insert = (v: PartYear | null, limit: string) => pool.query(`insert into figure (document_id, metric_code, subject_id, subject_scope,
      subject_label, value, unit, kind, comparator, approximate, is_change, period_year, period_from_month, period_to_month, period_label,
      evidence_sentence, evidence_start, evidence_end, confidence, extractor_version, review_status, fingerprint)
    select doc.id, m.code, u.id, 'unit', u.name,
      case when m.unit = 'percent' then 80 + ((u.id * 7919 + y * 104729 + length(m.code) * 31${v ? ` + ${v.to}` : ''}) % 200) / 10.0
           else 100 + (u.id * 7919 + y * 104729 + length(m.code) * 31${v ? ` + ${v.to}` : ''}) % 20000 end,
      m.unit, 'actual', 'eq', false, false, y, ${v ? `1, ${v.to}` : 'null, null'}, ${v ? `'${v.label} năm ' || y` : `'năm ' || y`},
      u.name || ': ' || m.name_vi || ' năm ' || y || '.', 0, 60, 0.9, 'bench', 'auto', md5(doc.id || m.code || u.id)
    from admin_unit u
    join metric m on m.code in (${metricList})
    cross join generate_series(${YEARS[0]}, ${YEARS[1]}) y
    join admin_unit dist on dist.id = ${DISTRICT_OF}
    join document doc on doc.url = 'https://bench.invalid/' || dist.code || '/' || y${v ? ` || '/${v.slug}'` : ''}
    where u.code_set = 'gso' and (u.level in ${DISTRICT_LEVELS} or u.level in ${COMMUNE_LEVELS})
    ${limit}`);
  const hcmcOrder = `(coalesce((select p.parent_id from admin_unit p where p.id = u.parent_id), u.parent_id) = (select id from admin_unit where code_set = 'gso' and code = '79')) desc`;
  const yearly = await insert(null, `order by u.level in ${DISTRICT_LEVELS} desc, ${hcmcOrder}, u.id, m.code, y limit ${TARGET_FIGURES}`);
  // Part-year alternatives, districts first, HCMC's first, until the target: each variant adds up to ~1 M.
  let rest = TARGET_FIGURES - (yearly.rowCount ?? 0);
  const hcmcFirst = `(u.parent_id = (select id from admin_unit where code_set = 'gso' and code = '79')) desc`;
  for (const v of PART_YEAR) {
    if (rest <= 0) break;
    const r = await insert(v, `order by u.level in ${DISTRICT_LEVELS} desc, ${hcmcFirst}, u.id, m.code, y limit ${rest}`);
    rest -= r.rowCount ?? 0;
  }
  await pool.query('vacuum analyze');
  const { rows } = await pool.query<{ n: string }>('select count(*) as n from figure');
  return { figures: Number(rows[0].n), millis: Date.now() - started };
}

/** The index's figures for every 2025 unit and every period of 2022-2025 (see the header). */
const INDEX_METRICS = ['dvc_index_total', 'dvc_index_transparency', 'dvc_index_progress', 'dvc_index_online', 'dvc_index_payment',
  'dvc_index_satisfaction', 'dvc_index_digitisation'];

async function generateIndex(pool: Pool): Promise<{ figures: number; millis: number }> {
  const started = Date.now();
  await pool.query(`insert into source (id, name, base_url, family, listing_urls, schedule, enabled, demo)
    values ('bench-dvc-index', 'bench index', 'https://bench.invalid/dvc', 'dvc-index', array['https://bench.invalid/dvc'], '30 6 6 * *', false, false)`);
  // The periods: 48 months, 16 quarters, 8 halves, 4 years; one document (answer) per period.
  const periods = `(select y, f, t from generate_series(2022, 2025) y cross join lateral (
      select m as f, m as t from generate_series(1, 12) m
      union all select q * 3 - 2, q * 3 from generate_series(1, 4) q
      union all select h * 6 - 5, h * 6 from generate_series(1, 2) h
      union all select null::int, null::int) p)`;
  await pool.query(`insert into document (url, source_id, title, published_at, fetched_at, http_status, content_hash, raw_html_gz, text, extractor_version)
    select 'https://bench.invalid/dvc/' || y || '/' || coalesce(f::text, 'y') || '-' || coalesce(t::text, 'y'), 'bench-dvc-index',
      'index ' || y || ' ' || coalesce(f::text, '') , null, now(), 200, md5(y || '-' || coalesce(f::text, 'y') || coalesce(t::text, 'y')),
      '\\x'::bytea, 'index', 'bench'
    from ${periods} p`);
  const metricList = INDEX_METRICS.map((m) => `'${m}'`).join(', ');
  const r = await pool.query(`insert into figure (document_id, metric_code, subject_id, subject_scope, subject_label, value, unit, kind,
      comparator, approximate, is_change, period_year, period_from_month, period_to_month, period_label, evidence_sentence,
      evidence_start, evidence_end, confidence, extractor_version, review_status, fingerprint)
    select doc.id, m.code, u.id, 'unit', u.name,
      (coalesce(m.max_value, 100) * (55 + ((u.id * 7919 + p.y * 104729 + coalesce(p.f, 13) * 613 + length(m.code) * 31) % 4500) / 100.0) / 100)::numeric(20, 2),
      'score', 'actual', 'eq', false, false, p.y, p.f, p.t, 'kỳ ' || p.y, u.name || ' [bench]', 0, 10, 1, 'bench', 'auto',
      md5(doc.id || m.code || u.id)
    from admin_unit u
    join metric m on m.code in (${metricList})
    cross join ${periods} p
    join document doc on doc.url = 'https://bench.invalid/dvc/' || p.y || '/' || coalesce(p.f::text, 'y') || '-' || coalesce(p.t::text, 'y')
    where u.code_set = 'nq202_2025'`);
  await pool.query('vacuum analyze');
  return { figures: r.rowCount ?? 0, millis: Date.now() - started };
}

// ---------------------------------------------------------------------------------------------- scenarios

interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
  /** The main SQL statement of the request, as MikroORM would send it. */
  sql: string;
  /** Checks a GraphQL answer looks right before timing it. */
  check(data: any): string | null;
  /** The same question asked of PostGraphile, when it can answer it; `ids` reads the figure ids of each answer. */
  postgraphile?: { query: string; variables: Record<string, unknown>; ids(data: any): number[] };
  ids?(data: any): number[];
}

const LIST_SIZE = 50;

async function scenarios(pool: Pool, format: (sql: string, params: unknown[]) => string): Promise<Scenario[]> {
  const { rows } = await pool.query<{ id: number }>(`select id from admin_unit where code_set = 'gso' and code = '79'`);
  const hcmc = rows[0].id;
  const compare = comparisonSql({
    metric: 'on_time_rate', kind: FigureKind.ACTUAL, units: { parentId: hcmc }, year: 2024, baselineYear: 2023, descending: true, unitKeysOnly: true,
  });
  const series = timeSeriesSql({ metric: 'satisfaction_rate', kind: FigureKind.ACTUAL, units: { parentId: hcmc }, yearFrom: 2018, yearTo: 2025 });
  // A permalink's data version: the same ranking as of an instant (here: now, so the answer is the same rows).
  const asOf = new Date();
  const compareAsOf = comparisonSql({
    metric: 'on_time_rate', kind: FigureKind.ACTUAL, units: { parentId: hcmc }, year: 2024, baselineYear: 2023, descending: true, asOf, unitKeysOnly: true,
  });
  const stats = statsSql({
    metric: 'on_time_rate', kind: FigureKind.ACTUAL, groupBy: [StatsKey.YEAR], filter: { codeSet: CodeSet.GSO, provinceId: hcmc },
  });
  const { rows: ag } = await pool.query<{ id: number }>(`select id from admin_unit where code_set = 'nq202_2025' and code = '91'`);
  const anGiang = ag[0].id;
  const month = { fromMonth: 10, grainMonths: 1 };
  const communes = comparisonSql({
    metric: 'dvc_index_total', kind: FigureKind.ACTUAL, units: { levels: [UnitLevel.COMMUNE] }, year: 2025, baselineYear: 2024, descending: true, subPeriod: month, unitKeysOnly: true,
  });
  // The whole commune tier of the 2025 system (wards, communes and special zones): 3,321 units, one month.
  const tier = comparisonSql({
    metric: 'dvc_index_total', kind: FigureKind.ACTUAL, units: { levels: TIER_LEVELS[UnitTier.COMMUNE] }, year: 2025, baselineYear: 2024, descending: true, subPeriod: month, unitKeysOnly: true,
  });
  const provinceCommunes = comparisonSql({
    metric: 'dvc_index_total', kind: FigureKind.ACTUAL, units: { parentId: anGiang }, year: 2025, baselineYear: 2024, descending: true, subPeriod: month, unitKeysOnly: true,
  });
  const national = statsSql({
    metric: 'on_time_rate', kind: FigureKind.ACTUAL, groupBy: [StatsKey.PROVINCE],
    filter: { codeSet: CodeSet.GSO, yearFrom: 2024, yearTo: 2024, levels: [UnitLevel.DISTRICT, UnitLevel.TOWN, UnitLevel.PROVINCIAL_CITY] },
  });
  const listFilter = figureWhere({ metrics: ['on_time_rate'], provinceId: hcmc, codeSet: CodeSet.GSO });
  // What a hand-written endpoint would send: the page, then everything it shows joined to it, in one statement.
  const listSql = `with page as (select f.* from figure f where ${listFilter.sql} order by f.period_year desc nulls last, f.id desc limit ${LIST_SIZE})
    select f.id, f.value, f.unit, f.kind, f.period_year, f.period_from_month, f.period_to_month, f.period_label,
      f.evidence_sentence, f.evidence_start, f.evidence_end, m.code, m.name_vi, m.name_en, m.unit as metric_unit,
      s.id as subject_id, s.name as subject_name, s.level, sp.id as parent_id, sp.name as parent_name,
      d.id as document_id, d.url, d.title, d.published_at, src.id as source_id, src.name as source_name
    from page f
    join metric m on m.code = f.metric_code
    join admin_unit s on s.id = f.subject_id
    left join admin_unit sp on sp.id = s.parent_id
    join document d on d.id = f.document_id
    join source src on src.id = d.source_id
    order by f.period_year desc nulls last, f.id desc`;
  return [
    {
      name: `figures list (${LIST_SIZE}, metric + province, nested)`,
      query: `query($p: ID) { figures(first: ${LIST_SIZE}, filter: { metrics: ["on_time_rate"], provinceId: $p }) { edges { node {
        id value unit kind period { year fromMonth toMonth label partialYear } evidence { sentence start end }
        metric { code nameVi nameEn unit } subject { id name level parent { id name } }
        document { id url title publishedAt source { id name } } } } } }`,
      variables: { p: String(hcmc) }, sql: format(listSql, listFilter.params),
      check: (d) => (d.figures.edges.length === LIST_SIZE && d.figures.edges.every((e: any) => e.node.document.source.name && e.node.subject.parent)
        ? null : 'expected 50 figures with their document, source and subject parent'),
      ids: (d) => d.figures.edges.map((e: any) => Number(e.node.id)),
      postgraphile: {
        // Same filter (metric, not REJECTED, subject is the province or under it), same order, same fields.
        query: `query($p: Int!) { allFigures(first: ${LIST_SIZE}, orderBy: [PERIOD_YEAR_DESC, ID_DESC], filter: {
          metricCode: { equalTo: "on_time_rate" }, reviewStatus: { notEqualTo: REJECTED },
          adminUnitBySubjectId: { or: [{ id: { equalTo: $p } }, { parentId: { equalTo: $p } }, { adminUnitByParentId: { parentId: { equalTo: $p } } }] }
        }) { nodes { id value unit kind periodYear periodFromMonth periodToMonth periodLabel evidenceSentence evidenceStart evidenceEnd
          metricByMetricCode { code nameVi nameEn unit } adminUnitBySubjectId { id name level adminUnitByParentId { id name } }
          documentByDocumentId { id url title publishedAt sourceBySourceId { id name } } } } }`,
        variables: { p: hcmc },
        ids: (d) => d.allFigures.nodes.map((n: any) => Number(n.id)),
      },
    },
    {
      name: 'index: compare 2,621 communes, October 2025',
      query: `{ compare(metric: "dvc_index_total", year: 2025, month: 10, level: COMMUNE) { rows { rank value previousValue unit { id name } } missing { id } } }`,
      variables: {}, sql: format(communes.sql, communes.params),
      check: (d) => (d.compare.rows.length === 2621 ? null : `expected 2621 rows, got ${d.compare.rows.length}`),
    },
    {
      name: 'index: compare 3,321 communes (tier), October 2025',
      query: `{ compare(metric: "dvc_index_total", year: 2025, month: 10, tier: COMMUNE) { rows { rank value previousValue unit { id name } } missing { id } } }`,
      variables: {}, sql: format(tier.sql, tier.params),
      check: (d) => (d.compare.rows.length === 3321 ? null : `expected 3321 rows, got ${d.compare.rows.length}`),
    },
    {
      name: 'index: compare An Giang communes, October 2025',
      query: `query($p: ID) { compare(metric: "dvc_index_total", year: 2025, month: 10, parentId: $p) { rows { rank value unit { id name } } missing { id } } }`,
      variables: { p: String(anGiang) }, sql: format(provinceCommunes.sql, provinceCommunes.params),
      check: (d) => (d.compare.rows.length === 102 ? null : `expected 102 rows, got ${d.compare.rows.length}`),
    },
    {
      name: 'compare (HCMC districts, 2024 vs 2023)',
      query: `query($p: ID) { compare(metric: "on_time_rate", year: 2024, parentId: $p) {
        rows { rank value previousValue change unit { id name } } missing { id name } } }`,
      variables: { p: String(hcmc) }, sql: format(compare.sql, compare.params),
      check: (d) => (d.compare.rows.length === 22 ? null : `expected 22 rows, got ${d.compare.rows.length}`),
    },
    {
      name: 'compare with asOf (HCMC districts, 2024 vs 2023)',
      query: `query($p: ID, $a: DateTimeISO) { compare(metric: "on_time_rate", year: 2024, parentId: $p, asOf: $a) {
        rows { rank value previousValue change unit { id name } } missing { id name } } }`,
      variables: { p: String(hcmc), a: asOf.toISOString() }, sql: format(compareAsOf.sql, compareAsOf.params),
      check: (d) => (d.compare.rows.length === 22 ? null : `expected 22 rows, got ${d.compare.rows.length}`),
    },
    {
      name: 'timeSeries (HCMC districts, 2018-2025)',
      query: `query($p: ID) { timeSeries(metric: "satisfaction_rate", parentId: $p, yearFrom: 2018, yearTo: 2025) {
        unit { id name } points { year value partialYear alternatives } } }`,
      variables: { p: String(hcmc) }, sql: format(series.sql, series.params),
      // 22 district-level units today with 8 yearly points each, plus Quận 2, Quận 9 and Quận Thủ Đức (valid until
      // 2020-12-31, gazetteer history) without generated figures.
      check: (d) => (d.timeSeries.length === 25 && d.timeSeries.filter((s: any) => s.points.length === 8).length === 22
        ? null : `expected 25 series, 22 of them with 8 points; got ${d.timeSeries.length}`),
    },
    {
      name: 'figureStats (HCMC by year)',
      query: `query($p: ID) { figureStats(metric: "on_time_rate", groupBy: [YEAR], filter: { provinceId: $p }) { year count min max avg median } }`,
      variables: { p: String(hcmc) }, sql: format(stats.sql, stats.params),
      check: (d) => (d.figureStats.length === 8 && d.figureStats[0].count > 300 ? null : `unexpected groups ${JSON.stringify(d.figureStats[0])}`),
    },
    {
      name: 'figureStats (national districts by province, 2024)',
      query: `{ figureStats(metric: "on_time_rate", groupBy: [PROVINCE], filter: { yearFrom: 2024, yearTo: 2024, levels: [DISTRICT, TOWN, PROVINCIAL_CITY] }) {
        province { name } count median } }`,
      variables: {}, sql: format(national.sql, national.params),
      check: (d) => (d.figureStats.length === 63 ? null : `expected 63 provinces, got ${d.figureStats.length}`),
    },
  ];
}

// ---------------------------------------------------------------------------------------------- measuring

interface Numbers { p50: number; p99: number; rps: number }

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Run `fn` from `clients` concurrent loops for `seconds`; latencies in ms. */
async function drive(fn: () => Promise<unknown>, clients: number, seconds: number): Promise<{ latencies: number[]; rps: number }> {
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < end) {
      const t = performance.now();
      await fn();
      latencies.push(performance.now() - t);
    }
  }));
  return { latencies, rps: latencies.length / ((performance.now() - started) / 1000) };
}

async function measureSql(pool: Pool, sql: string): Promise<Numbers> {
  const single = await drive(() => pool.query(sql), 1, SECONDS);
  const sorted = single.latencies.sort((a, b) => a - b);
  const many = await drive(() => pool.query(sql), CONNECTIONS, SECONDS);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), rps: many.rps };
}

/** A GraphQL endpoint and the request body it is asked. */
interface Target { label: string; url: string; body: string }

async function measureHttp(t: Target): Promise<Numbers> {
  const opts = { url: t.url, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: t.body };
  const single = await autocannon({ ...opts, connections: 1, duration: SECONDS });
  const many = await autocannon({ ...opts, connections: CONNECTIONS, duration: SECONDS });
  for (const r of [single, many]) {
    if (r.errors || r.non2xx) throw new Error(`${t.label}: ${r.errors} errors, ${r.non2xx} non-2xx answers`);
  }
  return { p50: single.latency.p50, p99: single.latency.p99, rps: many.requests.average };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Warm every path up, then alternate API, SQL and PostGraphile rounds; the median of each number. */
async function measure(api: Target, pool: Pool, s: Scenario, pg: Target | null): Promise<{ api: Numbers; sql: Numbers; pg: Numbers | null }> {
  for (const t of pg ? [api, pg] : [api]) {
    await autocannon({ url: t.url, method: 'POST', headers: { 'content-type': 'application/json' }, body: t.body, connections: 1, duration: 1 });
  }
  await drive(() => pool.query(s.sql), 1, 1);
  const viaApi: Numbers[] = [];
  const sql: Numbers[] = [];
  const viaPg: Numbers[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    viaApi.push(await measureHttp(api));
    sql.push(await measureSql(pool, s.sql));
    if (pg) viaPg.push(await measureHttp(pg));
  }
  const mid = (list: Numbers[]): Numbers => ({ p50: median(list.map((n) => n.p50)), p99: median(list.map((n) => n.p99)), rps: median(list.map((n) => n.rps)) });
  return { api: mid(viaApi), sql: mid(sql), pg: pg ? mid(viaPg) : null };
}

// ---------------------------------------------------------------------------------------------- processes

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Child mode: serve the API over the given database and report the URL to the parent. */
async function serve(databaseUrl: string): Promise<void> {
  // Count every statement sent through `pg` (MikroORM's driver): one increment per query, so it stays on while timing.
  let statements = 0;
  const query = PgClient.prototype.query as (...args: unknown[]) => unknown;
  PgClient.prototype.query = function counted(this: PgClient, ...args: unknown[]) {
    statements++;
    return query.apply(this, args);
  } as typeof PgClient.prototype.query;
  process.on('message', (m: { type?: string }) => {
    if (m.type === 'statements') process.send?.({ statements });
  });
  const orm = await initOrm(databaseUrl);
  const config = loadConfig({ NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  const api = await startApi({ config, logger: silentLogger, orm });
  process.send?.({ url: api.url });
  process.on('disconnect', () => void api.close().then(() => orm.close(true)).then(() => process.exit(0)));
}

/** The API (this file with `--serve`) or PostGraphile (postgraphile-child.ts) in a child process; resolves to its URL. */
function startChild(mode: '--serve' | '--postgraphile', databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const [file, args] = mode === '--serve' ? [__filename, [mode, databaseUrl]] : [path.join(__dirname, 'postgraphile-child.ts'), [databaseUrl]];
    // NODE_ENV as the Dockerfile sets it: graphql-js checks every value's class across realms outside production.
    const child = fork(file, args, { execArgv: ['-r', '@swc-node/register'], stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
    child.once('message', (m: { url: string }) => resolve({ child, url: m.url }));
    child.once('exit', (code) => reject(new Error(`${mode} process exited with ${code}`)));
  });
}

/** The API child's statement counter. */
function statementCount(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const listener = (m: { statements?: number }) => {
      if (m.statements === undefined) return;
      child.off('message', listener);
      resolve(m.statements);
    };
    child.on('message', listener);
    child.send({ type: 'statements' });
  });
}

async function post(t: Target): Promise<{ data?: any; errors?: unknown }> {
  const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: t.body });
  return await res.json() as { data?: any; errors?: unknown };
}

const fmt = (n: number, digits = 1) => n.toFixed(digits).padStart(8);

/** A throwaway embedded PostgreSQL, or BENCH_DATABASE_URL. */
async function database(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => undefined };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-'));
  fs.chmodSync(dir, 0o755); // the `postgres` OS user must traverse it when run as root
  const pg = await startEmbeddedPostgres({ dataDir: dir, port: await freePort(), database: 'cchc_bench', ephemeral: true });
  return {
    url: pg.databaseUrl,
    stop: async () => {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.disconnect();
  });
}

async function main(): Promise<void> {
  const log = (msg: string) => process.stdout.write(`${msg}\n`);
  const db = await database();
  let child: ChildProcess | undefined;
  let pgChild: ChildProcess | undefined;
  const pool = new Pool({ connectionString: db.url, max: CONNECTIONS });
  pool.on('error', () => undefined); // idle clients cut off when the database stops at the end
  try {
    const orm = await initOrm(db.url);
    await migrate(orm);
    await seedReferenceData(orm.em.fork());
    const format = (sql: string, params: unknown[]) => orm.em.getPlatform().formatQuery(sql, params);
    const existing = Number((await pool.query<{ n: string }>('select count(*) as n from figure')).rows[0].n);
    if (existing < TARGET_FIGURES) {
      log('generating figures …');
      const data = await generate(pool);
      log(`${data.figures.toLocaleString('en')} figures in ${(data.millis / 1000).toFixed(1)} s`);
      log('generating national index figures …');
      const index = await generateIndex(pool);
      log(`${index.figures.toLocaleString('en')} index figures in ${(index.millis / 1000).toFixed(1)} s`);
    } else {
      log(`${existing.toLocaleString('en')} figures already there`);
    }
    // The bulk inserts marked their keys; rankings read the stored choices once they are refreshed (what the
    // workers do after their writes). The cost of the write path's second half, measured here.
    const refreshStarted = Date.now();
    const refreshed = await refreshFigurePicks((sql, params) => pool.query(sql.replace('?', '$1'), params).then((r) => r.rows), { batchSize: 2000 });
    if (refreshed.marks) {
      log(`stored choices of ${refreshed.marks.toLocaleString('en')} keys refreshed in ${((Date.now() - refreshStarted) / 1000).toFixed(1)} s`);
      await pool.query('vacuum analyze figure_pick');
    }
    if (process.argv.includes('--build')) {
      await orm.close(true);
      return;
    }
    const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY, 'i') : null;
    const list = (await scenarios(pool, format)).filter((s) => !only || only.test(s.name));
    await orm.close(true);
    const api = await startChild('--serve', db.url);
    child = api.child;
    const pgl = await startChild('--postgraphile', db.url);
    pgChild = pgl.child;
    log(`API at ${api.url}, PostGraphile at ${pgl.url}; median of ${ROUNDS} rounds of ${SECONDS} s per measurement, ${CONNECTIONS} connections for throughput, ${os.cpus().length} CPUs, load average ${os.loadavg()[0].toFixed(1)}\n`);
    const rows: string[] = [];
    for (const s of list) {
      const apiTarget: Target = { label: `${s.name} (API)`, url: `${api.url}/graphql`, body: JSON.stringify({ query: s.query, variables: s.variables }) };
      const body = await post(apiTarget);
      const problem = body.errors ? JSON.stringify(body.errors) : s.check(body.data);
      if (problem) throw new Error(`${s.name}: ${problem}`);
      let pgTarget: Target | null = null;
      if (s.postgraphile) {
        pgTarget = { label: `${s.name} (PostGraphile)`, url: `${pgl.url}/graphql`, body: JSON.stringify({ query: s.postgraphile.query, variables: s.postgraphile.variables }) };
        const answer = await post(pgTarget);
        if (answer.errors) throw new Error(`${s.name} (PostGraphile): ${JSON.stringify(answer.errors)}`);
        // The three sides must answer the same question: the same figures in the same order.
        const want = s.ids!(body.data).join(',');
        const theirs = s.postgraphile.ids(answer.data).join(',');
        const direct = (await pool.query<{ id: number }>(s.sql)).rows.map((r) => Number(r.id)).join(',');
        if (theirs !== want || direct !== want) throw new Error(`${s.name}: the API, PostGraphile and SQL answers differ:\n${want}\n${theirs}\n${direct}`);
      }
      // Statements the API sends per request, counted in its process over a few untimed requests.
      const before = await statementCount(api.child);
      const probes = 10;
      for (let i = 0; i < probes; i++) await post(apiTarget);
      const perRequest = ((await statementCount(api.child)) - before) / probes;
      const res = await measure(apiTarget, pool, s, pgTarget);
      const sqlRatio = res.api.rps / res.sql.rps;
      const pgRatio = res.pg ? res.api.rps / res.pg.rps : null;
      const cell = (n: number | undefined, digits = 1) => (n === undefined ? '       —' : fmt(n, digits));
      rows.push(`| ${s.name.padEnd(50)} | ${fmt(perRequest, 1)} | ${fmt(res.api.p50)} | ${fmt(res.api.p99)} | ${fmt(res.api.rps, 0)} `
        + `| ${fmt(res.sql.p50)} | ${fmt(res.sql.p99)} | ${fmt(res.sql.rps, 0)} | ${cell(res.pg?.p50)} | ${cell(res.pg?.p99)} | ${cell(res.pg?.rps, 0)} `
        + `| ${fmt(sqlRatio, 2)} | ${pgRatio === null ? '       —' : fmt(pgRatio, 2)} |`);
      log(`measured: ${s.name}`);
    }
    log('');
    log(`| ${'scenario'.padEnd(50)} | SQL/req | API p50 | API p99 | API r/s | SQL p50 | SQL p99 | SQL r/s |  PG p50 |  PG p99 |  PG r/s | API/SQL |  API/PG |`);
    log(`|${'-'.repeat(52)}|---------|---------|---------|---------|---------|---------|---------|---------|---------|---------|---------|---------|`);
    for (const r of rows) log(r);
    log(`\nlatency in ms with one client; requests/s with ${CONNECTIONS} concurrent clients; SQL = the request's main statement via pg`
      + ` (for the list: one statement joining everything shown); PG = PostGraphile 4.14.1; SQL/req = statements the API sent per request`);
    log(`targets: p99 ≤ 20 ms (list ≤ 30 ms), API/SQL ≥ 0.5, API/PG ≥ 1.0 (list)`);
    log(`load average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  } finally {
    await stopChild(child);
    await stopChild(pgChild);
    await pool.end();
    await db.stop();
  }
}

if (process.argv[2] === '--serve') {
  serve(process.argv[3]).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
} else {
  main().then(() => process.exit(0), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
