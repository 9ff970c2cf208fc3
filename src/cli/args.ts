/** Minimal flag parsing: `--name value`, `--name=value` and boolean `--flag`. */
export interface ParsedArgs {
  command: string | undefined;
  positional: string[];
  flags: Map<string, string | true>;
}

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

const VALUE_FLAGS = new Set(['port', 'products', 'seed', 'host', 'flavour', 'html-file', 'render', 'batch']);

export function intFlag(args: ParsedArgs, name: string, fallback: number): number {
  const value = args.flags.get(name);
  if (value === undefined || value === true) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new Error(`--${name} must be a whole number, got "${value}"`);
  return number;
}
