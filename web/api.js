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

const UNIT_FIELDS = 'id name shortName level code codeSet validFrom validTo parent { id name }';
const SOURCE_FIELDS = 'id evidence { sentence } document { url title publishedAt }';

function toUnit(u) {
  if (!u) return null;
  return {
    id: String(u.id), name: u.name, shortName: u.shortName || u.name, level: u.level, code: u.code || '',
    codeSet: u.codeSet || null, validFrom: u.validFrom || null, validTo: u.validTo || null,
    parentName: u.parent ? u.parent.name : null,
  };
}

/** A figure's provenance in the page's shape (null when the API gave none). */
function toSource(f) {
  if (!f) return null;
  const doc = f.document || {};
  return {
    figureId: f.id != null ? String(f.id) : null,
    sentence: (f.evidence && f.evidence.sentence) || '',
    url: doc.url || null,
    title: doc.title || '',
    publishedAt: doc.publishedAt || null,
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
export async function fetchCompare({ metric, year, kind, includeUnreviewed, ...set }, opts) {
  const data = await gql(
    `query Compare($metric: String!, $year: Int!, $kind: FigureKind!, $unitIds: [ID!], $parentId: ID, $level: UnitLevel, $includeUnreviewed: Boolean) {
      compare(metric: $metric, year: $year, kind: $kind, unitIds: $unitIds, parentId: $parentId, level: $level, includeUnreviewed: $includeUnreviewed) {
        baselineYear
        rows { rank value previousValue change definitionChanged periodLabel partialYear unit { ${UNIT_FIELDS} } figure { ${SOURCE_FIELDS} } }
        missing { ${UNIT_FIELDS} }
      }
    }`,
    { metric, year, kind: kind || 'ACTUAL', includeUnreviewed: !!includeUnreviewed, ...unitSetVars(set) },
    opts,
  );
  const c = data.compare;
  return {
    baselineYear: c.baselineYear,
    rows: c.rows.map((r) => ({
      rank: r.rank,
      unit: toUnit(r.unit),
      value: num(r.value),
      previousValue: num(r.previousValue),
      change: num(r.change),
      definitionChanged: !!r.definitionChanged,
      periodLabel: r.periodLabel || '',
      partialYear: !!r.partialYear,
      source: toSource(r.figure),
    })),
    missing: c.missing.map(toUnit),
  };
}

/**
 * One series per unit of the set: { unit, points: [{ year, value, periodLabel, partialYear, source }] }, points by
 * year; a unit without figures comes back with no points.
 */
export async function fetchTimeSeries({ metric, yearFrom, yearTo, kind, includeUnreviewed, ...set }, opts) {
  const data = await gql(
    `query Series($metric: String!, $unitIds: [ID!], $parentId: ID, $level: UnitLevel, $yearFrom: Int, $yearTo: Int, $kind: FigureKind!, $includeUnreviewed: Boolean) {
      timeSeries(metric: $metric, unitIds: $unitIds, parentId: $parentId, level: $level, yearFrom: $yearFrom, yearTo: $yearTo, kind: $kind, includeUnreviewed: $includeUnreviewed) {
        unit { ${UNIT_FIELDS} }
        points { year value periodLabel partialYear figure { ${SOURCE_FIELDS} } }
      }
    }`,
    { metric, yearFrom: yearFrom || null, yearTo: yearTo || null, kind: kind || 'ACTUAL', includeUnreviewed: !!includeUnreviewed, ...unitSetVars(set) },
    opts,
  );
  return data.timeSeries.map((s) => ({
    unit: toUnit(s.unit),
    points: s.points
      .map((p) => ({ year: p.year, value: num(p.value), periodLabel: p.periodLabel || '', partialYear: !!p.partialYear, source: toSource(p.figure) }))
      .sort((a, b) => a.year - b.year),
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
