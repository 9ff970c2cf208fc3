import { EXTRACT_HELP } from './extract.command.js';

export const HELP = `trawl: distributed e-commerce scraper with a GraphQL API

Usage: trawl <command> [options]
       trawl <command> --help     details and examples of one command

Commands:
  up          Single-machine mode: API + in-process workers + a private Redis
              (unless REDIS_URL is set) + the embedded SQLite store.
                --demo              also start the bundled demo shops (three flavours)
                --products <n>      products per demo shop (default 300)
  api         API process only (GraphQL on PORT); workers run elsewhere.
  worker      Worker process only (concurrency TRAWL_WORKER_CONCURRENCY).
  crawl       Run one campaign from the terminal with live progress and a summary.
                <url> [--max-categories N] [--max-products N] [--rate-limit-ms N]
                [--render auto|never|always] [--interval-ms N] [--json]
                [--api URL --key KEY]   drive a remote trawl instead
  stats       Queue counts, throughput and live workers.
                [--watch] [--json]
  extract     Extract one product page and print it as JSON.
                <url> [--html-file FILE] [--render auto|never|always]
                --batch FILE.jsonl  one JSON line per {"url", "htmlFile"} line
  demo-shop   Serve the bundled demo shop.
                --port <n>          port (default: a free one)
                --products <n>      number of products (default 500)
                --seed <n>          catalog seed (default 1)
                --flavour <name>    shopify (default), woocommerce or generic
  help        Show this help (trawl help <command>: one command's help).

Examples:
  trawl up --demo
  trawl crawl https://shop.example --max-products 200
  trawl stats --watch

Configuration is read from environment variables (REDIS_URL, TRAWL_STORE,
TRAWL_DATA_DIR, LOG_LEVEL, ...); the full table is in README.md, section
"Configuration". Exit codes: 0 success, 1 failure, 2 bad usage.`;

export const CRAWL_HELP = `Usage: trawl crawl <url> [options]

Runs one campaign on the site at <url> and shows its progress until it ends,
then prints a summary: status, categories, products scraped/failed/skipped,
data quality, duration, rate and the five most frequent errors with an
example URL each.

By default everything runs in this process, like \`trawl up\`: a private
redis-server under TRAWL_DATA_DIR unless REDIS_URL is set, in-process workers
(TRAWL_WORKER_CONCURRENCY) and the configured store (TRAWL_STORE).

Options:
  --max-categories <n>   categories to scrape at most
  --max-products <n>     products to scrape at most
  --rate-limit-ms <n>    spacing of requests to the site (default
                         TRAWL_CAMPAIGN_RATE_LIMIT_DELAY_MS)
  --render <mode>        auto (default), never or always: render pages in Chromium
  --interval-ms <n>      outside a terminal, one progress line every n ms
                         (default TRAWL_PROGRESS_INTERVAL_MS, 10000)
  --json                 print the summary as JSON (progress goes to stderr)
  --api <url>            drive a remote trawl API (its base URL) over GraphQL
  --key <key>            API key (write role) for --api

In a terminal the progress is one redrawn line: phase, categories done of
selected, products scraped/failed/skipped of discovered, rate, ETA, elapsed.
Elsewhere it is a log line every interval. Ctrl-C cancels the campaign and
prints the summary; a second Ctrl-C exits at once.

Exit codes: 0 the campaign COMPLETED, 1 it failed or was cancelled, 2 bad usage.

Examples:
  trawl crawl https://shop.example
  trawl crawl https://shop.example --max-categories 3 --max-products 100 --json
  trawl crawl https://shop.example --api http://trawl.internal:4000 --key $KEY`;

export const STATS_HELP = `Usage: trawl stats [--watch] [--json]

Prints each queue's counts (waiting, active, delayed, failed, completed),
whether it is paused, the jobs processed per minute, and the live workers.
Reads REDIS_URL (queues under TRAWL_QUEUE_PREFIX); without REDIS_URL, the
private Redis of a \`trawl up\` running on TRAWL_DATA_DIR.

Options:
  --watch   redraw every second until Ctrl-C
  --json    print {"queues": [...], "workers": [...]} (with --watch: one line per second)

Examples:
  trawl stats
  REDIS_URL=redis://queue.internal:6379 trawl stats --watch`;

const SHORT_HELP: Record<string, string> = {
  up: `Usage: trawl up [--demo] [--products N]

Single-machine mode: the GraphQL API on PORT, in-process workers, a private
redis-server under TRAWL_DATA_DIR (unless REDIS_URL is set) and the store.
  --demo          also start the bundled demo shops (three flavours)
  --products <n>  products per demo shop (default 300)

Example: trawl up --demo`,
  api: 'Usage: trawl api\n\nThe API process only (GraphQL on HOST:PORT); workers run elsewhere (trawl worker).',
  worker: 'Usage: trawl worker\n\nA worker process only: runs jobs from REDIS_URL with TRAWL_WORKER_CONCURRENCY at once.',
  'demo-shop': `Usage: trawl demo-shop [--host ADDR] [--port N] [--products N] [--seed N] [--flavour shopify|woocommerce|generic]

Serves the bundled demo shop, on loopback unless --host names another address.

Example: trawl demo-shop --port 8080 --flavour woocommerce`,
};

/** The help of one command, or the general help. */
export function helpFor(command: string | undefined): string {
  switch (command) {
    case 'crawl':
      return CRAWL_HELP;
    case 'stats':
      return STATS_HELP;
    case 'extract':
      return EXTRACT_HELP;
    default:
      return (command && SHORT_HELP[command]) || HELP;
  }
}
