/**
 * Tables → figures, and one document (prose + tables) → figures. Pure.
 *
 * `figuresFromDocument` runs the prose engine over the text and the table reader over the tables (the structured
 * tables the caller found, or else the tables rebuilt from the flattened text), runs the consistency checks per
 * table, and keeps one figure per statement: a prose figure that repeats a table cell (same metric, value, unit and
 * subject) is left out in favour of the cell, which cites more precisely.
 *
 * Public surface: {@link figuresFromTables}, {@link figuresFromDocument}, {@link DocumentInput}, and re-exports.
 */
import { figuresFromText } from '../extract/figures';
import type { ExtractedFigure, ExtractionContext, ExtractionResult } from '../types';
import { checkTableFigures } from './checks';
import { tablesFromText } from './flat';
import { buildGrid, type RawTable } from './grid';
import { figuresFromGrid, type TableReadResult } from './read';

export type { RawCell, RawTable, Grid } from './grid';
export { buildGrid, TABLE_LIMITS } from './grid';
export { tablesFromText } from './flat';
export { figuresFromGrid } from './read';

/** Read every table; table indexes are 1-based in the order given. */
export function figuresFromTables(tables: readonly RawTable[], ctx: ExtractionContext): TableReadResult {
  const out: TableReadResult = { figures: [], dropped: [] };
  tables.forEach((raw, i) => {
    const { figures, dropped } = figuresFromGrid(buildGrid(raw, i + 1), ctx);
    checkTableFigures(figures);
    out.figures.push(...figures);
    out.dropped.push(...dropped);
  });
  return out;
}

export interface DocumentInput {
  text: string;
  /** Structured tables (HTML, DOCX, XLSX, PDF). When absent, flattened tables are rebuilt from `text`. */
  tables?: readonly RawTable[];
}

function sameStatement(a: ExtractedFigure, b: ExtractedFigure): boolean {
  return a.metric === b.metric && a.value === b.value && a.unit === b.unit
    && (a.subject.unitId ?? a.subject.name) === (b.subject.unitId ?? b.subject.name);
}

/** Prose and tables of one document through the same engine. */
export function figuresFromDocument(doc: DocumentInput, ctx: ExtractionContext): ExtractionResult & { tableCount: number } {
  const prose = figuresFromText(doc.text, ctx);
  const tables = doc.tables ?? tablesFromText(prose.text);
  const fromTables = figuresFromTables(tables, ctx);
  const proseKept = prose.figures.filter((f) => !fromTables.figures.some((t) => sameStatement(f, t)));
  return {
    ...prose,
    figures: [...proseKept, ...fromTables.figures],
    dropped: [...prose.dropped, ...fromTables.dropped],
    tableCount: tables.length,
  };
}
