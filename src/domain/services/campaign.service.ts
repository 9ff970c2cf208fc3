import { CATEGORY_TYPES, type CategoryType } from '../entities/category.js';
import { RENDER_MODES, type Campaign, type CampaignOptions, type CampaignStatus, type RenderMode } from '../entities/campaign.js';
import { TrawlError, invalidInput, notFound } from '../errors.js';
import { derivedId } from '../ids.js';
import { DEFAULT_SCRAPE_SETTINGS, JOB_DATA_VERSION, JOB_PRIORITIES, type FullSiteJobData, type JobPriority, type ScrapeSettings } from '../job-data.js';
import { normalizePage, type Page } from '../pagination.js';
import type { JobQueue } from '../ports/job-queue.port.js';
import type { Store } from '../ports/storage.port.js';
import { parseTargetUrl, siteOf, type TargetPolicy } from '../url.js';

export interface StartCampaignRequest {
  seedUrl: string;
  maxCategories?: number | null;
  maxProductsPerCategory?: number | null;
  maxProducts?: number | null;
  maxCategoryPages?: number | null;
  categoryTypes?: readonly string[] | null;
  priority?: JobPriority | null;
  rateLimitDelayMs?: number | null;
  renderJs?: RenderMode | null;
  searchQuery?: string | null;
  searchOnly?: boolean | null;
}

export interface CampaignServiceDeps {
  store: Store;
  queue: JobQueue;
  targetPolicy: TargetPolicy;
  defaults: Pick<ScrapeSettings, 'timeoutMs'> & { rateLimitDelayMs: number };
}

/** Id of a campaign's root job (the `full_site` job its tree hangs from). */
export function siteJobId(campaignId: string): string {
  return derivedId(campaignId, 'full_site');
}

const ACTIVE: readonly CampaignStatus[] = ['PENDING', 'DISCOVERING', 'SCRAPING'];
const TERMINAL: readonly CampaignStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

/**
 * Campaigns as clients drive them: start one on a site (a `full_site` job
 * tree), list, pause, resume and cancel. Workers honour the status.
 */
export class CampaignService {
  constructor(private readonly deps: CampaignServiceDeps) {}

  /** Starts a campaign. `urlField` names the seed URL in errors (`input.url` when it comes from `enqueueJob`). */
  async start(request: StartCampaignRequest, field = 'input', urlField = `${field}.seedUrl`): Promise<Campaign> {
    const seed = parseTargetUrl(request.seedUrl, urlField, this.deps.targetPolicy);
    const options = this.options(request, field);
    const site = siteOf(seed);
    const campaign = await this.deps.store.campaigns.create({ seedUrl: seed.href, site, options });
    const job: FullSiteJobData = {
      v: JOB_DATA_VERSION, type: 'full_site', jobId: siteJobId(campaign.id), targetUrl: seed.href, createdAt: new Date().toISOString(),
      priority: options.priority as JobPriority, siteIntelligenceId: site, campaignId: campaign.id,
      settings: { ...DEFAULT_SCRAPE_SETTINGS, timeoutMs: this.deps.defaults.timeoutMs, rateLimitDelayMs: options.rateLimitDelayMs, renderJs: options.renderJs },
    };
    const now = new Date();
    await this.deps.store.jobs.insertMany([{
      id: job.jobId, type: job.type, queue: this.deps.queue.queueFor(job.priority), url: job.targetUrl, site, priority: job.priority,
      status: 'QUEUED', attempts: 0, campaignId: campaign.id, createdAt: now, updatedAt: now,
    }]);
    try {
      await this.deps.queue.enqueue([job]);
    } catch (error) {
      await this.deps.store.campaigns.transition(campaign.id, ['PENDING'], 'FAILED', new Date(), `could not queue: ${(error as Error).message}`);
      throw error;
    }
    return campaign;
  }

  async get(id: string): Promise<Campaign | null> {
    return (await this.deps.store.campaigns.getByIds([id]))[0] ?? null;
  }

  list(filter: { status?: CampaignStatus; site?: string }, first?: number | null, after?: string | null): Promise<Page<Campaign>> {
    return this.deps.store.campaigns.list(filter, normalizePage(first, after));
  }

