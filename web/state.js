/**
 * The view as data, and its round trip through the query string, so a link reproduces what was on screen.
 * Pure module (no DOM): `parseState(location.search)` and `toQuery(state)`.
 *
 * Query keys: tab (compare | series), lang (vi | en), metric + year (ranking), smetric + from + to (time series),
 * kind (ACTUAL | TARGET), period (ranking: M1-M12, Q1-Q4, H1-H2; absent = the year), grain (series: YEAR, HALF,
 * QUARTER, MONTH), unreviewed=1 (also figures waiting for review), and one unit scope: parent=<id>, level=<LEVEL> or
 * units=<id>,<id>,…
 * Also: asOf=<ISO instant> (the data version: figures and reviews after it are ignored), embed=1 (the chart alone, for
 * an iframe) and unit=<id> (a unit's own page instead of the charts).
 */
import { LEVEL_CODES } from './i18n.js';

export const TABS = ['compare', 'series'];
export const SCOPES = ['parent', 'level', 'units'];
export const KINDS = ['ACTUAL', 'TARGET'];
export const GRAINS = ['YEAR', 'HALF', 'QUARTER', 'MONTH'];
const PERIOD_RE = /^(M([1-9]|1[0-2])|Q[1-4]|H[12])$/;
/** More units than this in one view is not a readable chart (and the API caps lists anyway). */
export const MAX_UNITS = 60;
export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

/** What the page shows when the URL says nothing: the demo's HCMC districts (GSO code 79 is Hồ Chí Minh City). */
export const DEFAULTS = Object.freeze({
  tab: 'compare',
  lang: 'vi',
  metric: 'on_time_rate',
  year: null,
  period: '',
  seriesMetric: 'satisfaction_rate',
  grain: 'YEAR',
  yearFrom: null,
  yearTo: null,
  kind: 'ACTUAL',
  /** Also chart figures stored below the confidence threshold (NEEDS_REVIEW); off by default. */
  includeUnreviewed: false,
  scope: 'parent',
  parentId: null,
  level: 'DISTRICT',
  unitIds: [],
  asOf: null,
  embed: false,
  unit: null,
});

