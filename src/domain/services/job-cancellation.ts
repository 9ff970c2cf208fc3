import type { Store } from '../ports/storage.port.js';
import { TrawlError } from '../errors.js';
import { canonicalUrl } from '../url.js';

/** Marks an abort reason as a cancellation asked for by a client (other aborts, e.g. shutdown, are not cancellations). */
const CANCEL_MARK = 'trawl:cancel:';

/** The abort reason workers receive for a cancelled job. */
export function cancellationReason(message: string): string {
  return `${CANCEL_MARK}${message}`;
}

/** The cancellation message behind an abort reason, or undefined when the abort was not a cancellation. */
export function cancellationMessage(reason: unknown): string | undefined {
  return typeof reason === 'string' && reason.startsWith(CANCEL_MARK) ? reason.slice(CANCEL_MARK.length) : undefined;
}

/** The error a cancelled job ends with (permanent: never retried). */
export function cancelledError(jobId: string, message: string): TrawlError {
  return new TrawlError('CANCELLED', `Job ${jobId} was cancelled: ${message}`, { id: jobId });
}

/**
 * Storage bookkeeping of a cancelled job, the same whether the API removed it
 * from the queue or its worker aborted it: the job record becomes CANCELLED
 * with the reason, and for a campaign's job the ledger counts it as skipped
 * (reason CANCELLED), so the campaign's progress still adds up. A cancelled
 * site job cancels its campaign. Idempotent.
 */
export class JobCancellation {
  constructor(private readonly store: Store) {}

  async record(jobId: string, message: string, at = new Date()): Promise<void> {
    const record = await this.store.jobs.get(jobId);
    if (!record) return;
    await this.store.jobs.updateStatus(jobId, {
      status: 'CANCELLED', at, error: { attempt: record.attempts, code: 'CANCELLED', message: `Job ${jobId} was cancelled: ${message}`, at },
    });
    const campaignId = record.campaignId;
    if (!campaignId) return;
    switch (record.type) {
      case 'product':
        await this.store.ledger.finishProduct(campaignId, record.url, 'SKIPPED', at, 'CANCELLED');
        return;
      case 'category_search': {
        const category = await this.store.categories.getByUrl(canonicalUrl(record.categoryUrl ?? record.url));
        if (category) await this.store.ledger.finishCategory(campaignId, category.id, 'SKIPPED', 0, at);
        return;
      }
      case 'full_site':
        await this.store.campaigns.transition(campaignId, ['PENDING', 'DISCOVERING', 'SCRAPING', 'PAUSED'], 'CANCELLED', at, 'CANCELLED: its site job was cancelled');
        return;
      default:
        return;
    }
  }
}
