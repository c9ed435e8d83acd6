/**
 * The figure filter shared by `figures`, `figureStats` and `/export/figures.csv`, and its normalised form.
 * Public surface: `FigureFilter` (GraphQL input), `FigureOrder`, `FigureQuery`, `toFigureQuery`, `METRIC_CODE`.
 */
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayNotEmpty, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { CodeSet, UnitLevel } from '../unit/admin-unit.entity';
import { FigureKind, ReviewStatus } from './figure.entity';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseId, parseIds } from '../../graphql/ids';
import { BadInputError } from '../../errors';
import { requireMetric } from '../metric/metric.repository';

/** Control characters (NUL above all: PostgreSQL cannot store it) are never part of a code, id or name. */
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Throws BAD_USER_INPUT when a text argument holds a control character (NUL would fail in the database). */
export function assertPlainText(value: string | null | undefined, what: string): void {
  if (value != null && CONTROL.test(value)) throw new BadInputError(`${what} must not contain control characters such as NUL (\\u0000)`);
}

/** Metric codes are lower-case words joined by underscores (`on_time_rate`). */
export const METRIC_CODE = /^[a-z][a-z0-9_]{0,59}$/;
/** Source ids are slugs (`hcm-quan-binh-thanh`). */
export const SOURCE_ID = /^[a-z0-9][a-z0-9-]{0,79}$/;
/** Years the catalogue can hold figures for. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;
/** Most ids or codes one list argument may carry. */
export const MAX_LIST = 500;

export enum FigureOrder {
  YEAR_DESC = 'year_desc',
  YEAR_ASC = 'year_asc',
  PUBLISHED_DESC = 'published_desc',
  VALUE_DESC = 'value_desc',
  VALUE_ASC = 'value_asc',
  ID_ASC = 'id_asc',
}
registerEnumType(FigureOrder, { name: 'FigureOrder', description: 'Order of a figure list; ties are broken by figure id' });

@InputType({ description: 'Which figures: every condition given must hold. Without `reviewStatus`, REJECTED figures are left out.' })
export class FigureFilter {
  @Field(() => [String], { nullable: true, description: 'Metric codes, e.g. ["on_time_rate"] (see `metrics`)' })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(50) @Matches(METRIC_CODE, { each: true, message: 'each metric must be a metric code such as on_time_rate' })
  metrics?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Subject units by id' })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(MAX_LIST)
  unitIds?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Subject units by official code, in `codeSet`' })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(MAX_LIST) @MaxLength(80, { each: true })
  unitCodes?: string[] | null;

  @Field(() => CodeSet, { nullable: true, description: 'Code list of `unitCodes` (default GSO)' })
  codeSet?: CodeSet | null;

  @Field(() => [UnitLevel], { nullable: true, description: 'Levels of the subject unit' })
  @IsOptional() @ArrayMaxSize(20)
  levels?: UnitLevel[] | null;

  @Field(() => ID, { nullable: true, description: 'A province (or any unit): figures about it and the units under it' })
  provinceId?: string | null;

  @Field(() => Int, { nullable: true })
  @IsOptional() @Min(MIN_YEAR) @Max(MAX_YEAR)
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true })
  @IsOptional() @Min(MIN_YEAR) @Max(MAX_YEAR)
  yearTo?: number | null;

  @Field(() => FigureKind, { nullable: true })
  kind?: FigureKind | null;

  @Field(() => [ReviewStatus], { nullable: true })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(4)
  reviewStatus?: ReviewStatus[] | null;

  @Field(() => [ID], { nullable: true, description: 'Sources (portals) by id' })
  @IsOptional() @ArrayNotEmpty() @ArrayMaxSize(MAX_LIST) @Matches(SOURCE_ID, { each: true, message: 'each source id must be a slug such as hcm-quan-1' })
  sourceIds?: string[] | null;

  @Field(() => ID, { nullable: true })
  documentId?: string | null;
}

