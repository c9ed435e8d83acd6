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

/** What the `Figure` field resolvers read: an entity or a plain row. */
export type FigureRow = Omit<Figure, 'document' | 'metric' | 'subject'> & {
  document: { id: number };
  metric: { code: string };
  subject: { id: number };
};

/** How to read one property of a figure row from its column. */
interface ColumnReader { name: string; column: string; read: 'value' | 'date' | 'ref'; pk?: string }

/** The figure row's columns and mapping, derived once from the entity's MikroORM metadata. */
interface FigureMapping { columns: string; readers: ColumnReader[] }

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
  mapping = { columns: readers.map((r) => `f.${r.column}`).join(', '), readers };
  return mapping;
}

/** The columns of a figure row, for a `figure` table aliased `f`. */
export function figureColumns(em: EntityManager): string {
  return figureMapping(em).columns;
}

/** A driver row selected with `figureColumns` → a figure row. */
export function toFigureRow(em: EntityManager, r: RawRow): FigureRow {
  const row: Record<string, unknown> = {};
  for (const c of figureMapping(em).readers) {
    const v = r[c.column];
    row[c.name] = c.read === 'value' ? v : c.read === 'date' ? toDate(v) : v === null ? null : { [c.pk!]: v };
  }
  return row as FigureRow;
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
