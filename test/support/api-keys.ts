import type { Logger } from '../../src/domain/ports/logger.port.js';

/** API keys for tests: one with the read role, one with write. */
export const READ_KEY = 'reader-0123456789abcdef';
export const WRITE_KEY = 'writer-0123456789abcdef';
export const TEST_API_KEYS = [{ name: 'dashboard', key: READ_KEY, role: 'read' as const }, { name: 'ops', key: WRITE_KEY, role: 'write' as const }];

/** A logger that keeps what it is told, for tests that check what reached the log. */
export function recordingLogger(): Logger & { entries: { level: string; context: Record<string, unknown>; message: string }[] } {
  const entries: { level: string; context: Record<string, unknown>; message: string }[] = [];
  const at = (level: string) => (context: object, message: string) => void entries.push({ level, context: context as Record<string, unknown>, message });
  const logger = { entries, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
}
