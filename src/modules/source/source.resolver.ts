/**
 * Sources (portals): list them, and — with the admin token — add or change one, switch it on or off, or start an
 * ingestion run now through the `IngestTrigger` port (the API never imports the pipeline).
 */
import { Arg, Authorized, Ctx, Field, FieldResolver, ID, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { validate as validCron } from 'node-cron';
import { Source } from './source.entity';
import type { SourceRow } from './source-row';
import { loadUnitView, type AdminUnitView } from '../unit/unit-view';
import { SourceInput } from './source.input';
import { assertSafeSourceUrl } from './source-url';
import { AdminUnit } from '../unit/admin-unit.entity';
import { IngestRun } from '../ingest-run/ingest-run.entity';
import { loaderFor } from '../../graphql/batch';
import { parseId } from '../../graphql/ids';
import { listCost } from '../../graphql/query-limits';
import { ForbiddenError } from '../../graphql/auth';
import type { GraphQLContext } from '../../graphql/context';
import { BadInputError, NotFoundError } from '../../errors';
import { SOURCE_ID } from '../figure/figure-filter.input';
import type { MaybePromise } from '../../graphql/rows';

@ObjectType({ description: 'The answer to triggerIngest' })
export class IngestTriggerResult {
  @Field({ description: 'false when no run was started (e.g. one is already running); see reason' })
  started!: boolean;

  @Field(() => ID, { nullable: true })
  runId!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;
}

function sourceId(raw: string): string {
  if (!SOURCE_ID.test(raw)) throw new BadInputError(`source id must be a slug such as hcm-quan-1, got "${raw.slice(0, 40)}"`);
  return raw;
}

async function requireSource(ctx: GraphQLContext, id: string): Promise<Source> {
  const source = await ctx.em.findOne(Source, { id: sourceId(id) });
  if (!source) throw new NotFoundError('source', id);
  return source;
}

/** The latest run of many sources in one query. */
function lastRunLoader(ctx: GraphQLContext) {
  return loaderFor<string, IngestRun | null>(ctx.em, 'source.lastRun', async (ids) => {
    const rows = await ctx.em.execute<Record<string, unknown>[]>(
      'select distinct on (r.source_id) r.* from ingest_run r where r.source_id in (?) order by r.source_id, r.started_at desc, r.id desc',
      [[...ids]],
    );
    return new Map(rows.map((row) => [row.source_id as string, ctx.em.map(IngestRun, row)]));
  }, () => null);
}

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => [Source], { complexity: listCost(50), description: 'The portals cchc-atlas crawls' })
  sources(
    @Ctx() { em }: GraphQLContext,
    @Arg('enabled', () => Boolean, { nullable: true, description: 'Only enabled (true) or disabled (false) sources' }) enabled?: boolean | null,
  ): Promise<Source[]> {
    return em.find(Source, enabled === null || enabled === undefined ? {} : { enabled }, { orderBy: { id: 'asc' } });
  }

  @Query(() => Source, { nullable: true })
  source(@Arg('id', () => ID) id: string, @Ctx() { em }: GraphQLContext): Promise<Source | null> {
    return em.findOne(Source, { id: sourceId(id) });
  }

  @FieldResolver(() => AdminUnit, { nullable: true, description: 'The unit that publishes the portal' })
  publisher(@Root() source: SourceRow, @Ctx() { em }: GraphQLContext): MaybePromise<AdminUnitView> | null {
    return source.publisher ? loadUnitView(em, source.publisher.id) : null;
  }

  @FieldResolver(() => IngestRun, { nullable: true, description: 'The most recent ingestion run' })
  lastRun(@Root() source: SourceRow, @Ctx() ctx: GraphQLContext): Promise<IngestRun | null> {
    return lastRunLoader(ctx).load(source.id);
  }

  @Authorized()
  @Mutation(() => Source, { description: 'Add a source, or change the one with this id (needs the admin token)' })
  async upsertSource(@Arg('input', () => SourceInput) input: SourceInput, @Ctx() ctx: GraphQLContext): Promise<Source> {
    const allowPrivate = ctx.config.allowPrivateSources;
    for (const url of [input.baseUrl, ...input.listingUrls]) await assertSafeSourceUrl(url, allowPrivate);
    if (!validCron(input.schedule)) throw new BadInputError(`schedule "${input.schedule}" is not a cron expression (e.g. "0 5 * * *")`);
    const publisherId = parseId(input.publisherId, 'publisherId');
    if (publisherId !== null && !(await ctx.em.findOne(AdminUnit, { id: publisherId }))) throw new NotFoundError('unit', publisherId);
    const fields = {
      name: input.name.trim(), baseUrl: input.baseUrl, family: input.family, listingUrls: input.listingUrls,
      schedule: input.schedule, enabled: input.enabled, minDelayMillis: input.minDelayMillis, maxPages: input.maxPages,
      publisher: publisherId === null ? null : ctx.em.getReference(AdminUnit, publisherId),
    };
    const existing = await ctx.em.findOne(Source, { id: input.id });
    const source = existing ? ctx.em.assign(existing, fields) : ctx.em.create(Source, { id: input.id, ...fields, demo: false, createdAt: new Date(), updatedAt: new Date() });
    await ctx.em.flush();
    return source;
  }

  @Authorized()
  @Mutation(() => Source, { description: 'Switch a source on or off (needs the admin token)' })
  async setSourceEnabled(
    @Arg('id', () => ID) id: string,
    @Arg('enabled') enabled: boolean,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Source> {
    const source = await requireSource(ctx, id);
    source.enabled = enabled;
    await ctx.em.flush();
    return source;
  }

  @Authorized()
  @Mutation(() => IngestTriggerResult, { description: 'Start an ingestion run of a source now (needs the admin token)' })
  async triggerIngest(@Arg('sourceId', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<IngestTriggerResult> {
    const source = await requireSource(ctx, id);
    if (!ctx.ingestTrigger) {
      throw new ForbiddenError('ingestion is not available in this process: run the service with its pipeline (npm start) to trigger runs');
    }
    const result = await ctx.ingestTrigger.trigger(source.id);
    return { started: result.started, runId: result.runId === null ? null : String(result.runId), reason: result.reason ?? null };
  }
}
