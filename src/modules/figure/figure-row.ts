/**
 * A figure as a plain row: every column the GraphQL `Figure` type reads, relations as ids. The figure list, a
 * document's figures and the figures behind rankings and series are read as these rows (one statement per page or
 * per batch); the `Figure` field resolvers take rows and entities alike. The columns and their mapping come from the
 * entity's metadata, so a property added to `Figure` (and its migration) reaches the list with no change here.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ReferenceKind } from '@mikro-orm/core';
import { Figure } from './figure.entity';
import { rowLoader, rowsLoader, toDate, type RawRow } from '../../graphql/rows';
import { NotFoundError } from '../../errors';
import { columnsOf, type TableColumns } from '../../graphql/projection';

/** What the `Figure` field resolvers read: an entity or a plain row. */
export type FigureRow = Omit<Figure, 'document' | 'metric' | 'subject'> & {
  document: { id: number };
  metric: { code: string };
  subject: { id: number };
};

/** How to read one property of a figure row from its column. */
interface ColumnReader { name: string; column: string; read: 'value' | 'date' | 'ref'; pk?: string }

/** The figure row's columns and mapping, derived once from the entity's MikroORM metadata. */
interface FigureMapping { columns: string; readers: ColumnReader[]; table: TableColumns }

let mapping: FigureMapping | undefined;

/**
 * Columns and readers from `Figure`'s metadata: every persisted, non-lazy scalar column (timestamps as Date, decimals
 * as the driver's strings, like the entity) and every many-to-one as `{ <primary key>: column }`. A column added to
 * the entity is read by the list without touching this file.
 */
function figureMapping(em: EntityManager): FigureMapping {
  if (mapping) return mapping;
  const meta = em.getMetadata().get(Figure.name);
  const readers: ColumnReader[] = [];
  for (const prop of meta.props) {
    if (prop.persist === false || prop.formula || prop.lazy || prop.fieldNames?.length !== 1) continue;
    const column = prop.fieldNames[0];
    if (prop.kind === ReferenceKind.SCALAR) {
      readers.push({ name: prop.name, column, read: prop.runtimeType === 'Date' ? 'date' : 'value' });
    } else if (prop.kind === ReferenceKind.MANY_TO_ONE) {
      readers.push({ name: prop.name, column, read: 'ref', pk: prop.targetMeta!.primaryKeys[0] });
    }
  }
  const table: TableColumns = {
    all: readers.map((r) => r.column),
    // the key, what the page orders by (period, value as corrected, publication through the document) and the relations
    always: ['id', 'period_year', 'value', 'review_status', 'corrected_value', 'document_id', 'metric_code', 'subject_id'],
    computed: FIGURE_FIELD_COLUMNS,
  };
  mapping = { columns: readers.map((r) => `f.${r.column}`).join(', '), readers, table };
  return mapping;
}

/**
 * Columns the `Figure` field resolvers (figure.resolver.ts) read; plain fields read the column of their name. A field
 * resolver missing here makes a page read every column (correct, only slower).
 */
const FIGURE_FIELD_COLUMNS: Record<string, readonly string[]> = {
  value: ['value', 'review_status', 'corrected_value'],
  extractedValue: ['value'],
  period: ['period_year', 'period_from_month', 'period_to_month', 'period_label'],
  evidence: ['evidence_sentence', 'evidence_start', 'evidence_end'],
  cell: ['table_index', 'table_caption', 'row_label', 'column_header', 'source_page'],
  subject: ['subject_id'],
  metric: ['metric_code'],
  document: ['document_id'],
  reviews: ['id'],
};

/** The columns of the `figure` table behind the GraphQL fields `fields` of `Figure` (every column for a field not known). */
export function figureColumnsFor(em: EntityManager, fields: Iterable<string>): string[] {
  return columnsOf(figureMapping(em).table, fields);
}

/** Row mappers for a subset of the columns, by the subset. */
const subsetReaders = new Map<string, ColumnReader[]>();

/** Maps driver rows selected with the columns `columns` (from `figureColumnsFor`) → figure rows with those properties. */
export function figureRowReader(em: EntityManager, columns: readonly string[]): (r: RawRow) => FigureRow {
  const key = columns.join(',');
  let readers = subsetReaders.get(key);
  if (!readers) {
    const wanted = new Set(columns);
    readers = figureMapping(em).readers.filter((c) => wanted.has(c.column));
    if (subsetReaders.size < 256) subsetReaders.set(key, readers);
  }
  const chosen = readers;
  return (r) => readRow(chosen, r);
}

function readRow(readers: readonly ColumnReader[], r: RawRow): FigureRow {
  const row: Record<string, unknown> = {};
  for (const c of readers) {
    const v = r[c.column];
    row[c.name] = c.read === 'value' ? v : c.read === 'date' ? toDate(v) : v === null ? null : { [c.pk!]: v };
  }
  return row as FigureRow;
}

/** The columns of a figure row, for a `figure` table aliased `f`. */
export function figureColumns(em: EntityManager): string {
  return figureMapping(em).columns;
}

/** A driver row selected with `figureColumns` → a figure row. */
export function toFigureRow(em: EntityManager, r: RawRow): FigureRow {
  return readRow(figureMapping(em).readers, r);
}

/** Figures by id, one statement per GraphQL level (the chosen figures of rankings and series); null when missing. */
export function findFigure(em: EntityManager, id: number): Promise<FigureRow | null> {
  return rowLoader<number, FigureRow>(em, 'figure.byId',
    `select ${figureColumns(em)} from figure f where f.id in (?)`, (r) => toFigureRow(em, r), (f) => f.id).load(id);
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
    `select ${figureColumns(em)} from figure f where f.document_id in (?) order by f.id`, (r) => toFigureRow(em, r), (f) => f.document.id).load(documentId);
}
