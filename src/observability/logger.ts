import { pino } from 'pino';
import type { Logger } from '../domain/ports/logger.port.js';

export interface LoggerOptions {
  level: string;
  name: string;
  /** Human-readable output (terminal); JSON otherwise. Defaults to whether stdout is a TTY. */
  pretty?: boolean;
}

/** Structured logging: pretty in a terminal, JSON lines otherwise. */
export function createLogger(options: LoggerOptions): Logger {
  const pretty = options.pretty ?? Boolean(process.stdout.isTTY);
  const logger = pino({
    name: options.name,
    level: options.level,
    base: { pid: process.pid },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { colorize: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss.l' } } } : {}),
  });
  return adapt(logger);
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
