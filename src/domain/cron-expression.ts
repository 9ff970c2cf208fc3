import { invalidInput } from './errors.js';

interface CronField {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

const FIELDS: readonly CronField[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 0, max: 7, names: DAYS },
];

/** Why one field item is invalid, or undefined. Items: `*`, `n`, `a-b`, each with an optional `/step`. */
function itemProblem(item: string, field: CronField): string | undefined {
  const [range = '', step, extra] = item.split('/');
  if (extra !== undefined) return `"${item}" has more than one "/"`;
  if (step !== undefined && !/^[1-9]\d*$/.test(step)) return `"${item}" has step "${step}", not a positive integer`;
  if (range === '*') return undefined;
  const bounds = range.split('-');
  if (bounds.length > 2) return `"${item}" is not a value or a range`;
  const values: number[] = [];
  for (const bound of bounds) {
    const named = field.names?.indexOf(bound.toUpperCase() as never) ?? -1;
    const value = named >= 0 ? named + (field.name === 'month' ? 1 : 0) : /^\d+$/.test(bound) ? Number(bound) : NaN;
    if (Number.isNaN(value)) return `"${bound}" is not a number${field.names ? ' or a name' : ''}`;
    if (value < field.min || value > field.max) return `${value} is out of range ${field.min}-${field.max}`;
    values.push(value);
  }
  if (values.length === 2 && values[0]! > values[1]!) return `range "${range}" runs backwards`;
  return undefined;
}

/**
 * Checks a standard 5-field cron pattern (minute hour day-of-month month
 * day-of-week; lists, ranges, steps, month and day names). Throws
 * INVALID_INPUT naming `field` and the faulty part. Returns the pattern with
 * single spaces.
 */
export function parseCronPattern(pattern: string, field: string): string {
  const parts = pattern.trim().split(/\s+/).filter((part) => part.length > 0);
  if (parts.length !== FIELDS.length) {
    throw invalidInput(field, `${field} "${pattern}" must have 5 fields (minute hour day-of-month month day-of-week), got ${parts.length}`);
  }
  parts.forEach((part, index) => {
    const spec = FIELDS[index]!;
    for (const item of part.split(',')) {
      const problem = item === '' ? 'has an empty list item' : itemProblem(item, spec);
      if (problem) throw invalidInput(field, `${field} "${pattern}": ${spec.name} field ${problem}`);
    }
  });
  return parts.join(' ');
}

/** Checks an IANA time zone name (`Europe/Paris`, `UTC`). Throws INVALID_INPUT naming `field`. */
export function parseTimeZone(tz: string, field: string): string {
  const name = tz.trim();
  try {
    if (!name) throw new RangeError('empty');
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    throw invalidInput(field, `${field} "${tz}" is not an IANA time zone (for example UTC or Europe/Paris)`);
  }
}
