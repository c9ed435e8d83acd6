import { Ctx, Query, Resolver } from 'type-graphql';
import { Metric } from './metric.entity';
import type { GraphQLContext } from '../../graphql/context';

@Resolver(() => Metric)
export class MetricResolver {
  @Query(() => [Metric], { description: 'The metric catalogue' })
  metrics(@Ctx() { em }: GraphQLContext): Promise<Metric[]> {
    return em.find(Metric, {}, { orderBy: { code: 'asc' } });
  }
}
