import { RENDER_MODES } from './entities/campaign.js';
import { invalidInput } from './errors.js';
import { JOB_PRIORITIES } from './job-data.js';

/**
 * Shape checks of an enqueue request as any edge may hand it over (REST
 * bodies arrive as parsed JSON, not as the TypeScript type): field types,
 * enum values, setting names and bounds. Each failure is INVALID_INPUT naming
 * the field (`input.settings.timeoutMs`). URLs, category paths, queries and
 * steps are checked where they are built (JobService).
 */

type Check = (value: unknown) => string | undefined;

const integer = (min: number, max: number): Check => (value) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? undefined : `must be an integer from ${min} to ${max}`;
const boolean: Check = (value) => (typeof value === 'boolean' ? undefined : 'must be true or false');
const oneOf = (values: readonly string[]): Check => (value) =>
  typeof value === 'string' && values.includes(value) ? undefined : `must be one of ${values.join(', ')}`;
const text = (max: number): Check => (value) => (typeof value === 'string' && value.length <= max ? undefined : `must be a string of at most ${max} characters`);

/** The settings a request may override, with the bounds the queue payload schema enforces. */
const SETTINGS: Readonly<Record<string, Check>> = {
  maxPages: integer(1, 10_000),
  timeoutMs: integer(100, 600_000),
  rateLimitDelayMs: integer(0, 600_000),
  extractImages: boolean,
  extractReviews: boolean,
  respectRobotsTxt: boolean,
  renderJs: oneOf(RENDER_MODES),
};

/** Top-level fields; `type` and `url` are checked where the job is built (`parseTargetUrl` names a non-string URL). */
const FIELDS: Readonly<Record<string, Check>> = {
  priority: oneOf(JOB_PRIORITIES),
  campaignId: text(128),
  query: text(10_000),
  maxPages: integer(1, 10_000),
};

const CATEGORY: Readonly<Record<string, Check>> = { name: text(500), path: text(2048), parent: text(2048) };

/** Throws INVALID_INPUT naming the first field of `request` with the wrong type, an unknown value or out of bounds. */
export function checkEnqueueRequest(request: unknown, field: string): void {
  const fields = record(request, field);
  for (const [name, check] of Object.entries(FIELDS)) {
    // null means "not given" at the top level (GraphQL nullable inputs); a null setting would replace a default, so it is refused.
    if (fields[name] !== undefined && fields[name] !== null) verdict(check(fields[name]), `${field}.${name}`, fields[name]);
  }
  if (fields.settings !== undefined) checkRecord(record(fields.settings, `${field}.settings`), SETTINGS, `${field}.settings`, 'setting');
  if (fields.category !== undefined) {
    const category = record(fields.category, `${field}.category`);
    checkRecord(category, CATEGORY, `${field}.category`, 'category field');
    if (category.name === undefined || category.path === undefined) throw invalidInput(`${field}.category`, `${field}.category needs a name and a path`);
  }
}

function checkRecord(values: Record<string, unknown>, checks: Readonly<Record<string, Check>>, field: string, what: string): void {
  for (const key of Object.keys(values)) {
    const check = Object.hasOwn(checks, key) ? checks[key] : undefined;
    if (!check) throw invalidInput(`${field}.${key}`, `${field}.${key.slice(0, 60)} is not a ${what}`);
    if (values[key] !== undefined) verdict(check(values[key]), `${field}.${key}`, values[key]);
  }
}

function record(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidInput(field, `${field} must be an object`);
  return value as Record<string, unknown>;
}

function verdict(problem: string | undefined, field: string, value: unknown): void {
  if (problem) throw invalidInput(field, `${field} ${problem}, got ${describe(value)}`);
}

function describe(value: unknown): string {
  const shown = typeof value === 'string' ? JSON.stringify(value) : typeof value === 'object' && value !== null ? (Array.isArray(value) ? 'a list' : 'an object') : String(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
