import { invalidInput } from './errors.js';

/** A forward page request (Relay style): at most `first` items after the cursor `after`. */
export interface PageRequest {
  first: number;
  after?: string;
}

export interface Page<T> {
  items: T[];
  /** Cursor of each item, in order. */
  cursors: string[];
  totalCount: number;
  hasNextPage: boolean;
}

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 50;

/** Opaque cursors: base64url of the item's sort key. */
export function encodeCursor(key: string): string {
  return Buffer.from(`c:${key}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('c:') || text.length < 3) throw invalidInput(field, `${field} is not a cursor this API issued`);
  return text.slice(2);
}

export function normalizePage(first: number | undefined | null, after: string | undefined | null): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw invalidInput('first', `first must be an integer from 0 to ${MAX_PAGE_SIZE}, got ${size}`);
  }
  return after ? { first: size, after } : { first: size };
}

/** Every item of a paged listing, read MAX_PAGE_SIZE at a time (for reports and checks over a bounded set). */
export async function allPages<T>(list: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let after: string | undefined;
  for (;;) {
    const page = await list({ first: MAX_PAGE_SIZE, ...(after ? { after } : {}) });
    items.push(...page.items);
    after = page.cursors.at(-1);
    if (!page.hasNextPage || !after) return items;
  }
}
