/** `documents` and `document(id)`: the articles figures were read from, with their source and figures. */
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { type GraphQLResolveInfo } from 'graphql';
import { IsISO8601, IsOptional } from 'class-validator';
import { Document } from './document.entity';
import { Source } from '../source/source.entity';
import { Figure } from '../figure/figure.entity';
import { Connection, PageArgs, decodeCursor, toConnection } from '../../graphql/connection';
import { selectsField, selectsPath } from '../../graphql/selection';
import type { MaybePromise, RawRow } from '../../graphql/rows';
import { documentColumns, toDocumentRow, withLoadedSource, type DocumentRow } from './document-row';
import { loadSource, sourceColumns, type SourceRow } from '../source/source-row';
import { loadDocumentFigures, type FigureRow } from '../figure/figure-row';
import { parseId } from '../../graphql/ids';
import { listCost } from '../../graphql/query-limits';
import type { GraphQLContext } from '../../graphql/context';
import { BadInputError } from '../../errors';
import { SOURCE_ID } from '../figure/figure-filter.input';

export const DocumentConnection = Connection(Document, 'Document');

@ArgsType()
export class DocumentsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Documents of this source only' })
  sourceId?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date: published on or after' })
  @IsOptional() @IsISO8601({ strict: true })
  publishedFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date: published before the end of this day' })
  @IsOptional() @IsISO8601({ strict: true })
  publishedTo?: string | null;
}

/** Conditions of a document list on `document d`, with their `?` parameters. */
function documentWhere(args: DocumentsArgs): { sql: string; params: unknown[] } {
  if (args.sourceId && !SOURCE_ID.test(args.sourceId)) throw new BadInputError(`sourceId must be a slug, got "${args.sourceId.slice(0, 40)}"`);
  const conds: string[] = [];
  const params: unknown[] = [];
  if (args.sourceId) {
    conds.push('d.source_id = ?');
    params.push(args.sourceId);
  }
  if (args.publishedFrom) {
    conds.push('d.published_at >= ?');
    params.push(new Date(args.publishedFrom));
  }
  if (args.publishedTo) {
    conds.push('d.published_at < ?');
    params.push(new Date(new Date(args.publishedTo).getTime() + 86_400_000));
  }
  return { sql: conds.length ? conds.join(' and ') : 'true', params };
}

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => DocumentConnection, { description: 'Documents, newest publication first' })
  async documents(@Args() args: DocumentsArgs, @Ctx() { em }: GraphQLContext, @Info() info: GraphQLResolveInfo) {
    // Plain rows, one statement for the page (one extra row tells whether a next page exists) and one for the
    // count, only when `totalCount` is selected and the page does not already tell it.
    const where = documentWhere(args);
    const offset = decodeCursor(args.after);
    const withSource = selectsPath(info, ['edges', 'node', 'source']);
    const raw = await em.execute<RawRow[]>(
      `select ${documentColumns(selectsPath(info, ['edges', 'node', 'text']))}${withSource ? `, ${sourceColumns('src', 'src_')}` : ''}
        from document d${withSource ? ' join source src on src.id = d.source_id' : ''} where ${where.sql}
        order by d.published_at desc nulls last, d.id desc limit ? offset ?`,
      [...where.params, args.first + 1, offset],
    );
    const items = raw.slice(0, args.first).map((r) => toDocumentRow(r, withSource));
    const seen = offset + items.length;
    const lastPage = raw.length <= args.first && (items.length > 0 || offset === 0);
    let total = raw.length > args.first ? seen + 1 : seen;
    if (!lastPage && selectsField(info, 'totalCount')) {
      const [row] = await em.execute<{ n: string }[]>(`select count(*) as n from document d where ${where.sql}`, where.params);
      total = Number(row.n);
    }
    return toConnection(items, total, offset);
  }

  @Query(() => Document, { nullable: true })
  async document(@Arg('id', () => ID) id: string, @Ctx() { em }: GraphQLContext): Promise<DocumentRow | null> {
    const [row] = await em.execute<RawRow[]>(`select ${documentColumns(true)} from document d where d.id = ?`, [parseId(id, 'id')!]);
    return row ? toDocumentRow(row) : null;
  }

  @FieldResolver(() => Source)
  source(@Root() doc: DocumentRow, @Ctx() { em }: GraphQLContext): MaybePromise<SourceRow> {
    return withLoadedSource(doc) ?? loadSource(em, doc.source.id);
  }

  @FieldResolver(() => [Figure], { complexity: listCost(30), description: 'Every figure read from this document (REJECTED ones included)' })
  figures(@Root() doc: DocumentRow, @Ctx() { em }: GraphQLContext): Promise<FigureRow[]> {
    return loadDocumentFigures(em, doc.id);
  }
}
