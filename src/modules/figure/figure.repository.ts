/**
 * Figure lists: one page by a filter in a chosen order, counts, and the flat rows of the CSV export.
 * Pages come back as plain rows (one statement per page, no entity hydration; relations load through the
 * request's batch loaders, one statement per related type).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { figureColumns, figureRowReader, toFigureRow, type FigureRow } from './figure-row';
import type { Metric } from '../metric/metric.entity';
import { toMetric } from '../metric/metric-row';
import { toUnitViewRow, withParentView, type AdminUnitView } from '../unit/unit-view';
import { toDocumentRow, type DocumentRow } from '../document/document-row';
import { selectList } from '../../graphql/projection';
import { FigureOrder, type FigureQuery } from './figure-filter.input';
import { EFFECTIVE_VALUE, FULL_YEAR, figureWhere } from './figure-sql';

/** ORDER BY per order; every one ends on the id so pages are stable. */
const ORDER_SQL: Record<FigureOrder, string> = {
  [FigureOrder.YEAR_DESC]: 'f.period_year desc nulls last, f.id desc',
  [FigureOrder.YEAR_ASC]: 'f.period_year asc nulls last, f.id asc',
  [FigureOrder.PUBLISHED_DESC]: '(select od.published_at from document od where od.id = f.document_id) desc nulls last, f.id desc',
  [FigureOrder.VALUE_DESC]: `${EFFECTIVE_VALUE} desc, f.id desc`,
  [FigureOrder.VALUE_ASC]: `${EFFECTIVE_VALUE} asc, f.id asc`,
  [FigureOrder.ID_ASC]: 'f.id asc',
};

/**
 * What a page's statement reads (built from the request's selection, see figure.resolver.ts): the figure columns the
 * selected fields read, and the related rows shown with each figure — metric, subject (and its parent), document (and
 * its source) — with the columns their selected fields read. Related rows are joined to the page and attached to the
 * figure rows they belong to (see {@link related}), so the field resolvers return them without a statement.
 */
export interface PageProjection {
  figure: readonly string[];
  metric?: readonly string[] | null;
  subject?: { columns: readonly string[]; parent: readonly string[] | null } | null;
  /** Never with the text: the one large column stays with the document loader. */
  document?: { columns: readonly string[]; source: readonly string[] | null } | null;
}

/** The related rows a page's statement read with a figure row. */
export interface RelatedRows {
  metric?: Metric;
  subject?: AdminUnitView;
  document?: DocumentRow;
}

const RELATED = Symbol('related');

/** The rows read with figure row `f` by its page's statement (undefined for a figure read on its own). */
export function related(f: object): RelatedRows | undefined {
  return (f as { [RELATED]?: RelatedRows })[RELATED];
}

/** Column prefixes of the joined rows (figure columns carry no double underscore). */
const M = 'm__';
const U = 'u__';
const UP = 'up__';
const D = 'd__';
const M_CODE = `${M}code`;
const U_ID = `${U}id`;
const D_ID = `${D}id`;

/** One row of the CSV export (snake_case, as selected). */
export interface FigureExportRow {
  id: number;
  unit_id: number;
  unit_code: string;
  unit_code_set: string;
  unit_name: string;
  unit_level: string;
  metric_code: string;
  metric_name_vi: string;
  metric_name_en: string;
  year: number | null;
  from_month: number | null;
  to_month: number | null;
  period_label: string;
  partial_year: boolean;
  value: string;
  extracted_value: string;
  total: string | null;
  unit: string;
  kind: string;
  comparator: string;
  approximate: boolean;
  is_change: boolean;
  subject_scope: string;
  review_status: string;
  confidence: number;
  document_id: number;
  document_url: string;
  document_title: string;
  published_at: Date | null;
  source_id: string;
  evidence_sentence: string;
  evidence_start: number;
  evidence_end: number;
  extractor_version: string;
  table_index: number | null;
  table_caption: string | null;
  row_label: string | null;
  column_header: string | null;
  source_page: number | null;
  check_failed: boolean;
  check_reason: string | null;
}

/** The value of `key` in `map`, made by `make` the first time. */
function once<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** Queries over figures for one request's EntityManager. */
export class FigureRepository {
  constructor(private readonly em: EntityManager) {}

