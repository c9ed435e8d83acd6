/**
 * `GET /export/figures.csv?metric=on_time_rate&…`: the figures of a filter as a CSV file, streamed page by page
 * (keyset pagination by figure id, one statement per page), so an export of any size uses constant memory and
 * holds no transaction open while a slow client reads.
 * Query parameters are the fields of the GraphQL `FigureFilter` (lists comma-separated or repeated; enums by their
 * GraphQL name, any case), plus `metric` as a one-metric shorthand. Unknown parameters are refused (400), so a typo
 * never silently exports everything.
 */
import type http from 'node:http';
import { validate } from 'class-validator';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { AppError, BadInputError } from '../errors';
import { isDatabaseUnavailable } from '../db/availability';
import { CodeSet, UnitLevel } from '../modules/unit/admin-unit.entity';
import { FigureKind, ReviewStatus } from '../modules/figure/figure.entity';
import { FigureFilter, assertFigureQueryKnown, toFigureQuery, type FigureQuery } from '../modules/figure/figure-filter.input';
import { FigureRepository, type FigureExportRow } from '../modules/figure/figure.repository';
import { UTF8_BOM, csvLine, csvText, csvValue } from './csv';
import { sendJson, type RouteHandler } from './server';

/** First cell of the line that ends an export cut short by an error (the file is incomplete). */
export const CSV_ERROR_MARKER = '#ERROR';

/** Rows per database round trip: large enough to amortise it, small enough to start sending at once. */
const PAGE_ROWS = 2000;

const upper = (v: string | null | undefined) => csvValue(v?.toUpperCase());
const COLUMNS: ReadonlyArray<readonly [string, (r: FigureExportRow) => string]> = [
  ['figure_id', (r) => csvValue(r.id)],
  ['unit_name', (r) => csvText(r.unit_name)],
  ['unit_code', (r) => csvText(r.unit_code)],
  ['unit_code_set', (r) => upper(r.unit_code_set)],
  ['unit_level', (r) => upper(r.unit_level)],
  ['unit_id', (r) => csvValue(r.unit_id)],
  ['metric_code', (r) => csvText(r.metric_code)],
  ['metric_name_vi', (r) => csvText(r.metric_name_vi)],
  ['metric_name_en', (r) => csvText(r.metric_name_en)],
  ['year', (r) => csvValue(r.year)],
  ['from_month', (r) => csvValue(r.from_month)],
  ['to_month', (r) => csvValue(r.to_month)],
  ['period_label', (r) => csvText(r.period_label)],
  ['partial_year', (r) => csvValue(r.partial_year)],
  ['value', (r) => csvValue(r.value)],
  ['extracted_value', (r) => csvValue(r.extracted_value)],
  ['total', (r) => csvValue(r.total)],
  ['unit', (r) => csvText(r.unit)],
  ['kind', (r) => upper(r.kind)],
  ['comparator', (r) => upper(r.comparator)],
  ['approximate', (r) => csvValue(r.approximate)],
  ['is_change', (r) => csvValue(r.is_change)],
  ['subject_scope', (r) => upper(r.subject_scope)],
  ['review_status', (r) => upper(r.review_status)],
  ['confidence', (r) => csvValue(r.confidence)],
  ['document_url', (r) => csvText(r.document_url)],
  ['document_title', (r) => csvText(r.document_title)],
  ['published_at', (r) => csvValue(r.published_at ? new Date(r.published_at).toISOString() : null)],
  ['source_id', (r) => csvText(r.source_id)],
  ['evidence_sentence', (r) => csvText(r.evidence_sentence)],
  ['evidence_start', (r) => csvValue(r.evidence_start)],
  ['evidence_end', (r) => csvValue(r.evidence_end)],
  ['extractor_version', (r) => csvText(r.extractor_version)],
  ['document_id', (r) => csvValue(r.document_id)],
  ['table_index', (r) => csvValue(r.table_index)],
  ['table_caption', (r) => csvText(r.table_caption)],
  ['row_label', (r) => csvText(r.row_label)],
  ['column_header', (r) => csvText(r.column_header)],
  ['page', (r) => csvValue(r.source_page)],
  ['check_failed', (r) => csvValue(r.check_failed)],
  ['check_reason', (r) => csvText(r.check_reason)],
];

/** The header line of the export. */
export const FIGURES_CSV_HEADER = csvLine(COLUMNS.map(([name]) => name));

function enumValue<E extends Record<string, string>>(e: E, raw: string, param: string): E[keyof E] {
  const found = Object.entries(e).find(([key, value]) => key.toLowerCase() === raw.toLowerCase() || value === raw.toLowerCase());
  if (!found) throw new BadInputError(`${param}: "${raw.slice(0, 40)}" is not one of ${Object.keys(e).join(', ')}`);
  return found[1] as E[keyof E];
}

function intParam(raw: string, param: string): number {
  if (!/^-?\d{1,9}$/.test(raw)) throw new BadInputError(`${param} must be a whole number, got "${raw.slice(0, 40)}"`);
  return Number(raw);
}

