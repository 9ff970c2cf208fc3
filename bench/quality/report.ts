import type { FieldName } from './corpus.types.js';
import { displayValue, severity, type FieldStats, type FieldVerdict } from './score.js';

/** Minimum F1 per key field. */
export const TARGETS: Partial<Record<FieldName, number>> = { price: 0.93, availability: 0.96, sku: 0.86, brand: 0.75 };

export const KEY_FIELDS: readonly FieldName[] = ['price', 'availability', 'sku', 'brand'];

export interface PageResult {
  file: string;
  url: string;
  platform: string;
  style: string;
  locale: string;
  charset: string;
  isProduct: boolean;
  extractedAsProduct: boolean;
  error?: string;
  verdicts: FieldVerdict[];
}

export interface Classification {
  pages: number;
  correct: number;
  accuracy: number;
  /** Product pages the extractor returned null for (or threw on). */
  missedProducts: string[];
  /** Non-product pages the extractor returned a product for. */
  falseProducts: string[];
}

const pct = (value: number | null): string => (value === null ? '    -' : value.toFixed(3));

/** The precision/recall/F1 table with targets. */
export function fieldTable(stats: readonly FieldStats[]): string {
  const lines = [
    'field            precision  recall     F1  support   tp   fp   fn   target',
    '---------------  ---------  ------  -----  -------  ---  ---  ---  -------------',
  ];
  for (const row of stats) {
    const target = TARGETS[row.field];
    const verdict = target === undefined ? '' : `>= ${target.toFixed(2)} ${row.f1 >= target ? 'ok' : 'MISS'}`;
    lines.push(`${row.field.padEnd(15)}  ${pct(row.precision).padStart(9)}  ${pct(row.recall).padStart(6)}  ${row.f1.toFixed(3)}  ${String(row.support).padStart(7)}  ${String(row.tp).padStart(3)}  ${String(row.fp).padStart(3)}  ${String(row.fn).padStart(3)}  ${verdict}`);
  }
  return lines.join('\n');
}

export function classificationText(classification: Classification): string {
  const lines = [`product/non-product classification: ${classification.correct}/${classification.pages} = ${classification.accuracy.toFixed(3)}`];
  if (classification.missedProducts.length > 0) lines.push(`  product pages missed (${classification.missedProducts.length}): ${classification.missedProducts.join(', ')}`);
  if (classification.falseProducts.length > 0) lines.push(`  non-product pages taken for products (${classification.falseProducts.length}): ${classification.falseProducts.join(', ')}`);
  return lines.join('\n');
}

export interface WorstPage {
  file: string;
  outcome: string;
  expected: string;
  got: string;
}

/** The `limit` worst pages for a field: wrong values first (largest price error first), then missing, then spurious. */
export function worstPages(results: readonly PageResult[], field: FieldName, limit = 10): WorstPage[] {
  const misses: { file: string; verdict: FieldVerdict }[] = [];
  for (const result of results) {
    const verdict = result.verdicts.find((candidate) => candidate.field === field);
    if (verdict && severity(verdict) > 0) misses.push({ file: result.file, verdict });
  }
  misses.sort((a, b) => severity(b.verdict) - severity(a.verdict) || a.file.localeCompare(b.file));
  return misses.slice(0, limit).map(({ file, verdict }) => ({ file, outcome: verdict.outcome, expected: displayValue(verdict.expected), got: displayValue(verdict.got) }));
}

export function worstText(field: FieldName, worst: readonly WorstPage[], misses: number): string {
  if (worst.length === 0) return `worst pages for ${field}: none`;
  const lines = [`worst pages for ${field} (${worst.length} of ${misses} misses):`];
  for (const page of worst) lines.push(`  ${page.outcome.padEnd(5)} ${page.file.replace(/^pages\//, '').padEnd(44)} expected ${page.expected} | got ${page.got}`);
  return lines.join('\n');
}

/** Share of product pages per platform where each key field came out right (tp or tn). */
export function platformText(results: readonly PageResult[]): string {
  const platforms = [...new Set(results.filter((result) => result.isProduct).map((result) => result.platform))].sort();
  const lines = [`platform       pages  ${KEY_FIELDS.map((field) => field.padStart(14)).join('')}`];
  for (const platform of platforms) {
    const pages = results.filter((result) => result.isProduct && result.platform === platform);
    const cells = KEY_FIELDS.map((field) => {
      const right = pages.filter((page) => page.verdicts.some((verdict) => verdict.field === field && (verdict.outcome === 'tp' || verdict.outcome === 'tn'))).length;
      return `${right}/${pages.length}`.padStart(14);
    });
    lines.push(`${platform.padEnd(13)}  ${String(pages.length).padStart(5)}  ${cells.join('')}`);
  }
  return lines.join('\n');
}
