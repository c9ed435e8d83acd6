/** Arguments of the figure list queries. */
import { ArgsType, Field } from 'type-graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { PageArgs } from '../../graphql/connection';
import { FigureFilter, FigureOrder } from './figure-filter.input';

@ArgsType()
export class FiguresArgs extends PageArgs {
  @Field(() => FigureFilter, { nullable: true })
  @IsOptional() @ValidateNested()
  filter?: FigureFilter | null;

  @Field(() => FigureOrder, { defaultValue: FigureOrder.YEAR_DESC })
  orderBy: FigureOrder = FigureOrder.YEAR_DESC;
}