  cancel(id: string): Promise<Campaign> {
    return this.move(id, [...ACTIVE, 'PAUSED'], 'CANCELLED', 'cancel');
  }

  pause(id: string): Promise<Campaign> {
    return this.move(id, ACTIVE, 'PAUSED', 'pause');
  }

  /** Resumes where the campaign was: scraping once categories were selected, otherwise discovery. */
  async resume(id: string): Promise<Campaign> {
    const tally = await this.deps.store.ledger.tally(id);
    return this.move(id, ['PAUSED'], tally.categoriesSelected > 0 ? 'SCRAPING' : 'DISCOVERING', 'resume');
  }

  private async move(id: string, from: readonly CampaignStatus[], to: CampaignStatus, verb: string): Promise<Campaign> {
    const moved = await this.deps.store.campaigns.transition(id, from, to, new Date());
    if (moved) return moved;
    const current = await this.get(id);
    if (!current) throw notFound('Campaign', id);
    const state = TERMINAL.includes(current.status) || current.status === to ? `is already ${current.status.toLowerCase()}` : `is ${current.status.toLowerCase()}`;
    throw new TrawlError('CONFLICT', `Campaign ${id} ${state}: cannot ${verb} it`, { id, status: current.status });
  }

  private options(request: StartCampaignRequest, field: string): CampaignOptions {
    const positive = (name: keyof StartCampaignRequest, max: number): number | undefined => {
      const value = request[name];
      if (value === undefined || value === null) return undefined;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > max) {
        throw invalidInput(`${field}.${name}`, `${field}.${name} must be an integer from 1 to ${max}, got ${String(value)}`);
      }
      return value;
    };
    const types = request.categoryTypes ?? undefined;
    const unknown = types?.find((t) => !(CATEGORY_TYPES as readonly string[]).includes(t));
    if (unknown) throw invalidInput(`${field}.categoryTypes`, `${field}.categoryTypes: "${unknown}" is not one of ${CATEGORY_TYPES.join(', ')}`);
    const delay = request.rateLimitDelayMs ?? this.deps.defaults.rateLimitDelayMs;
    if (!Number.isInteger(delay) || delay < 0 || delay > 600_000) throw invalidInput(`${field}.rateLimitDelayMs`, `${field}.rateLimitDelayMs must be 0..600000 ms, got ${delay}`);
    const priority = request.priority ?? 'NORMAL';
    if (!JOB_PRIORITIES.includes(priority)) throw invalidInput(`${field}.priority`, `${field}.priority "${priority}" is not one of ${JOB_PRIORITIES.join(', ')}`);
    const renderJs = request.renderJs ?? 'AUTO';
    if (!RENDER_MODES.includes(renderJs)) throw invalidInput(`${field}.renderJs`, `${field}.renderJs "${renderJs}" is not one of ${RENDER_MODES.join(', ')}`);
    const query = request.searchQuery?.trim();
    if (request.searchQuery !== undefined && request.searchQuery !== null && (!query || query.length > 200)) {
      throw invalidInput(`${field}.searchQuery`, `${field}.searchQuery must be 1 to 200 characters`);
    }
    if (request.searchOnly && !query) throw invalidInput(`${field}.searchOnly`, `${field}.searchOnly needs a searchQuery`);
    const options: CampaignOptions = { priority, rateLimitDelayMs: delay, renderJs };
    const set = <K extends keyof CampaignOptions>(key: K, value: CampaignOptions[K] | undefined): void => {
      if (value !== undefined) options[key] = value;
    };
    set('maxCategories', positive('maxCategories', 10_000));
    set('maxProductsPerCategory', positive('maxProductsPerCategory', 1_000_000));
    set('maxProducts', positive('maxProducts', 10_000_000));
    set('maxCategoryPages', positive('maxCategoryPages', 10_000));
    set('categoryTypes', types ? [...new Set(types as CategoryType[])] : undefined);
    set('searchQuery', query || undefined);
    set('searchOnly', request.searchOnly ?? undefined);
    return options;
  }
}
