import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { FigureKind, ReviewStatus } from './figure.entity';

/**
 * The selection rule's answer stored ahead of time: which figure stands for a unit, metric, kind and period (the
 * rule is in `figure-sql.ts`, `chosenFigures`). One row per (metric, kind, unit, year, grain, first month, served):
 * grain 12 is the yearly rule (first month 1; part-year figures as a fallback), grains 6/3/1 one row per exact
 * half/quarter/month; `served` true chooses among reviewed and above-threshold figures only, false among all but
 * rejected ones. Rankings read these rows instead of choosing among a year's candidates on every request.
 *
 * Maintained by the database (functions `figure_pick_*` and triggers on `figure` and `document`, in the migrations): every change of a
 * figure (or of its document's publication date) marks its key in `figure_pick_dirty` in the same transaction, and
 * `figure_pick_refresh` recomputes marked keys and clears their marks. Readers never trust a marked key's row: they
 * choose for it as before (`figure-pick.ts`), so the answer is the same before and after a refresh, from any number
 * of writers, refreshers and API instances.
 */
@Entity({ tableName: 'figure_pick' })
export class FigurePick {
  @PrimaryKey({ type: 'string', length: 60 })
  metricCode!: string;

  @Enum({ items: () => FigureKind, nativeEnumName: 'figure_kind', primary: true })
  kind!: FigureKind;

  @PrimaryKey({ type: 'smallint' })
  grain!: number;

  @PrimaryKey({ type: 'smallint' })
  periodYear!: number;

  @PrimaryKey({ type: 'smallint' })
  spanFrom!: number;

  @PrimaryKey({ type: 'boolean' })
  served!: boolean;

  @PrimaryKey({ type: 'integer' })
  subjectId!: number;

  @Property({ type: 'integer' })
  figureId!: number;

  @Property({ type: 'smallint', nullable: true })
  fromMonth?: number | null;

  @Property({ type: 'smallint', nullable: true })
  toMonth?: number | null;

  /** The value the figure stands for (a reviewer's correction when there is one). */
  @Property({ type: 'decimal', precision: 20, scale: 6 })
  value!: string;

  @Property({ type: 'boolean' })
  partialYear!: boolean;

  @Property({ type: 'string', length: 200 })
  periodLabel!: string;

  @Enum({ items: () => ReviewStatus, nativeEnumName: 'review_status' })
  reviewStatus!: ReviewStatus;

  /** Other candidates for the same key. */
  @Property({ type: 'integer' })
  alternatives!: number;
}

/** A key whose `figure_pick` rows may be stale: a figure of it changed after they were computed. */
@Entity({ tableName: 'figure_pick_dirty' })
@Index({ name: 'figure_pick_dirty_key_idx', properties: ['metricCode', 'kind', 'periodYear', 'subjectId'] })
export class FigurePickDirty {
  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'string', length: 60 })
  metricCode!: string;

  @Enum({ items: () => FigureKind, nativeEnumName: 'figure_kind' })
  kind!: FigureKind;

  @Property({ type: 'integer' })
  subjectId!: number;

  @Property({ type: 'smallint' })
  periodYear!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  markedAt!: Date;
}
