/**
 * Figure lists: one page by a filter in a chosen order, counts, and the flat rows of the CSV export.
 * Pages come back as plain rows (one statement per page, no entity hydration; relations load through the
 * request's batch loaders, one statement per related type).
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { figureColumns, toFigureRow, type FigureRow } from './figure-row';
import { metricColumns, primeMetric, toMetric } from '../metric/metric-row';
import { primeUnitView, toUnitViewRow, unitViewColumns, withParentView } from '../unit/unit-view';
import { documentColumns, primeDocument, toDocumentRow } from '../document/document-row';
import { sourceColumns } from '../source/source-row';
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
 * The related rows a page's statement reads with the figures (what the request selects under `edges.node`): each
 * one joined to the page and handed to the request's batch loaders, so the field resolvers find it without a
 * statement of their own.
 */
export interface PageRelations {
  metric?: boolean;
  /** The subject, with its parent's view when `withParent`. */
  subject?: { withParent: boolean } | null;
  /** The document (never its text: the one large column stays with its own loader), with its source when `withSource`. */
  document?: { withSource: boolean } | null;
}

/** Column prefixes of the joined rows (figure columns carry no double underscore). */
const M = 'm__';
const U = 'u__';
const UP = 'up__';
const D = 'd__';
const M_CODE = `${M}code`;
const U_ID = `${U}id`;
const D_ID = `${D}id`;
const D_SRC_ID = `${D}src_id`;

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

/** Queries over figures for one request's EntityManager. */
export class FigureRepository {
  constructor(private readonly em: EntityManager) {}

  /**
   * One page of figures matching `q`, in `order`. With `related`, the same statement joins the page's metrics,
   * subjects (and parents), documents (and sources) and primes the request's loaders with them: a page and the
   * provenance shown with it cost one statement and one round trip.
   */
  async findPage(q: FigureQuery, order: FigureOrder, limit: number, offset: number, related: PageRelations = {}): Promise<FigureRow[]> {
    const where = figureWhere(q);
    const page = `select ${figureColumns(this.em)} from figure f where ${where.sql} order by ${ORDER_SQL[order]} limit ? offset ?`;
    const params = [...where.params, limit, offset];
    const { metric, subject, document } = related;
    if (!metric && !subject && !document) {
      const rows = await this.em.execute<Record<string, unknown>[]>(page, params);
      return rows.map((r) => toFigureRow(this.em, r));
    }
    // The page is a subquery with its LIMIT, so it is taken first (the plan of the page alone) and the joins are
    // look-ups by primary key for its rows; the outer ORDER BY repeats the page's order over its own columns.
    const columns = ['f.*'];
    const joins: string[] = [];
    if (metric) {
      columns.push(metricColumns('m', M));
      joins.push('left join metric m on m.code = f.metric_code');
    }
    if (subject) {
      columns.push(unitViewColumns('u', U));
      joins.push('left join admin_unit u on u.id = f.subject_id');
      if (subject.withParent) {
        columns.push(unitViewColumns('up', UP));
        joins.push('left join admin_unit up on up.id = u.parent_id');
      }
    }
    if (document) {
      columns.push(documentColumns(false, D));
      joins.push('left join document d on d.id = f.document_id');
      if (document.withSource) {
        columns.push(sourceColumns('ds', `${D}src_`));
        joins.push('left join source ds on ds.id = d.source_id');
      }
    }
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select ${columns.join(', ')} from (${page}) f ${joins.join(' ')} order by ${ORDER_SQL[order]}`, params,
    );
    return rows.map((r) => {
      const code = r[M_CODE] as string | null;
      if (metric && code !== null) primeMetric(this.em, code, () => toMetric(r, M));
      const unitId = r[U_ID] as number | null;
      if (subject && unitId !== null) {
        primeUnitView(this.em, unitId, subject.withParent, () => (subject.withParent ? withParentView(r, U, UP) : toUnitViewRow(r, U)));
      }
      const documentId = r[D_ID] as number | null;
      if (document && documentId !== null && (!document.withSource || r[D_SRC_ID] !== null)) {
        primeDocument(this.em, documentId, false, document.withSource, () => toDocumentRow(r, document.withSource, D));
      }
      return toFigureRow(this.em, r);
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
