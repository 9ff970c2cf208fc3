import type { Campaign } from '../../src/domain/entities/campaign.js';
import type { Store } from '../../src/domain/ports/storage.port.js';

const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

export interface WaitOptions {
  /** Fails when the ledger has not moved for this long. */
  stallLimitMs: number;
  log: (line: string) => void;
  label: string;
  /** Called with the fraction of discovered products done, on each progress check. */
  onProgress?: (done: number, discovered: number) => void;
}

/** Polls the store until the campaign ends; returns it as stored. Logs progress every ~5 s. */
export async function waitForCampaign(store: Store, campaignId: string, options: WaitOptions): Promise<Campaign> {
  let lastKey = '';
  let changedAt = Date.now();
  let loggedAt = Date.now();
  for (let tick = 0; ; tick++) {
    const campaign = (await store.campaigns.getByIds([campaignId]))[0];
    if (!campaign) throw new Error(`${options.label}: campaign ${campaignId} not found`);
    if (TERMINAL.has(campaign.status)) return campaign;
    if (tick % 8 === 0) {
      const tally = await store.ledger.tally(campaignId);
      const done = tally.productsScraped + tally.productsFailed + tally.productsSkipped;
      options.onProgress?.(done, tally.productsDiscovered);
      const key = `${campaign.status}:${tally.categoriesScraped}:${tally.productsDiscovered}:${done}`;
      if (key !== lastKey) {
        lastKey = key;
        changedAt = Date.now();
      } else if (Date.now() - changedAt > options.stallLimitMs) {
        throw new Error(`${options.label}: campaign ${campaignId} stalled for ${options.stallLimitMs / 1000} s (${campaign.status}, ${done}/${tally.productsDiscovered} products)`);
      }
      if (Date.now() - loggedAt > 5000) {
        loggedAt = Date.now();
        options.log(`${options.label}: ${campaign.status} categories ${tally.categoriesScraped}/${tally.categoriesSelected}, products ${tally.productsScraped} stored of ${tally.productsDiscovered} found`);
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
