import type { Model } from 'mongoose';
import type { RenderDecision, SiteIntelligence } from '../../domain/entities/site.js';
import type { SiteRepository } from '../../domain/ports/storage.port.js';
import { retryOnDuplicateKey } from './mongo-errors.js';
import type { DomainDoc, RenderDecisionDoc } from './mongo-models.js';
import { defined } from './mongo-paging.js';

/** Site intelligence in `domains`, one document per site (`_id` = site), replaced whole on every put. */
export class MongoSiteRepository implements SiteRepository {
  constructor(private readonly model: Model<DomainDoc>, private readonly decisions: Model<RenderDecisionDoc>) {}

  async get(site: string): Promise<SiteIntelligence | null> {
    const doc = await this.model.findById(site).lean<DomainDoc>();
    if (!doc) return null;
    return defined({
      site: doc._id,
      platform: doc.platform,
      homeUrl: doc.homeUrl,
      navigation: doc.navigation ?? [],
      sitemaps: doc.sitemaps ?? [],
      robotsTxt: doc.robotsTxt,
      platformSignals: doc.platformSignals,
      navigationHash: doc.navigationHash,
      sitemapCategoryUrls: doc.sitemapCategoryUrls,
      sitemapProductCount: doc.sitemapProductCount,
      learnedAt: doc.learnedAt,
      expiresAt: doc.expiresAt,
    }) as SiteIntelligence;
  }

  async put(intelligence: SiteIntelligence): Promise<void> {
    const doc: DomainDoc = defined({
      _id: intelligence.site,
      platform: intelligence.platform,
      homeUrl: intelligence.homeUrl,
      navigation: intelligence.navigation,
      sitemaps: intelligence.sitemaps,
      robotsTxt: intelligence.robotsTxt,
      platformSignals: intelligence.platformSignals,
      navigationHash: intelligence.navigationHash,
      sitemapCategoryUrls: intelligence.sitemapCategoryUrls,
      sitemapProductCount: intelligence.sitemapProductCount,
      learnedAt: intelligence.learnedAt,
      expiresAt: intelligence.expiresAt,
    });
    await retryOnDuplicateKey(() => this.model.replaceOne({ _id: doc._id }, doc, { upsert: true }));
  }

  async getRenderDecision(site: string): Promise<RenderDecision | null> {
    const doc = await this.decisions.findById(site).lean<RenderDecisionDoc>();
    return doc ? { site: doc._id, mode: doc.mode, reason: doc.reason, decidedAt: doc.decidedAt } : null;
  }

  async putRenderDecision(decision: RenderDecision): Promise<void> {
    const doc: RenderDecisionDoc = { _id: decision.site, mode: decision.mode, reason: decision.reason, decidedAt: decision.decidedAt };
    await retryOnDuplicateKey(() => this.decisions.replaceOne({ _id: doc._id }, doc, { upsert: true }));
  }
}
