import { CATEGORY_TYPES, type CategoryType } from '../entities/category.js';
import { RENDER_MODES, type CampaignOptions } from '../entities/campaign.js';
import { invalidInput } from '../errors.js';
import { JOB_PRIORITIES } from '../job-data.js';
import type { StartCampaignRequest } from './campaign.service.js';

const LIMITS = { maxCategories: 10_000, maxProductsPerCategory: 1_000_000, maxProducts: 10_000_000, maxCategoryPages: 10_000 } as const;

/**
 * The campaign options a schedule stores, checked when it is created so a bad
 * schedule is refused at once (the same bounds `CampaignService.start`
 * applies again at each run). Throws INVALID_INPUT naming the field.
 */
export function scheduleOptions(request: StartCampaignRequest, field: string, defaultDelayMs: number): CampaignOptions {
  const priority = request.priority ?? 'NORMAL';
  if (!JOB_PRIORITIES.includes(priority)) throw invalidInput(`${field}.priority`, `${field}.priority "${priority}" is not one of ${JOB_PRIORITIES.join(', ')}`);
  const renderJs = request.renderJs ?? 'AUTO';
  if (!RENDER_MODES.includes(renderJs)) throw invalidInput(`${field}.renderJs`, `${field}.renderJs "${renderJs}" is not one of ${RENDER_MODES.join(', ')}`);
  const delay = request.rateLimitDelayMs ?? defaultDelayMs;
  if (!Number.isInteger(delay) || delay < 0 || delay > 600_000) throw invalidInput(`${field}.rateLimitDelayMs`, `${field}.rateLimitDelayMs must be 0..600000 ms, got ${delay}`);
  const options: CampaignOptions = { priority, rateLimitDelayMs: delay, renderJs };
  for (const [name, max] of Object.entries(LIMITS) as [keyof typeof LIMITS, number][]) {
    const value = request[name];
    if (value === undefined || value === null) continue;
    if (!Number.isInteger(value) || value < 1 || value > max) throw invalidInput(`${field}.${name}`, `${field}.${name} must be an integer from 1 to ${max}, got ${String(value)}`);
    options[name] = value;
  }
  const unknown = request.categoryTypes?.find((t) => !(CATEGORY_TYPES as readonly string[]).includes(t));
  if (unknown) throw invalidInput(`${field}.categoryTypes`, `${field}.categoryTypes: "${unknown}" is not one of ${CATEGORY_TYPES.join(', ')}`);
  if (request.categoryTypes) options.categoryTypes = [...new Set(request.categoryTypes as CategoryType[])];
  const query = request.searchQuery?.trim();
  if (request.searchQuery !== undefined && request.searchQuery !== null && (!query || query.length > 200)) {
    throw invalidInput(`${field}.searchQuery`, `${field}.searchQuery must be 1 to 200 characters`);
  }
  if (request.searchOnly && !query) throw invalidInput(`${field}.searchOnly`, `${field}.searchOnly needs a searchQuery`);
  if (query) options.searchQuery = query;
  if (request.searchOnly !== undefined && request.searchOnly !== null) options.searchOnly = request.searchOnly;
  return options;
}
