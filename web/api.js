/**
 * The page's only data source: the public GraphQL API at /graphql (same origin).
 * Each function returns plain objects in the page's own shape, so the rest of the page does not depend on the
 * exact field names of the schema (see `schema.graphql`).
 */

const ENDPOINT = '/graphql';

export class ApiError extends Error {
  constructor(message, code) {
    super(message);
    this.name = 'ApiError';
    this.code = code || null;
  }
}

/** POST one operation; throws ApiError with the server's first message when it answers with errors. */
export async function gql(query, variables = {}, { signal } = {}) {
  let res;
  try {
    res = await fetch(ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      signal,
    });
  } catch (err) {
    if (err && err.name === 'AbortError') throw err;
    throw new ApiError(`network error: ${err && err.message ? err.message : err}`, 'NETWORK');
  }
  let body;
  try {
    body = await res.json();
  } catch {
    throw new ApiError(`HTTP ${res.status}: the answer is not JSON`, 'HTTP');
  }
  if (body.errors && body.errors.length) {
    const first = body.errors[0];
    throw new ApiError(first.message, first.extensions && first.extensions.code);
  }
  if (!res.ok || !body.data) throw new ApiError(`HTTP ${res.status}`, 'HTTP');
  return body.data;
}

const UNIT_FIELDS = 'id name shortName level code codeSet validFrom validTo parent { id name shortName }';
const SOURCE_FIELDS = 'id reviewStatus evidence { sentence } cell { tableIndex caption rowLabel columnHeader page } checkFailed checkReason document { url title publishedAt source { id name demo } }';

function toUnit(u) {
  if (!u) return null;
  return {
    id: String(u.id), name: u.name, shortName: u.shortName || u.name, level: u.level, code: u.code || '',
    codeSet: u.codeSet || null, validFrom: u.validFrom || null, validTo: u.validTo || null,
    parentName: u.parent ? u.parent.name : null,
    parentShortName: u.parent ? u.parent.shortName || u.parent.name : null,
    parentId: u.parent ? String(u.parent.id) : null,
  };
}

/** A figure's provenance in the page's shape (null when the API gave none). */
function toSource(f) {
  if (!f) return null;
  const doc = f.document || {};
  return {
    figureId: f.id != null ? String(f.id) : null,
    sentence: (f.evidence && f.evidence.sentence) || '',
    cell: f.cell || null,
    checkReason: f.checkFailed ? (f.checkReason || '') : null,
    url: doc.url || null,
    title: doc.title || '',
    publishedAt: doc.publishedAt || null,
    sourceName: (doc.source && doc.source.name) || '',
    sample: !!(doc.source && doc.source.demo),
  };
}

function num(v) {
  return v === null || v === undefined ? null : Number(v);
}

export async function fetchMetrics() {
  const data = await gql('query Metrics { metrics { code nameVi nameEn unit } }');
  return data.metrics;
}

/** Units by name (accent-insensitive on the server), optionally filtered by level and parent. */
export async function searchUnits({ search, level, parentId, first = 12 }, opts) {
  const data = await gql(
    `query Units($search: String, $level: [UnitLevel!], $parentId: ID, $first: Int!) {
      units(search: $search, level: $level, parentId: $parentId, first: $first) { totalCount edges { node { ${UNIT_FIELDS} } } }
    }`,
    { search: search || null, level: level ? [].concat(level) : null, parentId: parentId || null, first },
    opts,
  );
  return { total: data.units.totalCount, units: data.units.edges.map((e) => toUnit(e.node)) };
}

/** Several units by id in one request (for restoring a view from a link); unknown ids are dropped. */
export async function fetchUnitsByIds(ids) {
  if (!ids.length) return [];
  const vars = {};
  const params = [];
  const fields = ids.map((id, i) => {
    vars[`id${i}`] = id;
    params.push(`$id${i}: ID`);
    return `u${i}: unit(id: $id${i}) { ${UNIT_FIELDS} }`;
  });
  const data = await gql(`query UnitsById(${params.join(', ')}) { ${fields.join(' ')} }`, vars);
  return ids.map((_, i) => toUnit(data[`u${i}`])).filter(Boolean);
}

