/** Object types that present parts of a `Figure` row: its period, its evidence, and the figure connection. */
import { Field, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { Figure } from './figure.entity';

@ObjectType({ description: 'The period a figure covers: a year, and months within it when the text named them', simpleResolvers: true })
export class FigurePeriod {
  @Field(() => Int, { nullable: true, description: 'null when the text gave no year and none could be inferred' })
  year!: number | null;

  @Field(() => Int, { nullable: true, description: 'First month (1-12), null when no months were named' })
  fromMonth!: number | null;

  @Field(() => Int, { nullable: true, description: 'Last month (1-12), null when no months were named' })
  toMonth!: number | null;

  @Field({ description: 'The period as the text put it, e.g. "9 tháng đầu năm 2019"' })
  label!: string;

  @Field({ description: 'true unless the figure covers the whole year (no months, or January to December)' })
  partialYear!: boolean;
}

@ObjectType({ description: 'Where a figure was read: the sentence and its character offsets in the document text', simpleResolvers: true })
export class Evidence {
  @Field()
  sentence!: string;

  @Field(() => Int, { description: 'Offset of the sentence in `Document.text` (UTF-16 code units, like JavaScript)' })
  start!: number;

  @Field(() => Int, { description: 'Offset just after the sentence' })
  end!: number;
}

@ObjectType({ description: 'The table cell a figure was read from: "Bảng 2, dòng Phường 4, cột Điểm"', simpleResolvers: true })
export class FigureCell {
  @Field(() => Int, { description: '1-based position of the table in its document' })
  tableIndex!: number;

  @Field(() => String, { nullable: true, description: 'The caption or the heading above the table' })
  caption!: string | null;

  @Field({ description: 'The row label as printed' })
  rowLabel!: string;

  @Field({ description: 'The column header as printed; stacked header rows are joined with " / "' })
  columnHeader!: string;

  @Field(() => Int, { nullable: true, description: '1-based page, for a PDF' })
  page!: number | null;
}

/** A figure's cell, or null for a figure read from prose. */
export function cellOf(f: Figure): FigureCell | null {
  if (f.tableIndex === null || f.tableIndex === undefined) return null;
  return { tableIndex: f.tableIndex, caption: f.tableCaption ?? null, rowLabel: f.rowLabel ?? '', columnHeader: f.columnHeader ?? '', page: f.sourcePage ?? null };
}

export const FigureConnection = Connection(Figure, 'Figure');

/** Build a figure's period object. */
export function periodOf(f: Pick<Figure, 'periodYear' | 'periodFromMonth' | 'periodToMonth' | 'periodLabel'>): FigurePeriod {
  const fromMonth = f.periodFromMonth ?? null;
  const toMonth = f.periodToMonth ?? null;
  return {
    year: f.periodYear ?? null, fromMonth, toMonth, label: f.periodLabel,
    partialYear: !((fromMonth ?? 1) === 1 && (toMonth ?? 12) === 12),
  };
}
