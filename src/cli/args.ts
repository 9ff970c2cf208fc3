/** Minimal flag parsing: `--name value`, `--name=value` and boolean `--flag`. */
export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  flags: Map<string, string | true>;
}

/** Bad usage of a command (unknown option, bad value): exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Options each command takes: those with a value, and switches. `help` is accepted everywhere. */
export const COMMAND_OPTIONS: Record<string, { values: readonly string[]; switches: readonly string[] }> = {
  up: { values: ['products'], switches: ['demo'] },
  api: { values: [], switches: [] },
  worker: { values: [], switches: [] },
  extract: { values: ['html-file', 'render', 'batch'], switches: [] },
  'demo-shop': { values: ['host', 'port', 'products', 'seed', 'flavour'], switches: [] },
  crawl: { values: ['max-categories', 'max-products', 'rate-limit-ms', 'render', 'api', 'key', 'interval-ms'], switches: ['json'] },
  stats: { values: [], switches: ['watch', 'json'] },
  help: { values: [], switches: [] },
};

const VALUE_FLAGS = new Set(Object.values(COMMAND_OPTIONS).flatMap((spec) => spec.values));

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags = new Map<string, string | true>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    const next = argv[i + 1];
    if (inline !== undefined) flags.set(name, inline);
    else if (next !== undefined && !next.startsWith('--') && VALUE_FLAGS.has(name)) {
      flags.set(name, next);
      i++;
    } else flags.set(name, true);
  }
  return { command: positional.shift(), positional, flags };
}

/** Throws a UsageError naming every option the command does not take, or a value option given without its value. */
export function checkOptions(args: ParsedArgs, command: string): void {
  const spec = COMMAND_OPTIONS[command];
  if (!spec) return;
  const unknown = [...args.flags.keys()].filter((name) => name !== 'help' && !spec.values.includes(name) && !spec.switches.includes(name));
  if (unknown.length > 0) {
    const list = unknown.map((name) => `--${name}`).join(', ');
    throw new UsageError(`trawl ${command}: unknown option${unknown.length > 1 ? 's' : ''} ${list} (see trawl ${command} --help)`);
  }
  const missing = spec.values.filter((name) => args.flags.get(name) === true);
  if (missing.length > 0) throw new UsageError(`trawl ${command}: ${missing.map((name) => `--${name}`).join(', ')} needs a value`);
}

export function intFlag(args: ParsedArgs, name: string, fallback: number): number {
  const value = args.flags.get(name);
  if (value === undefined || value === true) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new RangeError(`--${name} must be a whole number, got "${value}"`);
  return number;
}

/** A whole-number option, or undefined when absent. */
export function optionalIntFlag(args: ParsedArgs, name: string): number | undefined {
  return args.flags.has(name) ? intFlag(args, name, 0) : undefined;
}

/** A string option, or undefined when absent. */
export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}
