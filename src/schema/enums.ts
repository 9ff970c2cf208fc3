import { registerEnumType } from 'type-graphql';

/** GraphQL enums. Values map to domain values through the lookup tables beside them. */
export enum JobTypeEnum {
  PRODUCT = 'product',
  CATEGORY_SEARCH = 'category_search',
  FULL_SITE = 'full_site',
  SEARCH = 'search',
  NAVIGATE = 'navigation',
}
registerEnumType(JobTypeEnum, {
  name: 'JobType',
  description: 'Kind of scraping job: PRODUCT (one product page), CATEGORY_SEARCH (a listing\'s product URLs, then their products), SEARCH (a site search), FULL_SITE (a whole campaign: intelligence, categories, products), NAVIGATE (browser steps, seed 004)',
});

export enum JobPriorityEnum {
  URGENT = 'URGENT',
  HIGH = 'HIGH',
  NORMAL = 'NORMAL',
  LOW = 'LOW',
}
registerEnumType(JobPriorityEnum, {
  name: 'JobPriority',
  description: 'Scheduling priority. URGENT jobs go to the scraping-urgent queue; the rest map to BullMQ priorities 3 (HIGH), 5 (NORMAL), 10 (LOW)',
});

export enum JobStateEnum {
  WAITING = 'waiting',
  PRIORITIZED = 'prioritized',
  DELAYED = 'delayed',
  ACTIVE = 'active',
  COMPLETED = 'completed',
  FAILED = 'failed',
  WAITING_CHILDREN = 'waiting-children',
  UNKNOWN = 'unknown',
}
registerEnumType(JobStateEnum, { name: 'JobState', description: "A job's state in the queue" });

export enum JobEventKindEnum {
  ADDED = 'added',
  WAITING = 'waiting',
  ACTIVE = 'active',
  PROGRESS = 'progress',
  COMPLETED = 'completed',
  FAILED = 'failed',
  RETRYING = 'retrying',
  DELAYED = 'delayed',
  STALLED = 'stalled',
  REMOVED = 'removed',
}
registerEnumType(JobEventKindEnum, { name: 'JobEventKind', description: 'What happened to a job' });

export enum AvailabilityEnum {
  IN_STOCK = 'IN_STOCK',
  OUT_OF_STOCK = 'OUT_OF_STOCK',
  PREORDER = 'PREORDER',
  BACKORDER = 'BACKORDER',
  DISCONTINUED = 'DISCONTINUED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(AvailabilityEnum, { name: 'Availability', description: 'Stock state as the buyer sees it' });

export enum CategoryTypeEnum {
  PRODUCT = 'PRODUCT',
  GENDER = 'GENDER',
  FEATURED = 'FEATURED',
  BRAND = 'BRAND',
  OTHER = 'OTHER',
}
registerEnumType(CategoryTypeEnum, { name: 'CategoryType', description: 'Kind of category (seed 000: product types first, then gender, featured, brand, other)' });

export enum CampaignStatusEnum {
  PENDING = 'PENDING',
  DISCOVERING = 'DISCOVERING',
  SCRAPING = 'SCRAPING',
  PAUSED = 'PAUSED',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(CampaignStatusEnum, { name: 'CampaignStatus', description: 'Where a campaign stands' });

export enum CampaignPhaseEnum {
  QUEUED = 'QUEUED',
  INTELLIGENCE = 'INTELLIGENCE',
  URL_DISCOVERY = 'URL_DISCOVERY',
  PRODUCT_SCRAPING = 'PRODUCT_SCRAPING',
  PAUSED = 'PAUSED',
  FINISHED = 'FINISHED',
}
registerEnumType(CampaignPhaseEnum, {
  name: 'CampaignPhase',
  description: 'Seed 000 phases: site intelligence, category selection and URL discovery, product scraping',
});

export enum RenderJsEnum {
  AUTO = 'AUTO',
  NEVER = 'NEVER',
  ALWAYS = 'ALWAYS',
}
registerEnumType(RenderJsEnum, { name: 'RenderJs', description: 'Whether pages are rendered in a browser' });

export enum PlatformEnum {
  SHOPIFY = 'SHOPIFY',
  WOOCOMMERCE = 'WOOCOMMERCE',
  MAGENTO = 'MAGENTO',
  BIGCOMMERCE = 'BIGCOMMERCE',
  SALESFORCE = 'SALESFORCE',
  GENERIC = 'GENERIC',
}
registerEnumType(PlatformEnum, { name: 'Platform', description: 'E-commerce platform detected from a site\'s pages and headers' });
