/**
 * Who may write. Mutations are marked `@Authorized()`; this checker turns the request's bearer rights into the
 * three answers clients must be able to tell apart: no token (UNAUTHENTICATED), wrong token (FORBIDDEN), and
 * writes switched off because no ADMIN_TOKEN is configured (FORBIDDEN, saying so).
 */
import type { AuthCheckerFn } from 'type-graphql';
import { AppError, ErrorCode } from '../errors';
import type { GraphQLContext } from './context';

/** A mutation without the admin bearer token. */
export class UnauthenticatedError extends AppError {
  constructor() {
    super('this operation needs the header "Authorization: Bearer <ADMIN_TOKEN>"', ErrorCode.UNAUTHENTICATED);
  }
}

/** A mutation the caller may not run (wrong token, or writes disabled). */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(message, ErrorCode.FORBIDDEN);
  }

  static writesDisabled(): ForbiddenError {
    return new ForbiddenError('writes are disabled: this instance has no ADMIN_TOKEN configured');
  }

  static wrongToken(): ForbiddenError {
    return new ForbiddenError('the bearer token is not the ADMIN_TOKEN of this instance');
  }
}

/** Throws unless the request carries the admin token. */
export function assertAdmin(ctx: Pick<GraphQLContext, 'config' | 'isAdmin' | 'authFailed'>): void {
  if (!ctx.config.adminToken) throw ForbiddenError.writesDisabled();
  if (ctx.isAdmin) return;
  if (ctx.authFailed) throw ForbiddenError.wrongToken();
  throw new UnauthenticatedError();
}

/** type-graphql auth checker for `@Authorized()` (no roles: there is one kind of writer, the admin). */
export const authChecker: AuthCheckerFn<GraphQLContext> = ({ context }) => {
  assertAdmin(context);
  return true;
};
