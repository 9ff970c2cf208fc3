/**
 * Writes the labelled extraction corpus: bench/corpus/pages/*.html (raw bytes,
 * in each page's charset) and bench/corpus/labels.jsonl. Deterministic: the
 * same code writes the same bytes. Run from the repository root:
 *   node dist/bench/quality/generate-corpus.js
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repoRoot } from '../support/paths.js';
import { buildPage, pageName, type BuiltPage } from './gen/build-page.js';
import { RECIPES } from './gen/recipes.js';

const MAX_CORPUS_BYTES = 8 * 1024 * 1024;

function buildAll(): BuiltPage[] {
  const pages: BuiltPage[] = [];
  const ordinals = new Map<string, number>();
  for (const recipe of RECIPES) {
    for (let i = 0; i < recipe.count; i++) {
      const stem = pageName(recipe, 0);
      const ordinal = (ordinals.get(stem) ?? 0) + 1;
      ordinals.set(stem, ordinal);
      pages.push(buildPage(recipe, i, pageName(recipe, ordinal)));
    }
  }
  const broken = pages.filter((page) => page.problems.length > 0);
  if (broken.length > 0) {
    throw new Error(`Labelled values missing from their pages:\n${broken.map((page) => `  ${page.label.file}: ${page.problems.join('; ')}`).join('\n')}`);
  }
  const files = new Set<string>();
  for (const { label } of pages) {
    if (files.has(label.file)) throw new Error(`Two recipes write ${label.file}`);
    files.add(label.file);
  }
  return pages;
}

function countBy(pages: readonly BuiltPage[], key: (page: BuiltPage) => string): string {
  const counts = new Map<string, number>();
  for (const page of pages) counts.set(key(page), (counts.get(key(page)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name, n]) => `${name} ${n}`).join(', ');
}

async function main(): Promise<void> {
  const corpus = join(repoRoot(), 'bench', 'corpus');
  const pagesDir = join(corpus, 'pages');
  const pages = buildAll();
  await mkdir(pagesDir, { recursive: true });
  for (const file of await readdir(pagesDir)) if (file.endsWith('.html')) await rm(join(pagesDir, file));
  let total = 0;
  for (const page of pages) {
    await writeFile(join(corpus, page.label.file), page.bytes);
    total += page.bytes.byteLength;
  }
  await writeFile(join(corpus, 'labels.jsonl'), pages.map((page) => JSON.stringify(page.label)).join('\n') + '\n');
  const products = pages.filter((page) => page.label.isProduct);
  console.log(`corpus: ${pages.length} pages (${products.length} product, ${pages.length - products.length} other), ${(total / 1024 / 1024).toFixed(2)} MB -> ${corpus}`);
  console.log(`  platforms: ${countBy(pages, (page) => page.label.platform)}`);
  console.log(`  styles:    ${countBy(pages, (page) => `${page.label.platform}/${page.label.style}`)}`);
  console.log(`  locales:   ${countBy(pages, (page) => page.label.locale)}`);
  console.log(`  charsets:  ${countBy(pages, (page) => page.label.charset)}`);
  if (total > MAX_CORPUS_BYTES) throw new Error(`Corpus is ${total} bytes, over the ${MAX_CORPUS_BYTES} budget`);
}

await main();