  /** One page of figures matching `q`, in `order`: every column, no related rows. */
  async findPage(q: FigureQuery, order: FigureOrder, limit: number, offset: number): Promise<FigureRow[]> {
    const where = figureWhere(q);
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select ${figureColumns(this.em)} from figure f where ${where.sql} order by ${ORDER_SQL[order]} limit ? offset ?`,
      [...where.params, limit, offset],
    );
    return rows.map((r) => toFigureRow(this.em, r));
  }

  /**
   * One page of figures matching `q`, in `order`, reading what `p` says: one statement for the page and the
   * provenance shown with it. The page is a subquery with its LIMIT, so it is taken first (the plan of the page
   * alone) and the joins are look-ups by primary key for its rows; the outer ORDER BY repeats the page's order over
   * its own columns. Related rows shared by several figures (a metric, a document) are mapped once.
   */
  async findProjectedPage(q: FigureQuery, order: FigureOrder, limit: number, offset: number, p: PageProjection): Promise<FigureRow[]> {
    const where = figureWhere(q);
    const columns = ['f.*'];
    const joins: string[] = [];
    if (p.metric) {
      columns.push(selectList('m', M, p.metric));
      joins.push('left join metric m on m.code = f.metric_code');
    }
    if (p.subject) {
      columns.push(selectList('u', U, p.subject.columns));
      joins.push('left join admin_unit u on u.id = f.subject_id');
      if (p.subject.parent) {
        columns.push(selectList('up', UP, p.subject.parent));
        joins.push('left join admin_unit up on up.id = u.parent_id');
      }
    }
    if (p.document) {
      columns.push(selectList('d', D, p.document.columns));
      joins.push('left join document d on d.id = f.document_id');
      if (p.document.source) {
        columns.push(selectList('ds', `${D}src_`, p.document.source));
        joins.push('left join source ds on ds.id = d.source_id');
      }
    }
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select ${columns.join(', ')} from (select ${p.figure.map((c) => `f.${c}`).join(', ')} from figure f where ${where.sql}
        order by ${ORDER_SQL[order]} limit ? offset ?) f ${joins.join(' ')} order by ${ORDER_SQL[order]}`,
      [...where.params, limit, offset],
    );
    const toRow = figureRowReader(this.em, p.figure);
    const metrics = new Map<string, Metric>();
    const units = new Map<number, AdminUnitView>();
    const documents = new Map<number, DocumentRow>();
    return rows.map((r) => {
      const row = toRow(r);
      const rel: RelatedRows = {};
      const code = r[M_CODE] as string | null | undefined;
      if (p.metric && code != null) rel.metric = once(metrics, code, () => toMetric(r, M));
      const unitId = r[U_ID] as number | null | undefined;
      if (p.subject && unitId != null) {
        rel.subject = once(units, unitId, () => (p.subject!.parent ? withParentView(r, U, UP) : toUnitViewRow(r, U)));
      }
      const documentId = r[D_ID] as number | null | undefined;
      if (p.document && documentId != null) rel.document = once(documents, documentId, () => toDocumentRow(r, !!p.document!.source, D));
      (row as FigureRow & { [RELATED]?: RelatedRows })[RELATED] = rel;
      return row;
    });
  }

  /** How many figures match `q`. */
  async count(q: FigureQuery): Promise<number> {
    const where = figureWhere(q);
    const [row] = await this.em.execute<{ n: string }[]>(`select count(*) as n from figure f where ${where.sql}`, where.params);
    return Number(row.n);
  }

  /** Up to `limit` export rows with id greater than `afterId`, by id (keyset pagination for streaming). */
  async exportPage(q: FigureQuery, afterId: number, limit: number): Promise<FigureExportRow[]> {
    const where = figureWhere(q);
    return this.em.execute<FigureExportRow[]>(
      `select f.id, s.id as unit_id, s.code as unit_code, s.code_set as unit_code_set, s.name as unit_name, s.level as unit_level,
          m.code as metric_code, m.name_vi as metric_name_vi, m.name_en as metric_name_en,
          f.period_year as year, f.period_from_month as from_month, f.period_to_month as to_month, f.period_label,
          not ${FULL_YEAR} as partial_year, trim_scale(${EFFECTIVE_VALUE})::text as value, trim_scale(f.value)::text as extracted_value,
          trim_scale(f.total)::text as total, f.unit, f.kind, f.comparator, f.approximate, f.is_change, f.subject_scope,
          f.review_status, f.confidence, d.id as document_id, d.url as document_url, d.title as document_title,
          d.published_at, d.source_id, f.evidence_sentence, f.evidence_start, f.evidence_end, f.extractor_version,
          f.table_index, f.table_caption, f.row_label, f.column_header, f.source_page, f.check_failed, f.check_reason
        from figure f
        join admin_unit s on s.id = f.subject_id
        join metric m on m.code = f.metric_code
        join document d on d.id = f.document_id
        where ${where.sql} and f.id > ?
        order by f.id
        limit ?`,
      [...where.params, afterId, limit],
    );
  }
}
