import type { Locator, Page } from 'playwright-core';
import type { PaginateStep } from '../../domain/ports/browser.port.js';
import { extractInto } from './extract-step.js';
import { waitForTarget } from './page-wait.js';
import type { StepEnv } from './step-env.js';

interface TurnMarker {
  changed: boolean;
  observer?: MutationObserver;
}

/**
 * Runs `extract` on the current page, then clicks "next" and repeats until
 * the control is gone, hidden or disabled, `stopWhen` matches, or `maxPages`
 * pages were seen. Each page turn has the step budget of its own.
 */
export async function paginate(step: PaginateStep, env: StepEnv): Promise<string> {
  const { page } = env.leased;
  const maxPages = step.maxPages ?? 5;
  let seen = 1;
  let stop = `maxPages ${maxPages}`;
  for (;;) {
    if (step.extract) {
      const spec = step.extract;
      await env.timed(`page ${seen}`, () => extractInto(spec, env));
    }
    if (seen >= maxPages) break;
    const turned = await env.timed(`page ${seen + 1}`, async (left) => {
      if (step.stopWhen && (await page.locator(step.stopWhen).count()) > 0) return `"${step.stopWhen}" matched`;
      const next = page.locator(step.selector).first();
      if (!(await canTurn(next, left()))) return 'no usable next control';
      await turnPage(page, next, step, left);
      return undefined;
    });
    if (turned !== undefined) {
      stop = turned;
      break;
    }
    seen++;
  }
  return `${seen} page(s); stopped: ${stop}`;
}

/** True when the control exists, is visible and is not disabled (attribute, aria-disabled or a `disabled` class). */
async function canTurn(next: Locator, timeoutMs: number): Promise<boolean> {
  if ((await next.count()) === 0 || !(await next.isVisible())) return false;
  const disabled = await next.evaluate(
    (element) => element.hasAttribute('disabled') || element.getAttribute('aria-disabled') === 'true' || element.classList.contains('disabled'),
    undefined,
    { timeout: timeoutMs },
  );
  return !disabled;
}

/**
 * Clicks next and waits until the page changed: a new document (the marker
 * is gone) or, for in-place pagination, any DOM mutation; then `waitFor`.
 */
async function turnPage(page: Page, next: Locator, step: PaginateStep, left: () => number): Promise<void> {
  await page.evaluate(() => {
    const scope = window as unknown as { __trawlTurn?: TurnMarker };
    scope.__trawlTurn?.observer?.disconnect();
    const marker: TurnMarker = { changed: false };
    marker.observer = new MutationObserver(() => {
      marker.changed = true;
    });
    marker.observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    scope.__trawlTurn = marker;
  });
  await next.click({ timeout: left() });
  await page.waitForFunction(
    () => {
      const marker = (window as unknown as { __trawlTurn?: TurnMarker }).__trawlTurn;
      return !marker || marker.changed;
    },
    undefined,
    { timeout: left(), polling: 50 },
  );
  await waitForTarget(page, step.waitFor ?? 'load', left());
}
