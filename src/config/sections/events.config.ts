import type { ConfigEntry } from '../config-kit.js';
import { int } from '../config-kit.js';

/** Live events: GraphQL subscriptions, coalesced and bounded per subscription. */
export const EVENTS_CONFIG = {
  subscriptionMaxEventsPerSecond: {
    env: 'TRAWL_SUBSCRIPTION_MAX_EVENTS_PER_SECOND', default: '20', schema: int(1, 10_000),
    description: 'Most events one jobUpdated subscription delivers per second; the rest wait, coalesced per job',
  },
  subscriptionJobWindowMs: {
    env: 'TRAWL_SUBSCRIPTION_JOB_WINDOW_MS', default: '1000', schema: int(0, 600_000),
    description: 'A jobUpdated subscription following several jobs (campaignId, type or none) delivers at most one event per job per window, the latest',
  },
  subscriptionBufferEvents: {
    env: 'TRAWL_SUBSCRIPTION_BUFFER_EVENTS', default: '500', schema: int(1, 100_000),
    description: 'Events one subscription keeps waiting for a slow client; beyond it the oldest are dropped and counted in JobEvent.dropped',
  },
  campaignProgressIntervalMs: {
    env: 'TRAWL_CAMPAIGN_PROGRESS_INTERVAL_MS', default: '250', schema: int(50, 600_000),
    description: 'Shortest time between two campaignProgress events of one subscription (each reads the ledger once)',
  },
} as const satisfies Record<string, ConfigEntry>;
