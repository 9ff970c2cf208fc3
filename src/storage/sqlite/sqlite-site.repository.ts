import { stmt } from './statements.js';
import type { Database } from 'better-sqlite3';
import type { SiteIntelligence } from '../../domain/entities/site.js';
import type { SiteRepository } from '../../domain/ports/storage.port.js';

export class SqliteSiteRepository implements SiteRepository {
  constructor(private readonly db: Database) {}

  async get(site: string): Promise<SiteIntelligence | null> {
    const row = stmt(this.db, 'SELECT data FROM domains WHERE site = ?').get(site) as { data: string } | undefined;
    if (!row) return null;
    const data = JSON.parse(row.data) as SiteIntelligence & { learnedAt: string; expiresAt: string };
    return { ...data, learnedAt: new Date(data.learnedAt), expiresAt: new Date(data.expiresAt) };
  }

  async put(intelligence: SiteIntelligence): Promise<void> {
    stmt(this.db, `INSERT INTO domains (site, platform, data, learned_at, expires_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (site) DO UPDATE SET platform = excluded.platform, data = excluded.data, learned_at = excluded.learned_at, expires_at = excluded.expires_at`)
      .run(intelligence.site, intelligence.platform, JSON.stringify(intelligence), intelligence.learnedAt.getTime(), intelligence.expiresAt.getTime());
  }
}
