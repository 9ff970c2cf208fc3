import type { Page } from 'playwright-core';
import type { WaitTarget } from '../../domain/ports/browser.port.js';

/** Waits for a load state (`load`, `networkidle`), or for a selector to be attached. */
export async function waitForTarget(page: Page, target: WaitTarget, timeoutMs: number): Promise<void> {
  const state = loadState(target);
  if (state) return page.waitForLoadState(state, { timeout: timeoutMs });
  return page.locator(target).first().waitFor({ state: 'attached', timeout: timeoutMs });
}

/** The Playwright load state a wait target names, if it names one. */
export function loadState(target: WaitTarget): 'load' | 'networkidle' | undefined {
  if (target === 'load') return 'load';
  if (target === 'networkidle') return 'networkidle';
  return undefined;
}