export async function fetchUnitByCode(code) {
  const data = await gql(`query UnitByCode($code: String) { unit(code: $code) { ${UNIT_FIELDS} } }`, { code });
  return toUnit(data.unit);
}

/** Variables naming a unit set: exactly one of unitIds, or parentId and/or level. */
function unitSetVars({ unitIds, parentId, level }) {
  return unitIds && unitIds.length ? { unitIds, parentId: null, level: null } : { unitIds: null, parentId: parentId || null, level: level || null };
}

/**
 * Ranked rows for one metric and year over a set of units (`unitIds`, or `parentId` and/or `level`).
 * Returns { rows: [{ rank, unit, value, previousValue, change, definitionChanged, periodLabel, partialYear, source }],
 * missing: [unit], baselineYear }.
 */
export async function fetchCompare({ metric, year, kind, asOf, month, quarter, half, includeUnreviewed, ...set }, opts) {
  const data = await gql(
    `query Compare($metric: String!, $year: Int!, $kind: FigureKind!, $unitIds: [ID!], $parentId: ID, $level: UnitLevel, $asOf: DateTimeISO,
      $month: Int, $quarter: Int, $half: Int, $includeUnreviewed: Boolean) {
      compare(metric: $metric, year: $year, kind: $kind, unitIds: $unitIds, parentId: $parentId, level: $level, asOf: $asOf,
        month: $month, quarter: $quarter, half: $half, includeUnreviewed: $includeUnreviewed) {
        baselineYear
        rows { rank previousRank value previousValue change definitionChanged periodLabel partialYear reviewStatus alternatives
          unit { ${UNIT_FIELDS} } figure { ${SOURCE_FIELDS} } }
        missing { ${UNIT_FIELDS} }
      }
    }`,
    { metric, year, kind: kind || 'ACTUAL', asOf: asOf || null, month: month || null, quarter: quarter || null, half: half || null,
      includeUnreviewed: !!includeUnreviewed, ...unitSetVars(set) },
    opts,
  );
  const c = data.compare;
  return {
    baselineYear: c.baselineYear,
    rows: c.rows.map((r) => ({
      rank: r.rank,
      previousRank: r.previousRank ?? null,
      unit: toUnit(r.unit),
      value: num(r.value),
      previousValue: num(r.previousValue),
      change: num(r.change),
      definitionChanged: !!r.definitionChanged,
      periodLabel: r.periodLabel || '',
      partialYear: !!r.partialYear,
      reviewStatus: r.reviewStatus || null,
      alternatives: r.alternatives || 0,
      source: toSource(r.figure),
    })),
    missing: c.missing.map(toUnit),
  };
}

/**
 * One series per unit of the set: { unit, points: [{ year, value, periodLabel, partialYear, source }] }, points by
 * year; a unit without figures comes back with no points.
 */
export async function fetchTimeSeries({ metric, yearFrom, yearTo, kind, asOf, grain, includeUnreviewed, ...set }, opts) {
  const data = await gql(
    `query Series($metric: String!, $unitIds: [ID!], $parentId: ID, $level: UnitLevel, $yearFrom: Int, $yearTo: Int, $kind: FigureKind!, $asOf: DateTimeISO, $grain: PeriodGrain, $includeUnreviewed: Boolean) {
      timeSeries(metric: $metric, unitIds: $unitIds, parentId: $parentId, level: $level, yearFrom: $yearFrom, yearTo: $yearTo, kind: $kind, asOf: $asOf, grain: $grain, includeUnreviewed: $includeUnreviewed) {
        unit { ${UNIT_FIELDS} }
        points { year fromMonth value periodLabel partialYear reviewStatus alternatives figure { ${SOURCE_FIELDS} } }
      }
    }`,
    { metric, yearFrom: yearFrom || null, yearTo: yearTo || null, kind: kind || 'ACTUAL', asOf: asOf || null, grain: grain || 'YEAR',
      includeUnreviewed: !!includeUnreviewed, ...unitSetVars(set) },
    opts,
  );
  return data.timeSeries.map((s) => ({
    unit: toUnit(s.unit),
    points: s.points
      .map((p) => ({
        year: p.year, fromMonth: p.fromMonth ?? null, value: num(p.value), periodLabel: p.periodLabel || '', partialYear: !!p.partialYear,
        reviewStatus: p.reviewStatus || null, alternatives: p.alternatives || 0, source: toSource(p.figure),
      }))
      .sort((a, b) => a.year - b.year || (a.fromMonth ?? 0) - (b.fromMonth ?? 0)),
  }));
}

