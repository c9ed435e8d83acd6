/**
 * Relay-style connections (`totalCount`, `edges { cursor node }`, `pageInfo`) with opaque offset cursors.
 * Page size is bounded by MAX_PAGE_SIZE; a bad cursor is a BAD_USER_INPUT error, not a crash.
 */
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { BadInputError } from '../errors';

/** Largest `first` a client may ask for: bounds memory and response size per request. */
export const MAX_PAGE_SIZE = 500;

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field() hasPreviousPage!: boolean;
  @Field(() => String, { nullable: true }) startCursor!: string | null;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 50, description: `Page size, 1 to ${MAX_PAGE_SIZE}` })
  @Min(1) @Max(MAX_PAGE_SIZE)
  first: number = 50;

  @Field(() => String, { nullable: true, description: 'Cursor of the last edge of the previous page' })
  after?: string | null;
}

export interface Edge<T> { cursor: string; node: T }
export interface ConnectionShape<T> { totalCount: number; edges: Edge<T>[]; pageInfo: PageInfo }

const CURSOR_PREFIX = 'o:';

export function encodeCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`).toString('base64url');
}

/** Offset of the first item after `after` (0 without a cursor). */
export function decodeCursor(after: string | null | undefined): number {
  if (!after) return 0;
  const raw = Buffer.from(after, 'base64url').toString();
  const offset = Number(raw.slice(CURSOR_PREFIX.length));
  if (!raw.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(offset) || offset < 0) {
    throw new BadInputError(`"${after.slice(0, 40)}" is not a cursor this API issued`);
  }
  return offset + 1;
}

/** Build a connection from one page of items starting at `offset`. */
export function toConnection<T>(items: T[], total: number, offset: number): ConnectionShape<T> {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(offset + i), node }));
  return {
    totalCount: total,
    edges,
    pageInfo: {
      hasNextPage: offset + items.length < total,
      hasPreviousPage: offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/** Declare `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function Connection<T extends object>(node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType(`${name}Connection`, { simpleResolvers: true })
  class ConnectionType {
    @Field(() => Int) totalCount!: number;
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
  }
  return ConnectionType;
}
