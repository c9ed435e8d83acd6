/** `documents` and `document(id)`: the articles figures were read from, with their source and figures. */
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { IsISO8601, IsOptional } from 'class-validator';
import type { FilterQuery } from '@mikro-orm/core';
import { Document } from './document.entity';
import { Source } from '../source/source.entity';
import { Figure } from '../figure/figure.entity';
import { Connection, PageArgs, decodeCursor, toConnection } from '../../graphql/connection';
import { groupBy, loaderFor, loadById } from '../../graphql/batch';
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

function documentWhere(args: DocumentsArgs): FilterQuery<Document> {
  if (args.sourceId && !SOURCE_ID.test(args.sourceId)) throw new BadInputError(`sourceId must be a slug, got "${args.sourceId.slice(0, 40)}"`);
  const published: Record<string, Date> = {};
  if (args.publishedFrom) published.$gte = new Date(args.publishedFrom);
  if (args.publishedTo) published.$lt = new Date(new Date(args.publishedTo).getTime() + 86_400_000);
  return {
    ...(args.sourceId ? { source: args.sourceId } : {}),
    ...(Object.keys(published).length ? { publishedAt: published } : {}),
  };
}

/** Figures of many documents in one query. */
function figuresLoader(ctx: GraphQLContext) {
  return loaderFor<number, Figure[]>(ctx.em, 'document.figures', async (ids) => {
    const rows = await ctx.em.find(Figure, { document: { $in: [...ids] } }, { orderBy: { id: 'asc' } });
    return groupBy(rows, (f) => f.document.id);
  }, () => []);
}

@Resolver(() => Document)
export class DocumentResolver {
  @Query(() => DocumentConnection, { description: 'Documents, newest publication first' })
  async documents(@Args() args: DocumentsArgs, @Ctx() { em }: GraphQLContext) {
    const where = documentWhere(args);
    const offset = decodeCursor(args.after);
    const [items, total] = await em.findAndCount(Document, where, {
      orderBy: { publishedAt: 'desc nulls last', id: 'desc' }, limit: args.first, offset,
    });
    return toConnection(items, total, offset);
  }

  @Query(() => Document, { nullable: true })
  document(@Arg('id', () => ID) id: string, @Ctx() { em }: GraphQLContext): Promise<Document | null> {
    return em.findOne(Document, { id: parseId(id, 'id')! });
  }

  @FieldResolver(() => Source)
  source(@Root() doc: Document, @Ctx() { em }: GraphQLContext): Promise<Source> {
    return loadById(em, Source, doc.source.id);
  }

  @FieldResolver(() => [Figure], { complexity: listCost(30), description: 'Every figure read from this document (REJECTED ones included)' })
  figures(@Root() doc: Document, @Ctx() ctx: GraphQLContext): Promise<Figure[]> {
    return figuresLoader(ctx).load(doc.id);
  }
}
