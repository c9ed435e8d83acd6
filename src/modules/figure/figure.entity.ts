import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Document } from '../document/document.entity';
import { Metric } from '../metric/metric.entity';
import { AdminUnit } from '../unit/admin-unit.entity';

export enum FigureKind {
  ACTUAL = 'actual',
  TARGET = 'target',
}
registerEnumType(FigureKind, { name: 'FigureKind', description: 'Achieved (ACTUAL) or committed (TARGET)' });

export enum Comparator {
  EQ = 'eq',
  GTE = 'gte',
  GT = 'gt',
  LTE = 'lte',
  LT = 'lt',
}
registerEnumType(Comparator, { name: 'Comparator', description: 'How the stated number bounds the true value' });

export enum ReviewStatus {
  AUTO = 'auto',
  CONFIRMED = 'confirmed',
  REJECTED = 'rejected',
  CORRECTED = 'corrected',
  /** Stored below the serving confidence threshold: kept out of compare, timeSeries and figureStats until reviewed. */
  NEEDS_REVIEW = 'needs_review',
}
registerEnumType(ReviewStatus, {
  name: 'ReviewStatus',
  description: 'AUTO: extracted and served; NEEDS_REVIEW: extracted with low confidence, not served by default; CONFIRMED, CORRECTED, REJECTED: reviewed',
});

export enum SubjectScope {
  UNIT = 'unit',
  SUBUNITS = 'subunits',
  PROVINCE_WIDE = 'province_wide',
  DEPARTMENTS = 'departments',
}
registerEnumType(SubjectScope, {
  name: 'SubjectScope',
  description: 'The unit itself, the units below it ("100% TTHC phường"), its whole area with every tier together ("toàn tỉnh", "toàn huyện": like UNIT, the unit\'s own figure in compare, timeSeries and figureStats), or its departments ("các sở, ngành")',
});

/**
 * One number stated about one unit for one period, with its meaning and the sentence it was read from.
 * Exact decimals are `numeric` columns mapped to strings; the API exposes them as Float.
 */
@ObjectType({ description: 'One cited figure', simpleResolvers: true })
@Entity({ tableName: 'figure' })
@Unique({ name: 'figure_document_fingerprint_unique', properties: ['document', 'fingerprint'] })
@Index({ name: 'figure_metric_year_subject_idx', properties: ['metric', 'periodYear', 'subject'] })
@Index({ name: 'figure_subject_metric_idx', properties: ['subject', 'metric'] })
// Rankings of one month, quarter or half (the national index: 72 periods a year-range per unit) read only that period,
// for every unit of a tier (3,321 communes): the key finds exactly that period, and the columns the selection rule
// reads are in the index, so the ranking is an index-only scan instead of one heap page per figure (`figure-sql.ts`).
// It replaces `figure_metric_year_month_idx` (metric, year, first month), a prefix of its key.
@Index({
  name: 'figure_period_pick_idx',
  expression: `create index "figure_period_pick_idx" on "figure" ("metric_code", "period_year", "period_from_month", "period_to_month", "subject_id")
    include ("kind", "is_change", "subject_scope", "review_status", "value", "corrected_value", "comparator", "approximate", "document_id", "period_label", "id")`,
})
export class Figure {
  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Document, { ref: true, index: true, deleteRule: 'cascade' })
  document!: Ref<Document>;

  @ManyToOne(() => Metric, { ref: true })
  metric!: Ref<Metric>;

  @ManyToOne(() => AdminUnit, { ref: true })
  subject!: Ref<AdminUnit>;

  @Field(() => SubjectScope)
  @Enum({ items: () => SubjectScope, nativeEnumName: 'subject_scope' })
  subjectScope: SubjectScope = SubjectScope.UNIT;

  @Field({ description: 'The subject as the text named it' })
  @Property({ type: 'string', length: 300 })
  subjectLabel!: string;

  @Property({ type: 'decimal', precision: 20, scale: 6 })
  value!: string;

  @Property({ type: 'decimal', precision: 20, scale: 6, nullable: true })
  total?: string | null;

  @Property({ type: 'decimal', precision: 20, scale: 6, nullable: true })
  upperBound?: string | null;

  /** For a rate computed from published counts: the numerator (`total` is the denominator). */
  @Property({ type: 'decimal', precision: 20, scale: 6, nullable: true })
  numerator?: string | null;

  @Field({ description: 'percent, count, score, rank or day' })
  @Property({ type: 'string', length: 20 })
  unit!: string;

  @Field(() => FigureKind)
  @Enum({ items: () => FigureKind, nativeEnumName: 'figure_kind' })
  kind!: FigureKind;

  @Field(() => Comparator)
  @Enum({ items: () => Comparator, nativeEnumName: 'comparator' })
  comparator!: Comparator;

  @Field()
  @Property({ type: 'boolean', default: false })
  approximate: boolean = false;

  @Field({ description: 'true when the number is a change ("tăng 3% so với năm 2020"), not a level' })
  @Property({ type: 'boolean', default: false })
  isChange: boolean = false;

  @Field(() => Int, { nullable: true })
  @Property({ type: 'smallint', nullable: true })
  baselineYear?: number | null;

  @Property({ type: 'smallint', nullable: true })
  periodYear?: number | null;

  @Property({ type: 'smallint', nullable: true })
  periodFromMonth?: number | null;

  @Property({ type: 'smallint', nullable: true })
  periodToMonth?: number | null;

  @Property({ type: 'string', length: 200 })
  periodLabel!: string;

  @Property({ type: 'text' })
  evidenceSentence!: string;

  @Property({ type: 'integer' })
  evidenceStart!: number;

  @Property({ type: 'integer' })
  evidenceEnd!: number;

  @Field(() => Float)
  @Property({ type: 'real' })
  confidence!: number;

  @Field()
  @Property({ type: 'string', length: 20 })
  extractorVersion!: string;

  @Field(() => ReviewStatus)
  @Enum({ items: () => ReviewStatus, nativeEnumName: 'review_status', default: ReviewStatus.AUTO })
  reviewStatus: ReviewStatus = ReviewStatus.AUTO;

  @Property({ type: 'decimal', precision: 20, scale: 6, nullable: true })
  correctedValue?: string | null;

  /** For a figure read from a table: 1-based position of the table in its document (null for prose). */
  @Property({ type: 'smallint', nullable: true })
  tableIndex?: number | null;

  /** The table's caption or the heading above it. */
  @Property({ type: 'string', length: 300, nullable: true })
  tableCaption?: string | null;

  /** The row's label cell as printed ("UBND Phường 4"). */
  @Property({ type: 'string', length: 300, nullable: true })
  rowLabel?: string | null;

  /** The column's header as printed, stacked header rows joined with " / ". */
  @Property({ type: 'string', length: 300, nullable: true })
  columnHeader?: string | null;

  /** 1-based PDF page of the cell. */
  @Property({ type: 'smallint', nullable: true })
  sourcePage?: number | null;

  @Field({ description: 'true when the figure failed a consistency check of its table (see checkReason); it is kept for review' })
  @Property({ type: 'boolean', default: false })
  checkFailed: boolean = false;

  @Field(() => String, { nullable: true, description: 'Why the figure failed a consistency check, e.g. "đúng hạn 1.230 + trễ hạn 4 ≠ đã giải quyết 1.240"' })
  @Property({ type: 'text', nullable: true })
  checkReason?: string | null;

  /** Hash of what the figure says (metric, subject, kind, period, value…, sentence): storing a page twice is a no-op. */
  @Property({ type: 'string', length: 64 })
  fingerprint!: string;

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field()
  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
