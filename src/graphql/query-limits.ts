/**
 * Protection against expensive operations, applied before anything runs:
 * - a token limit while parsing (`MAX_TOKENS`, passed to Apollo's `parseOptions`) bounds the work of parsing;
 * - first thing in validation, one linear walk of the document refuses operations that nest deeper than
 *   `MAX_DEPTH`, use more than `MAX_ALIASES` aliases or select more than `MAX_FIELDS` fields (fragments expanded),
 *   and stops validation right there: the standard rules are superlinear on such documents (`structuralLimitsRule`);
 * - once the operation is resolved, its cost (graphql-query-complexity: one point per field, list fields with
 *   `first` multiply their children by `first`, other lists by the estimate declared on the field) must stay
 *   within `MAX_COST`.
 * Refusals are QUERY_TOO_COMPLEX with HTTP 400 and a message that says which limit and by how much.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError, Kind, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode, type ValidationRule,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator, type ComplexityEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../errors';
import { MAX_PAGE_SIZE } from './connection';
import type { GraphQLContext } from './context';

/** Tokens per document: the web page's largest query has under 400; Apollo Sandbox's introspection about 300. */
export const MAX_TOKENS = 15_000;
/** Nesting of selections; the deepest useful path (unit → figures → edges → node → document → source) is about 8. */
export const MAX_DEPTH = 12;
/** Introspection nests `ofType` about ten levels deep by itself; its subtree gets its own, higher bound. */
export const MAX_INTROSPECTION_DEPTH = 20;
/** Aliases per operation: enough to fetch a page of units by id in one request, far below alias-flooding. */
export const MAX_ALIASES = 100;
/** Field selections per operation after fragment expansion. */
export const MAX_FIELDS = 2_000;
/**
 * Estimated cost per operation (see the file header for the estimator). A ranking counts every unit its set can hold
 * (`unitSetCost`): the charts page's national ranking of the 573 districts, each row with its figure's provenance,
 * is about 27,000; a 3,321-commune ranking with rank, value, previous value and unit name about 25,000.
 */
export const MAX_COST = 40_000;

/** An operation over a limit: QUERY_TOO_COMPLEX, HTTP 400 (`format-error.ts` keeps the code through validation). */
export class QueryLimitError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } } });
    this.name = 'QueryLimitError';
  }
}

/** What a selection set costs structurally. */
export interface SelectionStats {
  fields: number;
  aliases: number;
  depth: number;
  introspectionDepth: number;
}

const ZERO: SelectionStats = { fields: 0, aliases: 0, depth: 0, introspectionDepth: 0 };
/** Saturate instead of overflowing on fragment bombs (fragments spreading fragments spreading …). */
const CAP = 1e9;

/** Count fields, aliases and depth of every operation in a document; linear in its size (fragments memoised). */
export function documentStats(document: DocumentNode): SelectionStats {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  const memo = new Map<string, SelectionStats>();

  const walk = (set: SelectionSetNode | undefined, meta: boolean): SelectionStats => {
    if (!set) return ZERO;
    const out = { ...ZERO };
    const add = (child: SelectionStats, extraDepth: number, childMeta: boolean) => {
      out.fields = Math.min(CAP, out.fields + child.fields);
      out.aliases = Math.min(CAP, out.aliases + child.aliases);
      out.introspectionDepth = Math.max(out.introspectionDepth, child.introspectionDepth + (childMeta ? extraDepth : 0));
      if (!childMeta) out.depth = Math.max(out.depth, child.depth + extraDepth);
    };
    for (const sel of set.selections) {
      if (sel.kind === Kind.FIELD) {
        const childMeta = meta || sel.name.value === '__schema' || sel.name.value === '__type';
        out.fields = Math.min(CAP, out.fields + 1);
        if (sel.alias) out.aliases = Math.min(CAP, out.aliases + 1);
        add(walk(sel.selectionSet, childMeta), 1, childMeta);
        if (childMeta) out.introspectionDepth = Math.max(out.introspectionDepth, 1);
        else out.depth = Math.max(out.depth, 1);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        add(walk(sel.selectionSet, meta), 0, meta);
      } else {
        add(fragmentStats(sel.name.value, meta), 0, meta);
      }
    }
    return out;
  };

  const fragmentStats = (name: string, meta: boolean): SelectionStats => {
    const key = `${meta ? 'm' : 'q'}:${name}`;
    const known = memo.get(key);
    if (known) return known;
    memo.set(key, ZERO); // a cycle counts as nothing here; validation rejects cycles afterwards
    const stats = walk(fragments.get(name)?.selectionSet, meta);
    memo.set(key, stats);
    return stats;
  };

  const total = { ...ZERO };
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const s = walk(def.selectionSet, false);
    total.fields = Math.min(CAP, total.fields + s.fields);
    total.aliases = Math.min(CAP, total.aliases + s.aliases);
    total.depth = Math.max(total.depth, s.depth);
    total.introspectionDepth = Math.max(total.introspectionDepth, s.introspectionDepth);
  }
  return total;
}