/** Years that have figures for a metric, newest first (for the year picker and the default year). */
export async function fetchYearsWithData({ metric, kind }, opts) {
  const data = await gql(
    `query Years($metric: String!, $kind: FigureKind) {
      figureStats(metric: $metric, groupBy: [YEAR], filter: { kind: $kind }) { year count }
    }`,
    { metric, kind: kind || 'ACTUAL' },
    opts,
  );
  return data.figureStats.filter((g) => g.count > 0 && g.year).map((g) => ({ year: g.year, count: g.count })).sort((a, b) => b.year - a.year);
}

/** The portals, with the flag for the demo's sample sources (the page warns when the database holds sample data). */
export async function fetchSources(opts) {
  const data = await gql('query Sources { sources { id name demo } }', {}, opts);
  return data.sources.map((s) => ({ id: s.id, name: s.name, sample: !!s.demo }));
}

/**
 * Every figure for one unit, metric, year and kind (what the selection rule chose among), newest first, with provenance.
 * Rejected figures are left out, as the rule leaves them out.
 */
/** Scopes of the unit's own figures, as in the selection rule (src/modules/figure/figure-sql.ts). */
const OWN_SCOPES = ['UNIT', 'PROVINCE_WIDE'];

export async function fetchAlternatives({ unitId, metric, year, kind }, opts) {
  const data = await gql(
    `query Alternatives($filter: FigureFilter) {
      figures(filter: $filter, first: 50) { edges { node { ${SOURCE_FIELDS} value subjectScope isChange period { label } } } }
    }`,
    { filter: { unitIds: [unitId], metrics: [metric], yearFrom: year, yearTo: year, kind: kind || 'ACTUAL' } },
    opts,
  );
  // Only candidates of the rule: levels (not changes) about the unit itself or its whole area ("toàn tỉnh").
  return data.figures.edges.map((e) => e.node).filter((f) => OWN_SCOPES.includes(f.subjectScope) && !f.isChange)
    .map((f) => ({ value: num(f.value), periodLabel: f.period.label || '', reviewStatus: f.reviewStatus, source: toSource(f) }));
}

const PARENT_CHAIN = 'parent { id name shortName level parent { id name shortName level } }';

/**
 * What a unit's own page needs about the unit: itself, its parent chain (to find its province) and the units it
 * replaced or that replaced it. Null when the id is unknown.
 */
export async function fetchUnitProfile(id, opts) {
  const data = await gql(
    `query UnitProfile($id: ID) {
      unit(id: $id) { ${UNIT_FIELDS.replace(/parent \{[^}]*\}/, '')} ${PARENT_CHAIN}
        predecessors { ${UNIT_FIELDS} } successors { ${UNIT_FIELDS} } }
    }`,
    { id },
    opts,
  );
  const u = data.unit;
  if (!u) return null;
  const chain = [u, u.parent, u.parent && u.parent.parent].filter(Boolean);
  const province = chain.find((x) => x.level === 'PROVINCE' || x.level === 'CENTRAL_CITY') || null;
  return {
    unit: toUnit(u),
    province: province ? { id: String(province.id), name: province.name } : null,
    predecessors: u.predecessors.map(toUnit),
    successors: u.successors.map(toUnit),
  };
}

/** Per year: median, min and max of the chosen figures of one level's units in a province (a unit's peers). */
export async function fetchPeerStats({ metric, provinceId, level, kind }, opts) {
  const data = await gql(
    `query PeerStats($metric: String!, $filter: FigureFilter) {
      figureStats(metric: $metric, groupBy: [YEAR], filter: $filter) { year count min max median }
    }`,
    { metric, filter: { provinceId, levels: [level], kind: kind || 'ACTUAL' } },
    opts,
  );
  return data.figureStats.filter((g) => g.year).map((g) => ({ year: g.year, count: g.count, min: num(g.min), max: num(g.max), median: num(g.median) }))
    .sort((a, b) => a.year - b.year);
}