/** A figure filter with ids parsed and defaults applied (what the repositories take). */
export interface FigureQuery {
  metrics?: string[];
  unitIds?: number[];
  unitCodes?: string[];
  codeSet: CodeSet;
  levels?: UnitLevel[];
  provinceId?: number;
  yearFrom?: number;
  yearTo?: number;
  kind?: FigureKind;
  /** Statuses to include; undefined = every status but REJECTED. */
  reviewStatus?: ReviewStatus[];
  sourceIds?: string[];
  documentId?: number;
}

/** Parse ids and check cross-field rules; throws BAD_USER_INPUT. */
export function toFigureQuery(filter: FigureFilter | null | undefined): FigureQuery {
  const f = filter ?? {};
  for (const code of f.unitCodes ?? []) assertPlainText(code, 'unitCodes');
  for (const m of f.metrics ?? []) assertPlainText(m, 'metrics');
  for (const id of f.sourceIds ?? []) assertPlainText(id, 'sourceIds');
  if (f.yearFrom != null && f.yearTo != null && f.yearFrom > f.yearTo) {
    throw new BadInputError(`yearFrom (${f.yearFrom}) is after yearTo (${f.yearTo})`);
  }
  return {
    metrics: f.metrics ?? undefined,
    unitIds: parseIds(f.unitIds, 'unitIds') ?? undefined,
    unitCodes: f.unitCodes ?? undefined,
    codeSet: f.codeSet ?? CodeSet.GSO,
    levels: f.levels?.length ? f.levels : undefined,
    provinceId: parseId(f.provinceId, 'provinceId') ?? undefined,
    yearFrom: f.yearFrom ?? undefined,
    yearTo: f.yearTo ?? undefined,
    kind: f.kind ?? undefined,
    reviewStatus: f.reviewStatus ?? undefined,
    sourceIds: f.sourceIds ?? undefined,
    documentId: parseId(f.documentId, 'documentId') ?? undefined,
  };
}

/** What the checks may leave to the caller. */
export interface FigureQueryChecks {
  /**
   * Leave the province to the caller, who calls {@link assertProvinceKnown} when its page came back empty: a figure
   * matched under `provinceId` proves the unit exists (`figure.subject_id` references `admin_unit`), so a page with
   * rows needs no statement (and no round trip) for it.
   */
  deferProvince?: boolean;
}

/**
 * {@link toFigureQuery}, then the names it refers to must exist: an unknown metric, source or province is an error
 * (BAD_USER_INPUT naming it), as in `compare`, not an empty answer that looks like "no data". Used by `figures`,
 * `figureStats`, a unit's `figures` and the CSV export alike.
 */
export async function checkedFigureQuery(em: EntityManager, filter: FigureFilter | null | undefined, checks: FigureQueryChecks = {}): Promise<FigureQuery> {
  const q = toFigureQuery(filter);
  await assertFigureQueryKnown(em, q, checks);
  return q;
}

/** Throws BAD_USER_INPUT for the first metric, source or province of `q` that does not exist. */
export async function assertFigureQueryKnown(em: EntityManager, q: FigureQuery, checks: FigureQueryChecks = {}): Promise<void> {
  for (const code of q.metrics ?? []) await requireMetric(em, code);
  if (q.sourceIds?.length) {
    const rows = await em.getConnection().execute<{ id: string }[]>('select id from source where id in (?)', [q.sourceIds]);
    const known = new Set(rows.map((r) => r.id));
    const unknown = q.sourceIds.find((id) => !known.has(id));
    if (unknown) throw new BadInputError(`unknown source "${unknown.slice(0, 80)}": the query \`sources\` lists them`);
  }
  if (q.provinceId && !checks.deferProvince) await assertProvinceKnown(em, q.provinceId);
}

/** Throws BAD_USER_INPUT when no unit has the id `provinceId`. */
export async function assertProvinceKnown(em: EntityManager, provinceId: number): Promise<void> {
  const rows = await em.getConnection().execute<{ id: number }[]>('select id from admin_unit where id = ?', [provinceId]);
  if (!rows.length) throw new BadInputError(`provinceId ${provinceId}: no such unit (find ids with \`units\`)`);
}
