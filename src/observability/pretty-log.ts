/** Where formatted log lines go (process.stdout, a test's capture). */
export interface LineSink {
  write(line: string): unknown;
}

const LEVELS: Record<number, { label: string; color: string }> = {
  10: { label: 'TRACE', color: '90' },
  20: { label: 'DEBUG', color: '36' },
  30: { label: 'INFO ', color: '32' },
  40: { label: 'WARN ', color: '33' },
  50: { label: 'ERROR', color: '31' },
  60: { label: 'FATAL', color: '35' },
};
/** Fields every record has; the pretty line shows them in its fixed part or not at all. */
const FIXED = new Set(['level', 'time', 'msg', 'name', 'pid', 'hostname', 'v']);

export interface PrettyOptions {
  /** ANSI colours for the level (a terminal). */
  colors: boolean;
}

/**
 * A pino destination turning each JSON record into one compact human line:
 * `HH:MM:ss.mmm LEVEL name: message key=value ...`. An error bound as `err`
 * shows as its type and message (its stack stays in JSON output).
 */
export function prettyDestination(out: LineSink, options: PrettyOptions): LineSink {
  return {
    write(chunk: string): void {
      for (const line of chunk.split('\n')) {
        if (line.trim() !== '') out.write(`${formatRecord(line, options)}\n`);
      }
    },
  };
}

/** One JSON log record as one human line (a line that is not JSON is passed through). */
export function formatRecord(json: string, options: PrettyOptions): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  const level = LEVELS[Number(record.level)] ?? { label: String(record.level).toUpperCase().padEnd(5), color: '0' };
  const label = options.colors ? `\u001b[${level.color}m${level.label}\u001b[0m` : level.label;
  const name = typeof record.name === 'string' ? ` ${record.name}:` : '';
  const fields = Object.entries(record).filter(([key]) => !FIXED.has(key)).map(([key, value]) => `${key}=${formatValue(key, value)}`);
  return [`${clock(record.time)} ${label}${name} ${String(record.msg ?? '')}`, ...fields].join(' ');
}

function clock(time: unknown): string {
  const date = new Date(typeof time === 'number' || typeof time === 'string' ? time : Date.now());
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}.${pad(date.getMilliseconds(), 3)}`;
}

function formatValue(key: string, value: unknown): string {
  if (key === 'err' && value && typeof value === 'object' && 'message' in value) {
    const err = value as { type?: string; message?: string; code?: string };
    return JSON.stringify(`${err.type ?? 'Error'}${err.code ? ` ${err.code}` : ''}: ${err.message ?? ''}`);
  }
  if (typeof value === 'string') return /^[^\s"=]+$/.test(value) ? value : JSON.stringify(value);
  return JSON.stringify(value) ?? String(value);
}
