import { pino } from 'pino';
import type { Logger } from '../domain/ports/logger.port.js';
import { currentLogContext } from './log-context.js';
import { prettyDestination, type LineSink } from './pretty-log.js';

/** `json`: one JSON object per line; `pretty`: one compact human line per record; `auto`: pretty on a terminal, JSON otherwise. */
export type LogFormat = 'auto' | 'pretty' | 'json';

export interface LoggerOptions {
  level: string;
  name: string;
  /** Default `auto`. */
  format?: LogFormat | undefined;
  /** Where lines go. Default stdout (whose being a terminal decides `auto`). */
  destination?: (LineSink & { isTTY?: boolean }) | undefined;
}

/** Structured logging (pino): records carry their bindings (jobId, campaignId, requestId...) in either format. */
export function createLogger(options: LoggerOptions): Logger {
  const out = options.destination ?? process.stdout;
  const format = options.format ?? 'auto';
  const pretty = format === 'pretty' || (format === 'auto' && Boolean(out.isTTY));
  const destination = pretty ? prettyDestination(out, { colors: Boolean(out.isTTY) }) : out;
  const logger = pino({ name: options.name, level: options.level, base: { pid: process.pid }, mixin: contextFields }, destination as pino.DestinationStream);
  return adapt(logger);
}

/** The log context's fields a record does not already carry through its logger's own bindings (no key twice in a line). */
function contextFields(_record: object, _level: number, logger: pino.Logger): object {
  const context = currentLogContext();
  if (!context) return {};
  const bound = logger.bindings();
  return Object.fromEntries(Object.entries(context).filter(([key, value]) => value !== undefined && !(key in bound)));
}

function adapt(logger: pino.Logger): Logger {
  return {
    debug: (context, message) => logger.debug(context, message),
    info: (context, message) => logger.info(context, message),
    warn: (context, message) => logger.warn(context, message),
    error: (context, message) => logger.error(context, message),
    child: (bindings) => adapt(logger.child(bindings)),
  };
}
