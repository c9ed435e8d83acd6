/**
 * The two API generations of the national service index (Decision 766) on dichvucong.gov.vn, as documented in
 * ../shared/reference/dvc-index.md: how one request is sent, and how its answer is read into rows. Pure.
 *
 * - `v1` (current, JSON): POST /api/v1/reporting/evaluation/service-results with {timeType, year, quarter?, month?,
 *   rootDepartmentId?, departmentType, currentPage, pageSize}; answer {code: "OK", data: {evaluation: [...]}}.
 *   No half-year selector is known for it.
 * - `legacy` (rest.jsp, 2022-2025): POST /jsp/rest.jsp, form field `params` = JSON {type: "ref", service:
 *   "report_tinh_766_service", p_nam, p_6thang, p_quy, p_thang, p_tinh_id, …}; answer a bare array of rows (or
 *   {TOTAL, ROW: [...]}). Only the first half-year (p_6thang = 1) is known.
 * An answer of another shape is an error that names what was missing, never an empty result.
 * Public surface: `IndexGeneration`, `IndexRequest`, `IndexCall`, `IndexRow`, `IndexGroup`, `INDEX_GROUPS`,
 * `buildCall`, `parseIndexResponse`, `requestKey`, `normaliseAgencyCode`, `IndexResponseError`, `supportsPeriod`,
 * `PAGE_SIZE`, `INDEX_ENDPOINT`.
 */
import { SkipItemError } from '../errors';
import { periodKey, periodSpan, type IndexPeriod } from './periods';

export type IndexGeneration = 'v1' | 'legacy';

/**
 * What a request asks for. `scores` (default): the service-results list. The others exist in the current API only,
 * for one province, and publish the counts behind a group's score: `progress` (dvc-progress-tree: dossiers
 * received, on time, overdue), `online` (provide-online-tree: dossiers by submission channel), `payment`
 * (formality-online-payment-tree: dossiers paid online of those with a fee), `satisfaction` (handling-satisfaction)
 * and `digitisation` (dossier-digitized), the last two as per-metric numerator and denominator.
 */
export type IndexView = 'scores' | 'progress' | 'online' | 'payment' | 'satisfaction' | 'digitisation';

/** The count trees asked for after each province's scores in the current API. */
export const COUNT_VIEWS = ['progress', 'online', 'payment', 'satisfaction', 'digitisation'] as const;

/** One unit of work: one period, and either the province list (`province` null) or one province's units. */
export interface IndexRequest {
  generation: IndexGeneration;
  period: IndexPeriod;
  province: { code: string; agencyId: string } | null;
  view?: IndexView;
}

/** A rate computed from published counts, stored with its numerator and denominator; `fields` names their source. */
export interface IndexRate {
  metric: 'online_dossier_rate' | 'e_payment_rate' | 'satisfaction_rate' | 'digitisation_rate';
  numerator: number;
  denominator: number;
  fields: string;
}

/** Dossier counts of the progress tree. */
export interface IndexCounts {
  received: number;
  onTime: number | null;
  overdue: number | null;
}

