import type { CampaignProgress } from '../domain/services/campaign-report.service.js';
import type { CrawlSummary } from '../domain/services/crawl-summary.js';

/** The progress numbers a display needs (a GraphQL campaignProgress event has the same fields). */
export type ProgressView = Pick<CampaignProgress,
  'status' | 'phase' | 'categoriesDiscovered' | 'categoriesScraped' | 'categoriesFailed' | 'productsDiscovered' | 'productsScraped'
  | 'productsFailed' | 'productsSkipped' | 'productsQueued' | 'percent' | 'productsPerMinute' | 'etaSeconds' | 'final'>;

/** `1h02m03s`, `4m05s`, `7s`. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (h > 0) return `${h}h${pad(m)}m${pad(s)}s`;
  return m > 0 ? `${m}m${pad(s)}s` : `${s}s`;
}

/** One line of progress: phase, categories, products, rate, ETA, elapsed. */
export function progressLine(p: ProgressView, elapsedMs: number): string {
  const categoriesDone = p.categoriesScraped + p.categoriesFailed;
  const eta = p.final ? 'done' : p.etaSeconds === null ? '?' : formatDuration(p.etaSeconds * 1000);
  return [
    `${p.phase.toLowerCase().replace('_', ' ')}`,
    `categories ${categoriesDone}/${p.categoriesDiscovered}`,
    `products ${p.productsScraped} ok, ${p.productsFailed} failed, ${p.productsSkipped} skipped of ${p.productsDiscovered}`,
    `${p.productsPerMinute.toFixed(1)}/min`,
    `ETA ${eta}`,
    `elapsed ${formatDuration(elapsedMs)}`,
  ].join(' | ');
}

/** `[██████░░░░░░] 50%` */
export function progressBar(percent: number, width = 20): string {
  const filled = Math.max(0, Math.min(width, Math.round((percent / 100) * width)));
  return `[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${String(percent).padStart(3)}%`;
}

const ratio = (n: number): string => (Math.round(n * 1000) / 1000).toString();

/** The summary as an aligned two-column table, then the top errors. */
export function summaryTable(s: CrawlSummary): string {
  const skipped = s.skippedReasons.length ? ` (${s.skippedReasons.map((r) => `${r.reason} ${r.count}`).join(', ')})` : '';
  const q = s.quality;
  const errorRates = q.errorRateByDomain.map((e) => `${e.domain} ${ratio(e.rate)} (${e.failed}/${e.total})`).join(', ') || 'none';
  const rows: [string, string][] = [
    ['Campaign', `${s.campaignId}  ${s.seedUrl}`],
    ['Status', s.failedReason ? `${s.status}: ${s.failedReason}` : s.status],
    ['Categories', `${s.categories.selected} selected, ${s.categories.scraped} scraped, ${s.categories.failed} failed`],
    ['Products', `${s.products.discovered} discovered: ${s.products.scraped} scraped, ${s.products.failed} failed, ${s.products.skipped} skipped${skipped}`
      + (s.products.queued > 0 ? `, ${s.products.queued} not done` : '')],
    ['Completeness', `${ratio(q.productCompleteness)} (target 0.9)`],
    ['Category links', `${ratio(q.categoryLinkage)} (target 1)`],
    ['Duplicates', `${q.duplicateProducts} (rate ${ratio(q.duplicateRate)}, target < 0.01)`],
    ['Error rate', `${errorRates} (target < 0.05)`],
    ['Meets targets', q.meetsTargets ? 'yes' : 'no'],
    ['Duration', formatDuration(s.durationMs)],
    ['Rate', `${s.productsPerMinute.toFixed(1)} products/min`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  const lines = rows.map(([k, v]) => `  ${k.padEnd(width)}  ${v}`);
  lines.push('', s.topErrors.length ? '  Top errors' : '  Top errors: none');
  if (s.topErrors.length) {
    const codeWidth = Math.max(4, ...s.topErrors.map((e) => e.code.length));
    lines.push(`    ${'CODE'.padEnd(codeWidth)}  ${'COUNT'.padStart(5)}  EXAMPLE URL`);
    for (const e of s.topErrors) lines.push(`    ${e.code.padEnd(codeWidth)}  ${String(e.count).padStart(5)}  ${e.exampleUrl ?? '-'}`);
  }
  return lines.join('\n');
}
