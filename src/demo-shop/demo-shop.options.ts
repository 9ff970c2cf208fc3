import type { DemoShopOptions } from './shop-catalog.type.js';
import { SHOP_FLAVOURS } from './shop-catalog.type.js';

/** Options with every default applied and every value checked. */
export type ResolvedDemoShopOptions = Required<DemoShopOptions>;

export const DEFAULT_DEMO_SHOP_OPTIONS: ResolvedDemoShopOptions = Object.freeze({
  flavour: 'shopify',
  seed: 1,
  products: 120,
  productsPerPage: 24,
  currency: 'USD',
  host: '127.0.0.1',
  port: 0,
});

/** Upper bound on products: far above the benchmarks' 100,000, below what exhausts memory. */
export const MAX_DEMO_PRODUCTS = 2_000_000;

/** Applies defaults and rejects invalid values with a message naming the option. */
export function resolveDemoShopOptions(options: DemoShopOptions = {}): ResolvedDemoShopOptions {
  const resolved: ResolvedDemoShopOptions = { ...DEFAULT_DEMO_SHOP_OPTIONS };
  for (const [key, value] of Object.entries(options)) {
    if (value !== undefined) Object.assign(resolved, { [key]: value });
  }
  requireInteger('seed', resolved.seed, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  requireInteger('products', resolved.products, 0, MAX_DEMO_PRODUCTS);
  requireInteger('productsPerPage', resolved.productsPerPage, 1, 1000);
  requireInteger('port', resolved.port, 0, 65535);
  if (!(SHOP_FLAVOURS as readonly unknown[]).includes(resolved.flavour)) {
    throw new RangeError(`DemoShopOptions.flavour "${String(resolved.flavour)}" is not one of ${SHOP_FLAVOURS.join(', ')}`);
  }
  if (!/^[A-Z]{3}$/.test(resolved.currency)) {
    throw new RangeError(`DemoShopOptions.currency "${resolved.currency}" is not an ISO 4217 code`);
  }
  if (typeof resolved.host !== 'string' || resolved.host.length === 0) {
    throw new RangeError('DemoShopOptions.host is empty');
  }
  return resolved;
}

function requireInteger(name: string, value: unknown, min: number, max: number): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`DemoShopOptions.${name} must be an integer in ${min}..${max}, got ${String(value)}`);
  }
}
