import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Config } from '../config/config.schema.js';
import { ExtractionKit, errorReport, type ExtractionReport, type RenderChoice } from '../bootstrap/extraction-kit.js';
import type { ParsedArgs } from './args.js';
import { TrawlError } from '../domain/errors.js';

const FIELDS = ['title', 'brand', 'description', 'sku', 'gtin', 'mpn', 'price', 'compareAtPrice', 'availability', 'images', 'variants',
  'breadcrumbs', 'rating', 'reviewCount', 'canonicalUrl', 'language'] as const;

export const EXTRACT_HELP = `Usage: trawl extract <url> [--html-file FILE] [--render auto|never|always]
       trawl extract --batch FILE.jsonl

Prints one JSON object per page: every product field (null where absent), the
platform, the source of each field and a completeness score. With --html-file
the page is read from FILE and <url> is only its address (no network request).
--batch reads lines {"url": ..., "htmlFile": ...} and prints one JSON line per
input, in order; a bad line gets an {"error": ...} line and the rest go on.
Exit codes: 0 product found, 3 not a product page, 1 failure, 2 bad usage.`;

/** `trawl extract`: the tool to debug extraction on one page or thousands. */
export async function runExtract(config: Config, args: ParsedArgs): Promise<void> {
  const render = renderChoice(args.flags.get('render'));
  const kit = new ExtractionKit(config);
  try {
    const batch = args.flags.get('batch');
    if (typeof batch === 'string') return await runBatch(kit, batch, render);
    const url = args.positional[0];
    if (!url) return usage('trawl extract needs a URL (or --batch FILE.jsonl)');
    const htmlFile = args.flags.get('html-file');
    const report = await extractOne(kit, url, typeof htmlFile === 'string' ? resolve(htmlFile) : undefined, render);
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    process.exitCode = 'error' in report ? 1 : report.isProduct ? 0 : 3;
  } finally {
    await kit.close();
  }
}

async function runBatch(kit: ExtractionKit, file: string, render: RenderChoice): Promise<void> {
  const text = await readFile(file, 'utf8');
  const base = dirname(resolve(file));
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) continue;
    let report: object;
    try {
      const input = parseLine(line);
      report = await extractOne(kit, input.url, input.htmlFile ? resolve(base, input.htmlFile) : undefined, render);
    } catch (error) {
      report = { input: line.slice(0, 200), ...errorReport(error) };
    }
    process.stdout.write(`${JSON.stringify(report)}\n`);
  }
}

function parseLine(line: string): { url: string; htmlFile?: string } {
  let input: { url?: unknown; htmlFile?: unknown };
  try {
    input = JSON.parse(line) as typeof input;
  } catch (error) {
    throw new TrawlError('INVALID_INPUT', `batch line is not JSON: ${(error as Error).message}`);
  }
  if (typeof input?.url !== 'string') throw new TrawlError('INVALID_INPUT', 'a batch line needs "url" (a string)');
  if (input.htmlFile !== undefined && typeof input.htmlFile !== 'string') throw new TrawlError('INVALID_INPUT', '"htmlFile" must be a string');
  return { url: input.url, ...(typeof input.htmlFile === 'string' ? { htmlFile: input.htmlFile } : {}) };
}

type OneReport = ReturnType<typeof present> | ({ url: string } & ReturnType<typeof errorReport>);

async function extractOne(kit: ExtractionKit, url: string, htmlFile: string | undefined, render: RenderChoice): Promise<OneReport> {
  try {
    const page = htmlFile ? kit.pageFromFile(url, await readFile(htmlFile)) : await kit.fetch(url);
    return present(await kit.extract(page, render, htmlFile !== undefined));
  } catch (error) {
    return { url, ...errorReport(error) };
  }
}

/** The report as printed: every field present (null when absent), then platform, sources and completeness. */
function present(report: ExtractionReport) {
  const product = report.product as (Record<string, unknown> & { sources?: Record<string, string>; platform?: string; completeness?: number }) | null;
  const fields = Object.fromEntries(FIELDS.map((field) => [field, product?.[field] ?? null]));
  return {
    url: report.url, isProduct: product !== null, ...fields,
    platform: product?.platform ?? null, source: product?.sources ?? {}, completeness: product?.completeness ?? null, rendered: report.rendered,
  };
}

function renderChoice(value: string | true | undefined): RenderChoice {
  if (value === undefined) return 'auto';
  if (value === 'auto' || value === 'never' || value === 'always') return value;
  throw new RangeError(`--render must be auto, never or always, got ${String(value)}`);
}

function usage(message: string): void {
  process.stderr.write(`${message}\n\n${EXTRACT_HELP}\n`);
  process.exitCode = 2;
}
