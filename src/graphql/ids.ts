/** Parsing of GraphQL `ID` arguments into database ids, with BAD_USER_INPUT errors that quote the bad value. */
import { BadInputError } from '../errors';

/** Database ids are positive 32-bit integers. */
const NUMERIC_ID = /^[1-9]\d{0,9}$/;
const MAX_ID = 2_147_483_647;

/** A numeric id, or null when absent; throws BAD_USER_INPUT naming `what` otherwise. */
export function parseId(id: string | number | null | undefined, what: string): number | null {
  if (id === null || id === undefined) return null;
  const text = String(id);
  if (!NUMERIC_ID.test(text) || Number(text) > MAX_ID) {
    throw new BadInputError(`${what} must be a numeric id, got "${text.slice(0, 40)}"`);
  }
  return Number(text);
}

/** A list of numeric ids (duplicates removed), or null when absent. */
export function parseIds(ids: ReadonlyArray<string | number> | null | undefined, what: string): number[] | null {
  if (!ids) return null;
  return [...new Set(ids.map((id) => parseId(id, what)!))];
}