/** The six groups of the index, in the order the portal shows them. */
export const INDEX_GROUPS = ['CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'MDHL', 'MDSH'] as const;
export type IndexGroup = typeof INDEX_GROUPS[number];

export type AgencyKind = 'province' | 'department' | 'commune';

/** One agency's scores in one answer. */
export interface IndexRow {
  agencyId: string;
  /** Normalised e-code (H01, H01.174). */
  code: string;
  name: string;
  kind: AgencyKind;
  /** E-code of the province the agency belongs to. */
  provinceCode: string;
  /** Total score; null in the progress tree (it publishes counts, not scores). */
  total: number | null;
  groups: Partial<Record<IndexGroup, number>>;
  counts?: IndexCounts;
  /** Rates from the count trees other than progress. */
  rates?: IndexRate[];
  /** Position in the list as published (legacy ROW_STT), null when the answer gives none. */
  rank: number | null;
}

/** How the request is sent, and what identifies it as provenance. */
export interface IndexCall {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Endpoint plus the request's parameters as a query string: the document URL of the stored answer. */
  provenanceUrl: string;
  endpoint: string;
}

/** Rows asked for per request; an answer that fills it may be truncated and is refused. */
export const PAGE_SIZE = 1000;
export const INDEX_ENDPOINT = {
  v1: 'service-results', legacy: 'report_tinh_766_service', progress: 'dvc-progress-tree', online: 'provide-online-tree',
  payment: 'formality-online-payment-tree', satisfaction: 'handling-satisfaction', digitisation: 'dossier-digitized',
} as const;
const V1_PATH = '/api/v1/reporting/evaluation/service-results';
const EVALUATION_PATH = '/api/v1/reporting/evaluation/';

/** The endpoint a request goes to. */
export function endpointOf(r: IndexRequest): string {
  if (r.view && r.view !== 'scores') return INDEX_ENDPOINT[r.view];
  return INDEX_ENDPOINT[r.generation];
}

function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First and last day of a period (yyyy-mm-dd), as handling-satisfaction takes it. */
export function periodDates(p: IndexPeriod): { fromDate: string; toDate: string } {
  const { fromMonth, toMonth } = periodSpan(p);
  const first = fromMonth ?? 1;
  const last = toMonth ?? 12;
  return { fromDate: isoDay(p.year, first, 1), toDate: isoDay(p.year, last, new Date(Date.UTC(p.year, last, 0)).getUTCDate()) };
}
const LEGACY_PATH = '/jsp/rest.jsp';

/** The answer is not in a shape this adapter knows: skip the request with the reason, and check the adapter. */
export class IndexResponseError extends SkipItemError {
  constructor(url: string, detail: string) {
    super(`dvc-index: unrecognised response from ${url}: ${detail}; the request is skipped, check the adapter if this repeats`, url);
  }
}

/** Whether the generation can ask for this period at all (v1 has no half-year, legacy only the first half). */
export function supportsPeriod(generation: IndexGeneration, p: IndexPeriod): boolean {
  if (p.grain !== 'half') return true;
  return generation === 'legacy' && p.index === 1;
}

/** Stable key of a request: generation|endpoint|period|scope. */
export function requestKey(r: IndexRequest): string {
  return `${r.generation}|${endpointOf(r)}|${periodKey(r.period)}|${r.province?.code ?? 'national'}`;
}

/** "000.00.00.H37" → "H37", "h01.174" → "H01.174"; null when there is no e-code in it. */
export function normaliseAgencyCode(raw: unknown): string | null {
  if (typeof raw !== 'string' && typeof raw !== 'number') return null;
  const m = /H(\d{1,3})((?:\.\d+)*)\s*$/i.exec(String(raw).trim());
  return m ? `H${m[1].padStart(2, '0')}${m[2]}` : null;
}

function query(params: Record<string, unknown>): string {
  return Object.keys(params).sort().map((k) => `${encodeURIComponent(k)}=${encodeURIComponent(String(params[k]))}`).join('&');
}

/** The HTTP request for `r` against `baseUrl` (https://dichvucong.gov.vn, or the demo mirror). */
export function buildCall(baseUrl: string, r: IndexRequest): IndexCall {
  if (!supportsPeriod(r.generation, r.period)) throw new Error(`${r.generation} API cannot ask for ${periodKey(r.period)}`);
  const base = baseUrl.replace(/\/+$/, '');
  const { year, grain, index } = r.period;
  if (r.view && r.view !== 'scores') {
    if (r.generation !== 'v1' || !r.province) throw new Error(`the ${r.view} tree exists in the current API, for one province`);
    const endpoint = INDEX_ENDPOINT[r.view];
    const body: Record<string, unknown> = {};
    if (r.view === 'satisfaction') Object.assign(body, periodDates(r.period)); // this endpoint takes dates, not timeType
    else {
      body.timeType = grain;
      body.year = year;
      if (grain === 'quarter') body.quarter = index;
      if (grain === 'month') body.month = index;
    }
    body.rootDepartmentId = r.province.agencyId;
    body.currentPage = 1;
    body.pageSize = PAGE_SIZE;
    return {
      url: `${base}${EVALUATION_PATH}${endpoint}`, endpoint, body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', accept: 'application/json', referer: `${base}/danh-gia-chat-luong-phuc-vu`, origin: base },
      provenanceUrl: `${base}${EVALUATION_PATH}${endpoint}?${query(body)}`,
    };
  }
  if (r.generation === 'v1') {
    const body: Record<string, unknown> = { timeType: grain, year };
    if (grain === 'quarter') body.quarter = index;
    if (grain === 'month') body.month = index;
    if (r.province) body.rootDepartmentId = r.province.agencyId;
    else body.departmentType = 'ADMINISTRATIVE_UNIT';
    body.currentPage = 1;
    body.pageSize = PAGE_SIZE;
    return {
      url: `${base}${V1_PATH}`, endpoint: INDEX_ENDPOINT.v1, body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', accept: 'application/json', referer: `${base}/danh-gia-chat-luong-phuc-vu`, origin: base },
      provenanceUrl: `${base}${V1_PATH}?${query(body)}`,
    };
  }
  const params: Record<string, unknown> = {
    type: 'ref', service: INDEX_ENDPOINT.legacy, p_nam: String(year),
    p_6thang: grain === 'half' ? index : 0, p_quy: grain === 'quarter' ? index : 0, p_thang: grain === 'month' ? index : 0,
    p_tinh_id: r.province ? r.province.agencyId : 0, p_loaidonvi: 1, loaichitieu: 0, pageIndex: 1, pageSize: PAGE_SIZE,
  };
  return {
    url: `${base}${LEGACY_PATH}`, endpoint: INDEX_ENDPOINT.legacy,
    body: `params=${encodeURIComponent(JSON.stringify(params))}`,
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=UTF-8', 'x-requested-with': 'XMLHttpRequest',
      accept: 'application/json', referer: `${base}/p/home/dvc-index-tinhthanhpho-tonghop.html`, origin: base,
    },
    provenanceUrl: `${base}${LEGACY_PATH}?${query(params)}`,
  };
}

