import { CATEGORY_TYPES } from './entities/category.js';
import type { CategoryType } from './entities/category.js';
import type { NavigationEntry } from './entities/site.js';
import { classifyCategory } from './category-classifier.js';
import { invalidInput } from './errors.js';
import { canonicalUrl } from './url.js';

/** Options for {@link selectCategories}. */
export interface CategorySelectionOptions {
  /** Keep at most this many categories (a non-negative integer). Default: no limit. */
  maxCategories?: number;
  /** Types to keep. Default: every type except `OTHER`. Order here does not change the output order. */
  types?: readonly CategoryType[];
}

/** A navigation entry chosen for scraping, with its classification and 1-based position. */
export type SelectedCategory = NavigationEntry & { type: CategoryType; reason: string; rank: number };

export const DEFAULT_SELECTED_TYPES: readonly CategoryType[] = CATEGORY_TYPES.filter((type) => type !== 'OTHER');

interface Candidate {
  entry: NavigationEntry;
  type: CategoryType;
  reason: string;
  key: string;
  leaf: boolean;
  menuIndex: number;
}

/**
 * Classifies navigation entries and picks the categories a campaign should
 * scrape (seed 000, phase 2). The rule, in order:
 * 1. classify every entry ({@link classifyCategory}) and keep only `types`;
 * 2. dedupe by canonical URL, keeping the entry with the preferred type, then
 *    the earliest in the menu;
 * 3. order by type preference (PRODUCT, GENDER, FEATURED, BRAND, OTHER); within
 *    a type leaves (entries no other entry names as `parentUrl`) come before
 *    parents, because a leaf lists a narrower, less overlapping set of products
 *    and gives products a precise category path; ties keep menu order;
 * 4. cut at `maxCategories` and number the result from rank 1.
 * Pure and deterministic: the same entries and options give the same list.
 */
export function selectCategories(entries: readonly NavigationEntry[], options: CategorySelectionOptions = {}): SelectedCategory[] {
  const max = checkedMax(options.maxCategories);
  const wanted = new Set(options.types ?? DEFAULT_SELECTED_TYPES);
  const candidates = candidatesOf(entries).filter((candidate) => wanted.has(candidate.type));
  return dedupeByUrl(candidates)
    .sort(compareCandidates)
    .slice(0, max)
    .map((candidate, index) => ({ ...candidate.entry, type: candidate.type, reason: candidate.reason, rank: index + 1 }));
}

function checkedMax(maxCategories: number | undefined): number | undefined {
  if (maxCategories === undefined) return undefined;
  if (!Number.isInteger(maxCategories) || maxCategories < 0) {
    throw invalidInput('maxCategories', `maxCategories ${maxCategories} is not a non-negative integer`);
  }
  return maxCategories;
}

function candidatesOf(entries: readonly NavigationEntry[]): Candidate[] {
  const parents = new Set(entries.flatMap((entry) => (entry.parentUrl ? [urlKey(entry.parentUrl)] : [])));
  return entries.map((entry, menuIndex) => {
    const key = urlKey(entry.url);
    const { type, reason } = classifyCategory(entry);
    return { entry, type, reason, key, leaf: !parents.has(key), menuIndex };
  });
}

function dedupeByUrl(candidates: readonly Candidate[]): Candidate[] {
  const best = new Map<string, Candidate>();
  for (const candidate of candidates) {
    const kept = best.get(candidate.key);
    if (!kept || typeOrder(candidate.type) < typeOrder(kept.type)) best.set(candidate.key, candidate);
  }
  return [...best.values()];
}

function compareCandidates(a: Candidate, b: Candidate): number {
  return typeOrder(a.type) - typeOrder(b.type) || Number(b.leaf) - Number(a.leaf) || a.menuIndex - b.menuIndex;
}

function typeOrder(type: CategoryType): number {
  return CATEGORY_TYPES.indexOf(type);
}

/** Canonical URL for absolute URLs; relative ones lose fragment and trailing slash. */
function urlKey(url: string): string {
  try {
    return canonicalUrl(url.trim());
  } catch {
    return url.trim().replace(/#.*$/, '').replace(/(.)\/+$/, '$1');
  }
}
