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
import { periodKey, type IndexPeriod } from './periods';

export type IndexGeneration = 'v1' | 'legacy';

/**
 * One unit of work: one period, and either the province list (`province` null) or one province's units. `view`
 * `progress` (current API only, with a province) asks for the processing-progress tree, which publishes the counts
 * behind the progress score (dossiers received, on time, overdue); default `scores`.
 */
export interface IndexRequest {
  generation: IndexGeneration;
  period: IndexPeriod;
  province: { code: string; agencyId: string } | null;
  view?: 'scores' | 'progress';
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
export const INDEX_ENDPOINT = { v1: 'service-results', legacy: 'report_tinh_766_service', progress: 'dvc-progress-tree' } as const;
const V1_PATH = '/api/v1/reporting/evaluation/service-results';
const PROGRESS_PATH = '/api/v1/reporting/evaluation/dvc-progress-tree';

/** The endpoint a request goes to. */
export function endpointOf(r: IndexRequest): string {
  if (r.view === 'progress') return INDEX_ENDPOINT.progress;
  return INDEX_ENDPOINT[r.generation];
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
  if (r.view === 'progress') {
    if (r.generation !== 'v1' || !r.province) throw new Error('the progress tree exists in the current API, for one province');
    const body: Record<string, unknown> = { timeType: grain, year };
    if (grain === 'quarter') body.quarter = index;
    if (grain === 'month') body.month = index;
    body.rootDepartmentId = r.province.agencyId;
    body.currentPage = 1;
    body.pageSize = PAGE_SIZE;
    return {
      url: `${base}${PROGRESS_PATH}`, endpoint: INDEX_ENDPOINT.progress, body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', accept: 'application/json', referer: `${base}/danh-gia-chat-luong-phuc-vu`, origin: base },
      provenanceUrl: `${base}${PROGRESS_PATH}?${query(body)}`,
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
