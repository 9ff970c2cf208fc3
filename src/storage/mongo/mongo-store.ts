import mongoose, { type Connection } from 'mongoose';
import type { ProductScrapeOutcome, ProductScrapeWrite, Store } from '../../domain/ports/storage.port.js';
import { TrawlError } from '../../domain/errors.js';
import { buildResultRecord, guardStore } from '../store-shared.js';
import { MongoCampaignRepository } from './mongo-campaign.repository.js';
import { MongoCategoryRepository } from './mongo-category.repository.js';
import { isMongoOutage } from './mongo-errors.js';
import { MongoJobRepository, MongoJobResultRepository } from './mongo-job.repository.js';
import { MongoLedgerRepository } from './mongo-ledger.repository.js';
import { MongoDeadLetterRepository } from './mongo-dead-letter.repository.js';
import { MongoScheduleRepository, scheduleModels } from './mongo-schedule.repository.js';
import { createModels, ensureCollections, type MongoModels } from './mongo-models.js';
import { MongoProductRepository } from './mongo-product.repository.js';
import { MongoSiteRepository } from './mongo-site.repository.js';

export interface MongoStoreOptions {
  /** A `mongodb://` or `mongodb+srv://` connection string. */
  url: string;
  /** Database to use; defaults to the one named in the URL (the driver's `test` if none). */
  dbName?: string;
  /** How long an operation waits for a reachable server before failing with STORE_UNAVAILABLE. */
  serverSelectionTimeoutMs?: number;
}

const DEFAULT_SERVER_SELECTION_TIMEOUT_MS = 5000;

/** The URL without its credentials, for messages. */
function redact(url: string): string {
  return url.replace(/^(mongodb(?:\+srv)?:\/\/)[^@/]*@/, '$1***@');
}

async function openConnection(options: MongoStoreOptions, maxPoolSize?: number): Promise<Connection> {
  const connection = mongoose.createConnection(options.url, {
    ...(options.dbName ? { dbName: options.dbName } : {}),
    ...(maxPoolSize ? { maxPoolSize } : {}),
    serverSelectionTimeoutMS: options.serverSelectionTimeoutMs ?? DEFAULT_SERVER_SELECTION_TIMEOUT_MS,
    // Fail fast instead of queueing operations while disconnected; indexes are created once, on connect.
    bufferCommands: false,
    autoIndex: false,
    autoCreate: false,
    // Optional fields that are undefined are left out of documents rather than stored as null.
    ignoreUndefined: true,
  });
  // Faults reach callers through the failing operation (and `ping`); an unhandled 'error' event would crash the process.
  connection.on('error', () => undefined);
  try {
    return await connection.asPromise();
  } catch (error) {
    await connection.close(true).catch(() => undefined);
    throw error;
  }
}

/** FerretDB answers `buildInfo` with its own version next to the MongoDB one it emulates. A server that refuses `buildInfo` is not FerretDB. */
async function isFerretDb(connection: Connection): Promise<boolean> {
  const info = await connection.getClient().db('admin').command({ buildInfo: 1 }).catch(() => ({}) as Record<string, unknown>);
  return typeof info.ferretdbVersion === 'string';
}

/**
 * The MongoDB store: one dedicated mongoose connection (never the global one),
 * collections and indexes ensured on connect. There are no multi-document
 * transactions (standalone servers and FerretDB lack them): every write is a
 * single-document atomic upsert, so a product write replayed after a crash
 * halfway completes it without duplicates.
 */
export class MongoStore implements Store {
  readonly kind = 'mongo';
  readonly products: MongoProductRepository;
  readonly categories: MongoCategoryRepository;
  readonly campaigns: MongoCampaignRepository;
  readonly jobs: MongoJobRepository;
  readonly results: MongoJobResultRepository;
  readonly sites: MongoSiteRepository;
  readonly ledger: MongoLedgerRepository;
  readonly deadLetters: MongoDeadLetterRepository;
  readonly schedules: MongoScheduleRepository;
  private readonly connection: Connection;
  private closed = false;

