import type { EnqueueRequest } from '../domain/services/job.service.js';
import type { EnqueueJobInput } from '../schema/job.type.js';
import { toBrowserSteps } from '../schema/navigation.type.js';

/** An EnqueueJobInput as the domain's enqueue request (enqueueJob and enqueueJobs). */
export function toEnqueueRequest(input: EnqueueJobInput): EnqueueRequest {
  return {
    type: input.type, url: input.url, priority: input.priority,
    ...(input.query !== undefined && input.query !== null ? { query: input.query } : {}),
    ...(input.maxPages ? { maxPages: input.maxPages } : {}),
    ...(input.steps ? { steps: toBrowserSteps(input.steps) } : {}),
    ...(input.renderJs ? { settings: { renderJs: input.renderJs } } : {}),
    ...(input.category ? { category: { name: input.category.name, path: input.category.path, ...(input.category.parent ? { parent: input.category.parent } : {}) } } : {}),
  } as EnqueueRequest;
}