/** An instant as the API takes it (ISO 8601, UTC), or null when `raw` is not one. */
export function parseAsOf(raw) {
  if (!raw || !/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/.test(raw)) return null;
  const d = new Date(raw);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

export const DEFAULT_PARENT_CODE = '79';

const METRIC_RE = /^[a-z0-9_]{1,60}$/;
const ID_RE = /^\d{1,10}$/;

function year(raw) {
  if (!raw || !/^\d{4}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= MIN_YEAR && n <= MAX_YEAR ? n : null;
}

function oneOf(raw, allowed, fallback) {
  return allowed.includes(raw) ? raw : fallback;
}

/** Parse a query string (with or without "?"); anything invalid falls back to the default, never throws. */
export function parseState(search) {
  const q = new URLSearchParams(search || '');
  const ids = (q.get('units') || '').split(',').map((s) => s.trim()).filter((s) => ID_RE.test(s));
  const unitIds = [...new Set(ids)].slice(0, MAX_UNITS);
  const parent = q.get('parent');
  const parentId = parent && ID_RE.test(parent) ? parent : null;
  const level = oneOf(q.get('level'), LEVEL_CODES, null);
  // The scope is whichever unit key the link carries; units win over parent, parent over level.
  const scope = unitIds.length ? 'units' : parentId ? 'parent' : level ? 'level' : DEFAULTS.scope;
  let yearFrom = year(q.get('from'));
  let yearTo = year(q.get('to'));
  if (yearFrom && yearTo && yearFrom > yearTo) [yearFrom, yearTo] = [yearTo, yearFrom];
  return {
    tab: oneOf(q.get('tab'), TABS, DEFAULTS.tab),
    lang: oneOf(q.get('lang'), ['vi', 'en'], DEFAULTS.lang),
    metric: METRIC_RE.test(q.get('metric') || '') ? q.get('metric') : DEFAULTS.metric,
    year: year(q.get('year')),
    period: PERIOD_RE.test(q.get('period') || '') ? q.get('period') : '',
    grain: oneOf(q.get('grain'), GRAINS, DEFAULTS.grain),
    seriesMetric: METRIC_RE.test(q.get('smetric') || '') ? q.get('smetric') : DEFAULTS.seriesMetric,
    yearFrom,
    yearTo,
    kind: oneOf(q.get('kind'), KINDS, DEFAULTS.kind),
    includeUnreviewed: q.get('unreviewed') === '1',
    scope,
    parentId,
    level: level || DEFAULTS.level,
    unitIds,
    asOf: parseAsOf(q.get('asOf')),
    embed: q.get('embed') === '1',
    unit: ID_RE.test(q.get('unit') || '') ? q.get('unit') : null,
  };
}

/** The query string ("?…") for a state: only the active unit scope is written, and defaults of lang/kind are left out. */
export function toQuery(state) {
  const q = new URLSearchParams();
  q.set('tab', state.tab);
  q.set('metric', state.metric);
  if (state.year) q.set('year', String(state.year));
  if (state.period) q.set('period', state.period);
  q.set('smetric', state.seriesMetric);
  if (state.grain && state.grain !== DEFAULTS.grain) q.set('grain', state.grain);
  if (state.yearFrom) q.set('from', String(state.yearFrom));
  if (state.yearTo) q.set('to', String(state.yearTo));
  if (state.scope === 'units' && state.unitIds.length) q.set('units', state.unitIds.join(','));
  else if (state.scope === 'parent' && state.parentId) q.set('parent', state.parentId);
  else if (state.scope === 'level' && state.level) q.set('level', state.level);
  if (state.kind !== DEFAULTS.kind) q.set('kind', state.kind);
  if (state.includeUnreviewed) q.set('unreviewed', '1');
  if (state.lang !== DEFAULTS.lang) q.set('lang', state.lang);
  if (state.asOf) q.set('asOf', state.asOf);
  if (state.embed) q.set('embed', '1');
  // URLSearchParams encodes "," as %2C; unit lists stay readable without it and "," is safe in a query.
  return `?${q.toString().replace(/%2C/g, ',')}`;
}

/** The query string of a unit's own page. */
export function unitPageQuery(unitId, state) {
  const q = new URLSearchParams({ unit: String(unitId) });
  if (state.lang !== DEFAULTS.lang) q.set('lang', state.lang);
  if (state.asOf) q.set('asOf', state.asOf);
  return `?${q.toString()}`;
}

/** Sub-district levels: thousands nationwide, so a ranking of one of them needs a parent. */
export const LEVELS_NEEDING_PARENT = ['WARD', 'COMMUNE', 'TOWNSHIP'];

/** The API arguments that name the unit set of `compare` and `timeSeries`, from the state's scope (null: none chosen). */
export function unitScope(state) {
  if (state.scope === 'units') return state.unitIds.length ? { unitIds: state.unitIds } : null;
  if (state.scope === 'parent' && state.parentId) return { parentId: state.parentId };
  if (state.scope === 'level' && state.level) return { level: state.level };
  return null;
}

/** Years offered in the pickers, newest first. */
export function yearChoices(now = new Date()) {
  const years = [];
  for (let y = now.getFullYear(); y >= 2015; y--) years.push(y);
  return years;
}

/** compare arguments for a ranking period ("M10" → { month: 10 }; "" → {}: the whole year). */
export function periodArgs(period) {
  const m = /^([MQH])(\d{1,2})$/.exec(period || '');
  if (!m) return {};
  const n = Number(m[2]);
  return m[1] === 'M' ? { month: n } : m[1] === 'Q' ? { quarter: n } : { half: n };
}

/** Periods offered for a ranking: the year, then months, quarters and halves. */
export function periodChoices() {
  return ['', ...Array.from({ length: 12 }, (_, i) => `M${i + 1}`), 'Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2'];
}

/** Axis slot of a series point: the year, or "2025-10" for the period starting in October 2025. */
export function pointSlot(point, grain) {
  return grain && grain !== 'YEAR' && point.fromMonth ? `${point.year}-${String(point.fromMonth).padStart(2, '0')}` : String(point.year);
}

/** Every slot from the first to the last, one per period of the grain (a period without a figure is a gap). */
export function slotSpan(slots, grain, yearFrom, yearTo) {
  if (!slots.length) return [];
  if (!grain || grain === 'YEAR') {
    const years = slots.map(Number);
    const out = [];
    for (let y = yearFrom || Math.min(...years); y <= (yearTo || Math.max(...years)); y++) out.push(String(y));
    return out;
  }
  const step = { HALF: 6, QUARTER: 3, MONTH: 1 }[grain];
  const index = (slot) => { const [y, m] = slot.split('-').map(Number); return y * 12 + m - 1; };
  const sorted = [...slots].sort();
  const out = [];
  for (let i = index(sorted[0]); i <= index(sorted[sorted.length - 1]); i += step) {
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}
