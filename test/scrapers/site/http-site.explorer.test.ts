import assert from 'node:assert/strict';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { after, describe, it } from 'node:test';
import type { TargetPolicy } from '../../../src/domain/url.js';
import { HttpPageFetcher } from '../../../src/scrapers/http/http-page-fetcher.js';
import { HttpSiteExplorer, navigationHash, robotsTokenOf, type HttpSiteExplorerOptions } from '../../../src/scrapers/site/http-site.explorer.js';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server.js';

const OPEN: TargetPolicy = { allowPrivateNetwork: true, allowedPrivateHosts: [] };
const SURVEY = { timeoutMs: 5_000 };
const NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"';

type Route = (req: IncomingMessage, res: ServerResponse, origin: string) => void;

const send = (body: string, type: string, status = 200, headers: Record<string, string> = {}): Route => (_req, res) => {
  res.writeHead(status, { 'content-type': type, ...headers });
  res.end(body);
};
const xml = (render: (origin: string) => string): Route => (_req, res, origin) => {
  res.writeHead(200, { 'content-type': 'application/xml' });
  res.end(render(origin));
};
const text = (render: (origin: string) => string): Route => (_req, res, origin) => {
  res.writeHead(200, { 'content-type': 'text/plain' });
  res.end(render(origin));
};
const notFound = send('not here', 'text/plain', 404);

const HOME = `<!doctype html><html><head><script src="//cdn.shopify.com/s/files/1/theme.js"></script></head><body>
<header><nav class="main-menu"><ul>
  <li><a href="/collections/women">Women</a><ul><li><a href="/collections/dresses">Dresses</a></li></ul></li>
  <li><a href="/collections/men">Men</a></li><li><a href="/cart">Cart</a></li>
</ul></nav></header><main><p>Welcome</p></main></body></html>`;

const urlset = (origin: string, paths: string[]): string =>
  `<?xml version="1.0"?><urlset ${NS}>${paths.map((path) => `<url><loc>${origin}${path}</loc></url>`).join('')}</urlset>`;
const sitemapIndex = (origin: string, paths: string[]): string =>
  `<?xml version="1.0"?><sitemapindex ${NS}>${paths.map((path) => `<sitemap><loc>${origin}${path}</loc></sitemap>`).join('')}</sitemapindex>`;

/** Runs `body` against a fixture site serving `routes` (anything else is a 404), then closes everything. */
async function withSite(
  routes: Record<string, Route>,
  body: (context: { server: FixtureServer; explorer: HttpSiteExplorer; paths: () => string[] }) => Promise<void>,
  options: Partial<HttpSiteExplorerOptions> = {},
): Promise<void> {
  let origin = '';
  const server = await startFixtureServer((req, res) => (routes[req.url ?? ''] ?? notFound)(req, res, origin));
  origin = server.origin;
  const fetcher = new HttpPageFetcher({ userAgent: 'Mozilla/5.0 (compatible; trawl/0.1; +https://trawl.example/bot)', targetPolicy: OPEN });
  const explorer = new HttpSiteExplorer({ fetcher, userAgent: 'Mozilla/5.0 (compatible; trawl/0.1)', maxPageBytes: 1_000_000, ...options });
  try {
    await body({ server, explorer, paths: () => server.requests.map((req) => req.url ?? '') });
  } finally {
    await fetcher.close();
    await server.close();
  }
}

