/**
 * `figures` (a Relay connection over any filter), `figure(id)`, and the fields of `Figure` that are not plain
 * columns: exact decimals as Float, period, evidence, and the related unit, metric, document and reviews.
 * A page is one statement that reads the columns its selection shows, with its unit (and parent), metric and document
 * (and source) joined (src/graphql/projection.ts); other relations (reviews, a document's text, deeper levels) load
 * through request-scoped batch loaders as plain rows (src/graphql/rows.ts), one statement per related type and level.
 * No entity hydration. Field resolvers take rows and entities alike.
 */
import { Arg, Args, Ctx, FieldResolver, Float, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Figure } from './figure.entity';
import { FigureReview } from './figure-review.entity';
import { FiguresArgs } from './figure.args';
import { assertProvinceKnown, checkedFigureQuery, type FigureQuery } from './figure-filter.input';
import { FigureRepository, related, type PageProjection } from './figure.repository';
import { cellOf, Evidence, FigureCell, FigureConnection, FigurePeriod, periodOf } from './figure.type';
import { toNumber } from './figure-sql';
import { AdminUnit } from '../unit/admin-unit.entity';
import { Metric } from '../metric/metric.entity';
import { Document } from '../document/document.entity';
import { DOCUMENT_TABLE, loadDocument, type DocumentRow } from '../document/document-row';
import { METRIC_TABLE, loadMetric } from '../metric/metric-row';
import { UNIT_TABLE, loadUnitView, type AdminUnitView } from '../unit/unit-view';
import { SOURCE_TABLE } from '../source/source-row';
import { figureColumnsFor, findFigure, type FigureRow } from './figure-row';
import { decodeCursor, toConnection } from '../../graphql/connection';
import { groupBy, loaderFor } from '../../graphql/batch';
import { parseId } from '../../graphql/ids';
import { selectsField } from '../../graphql/selection';
import { columnsOf, subfields } from '../../graphql/projection';
import type { GraphQLContext } from '../../graphql/context';
import type { MaybePromise } from '../../graphql/rows';

/** Reviews of many figures in one query, newest first. */
function reviewsLoader(ctx: GraphQLContext) {
  return loaderFor<number, FigureReview[]>(ctx.em, 'figure.reviews', async (ids) => {
    const rows = await ctx.em.find(FigureReview, { figure: { $in: [...ids] } }, { orderBy: { reviewedAt: 'desc', id: 'desc' } });
    return groupBy(rows, (r) => r.figure.id);
  }, () => []);
}

/** The fields selected under `nodes`' field `name` (aliases and fragments merged), or null when it is not selected. */
function under(info: GraphQLResolveInfo, fields: Map<string, FieldNode[]>, name: string): Map<string, FieldNode[]> | null {
  const nodes = fields.get(name);
  return nodes ? subfields(info, nodes) : null;
}

/** What a figure connection's page statement reads for the fields selected under `edges.node` (see PageProjection). */
function pageProjection(em: EntityManager, info: GraphQLResolveInfo): PageProjection {
  const edges = under(info, subfields(info, info.fieldNodes), 'edges');
  const node = edges ? under(info, edges, 'node') : null;
  if (!node) return { figure: figureColumnsFor(em, []) };
  const metric = under(info, node, 'metric');
  const subject = under(info, node, 'subject');
  const parent = subject ? under(info, subject, 'parent') : null;
  const document = under(info, node, 'document');
  const source = document ? under(info, document, 'source') : null;
  return {
    figure: figureColumnsFor(em, node.keys()),
    metric: metric && columnsOf(METRIC_TABLE, metric.keys()),
    subject: subject && { columns: columnsOf(UNIT_TABLE, subject.keys()), parent: parent && columnsOf(UNIT_TABLE, parent.keys()) },
    // The article text is the one large column: documents selected with it keep their own statement.
    document: document && !document.has('text')
      ? { columns: columnsOf(DOCUMENT_TABLE, document.keys()), source: source && columnsOf(SOURCE_TABLE, source.keys()) }
      : null,
  };
}

/**
 * One page of figures as a connection. One extra row tells whether a next page exists; counting every match (the
 * expensive part) only happens when `totalCount` is selected. The page's statement reads the columns the selection
 * shows, with the metric, subject (and parent) and document (and source) it shows: a page with its provenance is one
 * statement.
 * `q` must have been checked with `deferProvince` (or without a province): an unknown province is reported here,
 * when the page comes back empty.
 */
