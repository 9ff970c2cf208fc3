import type { Database } from 'better-sqlite3';

/** Versioned schema migrations, applied in order inside one transaction each. Never edit a shipped one. */
export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE campaigns (
        id TEXT PRIMARY KEY, seed_url TEXT NOT NULL, site TEXT NOT NULL, status TEXT NOT NULL, options TEXT NOT NULL,
        categories_discovered INTEGER NOT NULL DEFAULT 0, categories_scraped INTEGER NOT NULL DEFAULT 0,
        products_discovered INTEGER NOT NULL DEFAULT 0, products_queued INTEGER NOT NULL DEFAULT 0,
        products_scraped INTEGER NOT NULL DEFAULT 0, products_failed INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, started_at INTEGER, finished_at INTEGER
      );
      CREATE INDEX campaigns_status ON campaigns (status, id);
      CREATE TABLE categories (
        id TEXT PRIMARY KEY, site TEXT NOT NULL, url TEXT NOT NULL UNIQUE, path TEXT NOT NULL, name TEXT NOT NULL,
        parent_url TEXT, parent_id TEXT, type TEXT NOT NULL, depth INTEGER NOT NULL,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL
      );
      CREATE INDEX categories_site ON categories (site, id);
      CREATE INDEX categories_parent_url ON categories (parent_url);
      CREATE TABLE products (
        id TEXT PRIMARY KEY, site TEXT NOT NULL, canonical_url TEXT NOT NULL, url TEXT NOT NULL, title TEXT NOT NULL,
        brand TEXT, price_amount TEXT, price_currency TEXT, price_value REAL, availability TEXT NOT NULL,
        completeness REAL NOT NULL, campaign_id TEXT, data TEXT NOT NULL,
        first_seen_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, scraped_at INTEGER NOT NULL,
        UNIQUE (site, canonical_url)
      );
      CREATE INDEX products_site ON products (site, id);
      CREATE TABLE product_categories (
        product_id TEXT NOT NULL, category_id TEXT NOT NULL, campaign_id TEXT, first_seen_at INTEGER NOT NULL,
        PRIMARY KEY (product_id, category_id)
      ) WITHOUT ROWID;
      CREATE INDEX product_categories_category ON product_categories (category_id, product_id);
      CREATE TABLE product_campaigns (
        product_id TEXT NOT NULL, campaign_id TEXT NOT NULL, PRIMARY KEY (campaign_id, product_id)
      ) WITHOUT ROWID;
      CREATE TABLE category_campaigns (
        category_id TEXT NOT NULL, campaign_id TEXT NOT NULL, PRIMARY KEY (campaign_id, category_id)
      ) WITHOUT ROWID;
      CREATE TABLE scraping_jobs (
        id TEXT PRIMARY KEY, type TEXT NOT NULL, queue TEXT NOT NULL, url TEXT NOT NULL, site TEXT NOT NULL,
        priority TEXT NOT NULL, status TEXT NOT NULL, campaign_id TEXT, category_url TEXT,
        attempts INTEGER NOT NULL DEFAULT 0, error_code TEXT, failed_reason TEXT,
        created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, finished_at INTEGER
      );
      CREATE INDEX scraping_jobs_campaign ON scraping_jobs (campaign_id, status);
      CREATE INDEX scraping_jobs_status ON scraping_jobs (status, id);
      CREATE TABLE scraping_job_results (
        job_id TEXT PRIMARY KEY, type TEXT NOT NULL, url TEXT NOT NULL, status TEXT NOT NULL,
        result TEXT, errors TEXT NOT NULL, created_at INTEGER NOT NULL
      );
      CREATE TABLE domains (
        site TEXT PRIMARY KEY, platform TEXT NOT NULL, data TEXT NOT NULL, learned_at INTEGER NOT NULL, expires_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'campaign ledger and link provenance',
    sql: `
      CREATE TABLE campaign_categories (
        campaign_id TEXT NOT NULL, category_id TEXT NOT NULL, rank INTEGER NOT NULL, job_id TEXT NOT NULL,
        status TEXT NOT NULL, pages INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL, finished_at INTEGER,
        PRIMARY KEY (campaign_id, category_id)
      ) WITHOUT ROWID;
      CREATE TABLE campaign_items (
        campaign_id TEXT NOT NULL, product_url TEXT NOT NULL, site TEXT NOT NULL, status TEXT NOT NULL,
        job_id TEXT, reason TEXT, product_id TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL,
        PRIMARY KEY (campaign_id, product_url)
      ) WITHOUT ROWID;
      CREATE INDEX campaign_items_status ON campaign_items (campaign_id, status);
      CREATE TABLE product_sightings (
        campaign_id TEXT NOT NULL, category_id TEXT NOT NULL, product_url TEXT NOT NULL, site TEXT NOT NULL,
        listing_url TEXT NOT NULL, page INTEGER NOT NULL, position INTEGER NOT NULL,
        first_seen_at INTEGER NOT NULL, last_seen_at INTEGER NOT NULL,
        PRIMARY KEY (campaign_id, category_id, product_url)
      ) WITHOUT ROWID;
      CREATE INDEX product_sightings_url ON product_sightings (campaign_id, product_url);
      ALTER TABLE product_categories ADD COLUMN listing_url TEXT;
      ALTER TABLE product_categories ADD COLUMN page INTEGER;
      ALTER TABLE product_categories ADD COLUMN position INTEGER;
      ALTER TABLE product_categories ADD COLUMN last_seen_at INTEGER;
      ALTER TABLE campaigns ADD COLUMN failed_reason TEXT;
    `,
  },
  {
    version: 3,
    name: 'render decisions per site',
    sql: `
      CREATE TABLE render_decisions (site TEXT PRIMARY KEY, mode TEXT NOT NULL, reason TEXT NOT NULL, decided_at INTEGER NOT NULL);
    `,
  },
  {
    version: 4,
    name: 'dead letters',
    sql: `
      CREATE TABLE dead_letters (
        id TEXT PRIMARY KEY, job_id TEXT NOT NULL UNIQUE, queue TEXT NOT NULL, type TEXT NOT NULL, priority TEXT,
        campaign_id TEXT, url TEXT, code TEXT NOT NULL, message TEXT NOT NULL, data TEXT, raw_data TEXT NOT NULL,
        attempts TEXT NOT NULL, bundle TEXT NOT NULL, status TEXT NOT NULL, retries INTEGER NOT NULL DEFAULT 0,
        dead_at INTEGER NOT NULL, retried_at INTEGER
      );
      CREATE INDEX dead_letters_campaign ON dead_letters (campaign_id, status, id);
      CREATE INDEX dead_letters_dead_at ON dead_letters (dead_at);
    `,
  },
  {
    version: 5,
    name: 'product history and catalog search indexes',
    sql: `
      CREATE TABLE product_history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT, product_id TEXT NOT NULL, at INTEGER NOT NULL,
        price_amount TEXT, price_currency TEXT, availability TEXT NOT NULL
      );
      CREATE INDEX product_history_product ON product_history (product_id, at);
      INSERT INTO product_history (product_id, at, price_amount, price_currency, availability)
        SELECT id, updated_at, price_amount, price_currency, availability FROM products ORDER BY id;
      CREATE INDEX products_updated ON products (updated_at, id);
      CREATE INDEX products_price ON products (price_value, id);
      CREATE INDEX products_title ON products (title, id);
      CREATE INDEX products_availability ON products (availability, id);
      CREATE INDEX product_campaigns_product ON product_campaigns (product_id);
      CREATE INDEX categories_parent_id ON categories (parent_id, id);
      CREATE INDEX categories_type ON categories (type, id);
      CREATE INDEX scraping_jobs_type ON scraping_jobs (type, id);
      CREATE INDEX scraping_jobs_queue ON scraping_jobs (queue, id);
      CREATE INDEX scraping_jobs_error ON scraping_jobs (error_code, id);
      CREATE INDEX scraping_jobs_site ON scraping_jobs (site, id);
    `,
  },  {
    version: 6,
    name: 'campaign schedules',
    sql: `
      CREATE TABLE campaign_schedules (
        id TEXT PRIMARY KEY, seed_url TEXT NOT NULL, site TEXT NOT NULL, options TEXT NOT NULL, cron TEXT NOT NULL, tz TEXT NOT NULL,
        enabled INTEGER NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, last_run_at INTEGER, last_campaign_id TEXT
      );
      CREATE INDEX campaign_schedules_enabled ON campaign_schedules (enabled, id);
      CREATE TABLE schedule_runs (
        id TEXT PRIMARY KEY, schedule_id TEXT NOT NULL, run_key TEXT NOT NULL, at INTEGER NOT NULL, outcome TEXT NOT NULL,
        campaign_id TEXT, reason TEXT, UNIQUE (schedule_id, run_key)
      );
      CREATE INDEX schedule_runs_schedule ON schedule_runs (schedule_id, at);
    `,
  },
  {
    version: 7,
    name: 'campaign tally from the index alone',
    // The progress tally groups a campaign's items by status and reason: with reason in the index it
    // reads the index in order instead of looking every item up in the table.
    sql: `
      DROP INDEX campaign_items_status;
      CREATE INDEX campaign_items_status_reason ON campaign_items (campaign_id, status, reason);
    `,
  },
];

/**
 * Applies the migrations the database has not seen yet. Returns the versions applied. Several
 * processes may migrate one file at once: each migration is applied inside a write transaction
 * that first checks, under the lock, that no other process applied it meanwhile.
 */
export function migrate(db: Database): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  const isApplied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (done.has(migration.version)) continue;
    const ran = db.transaction(() => {
      if (isApplied.get(migration.version) !== undefined) return false;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(migration.version, migration.name, Date.now());
      return true;
    }).immediate();
    if (ran) applied.push(migration.version);
  }
  return applied;
}