describe('HttpSiteExplorer.survey', () => {
  it('surveys a shop: platform, menu, robots.txt and the sitemaps it declares, never fetching a disallowed sitemap', async () => {
    const routes: Record<string, Route> = {
      '/': send(HOME, 'text/html; charset=utf-8', 200, { 'x-shopid': '42' }),
      '/robots.txt': text((origin) => `User-agent: *\nDisallow: /cart\nDisallow: /private-sitemaps/\n\n` +
        `Sitemap: ${origin}/sitemap.xml\nSitemap: ${origin}/private-sitemaps/hidden.xml\n`),
      '/sitemap.xml': xml((origin) => sitemapIndex(origin, [
        '/sitemap_products_1.xml', '/private-sitemaps/secret.xml', '/sitemap_blogs_1.xml', '/missing-sitemap.xml', '/sitemap_collections_1.xml',
      ])),
      '/sitemap_products_1.xml': xml((origin) => urlset(origin, ['/products/a', '/products/b', '/collections/women/products/c'])),
      '/sitemap_collections_1.xml': xml((origin) => urlset(origin, ['/collections/women', '/collections/men', '/collections/women'])),
      '/sitemap_blogs_1.xml': xml((origin) => urlset(origin, ['/blogs/news/hello'])),
    };
    await withSite(routes, async ({ server, explorer, paths }) => {
      const survey = await explorer.survey(`${server.origin}/`, SURVEY);
      const at = (path: string): string => `${server.origin}${path}`;
      assert.equal(survey.homeUrl, at('/'));
      assert.equal(survey.finalUrl, at('/'));
      assert.equal(survey.detection.platform, 'SHOPIFY');
      assert.deepEqual(survey.detection.signals.sort(), ['cdn.shopify.com asset', 'header x-shopid']);
      assert.deepEqual(survey.navigation.map((entry) => entry.url), [at('/collections/women'), at('/collections/dresses'), at('/collections/men')]);
      assert.equal(survey.navigationHash, navigationHash(survey.navigation));
      assert.match(survey.navigationHash, /^[0-9a-f]{64}$/);
      assert.match(survey.robotsTxt ?? '', /Disallow: \/cart/);
      assert.deepEqual(survey.sitemaps, [at('/sitemap.xml'), at('/private-sitemaps/hidden.xml')]);
      assert.deepEqual(survey.sitemapCategoryUrls, [at('/collections/women'), at('/collections/men')]);
      assert.equal(survey.sitemapProductCount, 3);
      assert.ok(!paths().some((path) => path.startsWith('/private-sitemaps/')), `requested: ${paths().join(', ')}`);
      assert.deepEqual(paths(), [
        '/', '/robots.txt', '/sitemap.xml', '/sitemap_collections_1.xml', '/missing-sitemap.xml', '/sitemap_products_1.xml', '/sitemap_blogs_1.xml',
      ]);
    });
  });

  it('falls back to /sitemap.xml when there is no robots.txt', async () => {
    const routes: Record<string, Route> = {
      '/': send(HOME, 'text/html'),
      '/sitemap.xml': xml((origin) => urlset(origin, ['/collections/sale', '/products/x'])),
    };
    await withSite(routes, async ({ server, explorer }) => {
      const survey = await explorer.survey(`${server.origin}/`, SURVEY);
      assert.equal(survey.robotsTxt, undefined);
      assert.deepEqual(survey.sitemaps, [`${server.origin}/sitemap.xml`]);
      assert.deepEqual(survey.sitemapCategoryUrls, [`${server.origin}/collections/sale`]);
      assert.equal(survey.sitemapProductCount, 1);
    });
  });

  it('treats a failing robots.txt and a missing sitemap as absent', async () => {
    const routes: Record<string, Route> = { '/': send(HOME, 'text/html'), '/robots.txt': send('boom', 'text/plain', 503) };
    await withSite(routes, async ({ server, explorer }) => {
      const survey = await explorer.survey(`${server.origin}/`, SURVEY);
      assert.equal(survey.robotsTxt, undefined);
      assert.deepEqual(survey.sitemaps, []);
      assert.deepEqual(survey.sitemapCategoryUrls, []);
      assert.equal(survey.sitemapProductCount, 0);
      assert.equal(survey.navigation.length, 3);
    });
  });

  it('does not count an HTML page served at /sitemap.xml as a sitemap', async () => {
    const routes: Record<string, Route> = { '/': send(HOME, 'text/html'), '/sitemap.xml': send(HOME, 'text/html') };
    await withSite(routes, async ({ server, explorer }) => {
      const survey = await explorer.survey(`${server.origin}/`, SURVEY);
      assert.deepEqual(survey.sitemaps, []);
      assert.equal(survey.sitemapProductCount, 0);
    });
  });

  it('reads a valid robots.txt even when it is served as text/html', async () => {
    const routes: Record<string, Route> = {
      '/': send(HOME, 'text/html'),
      '/robots.txt': send('User-agent: *\nDisallow: /sitemap.xml\n', 'text/html'),
    };
    await withSite(routes, async ({ server, explorer, paths }) => {
      const survey = await explorer.survey(`${server.origin}/`, SURVEY);
      assert.match(survey.robotsTxt ?? '', /Disallow/);
      assert.ok(!paths().includes('/sitemap.xml'));
    });
  });

  it('ignores a robots.txt that is really an HTML page', async () => {
    const routes: Record<string, Route> = {
      '/': send(HOME, 'text/html'),
      '/robots.txt': send('<html><body>User-agent: *<br>Disallow: /</body></html>', 'text/html'),
      '/sitemap.xml': xml((origin) => urlset(origin, ['/products/x'])),
    };
    await withSite(routes, async ({ server, explorer, paths }) => {
      const survey = await explorer.survey(`${server.origin}/`, SURVEY);
      assert.equal(survey.robotsTxt, undefined);
      assert.equal(survey.sitemapProductCount, 1);
      assert.ok(paths().includes('/sitemap.xml'));
    });
  });

  it('does not fetch the fallback /sitemap.xml when robots.txt disallows it', async () => {
    const routes: Record<string, Route> = {
      '/': send(HOME, 'text/html'),
      '/robots.txt': text(() => 'User-agent: trawl\nDisallow: /sitemap\n'),
      '/sitemap.xml': xml((origin) => urlset(origin, ['/products/x'])),
    };
    await withSite(routes, async ({ server, explorer, paths }) => {
      const survey = await explorer.survey(`${server.origin}/`, SURVEY);
      assert.deepEqual(paths(), ['/', '/robots.txt']);
      assert.deepEqual(survey.sitemaps, []);
    });
  });

  it('reads at most maxSitemaps files, category sitemaps first', async () => {
    const products = Array.from({ length: 20 }, (_, index) => `/sitemap_products_${index + 1}.xml`);
    const routes: Record<string, Route> = {
      '/': send(HOME, 'text/html'),
      '/sitemap.xml': xml((origin) => sitemapIndex(origin, [...products, '/sitemap_collections_1.xml'])),
      '/sitemap_collections_1.xml': xml((origin) => urlset(origin, ['/collections/a'])),
    };
    for (const path of products) routes[path] = xml((origin) => urlset(origin, ['/products/p1', '/products/p2']));
    await withSite(routes, async ({ server, explorer, paths }) => {
      const survey = await explorer.survey(`${server.origin}/`, SURVEY);
      assert.deepEqual(paths().slice(2), ['/sitemap.xml', '/sitemap_collections_1.xml', '/sitemap_products_1.xml']);
      assert.deepEqual(survey.sitemapCategoryUrls, [`${server.origin}/collections/a`]);
      assert.equal(survey.sitemapProductCount, 2);
    }, { maxSitemaps: 3 });
  });

  it('does not loop on sitemap indexes that list each other', async () => {
    const routes: Record<string, Route> = {
      '/': send(HOME, 'text/html'),
      '/sitemap.xml': xml((origin) => sitemapIndex(origin, ['/sitemap-a.xml'])),
      '/sitemap-a.xml': xml((origin) => sitemapIndex(origin, ['/sitemap.xml', '/sitemap-a.xml'])),
    };
    await withSite(routes, async ({ server, explorer, paths }) => {
      await explorer.survey(`${server.origin}/`, SURVEY);
      assert.deepEqual(paths(), ['/', '/robots.txt', '/sitemap.xml', '/sitemap-a.xml']);
    });
  });

  it('reads robots.txt and the menu of the page the home page redirects to', async () => {
    const routes: Record<string, Route> = {
      '/': send('', 'text/html', 301, { location: '/en/' }),
      '/en/': send(HOME.replaceAll('href="/collections/', 'href="collections/'), 'text/html'),
    };
    await withSite(routes, async ({ server, explorer }) => {
      const survey = await explorer.survey(`${server.origin}/`, SURVEY);
      assert.equal(survey.finalUrl, `${server.origin}/en/`);
      assert.equal(survey.navigation[0]?.url, `${server.origin}/en/collections/women`);
    });
  });

  it('fails with the fetcher error when the home page cannot be fetched', async () => {
    await withSite({}, async ({ server, explorer, paths }) => {
      await assert.rejects(explorer.survey(`${server.origin}/`, SURVEY), { name: 'TrawlError', code: 'HTTP_NOT_FOUND' });
      assert.deepEqual(paths(), ['/']);
    });
  });

  it('stops with the abort reason when the survey is aborted while reading sitemaps', async () => {
    const controller = new AbortController();
    const routes: Record<string, Route> = {
      '/': send(HOME, 'text/html'),
      '/sitemap.xml': () => controller.abort(new Error('survey cancelled')),
    };
    await withSite(routes, async ({ server, explorer }) => {
      await assert.rejects(explorer.survey(`${server.origin}/`, { ...SURVEY, signal: controller.signal }), /survey cancelled/);
    });
  });
});