/** A score as published: number or numeric string (comma or dot decimal); null when absent. Throws on garbage. */
function score(value: unknown, field: string, fail: (d: string) => never): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim().replace(',', '.')) : NaN;
  if (!Number.isFinite(n) || n < 0 || n > 100) fail(`${field} is ${JSON.stringify(value)}, not a score between 0 and 100`);
  return n;
}

function kindOfLegacy(loai: unknown, code: string, fail: (d: string) => never): AgencyKind {
  switch (String(loai)) {
    case '1': return 'province';
    case '2': return 'department';
    case '3': return 'commune';
    default: return fail(`LOAI_COQUAN ${JSON.stringify(loai)} of ${code} is not 1, 2 or 3`);
  }
}

function kindOfV1(row: Record<string, unknown>, national: boolean, code: string, fail: (d: string) => never): AgencyKind {
  if (national) return 'province';
  const group = row.childGroup ?? null;
  const type = row.departmentType ?? null;
  if (group === 'COMMUNE' || type === 'COMMUNE_PEOPLE_COMMITTEE') return 'commune';
  if (group === 'AGENCY' || type === 'PROVINCIAL_DEPARTMENT') return 'department';
  return fail(`${code} has childGroup ${JSON.stringify(group)} and departmentType ${JSON.stringify(type)}`);
}

