import type { Availability } from '../domain/entities/product.js';
import type { JobSearch, ProductQuery } from '../domain/catalog-query.js';
import type { JobStatus } from '../domain/entities/scraping-job.js';
import type { JobType } from '../domain/job-data.js';
import type { ProductFilter } from '../schema/product.type.js';
import type { JobSearchFilter } from '../schema/job-search.type.js';

/** Copies the keys whose value is set (GraphQL sends null for omitted nullable inputs). */
function present<T extends object>(value: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/** The domain product query of a GraphQL ProductFilter (`domain` is the site). */
export function productQueryOf(filter: ProductFilter | null | undefined): ProductQuery {
  if (!filter) return {};
  const { domain, availability, ...rest } = filter;
  return present<ProductQuery>({ ...rest, site: domain, availability: availability as Availability[] | undefined });
}

/** The domain job search of a GraphQL JobSearchFilter. */
export function jobSearchOf(filter: JobSearchFilter | null | undefined): JobSearch {
  if (!filter) return {};
  const { domain, statuses, type, ...rest } = filter;
  return present<JobSearch>({ ...rest, site: domain, statuses: statuses as JobStatus[] | undefined, type: type as JobType | undefined });
}
