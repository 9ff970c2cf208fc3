import type { Database } from 'better-sqlite3';
import type { Campaign, CampaignCounters, CampaignInput, CampaignOptions, CampaignStatus } from '../../domain/entities/campaign.js';
import type { CampaignRepository } from '../../domain/ports/storage.port.js';
import { newId } from '../../domain/ids.js';
import { byIds, defined, toDate } from './paging.js';

interface CampaignRow {
  id: string;
  seed_url: string;
  site: string;
  status: string;
  options: string;
  categories_discovered: number;
  categories_scraped: number;
  products_discovered: number;
  products_queued: number;
  products_scraped: number;
  products_failed: number;
  created_at: number;
  updated_at: number;
  started_at: number | null;
  finished_at: number | null;
}

/** Counter name -> column. The only columns `incrementCounters` may touch. */
const COUNTER_COLUMNS: Record<keyof CampaignCounters, string> = {
  categoriesDiscovered: 'categories_discovered',
  categoriesScraped: 'categories_scraped',
  productsDiscovered: 'products_discovered',
  productsQueued: 'products_queued',
  productsScraped: 'products_scraped',
  productsFailed: 'products_failed',
};

const TERMINAL: readonly CampaignStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

function campaignFromRow(row: CampaignRow): Campaign {
  return defined({
    id: row.id,
    seedUrl: row.seed_url,
    site: row.site,
    status: row.status as CampaignStatus,
    options: JSON.parse(row.options) as CampaignOptions,
    counters: {
      categoriesDiscovered: row.categories_discovered,
      categoriesScraped: row.categories_scraped,
      productsDiscovered: row.products_discovered,
      productsQueued: row.products_queued,
      productsScraped: row.products_scraped,
      productsFailed: row.products_failed,
    },
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
    startedAt: toDate(row.started_at),
    finishedAt: toDate(row.finished_at),
  }) as Campaign;
}

export class SqliteCampaignRepository implements CampaignRepository {
  constructor(private readonly db: Database) {}

  async create(input: CampaignInput): Promise<Campaign> {
    const now = Date.now();
    const row = this.db.prepare(`INSERT INTO campaigns (id, seed_url, site, status, options, created_at, updated_at)
      VALUES (?, ?, ?, 'PENDING', ?, ?, ?) RETURNING *`).get(newId(now), input.seedUrl, input.site, JSON.stringify(input.options), now, now) as CampaignRow;
    return campaignFromRow(row);
  }

  async getByIds(ids: readonly string[]): Promise<(Campaign | null)[]> {
    return byIds(this.db, 'campaigns', ids, campaignFromRow);
  }

  async setStatus(id: string, status: CampaignStatus, at: Date): Promise<Campaign | null> {
    const finished = TERMINAL.includes(status) ? at.getTime() : null;
    const started = status === 'DISCOVERING' || status === 'SCRAPING' ? at.getTime() : null;
    const row = this.db.prepare(`UPDATE campaigns SET status = ?, updated_at = ?,
        started_at = COALESCE(started_at, ?), finished_at = COALESCE(?, finished_at) WHERE id = ? RETURNING *`)
      .get(status, at.getTime(), started, finished, id) as CampaignRow | undefined;
    return row ? campaignFromRow(row) : null;
  }

  async incrementCounters(id: string, deltas: Partial<CampaignCounters>): Promise<void> {
    const entries = Object.entries(deltas).filter(([key, value]) => key in COUNTER_COLUMNS && value);
    if (entries.length === 0) return;
    const sets = entries.map(([key]) => `${COUNTER_COLUMNS[key as keyof CampaignCounters]} = ${COUNTER_COLUMNS[key as keyof CampaignCounters]} + ?`);
    this.db.prepare(`UPDATE campaigns SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`).run(...entries.map(([, v]) => v), Date.now(), id);
  }
}
