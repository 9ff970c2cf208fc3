/**
 * Extraction quality on the labelled corpus (bench/corpus): decodes each page's
 * bytes with trawl's decoder, runs CheerioProductExtractor, scores every field
 * (bench/quality/score.ts) and prints precision/recall/F1 per field against the
 * targets, the product/non-product classification accuracy and the worst pages
 * of the key fields. Writes bench/results/extract-quality-latest.json. Always
 * exits 0: it is a measurement, not a gate.
 *   npm run bench:extract
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FetchedPage } from '../src/domain/ports/page-fetcher.port.js';
import { CheerioProductExtractor } from '../src/scrapers/extract/cheerio-product.extractor.js';
import { decodeBody } from '../src/scrapers/http/decode-body.js';
import { FIELD_NAMES, type CorpusLabel } from './quality/corpus.types.js';
import { readLabels, readPageBytes } from './quality/corpus-io.js';
import {
  classificationText, fieldTable, KEY_FIELDS, platformText, TARGETS, worstPages, worstText, type Classification, type PageResult,
} from './quality/report.js';
import { fieldStats, judgePage, observedFields } from './quality/score.js';
import { repoRoot } from './support/paths.js';

async function fetchedPage(corpusDir: string, label: CorpusLabel): Promise<FetchedPage> {
  const bytes = await readPageBytes(corpusDir, label);
  const { text, charset } = decodeBody(bytes, label.contentType);
  const expected = new TextDecoder(label.charset).encoding;
  if (charset !== expected) console.log(`decoder read ${label.file} as ${charset}, the page is ${expected}`);
  return {
    requestedUrl: label.url, url: label.url, status: 200, headers: { 'content-type': label.contentType },
    contentType: label.contentType, charset, body: text, bytes: bytes.byteLength, durationMs: 0,
  };
}

async function runPage(extractor: CheerioProductExtractor, corpusDir: string, label: CorpusLabel): Promise<PageResult> {
  const page = await fetchedPage(corpusDir, label);
  let product = null;
  let error: string | undefined;
  try {
    product = await extractor.extract(page);
  } catch (caught) {
    error = caught instanceof Error ? `${caught.name}: ${caught.message}` : String(caught);
  }
  return {
    file: label.file, url: label.url, platform: label.platform, style: label.style, locale: label.locale, charset: label.charset,
    isProduct: label.isProduct, extractedAsProduct: product !== null, ...(error ? { error } : {}),
    verdicts: label.isProduct ? judgePage(label, observedFields(product)) : [],
  };
}

function classify(results: readonly PageResult[]): Classification {
  const missedProducts = results.filter((r) => r.isProduct && !r.extractedAsProduct).map((r) => r.file);
  const falseProducts = results.filter((r) => !r.isProduct && r.extractedAsProduct).map((r) => r.file);
  const correct = results.length - missedProducts.length - falseProducts.length;
  return { pages: results.length, correct, accuracy: results.length > 0 ? correct / results.length : 0, missedProducts, falseProducts };
}

async function main(): Promise<void> {
  const root = repoRoot();
  const corpusDir = join(root, 'bench', 'corpus');
  const labels = await readLabels(corpusDir);
  const extractor = new CheerioProductExtractor();
  const results: PageResult[] = [];
  for (const label of labels) results.push(await runPage(extractor, corpusDir, label));

  const verdicts = results.flatMap((result) => result.verdicts);
  const stats = FIELD_NAMES.map((field) => fieldStats(field, verdicts));
  const classification = classify(results);
  const products = results.filter((result) => result.isProduct).length;
  console.log(`extraction quality: ${results.length} pages (${products} product, ${results.length - products} other) from ${corpusDir}\n`);
  console.log(fieldTable(stats));
  console.log(`\n${classificationText(classification)}`);
  const errors = results.filter((result) => result.error);
  if (errors.length > 0) console.log(`extractor threw on ${errors.length} page(s): ${errors.map((r) => `${r.file} (${r.error})`).join('; ')}`);
  console.log(`\n${platformText(results)}`);
  const worst = Object.fromEntries(KEY_FIELDS.map((field) => [field, worstPages(results, field)]));
  for (const field of KEY_FIELDS) {
    const misses = verdicts.filter((verdict) => verdict.field === field && verdict.outcome !== 'tp' && verdict.outcome !== 'tn').length;
    console.log(`\n${worstText(field, worst[field]!, misses)}`);
  }

  const out = join(root, 'bench', 'results', 'extract-quality-latest.json');
  await mkdir(join(root, 'bench', 'results'), { recursive: true });
  await writeFile(out, JSON.stringify({
    generatedAt: new Date().toISOString(), node: process.version, corpus: { pages: results.length, productPages: products },
    targets: TARGETS, fields: stats, classification, worst, pages: results,
  }, null, 2) + '\n');
  console.log(`\nwrote ${out}`);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
}