/** Read an answer into rows; throws IndexResponseError naming what did not fit. */
export function parseIndexResponse(r: IndexRequest, body: string, url: string): IndexRow[] {
  const fail = (detail: string): never => { throw new IndexResponseError(url, detail); };
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    fail(`not JSON (starts with ${JSON.stringify(body.slice(0, 60))})`);
  }
  if (r.view === 'progress') return progressRows(r, json, url, fail);
  if (r.view === 'online' || r.view === 'payment') return treeRateRows(r, json, fail);
  if (r.view === 'satisfaction' || r.view === 'digitisation') return metricRateRows(r, json, fail);
  const rows = r.generation === 'v1' ? v1Rows(json, fail) : legacyRows(json, fail);
  if (rows.length >= PAGE_SIZE) fail(`${rows.length} rows fill the page of ${PAGE_SIZE}: the list may be truncated`);
  const out: IndexRow[] = [];
  const seen = new Set<string>();
  for (const raw of rows) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) fail('a row is not an object');
    const row = raw as Record<string, unknown>;
    const parsed = r.generation === 'v1' ? v1Row(row, r.province === null, fail) : legacyRow(row, fail);
    const expectedProvince = r.province?.code;
    if (expectedProvince && parsed.provinceCode !== expectedProvince) {
      fail(`row ${parsed.code} does not belong to province ${expectedProvince}`);
    }
    if (!expectedProvince && parsed.kind !== 'province') fail(`the province list holds ${parsed.code}, which is not a province`);
    if (seen.has(parsed.code)) fail(`agency ${parsed.code} appears twice`);
    seen.add(parsed.code);
    out.push(parsed);
  }
  return out;
}

function legacyRows(json: unknown, fail: (d: string) => never): unknown[] {
  if (Array.isArray(json)) return json;
  if (json && typeof json === 'object' && Array.isArray((json as { ROW?: unknown }).ROW)) return (json as { ROW: unknown[] }).ROW;
  return fail('expected an array of rows or {TOTAL, ROW: [...]}');
}

function v1Rows(json: unknown, fail: (d: string) => never): unknown[] {
  const env = json as { code?: unknown; data?: { evaluation?: unknown } } | null;
  if (!env || typeof env !== 'object' || Array.isArray(env)) return fail('expected an object {code, data, message}');
  if (env.code !== 'OK') return fail(`code is ${JSON.stringify(env.code)}, not "OK"`);
  if (!env.data || typeof env.data !== 'object') return fail('data is missing');
  if (!Array.isArray(env.data.evaluation)) return fail('data.evaluation is not a list');
  return env.data.evaluation;
}

function legacyRow(row: Record<string, unknown>, fail: (d: string) => never): IndexRow {
  const code = normaliseAgencyCode(row.MA_COQUAN) ?? fail(`MA_COQUAN ${JSON.stringify(row.MA_COQUAN)} is not an agency e-code`);
  const agencyId = row.ID_COQUAN ?? row.ID;
  if (agencyId === undefined || agencyId === null || String(agencyId).trim() === '') fail(`${code} has no ID`);
  const name = row.TEN_COQUAN ?? row.TEN;
  if (typeof name !== 'string' || !name.trim()) fail(`${code} has no TEN_COQUAN`);
  const total = score(row.TONG_SCORE, `TONG_SCORE of ${code}`, fail) ?? fail(`${code} has no TONG_SCORE`);
  const groups: IndexRow['groups'] = {};
  for (const g of INDEX_GROUPS) {
    const v = score(row[g], `${g} of ${code}`, fail);
    if (v !== null) groups[g] = v;
  }
  const rankRaw = row.ROW_STT;
  const rank = rankRaw === undefined || rankRaw === null || rankRaw === '' ? null : Number(rankRaw);
  if (rank !== null && (!Number.isInteger(rank) || rank < 1)) fail(`ROW_STT of ${code} is ${JSON.stringify(rankRaw)}`);
  const kind = kindOfLegacy(row.LOAI_COQUAN, code, fail);
  return { agencyId: String(agencyId).trim(), code, name: (name as string).trim(), kind, provinceCode: code.split('.')[0], total, groups, rank };
}

