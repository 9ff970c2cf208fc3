import type { Logger } from '../domain/ports/logger.port.js';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/**
 * Logs of terminal commands: JSON lines on stderr at or above `level`, so
 * stdout stays for the progress and the result a script may parse.
 */
export function stderrLogger(level: string, bindings: object = {}): Logger {
  const min = level === 'silent' ? LEVELS.length : Math.max(0, LEVELS.indexOf(level as Level));
  const write = (at: Level) => (context: object, message: string): void => {
    if (LEVELS.indexOf(at) < min) return;
    const err = (context as { err?: unknown }).err;
    const line = { level: at, time: new Date().toISOString(), ...bindings, ...context, ...(err instanceof Error ? { err: { message: err.message, code: (err as { code?: unknown }).code } } : {}), msg: message };
    process.stderr.write(`${JSON.stringify(line)}\n`);
  };
  return {
    debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error'),
    child: (more) => stderrLogger(level, { ...bindings, ...more }),
  };
}