type ParamReader = (values: string[], filter: FigureFilter) => void;
const single = (set: (filter: FigureFilter, value: string) => void): ParamReader => (values, filter) => set(filter, values[values.length - 1]);

/** Query parameter → how it fills the filter. Lists take "a,b" or repeated parameters. */
const PARAMS: Record<string, ParamReader> = {
  metric: (v, f) => { f.metrics = [...(f.metrics ?? []), ...v]; },
  metrics: (v, f) => { f.metrics = [...(f.metrics ?? []), ...v]; },
  unitIds: (v, f) => { f.unitIds = v; },
  unitCodes: (v, f) => { f.unitCodes = v; },
  codeSet: single((f, v) => { f.codeSet = enumValue(CodeSet, v, 'codeSet'); }),
  levels: (v, f) => { f.levels = v.map((x) => enumValue(UnitLevel, x, 'levels')); },
  provinceId: single((f, v) => { f.provinceId = v; }),
  yearFrom: single((f, v) => { f.yearFrom = intParam(v, 'yearFrom'); }),
  yearTo: single((f, v) => { f.yearTo = intParam(v, 'yearTo'); }),
  kind: single((f, v) => { f.kind = enumValue(FigureKind, v, 'kind'); }),
  reviewStatus: (v, f) => { f.reviewStatus = v.map((x) => enumValue(ReviewStatus, x, 'reviewStatus')); },
  sourceIds: (v, f) => { f.sourceIds = v; },
  documentId: single((f, v) => { f.documentId = v; }),
};

/** Parse and validate the query string into a figure query; throws an AppError (BAD_USER_INPUT) naming the parameter. */
export async function parseExportParams(search: URLSearchParams): Promise<FigureQuery> {
  const filter = new FigureFilter();
  for (const name of new Set(search.keys())) {
    const read = PARAMS[name];
    if (!read) throw new BadInputError(`unknown parameter "${name.slice(0, 40)}"; use ${Object.keys(PARAMS).join(', ')}`);
    const values = search.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    if (values.length) read(values, filter);
  }
  const errors = await validate(filter, { forbidUnknownValues: false });
  if (errors.length) {
    throw new BadInputError(errors.map((e) => `${e.property}: ${Object.values(e.constraints ?? {}).join(', ')}`).join('; '));
  }
  return toFigureQuery(filter);
}

function waitForDrain(res: http.ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** The `/export/figures.csv` route; `pageRows` (rows per database page) is exposed for tests. */
export function figuresCsvRoute(o: { orm: MikroORM; config: Readonly<Config>; logger: Logger; pageRows?: number }): RouteHandler {
  const pageRows = o.pageRows ?? PAGE_ROWS;
  const log = o.logger.child({ component: 'csv-export' });
  return async (req, res, url) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('method not allowed');
      return;
    }
    let query: FigureQuery;
    try {
      query = await parseExportParams(url.searchParams);
      // Unknown metric, source or province: 400 with the reason, as in GraphQL, before any CSV is sent.
      await assertFigureQueryKnown(o.orm.em.fork(), query);
    } catch (err) {
      if (err instanceof AppError) return sendJson(res, 400, { error: err.message, code: 'BAD_USER_INPUT' });
      throw err;
    }
    const name = query.metrics?.length === 1 ? `figures-${query.metrics[0]}.csv` : 'figures.csv';
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'no-store', 'x-content-type-options': 'nosniff', trailer: 'x-export-status',
    });
    if (req.method === 'HEAD') return void res.end();
    res.write(UTF8_BOM + FIGURES_CSV_HEADER);
    const em = o.orm.em.fork();
    let afterId = 0;
    let rows = 0;
    try {
      for (;;) {
        // One short statement per page (under the API pool's statement timeout); no transaction stays open while a slow client reads.
        const page = await new FigureRepository(em).exportPage(query, afterId, pageRows);
        if (page.length === 0 || res.destroyed) break;
        rows += page.length;
        afterId = page[page.length - 1].id;
        const chunk = page.map((r) => csvLine(COLUMNS.map(([, cell]) => cell(r)))).join('');
        if (!res.write(chunk)) await waitForDrain(res);
        if (page.length < pageRows) break;
      }
      res.addTrailers({ 'x-export-status': 'complete' });
      res.end();
    } catch (err) {
      // Headers are gone, so the status cannot change: the file ends with a marker line that says it is incomplete
      // (and the trailer says so too), instead of a download that merely stops.
      log.error({ err, rows, afterId }, 'csv export failed');
      if (res.destroyed) return;
      const why = isDatabaseUnavailable(err) ? 'the database did not answer in time' : 'an internal error stopped it';
      res.write(csvLine([CSV_ERROR_MARKER, csvText(`export incomplete after ${rows} rows: ${why}; try again`)]));
      res.addTrailers({ 'x-export-status': 'incomplete' });
      res.end();
    }
  };
}
