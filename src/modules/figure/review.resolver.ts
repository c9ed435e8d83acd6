/** `reviewFigure`: a reviewer confirms, rejects or corrects a figure; every review writes an audit row. */
import { Args, ArgsType, Authorized, Ctx, Field, Float, ID, Mutation, Resolver } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { Figure, ReviewStatus } from './figure.entity';
import { FigureReview } from './figure-review.entity';
import { parseId } from '../../graphql/ids';
import { reviewerName } from '../../graphql/reviewer';
import type { GraphQLContext } from '../../graphql/context';
import { BadInputError, NotFoundError } from '../../errors';
import { refreshPicksAfterWrite } from './figure-pick';

/** Refresh batches a review runs after its commit (at most 1,000 marks, oldest first; see refreshPicksAfterWrite). */
const REVIEW_REFRESH_BATCHES = 5;

/** numeric(20,6) holds 14 integer digits. */
const MAX_ABS_VALUE = 1e13;

@ArgsType()
export class ReviewFigureArgs {
  @Field(() => ID)
  id!: string;

  @Field(() => ReviewStatus, { description: 'CONFIRMED, REJECTED, CORRECTED (with correctedValue), or AUTO to undo a review' })
  status!: ReviewStatus;

  @Field(() => Float, { nullable: true, description: 'The right value; required with CORRECTED, refused otherwise' })
  @IsOptional() @Min(-MAX_ABS_VALUE) @Max(MAX_ABS_VALUE)
  correctedValue?: number | null;

  @Field(() => String, { nullable: true, description: 'Why (kept in the audit trail)' })
  @IsOptional() @MaxLength(2000)
  note?: string | null;
}

/** What an audit row records of a figure. */
function snapshot(f: Figure): Record<string, unknown> {
  return { reviewStatus: f.reviewStatus, value: f.value, correctedValue: f.correctedValue ?? null };
}

@Resolver(() => Figure)
export class ReviewResolver {
  @Authorized()
  @Mutation(() => Figure, { description: 'Review a figure (needs the admin token; `X-Reviewer: <name>` names the reviewer in the audit trail)' })
  async reviewFigure(@Args() args: ReviewFigureArgs, @Ctx() ctx: GraphQLContext): Promise<Figure> {
    const reviewer = reviewerName(ctx);
    const hasValue = args.correctedValue !== null && args.correctedValue !== undefined;
    if (args.status === ReviewStatus.CORRECTED && !hasValue) throw new BadInputError('status CORRECTED needs correctedValue');
    if (args.status !== ReviewStatus.CORRECTED && hasValue) throw new BadInputError(`correctedValue goes with status CORRECTED only, not ${args.status.toUpperCase()}`);
    const id = parseId(args.id, 'id')!;
    const figure = await ctx.em.findOne(Figure, { id });
    if (!figure) throw new NotFoundError('figure', id);
    const before = snapshot(figure);
    figure.reviewStatus = args.status;
    figure.correctedValue = hasValue ? args.correctedValue!.toFixed(6) : null;
    ctx.em.create(FigureReview, {
      figure, reviewer, before, after: snapshot(figure), note: args.note?.trim() || null, reviewedAt: new Date(),
    });
    await ctx.em.flush();
    await refreshPicksAfterWrite(ctx.em, ctx.logger, { maxBatches: REVIEW_REFRESH_BATCHES });
    return figure;
  }
}
