/** `jobs`: the state of the ingestion job queues (counts by queue and state, oldest waiting job, failures with reasons). */
import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { GraphQLContext } from '../../graphql/context';
import { BadInputError } from '../../errors';
import { oldestWaiting, queueCounts, recentFailures } from './job-stats';

@ObjectType({ description: 'How many jobs of a queue are in a state' })
class JobQueueCount {
  @Field() queue!: string;
  @Field({ description: 'created, retry, active, completed, cancelled or failed' }) state!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'The job that has waited longest to start' })
class WaitingJob {
  @Field(() => ID) id!: string;
  @Field() queue!: string;
  @Field() createdOn!: Date;
  @Field(() => Float, { description: 'Seconds since it was queued' }) waitingSeconds!: number;
  @Field(() => GraphQLJSON) data!: unknown;
}

@ObjectType({ description: 'A job that failed its last try and went to the dead-letter queue' })
class JobFailure {
  @Field(() => ID) id!: string;
  @Field() queue!: string;
  @Field() failedAt!: Date;
  @Field(() => Int) tries!: number;
  @Field() reason!: string;
  @Field(() => String, { nullable: true, description: 'The page, for document jobs' }) url!: string | null;
  @Field(() => Int, { nullable: true }) runId!: number | null;
  @Field(() => GraphQLJSON) data!: unknown;
}

@ObjectType({ description: 'The ingestion job queues' })
class JobsOverview {
  @Field(() => [JobQueueCount]) counts!: JobQueueCount[];
  @Field(() => WaitingJob, { nullable: true }) oldestWaiting!: WaitingJob | null;
  @Field(() => [JobFailure], { description: 'Newest first' }) failures!: JobFailure[];
}

@Resolver()
export class JobResolver {
  @Query(() => JobsOverview, { description: 'Ingestion job queues: counts by queue and state, the oldest waiting job, recent failures' })
  async jobs(
    @Ctx() { em }: GraphQLContext,
    @Arg('failures', () => Int, { defaultValue: 20, description: 'How many recent failures (≤ 200)' }) failures: number,
  ): Promise<JobsOverview> {
    if (failures < 0 || failures > 200) throw new BadInputError('failures must be between 0 and 200');
    const [counts, oldest, failed] = [await queueCounts(em), await oldestWaiting(em), await recentFailures(em, failures)];
    return {
      counts,
      oldestWaiting: oldest ? { ...oldest, waitingSeconds: Math.max(0, (Date.now() - oldest.createdOn.getTime()) / 1000) } : null,
      failures: failed.map((f) => {
        const d = (f.data ?? {}) as { url?: unknown; runId?: unknown };
        return { ...f, url: typeof d.url === 'string' ? d.url : null, runId: typeof d.runId === 'number' ? d.runId : null };
      }),
    };
  }
}
