import { join, resolve } from 'node:path';
import type { Store } from '../domain/ports/storage.port.js';

export interface StoreSettings {
  store: 'sqlite' | 'mongo';
  dataDir: string;
  mongoUrl: string;
}

/** Opens the configured store. Each adapter is loaded only when chosen (no mongoose in a SQLite process). */
export async function createStore(settings: StoreSettings): Promise<Store> {
  if (settings.store === 'mongo') {
    const { MongoStore } = await import('./mongo/mongo-store.js');
    return MongoStore.connect({ url: settings.mongoUrl });
  }
  const { SqliteStore } = await import('./sqlite/sqlite-store.js');
  return SqliteStore.open({ file: join(resolve(settings.dataDir), 'trawl.sqlite') });
}
