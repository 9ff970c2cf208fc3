import { stmt } from './statements.js';
import type { Database } from 'better-sqlite3';
import type { RenderDecision, SiteIntelligence } from '../../domain/entities/site.js';
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

  async getRenderDecision(site: string): Promise<RenderDecision | null> {
    const row = stmt(this.db, 'SELECT * FROM render_decisions WHERE site = ?').get(site) as { site: string; mode: RenderDecision['mode']; reason: string; decided_at: number } | undefined;
    return row ? { site: row.site, mode: row.mode, reason: row.reason, decidedAt: new Date(row.decided_at) } : null;
  }

  async putRenderDecision(decision: RenderDecision): Promise<void> {
    stmt(this.db, `INSERT INTO render_decisions (site, mode, reason, decided_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (site) DO UPDATE SET mode = excluded.mode, reason = excluded.reason, decided_at = excluded.decided_at`)
      .run(decision.site, decision.mode, decision.reason, decision.decidedAt.getTime());
  }
}