export async function figureConnection(em: EntityManager, q: FigureQuery, args: FiguresArgs, info: GraphQLResolveInfo) {
  const offset = decodeCursor(args.after);
  const repo = new FigureRepository(em);
  const rows = await repo.findProjectedPage(q, args.orderBy, args.first + 1, offset, pageProjection(em, info));
  if (rows.length === 0 && q.provinceId) await assertProvinceKnown(em, q.provinceId);
  const items = rows.slice(0, args.first);
  const seen = offset + items.length;
  const lastPage = rows.length <= args.first && (items.length > 0 || offset === 0);
  const total = lastPage ? seen : selectsField(info, 'totalCount') ? await repo.count(q)
    : rows.length > args.first ? seen + 1 : seen;
  return toConnection(items, total, offset);
}

@Resolver(() => Figure)
export class FigureResolver {
  @Query(() => FigureConnection, { description: 'Figures matching a filter, with provenance; a Relay connection' })
  async figures(@Args() args: FiguresArgs, @Ctx() { em }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    return figureConnection(em, await checkedFigureQuery(em, args.filter, { deferProvince: true }), args, info);
  }

  @Query(() => Figure, { nullable: true, description: 'One figure by id' })
  figure(@Arg('id', () => ID) id: string, @Ctx() { em }: GraphQLContext): Promise<FigureRow | null> {
    return findFigure(em, parseId(id, 'id')!);
  }

  @FieldResolver(() => Float, { description: 'The value: the reviewer\'s correction for a CORRECTED figure, else the number as read' })
  value(@Root() f: FigureRow): number {
    return toNumber(f.reviewStatus === 'corrected' && f.correctedValue != null ? f.correctedValue : f.value)!;
  }

  @FieldResolver(() => Float, { description: 'The number as read from the text, before any correction' })
  extractedValue(@Root() f: FigureRow): number {
    return toNumber(f.value)!;
  }

  @FieldResolver(() => Float, { nullable: true, description: 'The reviewer\'s value, when the figure was CORRECTED' })
  correctedValue(@Root() f: FigureRow): number | null {
    return toNumber(f.correctedValue);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Denominator of a ratio stated as X/Y ("7/8 chỉ tiêu" → 8)' })
  total(@Root() f: FigureRow): number | null {
    return toNumber(f.total);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Numerator of a rate computed from published counts (`total` is its denominator)' })
  numerator(@Root() f: Figure): number | null {
    return toNumber(f.numerator);
  }

  @FieldResolver(() => Float, { nullable: true, description: 'Upper end of a stated range' })
  upperBound(@Root() f: FigureRow): number | null {
    return toNumber(f.upperBound);
  }

  @FieldResolver(() => FigurePeriod)
  period(@Root() f: FigureRow): FigurePeriod {
    return periodOf(f);
  }

  @FieldResolver(() => Evidence)
  evidence(@Root() f: FigureRow): Evidence {
    return { sentence: f.evidenceSentence, start: f.evidenceStart, end: f.evidenceEnd };
  }

  @FieldResolver(() => FigureCell, { nullable: true, description: 'For a figure read from a table: the table, row and column (and PDF page) of its cell' })
  cell(@Root() f: Figure): FigureCell | null {
    return cellOf(f);
  }

  @FieldResolver(() => AdminUnit, { description: 'The unit the number is about' })
  subject(@Root() f: FigureRow, @Ctx() { em }: GraphQLContext, @Info() info: GraphQLResolveInfo): MaybePromise<AdminUnitView> {
    return related(f)?.subject ?? loadUnitView(em, f.subject.id, selectsField(info, 'parent'));
  }

  @FieldResolver(() => Metric)
  metric(@Root() f: FigureRow, @Ctx() { em }: GraphQLContext): MaybePromise<Metric> {
    return related(f)?.metric ?? loadMetric(em, f.metric.code);
  }

  @FieldResolver(() => Document, { description: 'The article the figure was read from (URL, title, publication date)' })
  document(@Root() f: FigureRow, @Ctx() { em }: GraphQLContext, @Info() info: GraphQLResolveInfo): MaybePromise<DocumentRow> {
    return related(f)?.document ?? loadDocument(em, f.document.id, selectsField(info, 'text'), selectsField(info, 'source'));
  }

  @FieldResolver(() => [FigureReview], { description: 'The audit trail: every review of this figure, newest first' })
  reviews(@Root() f: FigureRow, @Ctx() ctx: GraphQLContext): Promise<FigureReview[]> {
    return reviewsLoader(ctx).load(f.id);
  }
}
