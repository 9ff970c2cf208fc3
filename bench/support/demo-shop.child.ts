/**
 * The demo shop in its own process, so that rendering pages does not share an
 * event loop with the workers being measured. Started by `startShopProcess`:
 * reads its options from argv, reports its URL over IPC, and closes when the
 * parent disconnects (the parent exiting included).
 */
import { startDemoShop } from '../../src/demo-shop/index.js';

async function main(): Promise<void> {
  const [products, seed] = process.argv.slice(2).map(Number);
  const shop = await startDemoShop({ products: products ?? 120, seed: seed ?? 1 });
  process.once('disconnect', () => void shop.close());
  process.send?.({ url: shop.url });
}

main().catch((error: unknown) => {
  process.stderr.write(`demo shop failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
  process.disconnect?.();
});
