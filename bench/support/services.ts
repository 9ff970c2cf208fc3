import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LocalRedis } from '../../src/bootstrap/local-redis.js';
import { stopProcess } from '../../src/bootstrap/child-process.js';
import type { Cleanup } from './cleanup.js';
import { tempDir } from './cleanup.js';

/** A private redis-server (redis-server on PATH, AOF on as in production), stopped by the cleanup. */
export async function startRedis(cleanup: Cleanup): Promise<LocalRedis> {
  const dir = await tempDir(cleanup, 'redis');
  const redis = await LocalRedis.start({ dir, binary: 'redis-server' });
  cleanup.add('redis-server', () => redis.close());
  return redis;
}

export interface ShopProcess {
  /** Origin with a trailing slash. */
  url: string;
  pid: number;
}

const SHOP_CHILD = join(fileURLToPath(new URL('.', import.meta.url)), 'demo-shop.child.js');

/** Starts the demo shop in a child process (same seed, same catalog as `generateCatalog`). */
export async function startShopProcess(cleanup: Cleanup, products: number, seed = 1): Promise<ShopProcess> {
  const child = fork(SHOP_CHILD, [String(products), String(seed)], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  cleanup.add('demo shop process', () => stopProcess(child, 3000));
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('demo shop process did not report its URL within 20 s')), 20_000);
    child.once('message', (message: { url?: string }) => {
      clearTimeout(timer);
      if (message.url) resolve(message.url);
      else reject(new Error('demo shop process sent no URL'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`demo shop process exited with ${code}: ${stderr}`));
    });
  });
  return { url, pid: child.pid! };
}
