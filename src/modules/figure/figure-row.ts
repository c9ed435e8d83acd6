/**
 * A figure as a plain row: every column the GraphQL `Figure` type reads, relations as ids. The figure list, a
 * document's figures and the figures behind rankings and series are read as these rows (one statement per page or
 * per batch); the `Figure` field resolvers take rows and entities alike. A new column of `figure` that the API
 * shows goes into FIGURE_COLUMNS and `toFigureRow`.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Figure } from './figure.entity';
import { rowLoader, rowsLoader, toDate, type RawRow } from '../../graphql/rows';
import { NotFoundError } from '../../errors';

/** What the `Figure` field resolvers read: an entity or a plain row. */
export type FigureRow = Omit<Figure, 'document' | 'metric' | 'subject'> & {
  document: { id: number };
  metric: { code: string };
  subject: { id: number };
};

/** The columns of a figure row, for a `figure` table aliased `f`. */
export const FIGURE_COLUMNS = `f.id, f.document_id, f.metric_code, f.subject_id, f.subject_scope, f.subject_label, f.value, f.total,
  f.upper_bound, f.unit, f.kind, f.comparator, f.approximate, f.is_change, f.baseline_year, f.period_year, f.period_from_month,
  f.period_to_month, f.period_label, f.evidence_sentence, f.evidence_start, f.evidence_end, f.confidence, f.extractor_version,
  f.review_status, f.corrected_value, f.fingerprint, f.created_at, f.updated_at`;

/** A driver row selected with FIGURE_COLUMNS → a figure row. */
export function toFigureRow(r: RawRow): FigureRow {
  return {
    id: r.id, document: { id: r.document_id }, metric: { code: r.metric_code }, subject: { id: r.subject_id },
    subjectScope: r.subject_scope, subjectLabel: r.subject_label, value: r.value, total: r.total, upperBound: r.upper_bound,
    unit: r.unit, kind: r.kind, comparator: r.comparator, approximate: r.approximate, isChange: r.is_change,
    baselineYear: r.baseline_year, periodYear: r.period_year, periodFromMonth: r.period_from_month, periodToMonth: r.period_to_month,
    periodLabel: r.period_label, evidenceSentence: r.evidence_sentence, evidenceStart: r.evidence_start, evidenceEnd: r.evidence_end,
    confidence: r.confidence, extractorVersion: r.extractor_version, reviewStatus: r.review_status, correctedValue: r.corrected_value,
    fingerprint: r.fingerprint, createdAt: toDate(r.created_at)!, updatedAt: toDate(r.updated_at)!,
  };
}

/** Figures by id, one statement per GraphQL level (the chosen figures of rankings and series); null when missing. */
export function findFigure(em: EntityManager, id: number): Promise<FigureRow | null> {
  return rowLoader<number, FigureRow>(em, 'figure.byId',
    `select ${FIGURE_COLUMNS} from figure f where f.id in (?)`, toFigureRow, (f) => f.id).load(id);
}

/** A figure by id that must exist (a ranking's or series' chosen figure). */
export async function loadFigure(em: EntityManager, id: number): Promise<FigureRow> {
  const row = await findFigure(em, id);
  if (row === null) throw new NotFoundError('Figure', id);
  return row;
}

/** Every figure of many documents, by id, one statement per GraphQL level. */
export function loadDocumentFigures(em: EntityManager, documentId: number): Promise<FigureRow[]> {
  return rowsLoader<number, FigureRow>(em, 'document.figures',
    `select ${FIGURE_COLUMNS} from figure f where f.document_id in (?) order by f.id`, toFigureRow, (f) => f.document.id).load(documentId);
}
