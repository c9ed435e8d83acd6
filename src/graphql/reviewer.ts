/** The `X-Reviewer` header: copied into the context by a plugin, decoded and checked where a review is written. */
import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLContext } from './context';
import { BadInputError } from '../errors';

/** Letters, digits and a few separators, at most 200 characters (the audit column's size). */
const REVIEWER = /^[\p{L}\p{N} ._@+-]{1,200}$/u;

/** `X-Reviewer: <name>` names the person behind the admin token in review audit rows. */
export function reviewerHeaderPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      const raw = request.http?.headers.get('x-reviewer');
      if (raw !== undefined) contextValue.reviewerHeader = raw;
    },
  };
}

/**
 * Header values are bytes that Node reads as Latin-1. A name outside ASCII arrives either percent-encoded UTF-8
 * (what browsers' fetch needs: `encodeURIComponent(name)`) or as raw UTF-8 bytes; both are decoded here.
 */
function decodeHeaderText(raw: string): string | null {
  try {
    if (raw.includes('%')) return decodeURIComponent(raw);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (!/[^\x00-\x7f]/.test(raw)) return raw;
  const utf8 = Buffer.from(raw, 'latin1').toString('utf8');
  return utf8.includes('\ufffd') ? raw : utf8;
}

/** The reviewer to record: the `X-Reviewer` header's name, or "admin". Throws BAD_USER_INPUT for an unusable header. */
export function reviewerName(ctx: Pick<GraphQLContext, 'reviewerHeader'>): string {
  if (ctx.reviewerHeader === undefined) return 'admin';
  const name = decodeHeaderText(ctx.reviewerHeader)?.normalize('NFC').trim() ?? '';
  if (!REVIEWER.test(name)) {
    throw new BadInputError('X-Reviewer must be 1 to 200 letters, digits, spaces or ._@+- characters (percent-encode names outside ASCII)');
  }
  return name;
}
