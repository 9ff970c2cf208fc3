import { registerEnumType } from 'type-graphql';

/** GraphQL enums. Values map to domain values through the lookup tables beside them. */
export enum JobTypeEnum {
  PRODUCT = 'product',
}
registerEnumType(JobTypeEnum, { name: 'JobType', description: 'Kind of scraping job (more kinds arrive with discovery and navigation)' });

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
