import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FIELD_NAMES, type CorpusLabel } from './corpus.types.js';

/** Reads bench/corpus/labels.jsonl; throws naming the line of a malformed label. */
export async function readLabels(corpusDir: string): Promise<CorpusLabel[]> {
  const text = await readFile(join(corpusDir, 'labels.jsonl'), 'utf8');
  const labels: CorpusLabel[] = [];
  text.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const label = JSON.parse(line) as CorpusLabel;
    const missing = FIELD_NAMES.filter((field) => !(field in (label.fields ?? {})));
    if (!label.file || !label.url || typeof label.isProduct !== 'boolean' || missing.length > 0) {
      throw new Error(`labels.jsonl line ${index + 1} is not a complete label (missing: ${['file', 'url', 'isProduct', ...missing].join(', ')})`);
    }
    labels.push(label);
  });
  return labels;
}

/** The raw bytes of a labelled page. */
export async function readPageBytes(corpusDir: string, label: CorpusLabel): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(corpusDir, label.file)));
}
