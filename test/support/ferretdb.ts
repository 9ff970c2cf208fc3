import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { connect } from 'node:net';
import { freePort, spawnService, stopProcess, waitFor } from '../../src/bootstrap/child-process.js';

/** Where scripts/build-ferretdb.sh leaves the binary. */
export const FERRETDB_BINARY = resolve(process.env.TRAWL_FERRETDB_BIN ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'trawl/bin/ferretdb-1.24.0'));

export interface RunningFerretDb {
  url: string;
  stop(): Promise<void>;
}

/** Starts FerretDB (SQLite backend) on a free loopback port; throws with the exact reason if it cannot. */
export async function startFerretDb(dir: string): Promise<RunningFerretDb> {
  if (!existsSync(FERRETDB_BINARY)) {
    throw new Error(`FerretDB binary not found at ${FERRETDB_BINARY}: run scripts/build-ferretdb.sh (needs Go), or set MONGO_URL`);
  }
  const port = await freePort();
  const service = spawnService(FERRETDB_BINARY, [`--listen-addr=127.0.0.1:${port}`, `--sqlite-dir=${dir}`], 'ferretdb');
  try {
    await waitFor(() => portOpen(port), 15_000, `FerretDB on port ${port}`);
  } catch (error) {
    await stopProcess(service.child, 1000);
    throw new Error(`${(error as Error).message}; output: ${service.output() || '(none)'}`);
  }
  return { url: `mongodb://127.0.0.1:${port}/`, stop: () => stopProcess(service.child) };
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}
