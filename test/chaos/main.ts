import { formatReport, runChaos } from './chaos-run.js';

/**
 * `npm run test:chaos [-- --products N --workers N --kills N --outage-ms N --mongo]`: the full
 * chaos run, printed as a table; exits non-zero when a check fails.
 */
function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const report = await runChaos({
  products: option('products', 1000), productsPerPage: option('per-page', 24), workers: option('workers', 3), concurrency: option('concurrency', 4),
  kills: option('kills', 4), outageMs: option('outage-ms', 8000), timeoutMs: option('timeout-ms', 600_000),
  store: process.argv.includes('--mongo') ? 'mongo' : 'sqlite',
  log: (line) => process.stdout.write(`${line}\n`),
});
process.stdout.write(formatReport(report));
process.exitCode = report.ok ? 0 : 1;
