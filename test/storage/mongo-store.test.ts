import { after } from 'node:test';
import { MongoStore } from '../../src/storage/mongo/mongo-store.js';
import { defineStorageContract } from '../contracts/storage.contract.js';
import { defineLedgerContract } from '../contracts/ledger.contract.js';
import { defineDeadLetterContract } from '../contracts/dead-letter.contract.js';
import { defineScheduleContract } from '../contracts/schedule.contract.js';
import { testMongoUrl, uniqueName } from '../support/env.js';

/** Every database the factory created, dropped once the suite has closed its stores. */
const dbNames: string[] = [];

after(async () => {
  for (const dbName of dbNames) {
    const store = await MongoStore.connect({ url: testMongoUrl(), dbName });
    await store.dropDatabase();
    await store.close();
  }
});

/** A store on a database of its own, dropped after the run. */
async function createStore(): Promise<MongoStore> {
  const dbName = uniqueName('trawl');
  const store = await MongoStore.connect({ url: testMongoUrl(), dbName });
  dbNames.push(dbName);
  return store;
}

defineStorageContract('mongo', createStore);

defineLedgerContract('mongo', createStore);

defineDeadLetterContract('mongo', createStore);

defineScheduleContract('mongo', createStore);
