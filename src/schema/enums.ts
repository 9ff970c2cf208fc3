import { registerEnumType } from 'type-graphql';

/** GraphQL enums. Values map to domain values through the lookup tables beside them. */
export enum JobTypeEnum {
  PRODUCT = 'product',
  CATEGORY_SEARCH = 'category_search',
  FULL_SITE = 'full_site',
  SEARCH = 'search',
  NAVIGATE = 'navigation',
  SCHEDULED_CAMPAIGN = 'scheduled_campaign',
}
registerEnumType(JobTypeEnum, {
  name: 'JobType',
  description: 'Kind of scraping job: PRODUCT (one product page), CATEGORY_SEARCH (a listing\'s product URLs, then their products), SEARCH (a site search), FULL_SITE (a whole campaign: intelligence, categories, products), NAVIGATE (browser steps, seed 004)',
  valuesConfig: {
    PRODUCT: { description: 'One product page' },
    CATEGORY_SEARCH: { description: 'A category listing: its product URLs, then their products' },
    FULL_SITE: { description: 'A whole campaign: site intelligence, categories, products' },
    SEARCH: { description: 'A site search and its results' },
    NAVIGATE: { description: 'Browser steps on a page (seed 004)' },
    SCHEDULED_CAMPAIGN: { description: 'One firing of a campaign schedule: starts a campaign' },
  },
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
  valuesConfig: {
    URGENT: { description: 'Runs first, on the scraping-urgent queue' },
    HIGH: { description: 'BullMQ priority 3' },
    NORMAL: { description: 'BullMQ priority 5 (the default)' },
    LOW: { description: 'BullMQ priority 10' },
  },
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
  CANCELLED = 'cancelled',
}
registerEnumType(JobStateEnum, {
  name: 'JobState',
  description: "A job's state in the queue",
  valuesConfig: {
    WAITING: { description: 'Waiting for a worker' },
    PRIORITIZED: { description: 'Waiting, ordered by priority' },
    DELAYED: { description: 'Waiting until a set time (backoff, politeness, a paused campaign)' },
    ACTIVE: { description: 'Being processed' },
    COMPLETED: { description: 'Finished successfully' },
    FAILED: { description: 'Failed (for good, or waiting for a retry)' },
    WAITING_CHILDREN: { description: 'Waiting for the jobs it queued to end' },
    UNKNOWN: { description: 'Not known to the queue (removed or never added)' },
    CANCELLED: { description: 'Cancelled or removed before it finished (no longer in the queue)' },
  },
});

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
registerEnumType(JobEventKindEnum, {
  name: 'JobEventKind',
  description: 'What happened to a job',
  valuesConfig: {
    ADDED: { description: 'Added to the queue' },
    WAITING: { description: 'Waiting for a worker' },
    ACTIVE: { description: 'A worker started it' },
    PROGRESS: { description: 'Reported progress' },
    COMPLETED: { description: 'Finished successfully' },
    FAILED: { description: 'Failed for good' },
    RETRYING: { description: 'An attempt failed; it will be retried' },
    DELAYED: { description: 'Put back until a set time' },
    STALLED: { description: 'Its worker stopped renewing the lock; it will be taken again' },
    REMOVED: { description: 'Removed from the queue' },
  },
});

export enum AvailabilityEnum {
  IN_STOCK = 'IN_STOCK',
  OUT_OF_STOCK = 'OUT_OF_STOCK',
  PREORDER = 'PREORDER',
  BACKORDER = 'BACKORDER',
  DISCONTINUED = 'DISCONTINUED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(AvailabilityEnum, {
  name: 'Availability',
  description: 'Stock state as the buyer sees it',
  valuesConfig: {
    IN_STOCK: { description: 'Can be bought now' },
    OUT_OF_STOCK: { description: 'Sold out' },
    PREORDER: { description: 'Can be ordered before release' },
    BACKORDER: { description: 'Can be ordered; ships when restocked' },
    DISCONTINUED: { description: 'No longer sold' },
    UNKNOWN: { description: 'The page does not say' },
  },
});

export enum CategoryTypeEnum {
  PRODUCT = 'PRODUCT',
  GENDER = 'GENDER',
  FEATURED = 'FEATURED',
  BRAND = 'BRAND',
  OTHER = 'OTHER',
}
registerEnumType(CategoryTypeEnum, {
  name: 'CategoryType',
  description: 'Kind of category (seed 000: product types first, then gender, featured, brand, other)',
  valuesConfig: {
    PRODUCT: { description: 'A product type (boots, jackets)' },
    GENDER: { description: 'A gender or age section (men, women, kids)' },
    FEATURED: { description: 'A featured collection (new, sale, best sellers)' },
    BRAND: { description: 'A brand' },
    OTHER: { description: 'Anything else' },
  },
});

export enum CampaignStatusEnum {
  PENDING = 'PENDING',
  DISCOVERING = 'DISCOVERING',
  SCRAPING = 'SCRAPING',
  PAUSED = 'PAUSED',
  COMPLETED = 'COMPLETED',
  FAILED = 'FAILED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(CampaignStatusEnum, {
  name: 'CampaignStatus',
  description: 'Where a campaign stands',
  valuesConfig: {
    PENDING: { description: 'Created, not started yet' },
    DISCOVERING: { description: 'Learning the site and finding product URLs' },
    SCRAPING: { description: 'Scraping products' },
    PAUSED: { description: 'Paused; its jobs wait until it is resumed' },
    COMPLETED: { description: 'Every job has ended' },
    FAILED: { description: 'Could not run (see failedReason)' },
    CANCELLED: { description: 'Cancelled; its remaining jobs were skipped' },
  },
});

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
  valuesConfig: {
    QUEUED: { description: 'Waiting for its site job to start' },
    INTELLIGENCE: { description: 'Learning the site (platform, menu, sitemaps)' },
    URL_DISCOVERY: { description: 'Reading category listings for product URLs' },
    PRODUCT_SCRAPING: { description: 'Scraping product pages' },
    PAUSED: { description: 'Paused' },
    FINISHED: { description: 'Ended' },
  },
});

export enum RenderJsEnum {
  AUTO = 'AUTO',
  NEVER = 'NEVER',
  ALWAYS = 'ALWAYS',
}
registerEnumType(RenderJsEnum, {
  name: 'RenderJs',
  description: 'Whether pages are rendered in a browser',
  valuesConfig: {
    AUTO: { description: 'Render only pages that look like a JavaScript app shell without product data, or sites known to need it' },
    NEVER: { description: 'Never render: HTTP only' },
    ALWAYS: { description: 'Always render in Chromium' },
  },
});

export enum PlatformEnum {
  SHOPIFY = 'SHOPIFY',
  WOOCOMMERCE = 'WOOCOMMERCE',
  MAGENTO = 'MAGENTO',
  BIGCOMMERCE = 'BIGCOMMERCE',
  SALESFORCE = 'SALESFORCE',
  GENERIC = 'GENERIC',
}
registerEnumType(PlatformEnum, {
  name: 'Platform',
  description: 'E-commerce platform detected from a site\'s pages and headers',
  valuesConfig: {
    SHOPIFY: { description: 'Shopify' },
    WOOCOMMERCE: { description: 'WooCommerce (WordPress)' },
    MAGENTO: { description: 'Magento / Adobe Commerce' },
    BIGCOMMERCE: { description: 'BigCommerce' },
    SALESFORCE: { description: 'Salesforce Commerce Cloud' },
    GENERIC: { description: 'No known platform detected' },
  },
});
