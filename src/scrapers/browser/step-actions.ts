import type { Page } from 'playwright-core';
import { TrawlError, unreachable } from '../../domain/errors.js';
import type { BrowserStep, ScrollStep } from '../../domain/ports/browser.port.js';
import { parseTargetUrl } from '../../domain/url.js';
import { extractInto } from './extract-step.js';
import { checkMainResponse } from './page-snapshot.js';
import { waitForTarget } from './page-wait.js';
import { paginate } from './paginate-step.js';
import type { StepEnv } from './step-env.js';

/** Runs one step; resolves with a short note for the step result. */
export async function runStep(step: BrowserStep, env: StepEnv): Promise<string | undefined> {
  const { page } = env.leased;
  switch (step.action) {
    case 'goto':
      return env.timed(undefined, (left) => goto(page, step.url, step.waitFor, env, left));
    case 'click':
      return env.timed(undefined, async (left) => {
        await page.locator(step.selector).first().click({ timeout: left() });
        await waitForTarget(page, step.waitFor ?? 'load', left());
        return page.url();
      });
    case 'fill':
      return env.timed(undefined, async (left) => void (await page.locator(step.selector).first().fill(step.value, { timeout: left() })));
    case 'select':
      return env.timed(undefined, async (left) => {
        const chosen = await page.locator(step.selector).first().selectOption(step.value, { timeout: left() });
        return `selected ${chosen.join(', ')}`;
      });
    case 'wait':
      return env.timed(undefined, async (left) => {
        if (step.ms !== undefined) await page.waitForTimeout(step.ms);
        else await waitForTarget(page, step.until ?? step.selector ?? 'load', left());
        return undefined;
      });
    case 'scroll':
      return env.timed(undefined, () => scroll(page, step));
    case 'paginate':
      return paginate(step, env);
    case 'extract':
      return env.timed(undefined, () => extractInto(step, env));
    default:
      return unreachable(step, 'browser step');
  }
}

async function goto(page: Page, raw: string, waitFor: string | undefined, env: StepEnv, left: () => number): Promise<string> {
  const base = page.url() === 'about:blank' ? env.startUrl : page.url();
  let target: string;
  try {
    target = new URL(raw, base).href;
  } catch {
    throw new TrawlError('INVALID_URL', `${env.what}: "${raw}" is not a URL`, { field: `${env.field}.url` });
  }
  parseTargetUrl(target, `${env.field}.url`, env.policy);
  const wait = waitFor ?? 'load';
  const response = await page.goto(target, { waitUntil: wait === 'networkidle' ? 'networkidle' : 'load', timeout: left() });
  await checkMainResponse(response, env.what, env.maxBytes);
  if (wait !== 'load' && wait !== 'networkidle') await waitForTarget(page, wait, left());
  return page.url();
}

/** Scrolls to the bottom up to `times` times, stopping early once the page stops growing. */
async function scroll(page: Page, step: ScrollStep): Promise<string> {
  const times = step.times ?? 1;
  const delayMs = step.delayMs ?? 500;
  const start = await page.evaluate(() => document.documentElement.scrollHeight);
  let height = start;
  let done = 0;
  while (done < times) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    done++;
    const grown = await page
      .waitForFunction((before) => document.documentElement.scrollHeight > before, height, { timeout: Math.max(1, delayMs), polling: 50 })
      .then(() => true, () => false);
    if (!grown) break;
    height = await page.evaluate(() => document.documentElement.scrollHeight);
  }
  return `scrolled ${done}x, height ${start} -> ${height}`;
}