function v1Row(row: Record<string, unknown>, national: boolean, fail: (d: string) => never): IndexRow {
  const code = normaliseAgencyCode(row.departmentCode) ?? fail(`departmentCode ${JSON.stringify(row.departmentCode)} is not an agency e-code`);
  const agencyId = row.departmentId;
  if (typeof agencyId !== 'string' || !agencyId.trim()) fail(`${code} has no departmentId`);
  const name = row.departmentName;
  if (typeof name !== 'string' || !name.trim()) fail(`${code} has no departmentName`);
  const total = score(row.totalScore, `totalScore of ${code}`, fail) ?? fail(`${code} has no totalScore`);
  const gs = row.groupScores;
  if (gs !== undefined && gs !== null && (typeof gs !== 'object' || Array.isArray(gs))) fail(`groupScores of ${code} is not an object`);
  const groups: IndexRow['groups'] = {};
  for (const g of INDEX_GROUPS) {
    const v = score((gs as Record<string, unknown> | null)?.[g], `groupScores.${g} of ${code}`, fail);
    if (v !== null) groups[g] = v;
  }
  return {
    agencyId: (agencyId as string).trim(), code, name: (name as string).trim(), kind: kindOfV1(row, national, code, fail),
    provinceCode: code.split('.')[0], total, groups, rank: null,
  };
}

/** A dossier count: a whole number ≥ 0 (numeric strings accepted); null when absent. */
function countOf(value: unknown, field: string, fail: (d: string) => never): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value.trim()) : NaN;
  if (!Number.isInteger(n) || n < 0) fail(`${field} is ${JSON.stringify(value)}, not a count`);
  return n;
}

/** Shape B of the current API: {code: "OK", data: {parent, children: [...]}} with counts as flat fields. */
function progressRows(r: IndexRequest, json: unknown, url: string, fail: (d: string) => never): IndexRow[] {
  const env = json as { code?: unknown; data?: { parent?: unknown; children?: unknown } } | null;
  if (!env || typeof env !== 'object' || Array.isArray(env)) return fail('expected an object {code, data, message}');
  if (env.code !== 'OK') return fail(`code is ${JSON.stringify(env.code)}, not "OK"`);
  if (!env.data || typeof env.data !== 'object') return fail('data is missing');
  const parent = env.data.parent;
  const children = env.data.children;
  if (!parent || typeof parent !== 'object' || Array.isArray(parent)) return fail('data.parent is not an object');
  if (!Array.isArray(children)) return fail('data.children is not a list');
  if (children.length >= PAGE_SIZE) fail(`${children.length} rows fill the page of ${PAGE_SIZE}: the list may be truncated`);
  const read = (row: Record<string, unknown>, isParent: boolean): IndexRow => {
    const code = normaliseAgencyCode(row.departmentCode) ?? fail(`departmentCode ${JSON.stringify(row.departmentCode)} is not an agency e-code`);
    const agencyId = row.departmentId;
    if (typeof agencyId !== 'string' || !agencyId.trim()) fail(`${code} has no departmentId`);
    const name = row.departmentName;
    if (typeof name !== 'string' || !name.trim()) fail(`${code} has no departmentName`);
    const received = countOf(row.totalReceived, `totalReceived of ${code}`, fail) ?? fail(`${code} has no totalReceived`);
    const onTime = countOf(row.totalOnTime, `totalOnTime of ${code}`, fail);
    const overdue = countOf(row.totalOverdue, `totalOverdue of ${code}`, fail);
    if (onTime !== null && onTime > received) fail(`${code} has more dossiers on time (${onTime}) than received (${received})`);
    const kind: AgencyKind = isParent ? 'province' : kindOfV1(row, false, code, fail);
    return {
      agencyId: (agencyId as string).trim(), code, name: (name as string).trim(), kind, provinceCode: code.split('.')[0],
      total: null, groups: {}, rank: null, counts: { received, onTime, overdue },
    };
  };
  const out = [read(parent as Record<string, unknown>, true)];
  if (out[0].code !== r.province!.code) fail(`data.parent is ${out[0].code}, not the province asked for (${r.province!.code})`);
  const seen = new Set([out[0].code]);
  for (const c of children) {
    if (!c || typeof c !== 'object' || Array.isArray(c)) fail('a child is not an object');
    const row = read(c as Record<string, unknown>, false);
    if (row.provinceCode !== r.province!.code) fail(`row ${row.code} does not belong to province ${r.province!.code}`);
    if (seen.has(row.code)) fail(`agency ${row.code} appears twice`);
    seen.add(row.code);
    out.push(row);
  }
  void url;
  return out;
}

