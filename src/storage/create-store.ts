import { join, resolve } from 'node:path';
import type { Store } from '../domain/ports/storage.port.js';
import { resilientStore } from './resilient-store.js';

export interface StoreSettings {
  store: 'sqlite' | 'mongo';
  dataDir: string;
  mongoUrl: string;
  /** SQLite: how long finished product jobs wait to be committed together (default 10 ms; see GroupCommit). */
  sqliteCommitWindowMs?: number;
  /** How long a store call retries through an outage before failing with STORE_UNAVAILABLE (0 or absent: no retries). */
  storeOutageRetryMs?: number;
  /** Told when a call starts retrying through an outage. */
  onStoreOutage?: (operation: string, error: unknown) => void;
}

/** Opens the configured store. Each adapter is loaded only when chosen (no mongoose in a SQLite process). */
export async function createStore(settings: StoreSettings): Promise<Store> {
  const store = await openAdapter(settings);
  return resilientStore(store, { retryMs: settings.storeOutageRetryMs ?? 0, ...(settings.onStoreOutage ? { onOutage: settings.onStoreOutage } : {}) });
}

async function openAdapter(settings: StoreSettings): Promise<Store> {
  if (settings.store === 'mongo') {
    const { MongoStore } = await import('./mongo/mongo-store.js');
    return MongoStore.connect({ url: settings.mongoUrl });
  }
  const { SqliteStore } = await import('./sqlite/sqlite-store.js');
  return SqliteStore.open({
    file: join(resolve(settings.dataDir), 'trawl.sqlite'),
    ...(settings.sqliteCommitWindowMs !== undefined ? { commitWindowMs: settings.sqliteCommitWindowMs } : {}),
  });
}
