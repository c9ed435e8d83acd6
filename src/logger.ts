/**
 * The one logger (pino, JSON lines). Components take `logger.child({ component })`; messages are constant and
 * data goes in the object (`log.info({ url }, 'item skipped')`), so messages can be grepped.
 */
import pino from 'pino';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

/** Create the root logger. Tests pass level 'silent' or a destination stream to assert on. */
export function createLogger(level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, base: { service: 'cchc-atlas' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
}

/** A logger that drops everything (for tests and library defaults). */
export const silentLogger: Logger = pino({ level: 'silent' });
