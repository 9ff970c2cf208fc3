import { CONFIG_TABLE, type Config, type ConfigEntry } from './config.schema.js';
import { hashTaggedPrefix } from './redis-url.js';

/** A configuration value that failed validation; the message names the variable. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Reads and validates the configuration from an environment (defaults to
 * `process.env`). Throws ConfigError naming every bad variable and what it allows.
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const values: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(CONFIG_TABLE) as [string, ConfigEntry][]) {
    const raw = env[entry.env] === '' && entry.default !== '' ? undefined : env[entry.env];
    const parsed = entry.schema.safeParse(raw ?? entry.default);
    if (parsed.success) {
      values[key] = parsed.data;
    } else {
      const reason = parsed.error.issues.map((issue) => issue.message).join('; ');
      problems.push(`${entry.env}=${JSON.stringify(raw)} is invalid: ${reason} (${entry.description})`);
    }
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  const config = { ...(values as Config), ...overrides };
  // A prefix set in code gets the hash tag the table gives one read from the environment.
  return { ...config, queuePrefix: hashTaggedPrefix(config.queuePrefix) };
}

/** The table as Markdown, for the README. */
export function configTableMarkdown(): string {
  const rows = Object.values(CONFIG_TABLE).map(
    (entry: ConfigEntry) => `| \`${entry.env}\` | ${entry.default === undefined || entry.default === '' ? '(unset)' : `\`${entry.default}\``} | ${entry.description} |`,
  );
  return ['| Variable | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
