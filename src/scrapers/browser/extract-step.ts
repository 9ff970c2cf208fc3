import type { Page } from 'playwright-core';
import type { ExtractSpec } from '../../domain/ports/browser.port.js';
import { snapshotPage } from './page-snapshot.js';
import type { StepEnv } from './step-env.js';

/** Runs an extract spec on the current page: a record into `extracted`, or a snapshot into `pages`. */
export async function extractInto(spec: ExtractSpec, env: StepEnv): Promise<string> {
  const { page } = env.leased;
  if (!hasFields(spec)) {
    const started = performance.now();
    env.result.pages.push(await snapshotPage(page, env.mainResponse(), page.url(), env.maxBytes, started));
    return `snapshot of ${page.url()}`;
  }
  const record = await extractFields(page, spec);
  env.result.extracted.push(record);
  return Object.entries(record).map(([name, values]) => `${name}: ${values.length}`).join(', ');
}

function hasFields(spec: ExtractSpec): boolean {
  return (spec.fields !== undefined && Object.keys(spec.fields).length > 0) || spec.selector !== undefined;
}

/** field -> text (whitespace collapsed) or attribute of every match. Does not wait for matches. */
export async function extractFields(page: Page, spec: ExtractSpec): Promise<Record<string, string[]>> {
  const fields = spec.fields && Object.keys(spec.fields).length > 0 ? spec.fields : { values: spec.selector ?? '' };
  const record: Record<string, string[]> = {};
  for (const [name, field] of Object.entries(fields)) {
    const { selector, attribute } = typeof field === 'string' ? { selector: field, attribute: undefined } : field;
    record[name] = await page.locator(selector).evaluateAll(
      (elements, attr) => elements.map((element) => (attr ? element.getAttribute(attr) ?? '' : (element.textContent ?? '').replace(/\s+/g, ' ').trim())),
      attribute ?? null,
    );
  }
  return record;
}