/** {code: "OK", data: {...}} of the current API; returns `data`. */
function okData(json: unknown, fail: (d: string) => never): Record<string, unknown> {
  const env = json as { code?: unknown; data?: unknown } | null;
  if (!env || typeof env !== 'object' || Array.isArray(env)) return fail('expected an object {code, data, message}');
  if (env.code !== 'OK') return fail(`code is ${JSON.stringify(env.code)}, not "OK"`);
  if (!env.data || typeof env.data !== 'object' || Array.isArray(env.data)) return fail('data is missing');
  return env.data as Record<string, unknown>;
}

/** e-code, id and name of a unit of the current API; its kind (the province asked for, or a child of it). */
function v1Unit(row: unknown, r: IndexRequest, what: string, fail: (d: string) => never): Omit<IndexRow, 'total' | 'groups' | 'rank'> {
  if (!row || typeof row !== 'object' || Array.isArray(row)) return fail(`${what} is not an object`);
  const u = row as Record<string, unknown>;
  const code = normaliseAgencyCode(u.departmentCode) ?? fail(`departmentCode ${JSON.stringify(u.departmentCode)} is not an agency e-code`);
  const agencyId = u.departmentId;
  if (typeof agencyId !== 'string' || !agencyId.trim()) fail(`${code} has no departmentId`);
  const name = u.departmentName;
  if (typeof name !== 'string' || !name.trim()) fail(`${code} has no departmentName`);
  const provinceCode = code.split('.')[0];
  if (provinceCode !== r.province!.code) fail(`row ${code} does not belong to province ${r.province!.code}`);
  const kind: AgencyKind = code === r.province!.code ? 'province' : kindOfV1(u, false, code, fail);
  return { agencyId: (agencyId as string).trim(), code, name: (name as string).trim(), kind, provinceCode };
}

/** numerator/denominator as a rate, refused when the numerator exceeds the denominator. */
function rate(metric: IndexRate['metric'], numerator: number, denominator: number, fields: string, code: string, fail: (d: string) => never): IndexRate {
  if (numerator > denominator) fail(`${fields} of ${code} is ${numerator}/${denominator}: the numerator exceeds the denominator`);
  return { metric, numerator, denominator, fields };
}

/** Count fields of the shape-B trees (parent + children, counts as flat fields) that give a rate. */
const TREE_RATES = {
  // Submission channel: dossiers submitted online of all dossiers by channel (online, direct, postal). Published
  // for the province (parent) only; children carry scores only (reference §6).
  online: { metric: 'online_dossier_rate', numerator: 'channelOnlineSum', denominator: 'channelTotalSum', children: false },
  // Dossiers paid online of the dossiers with a financial obligation (the 6-point payment item, reference §8).
  payment: { metric: 'e_payment_rate', numerator: 'totalDossierOnlinePaymentSuccess', denominator: 'totalDossierFinancialObligation', children: true },
} as const;

/** provide-online-tree and formality-online-payment-tree: {parent, children[]}; the parent must carry the counts. */
function treeRateRows(r: IndexRequest, json: unknown, fail: (d: string) => never): IndexRow[] {
  const spec = TREE_RATES[r.view as 'online' | 'payment'];
  const data = okData(json, fail);
  if (!data.parent || typeof data.parent !== 'object' || Array.isArray(data.parent)) return fail('data.parent is not an object');
  if (!Array.isArray(data.children)) return fail('data.children is not a list');
  if (data.children.length >= PAGE_SIZE) fail(`${data.children.length} rows fill the page of ${PAGE_SIZE}: the list may be truncated`);
  const fields = `${spec.numerator}/${spec.denominator}`;
  const read = (row: unknown, isParent: boolean): IndexRow | null => {
    const unit = v1Unit(row, r, isParent ? 'data.parent' : 'a child', fail);
    if (isParent && unit.code !== r.province!.code) fail(`data.parent is ${unit.code}, not the province asked for (${r.province!.code})`);
    if (!isParent && unit.kind === 'province') fail(`the province ${unit.code} appears among its own children`);
    const u = row as Record<string, unknown>;
    const num = countOf(u[spec.numerator], `${spec.numerator} of ${unit.code}`, fail);
    const den = countOf(u[spec.denominator], `${spec.denominator} of ${unit.code}`, fail);
    if (num === null && den === null) {
      if (isParent) fail(`${unit.code} (the province) has neither ${spec.numerator} nor ${spec.denominator}`);
      return null;
    }
    if (num === null || den === null) fail(`${unit.code} has ${num === null ? spec.denominator : spec.numerator} without ${num === null ? spec.numerator : spec.denominator}`);
    return { ...unit, total: null, groups: {}, rank: null, rates: [rate(spec.metric, num!, den!, fields, unit.code, fail)] };
  };
  const out = [read(data.parent, true)!];
  const seen = new Set([out[0].code]);
  for (const c of data.children) {
    const row = spec.children ? read(c, false) : null;
    if (!spec.children) v1Unit(c, r, 'a child', fail); // scores only: checked to belong to the province, nothing stored
    if (!row) continue;
    if (seen.has(row.code)) fail(`agency ${row.code} appears twice`);
    seen.add(row.code);
    out.push(row);
  }
  return out;
}