/** The first structural limit a document breaks, or null. */
export function structuralViolation(document: DocumentNode): QueryLimitError | null {
  const s = documentStats(document);
  if (s.aliases > MAX_ALIASES) return new QueryLimitError(`the operation uses ${s.aliases} aliases; at most ${MAX_ALIASES} are allowed`);
  if (s.fields > MAX_FIELDS) return new QueryLimitError(`the operation selects ${s.fields} fields; at most ${MAX_FIELDS} are allowed`);
  if (s.depth > MAX_DEPTH) return new QueryLimitError(`the operation nests ${s.depth} levels deep; at most ${MAX_DEPTH} are allowed`);
  if (s.introspectionDepth > MAX_INTROSPECTION_DEPTH) {
    return new QueryLimitError(`the introspection nests ${s.introspectionDepth} levels deep; at most ${MAX_INTROSPECTION_DEPTH} are allowed`);
  }
  return null;
}

/**
 * Validation rule checking the structural limits on entering the document. On a violation it reports the error and
 * returns `null` for the document node: graphql-js then treats the whole document as removed and visits nothing
 * below it, so no other rule (some are quadratic in repeated fields) runs on the oversized document.
 */
export const structuralLimitsRule: ValidationRule = (context) => ({
  Document: {
    enter(document) {
      const violation = structuralViolation(document);
      if (!violation) return undefined;
      context.reportError(violation);
      return null;
    },
  },
});

/**
 * A list field with `first` costs 1 + first × its children; `first` is clamped to MAX_PAGE_SIZE because larger
 * values are refused by argument validation anyway (with a clearer BAD_USER_INPUT message).
 */
const pageSizeEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  if (typeof args.first !== 'number') return undefined;
  const first = Math.min(Math.max(Math.trunc(args.first), 1), MAX_PAGE_SIZE);
  return 1 + first * Math.max(1, childComplexity);
};

/** Multiplier for a list field without `first`: `@Field({ complexity: listCost(n) })` on fields returning about n items. */
export function listCost(expectedItems: number): ComplexityEstimator {
  return ({ childComplexity }) => 1 + expectedItems * Math.max(1, childComplexity);
}

/** Costs already computed, per parsed document (Apollo reuses the document object of a cached query). */
const COST_CACHE = new WeakMap<DocumentNode, Map<string, number>>();
/** Distinct variable sets remembered per document. */
const COST_CACHE_ENTRIES = 64;

function costOf(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, variables: Record<string, unknown>): number {
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables)}`;
  let perDocument = COST_CACHE.get(document);
  const known = perDocument?.get(key);
  if (known !== undefined) return known;
  const cost = getComplexity({
    schema, query: document, operationName, variables,
    estimators: [fieldExtensionsEstimator(), pageSizeEstimator, simpleEstimator({ defaultComplexity: 1 })],
    // Scratch space of estimators that share work between a field and its children (unit-set.ts `unitSetCost`).
    context: { unitLists: [] },
  });
  if (!perDocument) COST_CACHE.set(document, (perDocument = new Map()));
  if (perDocument.size >= COST_CACHE_ENTRIES) perDocument.clear();
  perDocument.set(key, cost);
  return cost;
}

/** Apollo plugin enforcing the cost limit once the operation is known, before execution. */
export function costLimitPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operationName, request, schema }) {
          let cost: number;
          try {
            cost = costOf(schema, document, operationName ?? undefined, request.variables ?? {});
          } catch {
            return; // variables that do not coerce: execution reports them as BAD_USER_INPUT
          }
          if (cost > MAX_COST) {
            throw new QueryLimitError(`the operation's estimated cost is ${cost}; at most ${MAX_COST} is allowed (lower \`first\` or select fewer nested lists)`);
          }
        },
      };
    },
  };
}
