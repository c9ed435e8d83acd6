/** `ingestRuns`: the history of ingestion runs (newest first), with counters and per-item failures. */
import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { IngestRun, RunStatus } from './ingest-run.entity';
import { Source } from '../source/source.entity';
import { Connection, PageArgs, decodeCursor, toConnection } from '../../graphql/connection';
import { loadById } from '../../graphql/batch';
import { parseId } from '../../graphql/ids';
import type { GraphQLContext } from '../../graphql/context';
import { BadInputError } from '../../errors';
import { SOURCE_ID } from '../figure/figure-filter.input';

export const IngestRunConnection = Connection(IngestRun, 'IngestRun');

@ArgsType()
export class IngestRunsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Runs of this source only' })
  sourceId?: string | null;

  @Field(() => RunStatus, { nullable: true })
  status?: RunStatus | null;
}

@Resolver(() => IngestRun)
export class IngestRunResolver {
  @Query(() => IngestRunConnection, { description: 'Ingestion runs, newest first' })
  async ingestRuns(@Args() args: IngestRunsArgs, @Ctx() { em }: GraphQLContext) {
    if (args.sourceId && !SOURCE_ID.test(args.sourceId)) throw new BadInputError(`sourceId must be a slug, got "${args.sourceId.slice(0, 40)}"`);
    const where = {
      ...(args.sourceId ? { source: args.sourceId } : {}),
      ...(args.status ? { status: args.status } : {}),
    };
    const offset = decodeCursor(args.after);
    const [items, total] = await em.findAndCount(IngestRun, where, {
      orderBy: { startedAt: 'desc', id: 'desc' }, limit: args.first, offset,
    });
    return toConnection(items, total, offset);
  }

  @Query(() => IngestRun, { nullable: true })
  ingestRun(@Arg('id', () => ID) id: string, @Ctx() { em }: GraphQLContext): Promise<IngestRun | null> {
    return em.findOne(IngestRun, { id: parseId(id, 'id')! });
  }

  @FieldResolver(() => Source)
  source(@Root() run: IngestRun, @Ctx() { em }: GraphQLContext): Promise<Source> {
    return loadById(em, Source, run.source.id);
  }
}