/** The metric of the shape-A answers (evaluation[] with metrics[] of numerator/denominator) that gives the rate. */
const METRIC_RATES = {
  // Satisfaction with receiving and handling dossiers (6 of the 18 satisfaction points, reference §8).
  satisfaction: { metric: 'satisfaction_rate', code: 'DOSSIER_RECEIVING_SATISFACTION' },
  // Documents of resolved dossiers digitised (4 of the 22 digitisation points, reference §8).
  digitisation: { metric: 'digitisation_rate', code: 'SO_HOA_GIAY_TO_GIAI_QUYET' },
} as const;

/** handling-satisfaction and dossier-digitized: {overview, evaluation: [{unit…, metrics: [{code, numerator, denominator, ratio}]}]}. */
function metricRateRows(r: IndexRequest, json: unknown, fail: (d: string) => never): IndexRow[] {
  const spec = METRIC_RATES[r.view as 'satisfaction' | 'digitisation'];
  const data = okData(json, fail);
  if (!Array.isArray(data.evaluation)) return fail('data.evaluation is not a list');
  if (data.evaluation.length >= PAGE_SIZE) fail(`${data.evaluation.length} rows fill the page of ${PAGE_SIZE}: the list may be truncated`);
  const out: IndexRow[] = [];
  const seen = new Set<string>();
  let carried = 0;
  for (const raw of data.evaluation) {
    const unit = v1Unit(raw, r, 'an evaluation row', fail);
    if (seen.has(unit.code)) fail(`agency ${unit.code} appears twice`);
    seen.add(unit.code);
    const metrics = (raw as Record<string, unknown>).metrics;
    if (!Array.isArray(metrics)) fail(`metrics of ${unit.code} is not a list`);
    const m = (metrics as unknown[]).find((x) => !!x && typeof x === 'object' && (x as { code?: unknown }).code === spec.code) as Record<string, unknown> | undefined;
    if (!m) continue; // not every metric applies to every unit (reference §8: commune exceptions)
    carried++;
    const where = `${spec.code} of ${unit.code}`;
    const num = countOf(m.numerator, `numerator of ${where}`, fail);
    const den = countOf(m.denominator, `denominator of ${where}`, fail);
    if (num === null || den === null) continue; // null is not 0: nothing published
    if (den > 0 && m.ratio !== null && m.ratio !== undefined) {
      const ratio = typeof m.ratio === 'number' ? m.ratio : Number(String(m.ratio).replace(',', '.'));
      if (!Number.isFinite(ratio) || Math.abs(ratio - (100 * num) / den) > 0.05) {
        fail(`ratio ${JSON.stringify(m.ratio)} of ${where} does not match its numerator/denominator ${num}/${den}`);
      }
    }
    out.push({ ...unit, total: null, groups: {}, rank: null, rates: [rate(spec.metric, num, den, `${spec.code} numerator/denominator`, unit.code, fail)] });
  }
  if (data.evaluation.length > 0 && carried === 0) fail(`no unit carries the metric ${spec.code}`);
  return out;
}