  private constructor(connection: Connection, models: MongoModels) {
    this.connection = connection;
    this.products = guardStore(new MongoProductRepository(models.products, models.productCategories, models.productHistory), this.kind, isMongoOutage);
    this.categories = guardStore(new MongoCategoryRepository(models.categories), this.kind, isMongoOutage);
    this.campaigns = guardStore(new MongoCampaignRepository(models.campaigns), this.kind, isMongoOutage);
    this.jobs = guardStore(new MongoJobRepository(models.jobs), this.kind, isMongoOutage);
    this.results = guardStore(new MongoJobResultRepository(models.results), this.kind, isMongoOutage);
    this.sites = guardStore(new MongoSiteRepository(models.domains, models.renderDecisions), this.kind, isMongoOutage);
    this.ledger = guardStore(new MongoLedgerRepository(models), this.kind, isMongoOutage);
    this.deadLetters = guardStore(new MongoDeadLetterRepository(models.deadLetters), this.kind, isMongoOutage);
    this.schedules = guardStore(new MongoScheduleRepository(scheduleModels(connection)), this.kind, isMongoOutage);
  }

  /**
   * Connects, ensures collections and indexes; STORE_UNAVAILABLE if the server
   * cannot be reached. Against FerretDB 1.x the pool is one connection: FerretDB
   * applies an update as read, modify, write-back with no lock between them, so
   * two concurrent `$inc`/`$addToSet` on one document lose one; it does run one
   * connection's commands in order, which makes this process's updates atomic
   * (several processes sharing one FerretDB 1.x can still lose an update).
   */
  static async connect(options: MongoStoreOptions): Promise<MongoStore> {
    let connection: Connection | undefined;
    try {
      connection = await openConnection(options);
      if (await isFerretDb(connection)) {
        await connection.close();
        connection = await openConnection(options, 1);
      }
      const models = createModels(connection);
      await ensureCollections(connection, models);
      await ensureCollections(connection, scheduleModels(connection) as unknown as MongoModels);
      return guardStore(new MongoStore(connection, models), 'mongo', isMongoOutage);
    } catch (error) {
      await connection?.close(true).catch(() => undefined);
      throw new TrawlError('STORE_UNAVAILABLE', `Cannot open MongoDB store ${redact(options.url)}: ${(error as Error).message}`, {}, { cause: error });
    }
  }

  /**
   * Category, product, link, result, job status: each step an idempotent
   * single-document upsert keyed by what identifies it, in an order where a
   * later step only needs ids an earlier one returned. A crash between steps
   * leaves whole documents behind, and the job's retry finishes the rest.
   * A campaign item is completed only after the product upsert: the product is
   * written before its sightings are read, the mirror of `recordSightings`
   * (sighting written before products are read), so a sighting recorded at the
   * same moment is linked by one of the two.
   */
  async recordProductScrape(write: ProductScrapeWrite): Promise<ProductScrapeOutcome> {
    const now = new Date();
    const category = write.category ? await this.categories.upsertAt(write.category, now) : undefined;
    const { product, created, previous } = await this.products.upsert(write.product, category?.id, now);
    if (category) await this.products.link(product.id, category.id, write.product.campaignId, now);
    if (write.campaignItem) await this.ledger.completeProduct(write.campaignItem.campaignId, write.campaignItem.productUrl, product.id, now);
    const result = buildResultRecord(write, product.id, category?.id, now);
    await this.results.put(result);
    await this.jobs.updateStatus(write.jobId, { status: 'COMPLETED', at: now });
    return { product, created, result, ...(category ? { category } : {}), ...(previous ? { previous } : {}) };
  }

  async ping(): Promise<void> {
    if (this.closed) throw new TrawlError('STORE_UNAVAILABLE', 'mongo store is closed');
    await this.connection.getClient().db('admin').command({ ping: 1 });
  }

  /** Drops the store's whole database (test and tooling cleanup). */
  async dropDatabase(): Promise<void> {
    if (this.closed) throw new TrawlError('STORE_UNAVAILABLE', 'mongo store is closed');
    await this.connection.dropDatabase();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.connection.close();
  }
}