describe('HttpSiteExplorer.robotsPolicy', () => {
  const fetcher = new HttpPageFetcher({ userAgent: 'x', targetPolicy: OPEN });
  after(() => fetcher.close());
  const ROBOTS = 'User-agent: *\nDisallow: /all\n\nUser-agent: trawl\nDisallow: /trawl-only\n\nUser-agent: otherbot\nDisallow: /other-only\n';

  it('reads robots.txt for the product token of the user agent', () => {
    const explorer = new HttpSiteExplorer({ fetcher, userAgent: 'Mozilla/5.0 (compatible; trawl/0.1; +https://trawl.example/bot)', maxPageBytes: 1 });
    const policy = explorer.robotsPolicy(ROBOTS, 'https://shop.example/');
    assert.equal(policy.isAllowed('https://shop.example/trawl-only/x'), false);
    assert.equal(policy.isAllowed('https://shop.example/all/x'), true);
  });

  it('uses the robotsToken option when given', () => {
    const explorer = new HttpSiteExplorer({ fetcher, userAgent: 'trawl/1.0', maxPageBytes: 1, robotsToken: 'otherbot' });
    assert.equal(explorer.robotsPolicy(ROBOTS, 'https://shop.example/').isAllowed('https://shop.example/other-only/x'), false);
  });

  it('derives the product token from common user agent shapes', () => {
    assert.equal(robotsTokenOf('Mozilla/5.0 (compatible; Trawl/0.1; +https://trawl.example/bot)'), 'trawl');
    assert.equal(robotsTokenOf('trawl-test/1.0'), 'trawl-test');
    assert.equal(robotsTokenOf('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36'), 'trawl');
    assert.equal(robotsTokenOf(''), 'trawl');
  });
});
