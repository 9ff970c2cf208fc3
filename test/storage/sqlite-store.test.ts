import { join } from 'node:path';
import { SqliteStore } from '../../src/storage/sqlite/sqlite-store.js';
import { defineStorageContract } from '../contracts/storage.contract.js';
import { tempDir } from '../support/env.js';
import { defineLedgerContract } from '../contracts/ledger.contract.js';
import { defineDeadLetterContract } from '../contracts/dead-letter.contract.js';
import { defineScheduleContract } from '../contracts/schedule.contract.js';

defineStorageContract('sqlite', async () => SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') }));

defineLedgerContract('sqlite', async () => SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') }));

defineDeadLetterContract('sqlite', async () => SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') }));

defineScheduleContract('sqlite', async () => SqliteStore.open({ file: join(tempDir(), 'trawl.sqlite') }));
