import type { CatalogService } from '../domain/services/catalog.service.js';
import type { JobService } from '../domain/services/job.service.js';
import type { EventBus } from '../domain/ports/event-bus.port.js';
import type { CampaignService } from '../domain/services/campaign.service.js';
import type { CampaignReports } from '../domain/services/campaign-report.service.js';
import type { SiteIntelligenceService } from '../domain/services/site-intelligence.service.js';
import type { Loaders } from './loaders.js';

/** The domain services resolvers may call. Built once by the composition root. */
export interface ApiServices {
  jobs: JobService;
  catalog: CatalogService;
  events: EventBus;
  campaigns: CampaignService;
  reports: CampaignReports;
  sites: SiteIntelligenceService;
}

/** Per-request GraphQL context: the services and this request's DataLoaders. */
export interface GraphQLContext {
  services: ApiServices;
  loaders: Loaders;
}
