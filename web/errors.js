/**
 * API errors as the page shows them: translated, saying what to do, never the server's raw English.
 * Pure module (no DOM): `explainError(err, lang)` → text.
 */
import { t } from './i18n.js';

/** The message key for an error from api.js (an ApiError with `code`, or anything else). */
export function errorKey(err) {
  const code = err && err.code;
  const message = String((err && err.message) || '');
  if (code === 'NETWORK') return 'errNETWORK';
  if (code === 'NOT_FOUND') return 'errNOT_FOUND';
  if (code === 'BAD_USER_INPUT' && /units asked for are more than/.test(message)) return 'errTOO_MANY';
  if (code === 'BAD_USER_INPUT' || code === 'GRAPHQL_VALIDATION_FAILED') return 'errBAD_USER_INPUT';
  if (code === 'QUERY_TOO_COMPLEX') return 'errQUERY_TOO_COMPLEX';
  return 'errINTERNAL';
}

/** "Không kết nối được… (mã lỗi NETWORK)". */
export function explainError(err, lang) {
  const code = (err && err.code) || 'INTERNAL';
  return `${t(lang, errorKey(err))} (${t(lang, 'errCode', { code })})`;
}
