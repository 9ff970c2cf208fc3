import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BrowserPool, PlaywrightRenderer } from '../src/scrapers/index.js';
import type { BenchSuite } from './support/suite.js';

/** A product page whose data appears only after JavaScript runs, with images the pool should block. */
const PAGE = `<!doctype html><html><head><title>Shell</title></head><body><div id="root"></div>
<img src="/img/a.jpg"><script>setTimeout(() => { document.getElementById('root').innerHTML = '<h1>Rendered boot</h1>' +
'<script type="application/ld+json">{"@type":"Product","name":"Rendered boot","offers":{"price":"49.00","priceCurrency":"EUR"}}<\\/script>'; }, 20);</script></body></html>`;

const MB = 1024 * 1024;

/** Renders one page many times through the pool and reports speed and whether memory stays flat. */
export const browserSuite: BenchSuite = {
  name: 'browser',
  description: 'Chromium pool: renders per second and memory over 1,000 renders',
  async run({ quick, cleanup, log, record }) {
    const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanup.add('fixture server', () => new Promise<void>((resolve) => server.close(() => resolve())));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const pool = new BrowserPool({ targetPolicy: { allowPrivateNetwork: true, allowedPrivateHosts: [] }, maxPages: 4 });
    cleanup.add('browser pool', () => pool.close());
    const renderer = new PlaywrightRenderer(pool);
    const total = quick ? 200 : 1000;
    const samples: { renders: number; rss: number; processes: number }[] = [];
    const started = performance.now();
    let done = 0;
    const worker = async (): Promise<void> => {
      while (done < total) {
        done++;
        await renderer.render(url, { timeoutMs: 15_000, maxBytes: 5 * MB, waitFor: 'h1' });
        if (done % 100 === 0) {
          const stats = pool.poolStats();
          samples.push({ renders: done, rss: stats.rssBytes ?? 0, processes: stats.processes ?? 0 });
          log(`browser: ${done} renders, chromium RSS ${((stats.rssBytes ?? 0) / MB).toFixed(0)} MB in ${stats.processes} processes`);
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    const seconds = (performance.now() - started) / 1000;
    const stats = pool.poolStats();
    const first = samples[1] ?? samples[0]!;
    const last = samples.at(-1)!;
    record(
      { metric: `${total} renders, 4 at a time`, value: total / seconds, unit: 'renders/s' },
      { metric: `chromium RSS after ${first.renders} renders`, value: first.rss / MB, unit: 'MB' },
      { metric: `chromium RSS after ${last.renders} renders`, value: last.rss / MB, unit: 'MB' },
      { metric: 'chromium processes at the end', value: last.processes, unit: 'processes' },
      { metric: 'open pages after the run', value: stats.openPages, unit: 'pages' },
      { metric: 'browser launches', value: stats.launches, unit: 'launches' },
    );
  },
};
