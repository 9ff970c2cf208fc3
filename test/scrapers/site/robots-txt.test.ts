import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_ROBOTS_BYTES, parseRobotsTxt, robotsPolicy } from '../../../src/scrapers/site/robots-txt.js';
import { compilePattern, matchesPattern, normalisePath } from '../../../src/scrapers/site/robots-pattern.js';

const SITE = 'https://shop.example/';

function allowed(text: string | undefined, path: string, agent = 'trawl'): boolean {
  return robotsPolicy(text, SITE, agent).isAllowed(new URL(path, SITE).href);
}

describe('robots.txt path matching (Google examples)', () => {
  const cases: [pattern: string, matches: string[], misses: string[]][] = [
    ['/', ['/', '/anything/at/all'], []],
    ['/*', ['/', '/anything'], []],
    ['/$', ['/'], ['/page.htm']],
    ['/fish', ['/fish', '/fish.html', '/fish/salmon.html', '/fishheads', '/fishheads/yummy.html', '/fish.php?id=anything'],
      ['/Fish.asp', '/catfish', '/?id=fish', '/desert/fish']],
    ['/fish*', ['/fish', '/fish.html', '/fish/salmon.html', '/fishheads'], ['/Fish.asp', '/catfish']],
    ['/fish/', ['/fish/', '/fish/?id=anything', '/fish/salmon.htm'], ['/fish', '/fish.html', '/animals/fish/', '/Fish/Salmon.asp']],
    ['/*.php', ['/index.php', '/filename.php', '/folder/filename.php', '/folder/filename.php?parameters', '/folder/any.php.file.html', '/filename.php/'],
      ['/', '/windows.PHP']],
    ['/*.php$', ['/filename.php', '/folder/filename.php'], ['/filename.php?parameters', '/filename.php/', '/filename.php5', '/windows.PHP']],
    ['/fish*.php', ['/fish.php', '/fishheads/catfish.php?parameters'], ['/Fish.PHP']],
    ['/a*b*c$', ['/abc', '/aXbYc', '/abcabc'], ['/abcd', '/acb']],
  ];
  for (const [pattern, matches, misses] of cases) {
    it(`matches ${pattern} against the documented paths`, () => {
      const compiled = compilePattern(pattern);
      for (const path of matches) assert.equal(matchesPattern(compiled, normalisePath(path)), true, `${pattern} should match ${path}`);
      for (const path of misses) assert.equal(matchesPattern(compiled, normalisePath(path)), false, `${pattern} should not match ${path}`);
    });
  }

  it('matches a pattern of many wildcards against a long path without backtracking blow-up', () => {
    const pattern = compilePattern(`/${'a*'.repeat(200)}b$`);
    const started = performance.now();
    assert.equal(matchesPattern(pattern, `/${'a'.repeat(5_000)}`), false);
    assert.ok(performance.now() - started < 1_000);
  });
});

describe('robots.txt percent-encoding (RFC 9309 2.2.2)', () => {
  it('encodes non-ASCII rule paths so they match the encoded URL', () => {
    assert.equal(allowed('User-agent: *\nDisallow: /foo/bar/ツ', '/foo/bar/%E3%83%84'), false);
    assert.equal(allowed('User-agent: *\nDisallow: /foo/bar/%E3%83%84', '/foo/bar/ツ'), false);
  });

  it('treats lower- and upper-case hex escapes alike', () => {
    assert.equal(allowed('User-agent: *\nDisallow: /foo/bar/%e3%83%84', '/foo/bar/%E3%83%84'), false);
  });

  it('decodes escaped unreserved characters before comparing', () => {
    assert.equal(allowed('User-agent: *\nDisallow: /foo/bar/%62%61%7A', '/foo/bar/baz'), false);
    assert.equal(allowed('User-agent: *\nDisallow: /foo/bar/baz', '/foo/bar/%62%61%7A'), false);
  });

  it('keeps an escaped slash different from a path separator', () => {
    assert.equal(normalisePath('/a%2fb'), '/a%2Fb');
    assert.equal(allowed('User-agent: *\nDisallow: /a/b', '/a%2Fb'), true);
  });

  it('matches query strings literally', () => {
    assert.equal(allowed('User-agent: *\nDisallow: /foo/bar?baz=quz', '/foo/bar?baz=quz'), false);
    assert.equal(allowed('User-agent: *\nDisallow: /*?sort=', '/collections/shoes?sort=price'), false);
    assert.equal(allowed('User-agent: *\nDisallow: /*?sort=', '/collections/shoes'), true);
  });
});

describe('robots.txt precedence (Google examples)', () => {
  const cases: [url: string, rules: string, expected: boolean][] = [
    ['/page', 'Allow: /p\nDisallow: /', true],
    ['/folder/page', 'Allow: /folder\nDisallow: /folder', true],
    ['/page.htm', 'Allow: /page\nDisallow: /*.htm', false],
    ['/page.php5', 'Allow: /page\nDisallow: /*.ph', true],
    ['/', 'Allow: /$\nDisallow: /', true],
    ['/page.htm', 'Allow: /$\nDisallow: /', false],
  ];
  for (const [path, rules, expected] of cases) {
    it(`${expected ? 'allows' : 'disallows'} ${path} under "${rules.replace('\n', ' / ')}"`, () => {
      assert.equal(allowed(`User-agent: *\n${rules}`, path), expected);
    });
  }

  it('applies the longest match whatever the order of the lines', () => {
    assert.equal(allowed('User-agent: *\nAllow: /shop/sale\nDisallow: /shop', '/shop/sale/shoes'), true);
    assert.equal(allowed('User-agent: *\nDisallow: /shop\nAllow: /shop/sale', '/shop/sale/shoes'), true);
    assert.equal(allowed('User-agent: *\nDisallow: /shop\nAllow: /shop/sale', '/shop/new'), false);
  });

  it('treats an empty Disallow as allowing everything', () => {
    assert.equal(allowed('User-agent: *\nDisallow:', '/anything'), true);
  });

  it('always allows /robots.txt itself', () => {
    assert.equal(allowed('User-agent: *\nDisallow: /', '/robots.txt'), true);
    assert.equal(allowed('User-agent: *\nDisallow: /', '/products/shoe'), false);
  });
});

describe('robots.txt groups and user agents (RFC 9309 2.2.1)', () => {
  const RFC_EXAMPLE = [
    'User-Agent: *',
    'Disallow: *.gif$',
    'Disallow: /example/',
    'Allow: /publications/',
    '',
    'User-Agent: foobot',
    'Disallow:/',
    'Allow:/example/page.html',
    'Allow:/example/allowed.gif',
    '',
    'User-Agent: barbot',
    'User-Agent: bazbot',
    'Disallow: /example/page.html',
    '',
    'User-Agent: quxbot',
  ].join('\n');

  it('reads the RFC 9309 example for each crawler', () => {
    assert.equal(allowed(RFC_EXAMPLE, '/example/page.html', 'foobot'), true);
    assert.equal(allowed(RFC_EXAMPLE, '/example/allowed.gif', 'foobot'), true);
    assert.equal(allowed(RFC_EXAMPLE, '/other', 'foobot'), false);
    assert.equal(allowed(RFC_EXAMPLE, '/example/page.html', 'bazbot'), false);
    assert.equal(allowed(RFC_EXAMPLE, '/example/page.html', 'barbot'), false);
    assert.equal(allowed(RFC_EXAMPLE, '/example/other', 'barbot'), true);
    assert.equal(allowed(RFC_EXAMPLE, '/anything', 'quxbot'), true, 'an empty group allows everything');
  });

  it('falls back to the * group for an unnamed crawler', () => {
    assert.equal(allowed(RFC_EXAMPLE, '/images/logo.gif', 'trawl'), false);
    assert.equal(allowed(RFC_EXAMPLE, '/example/thing', 'trawl'), false);
    assert.equal(allowed(RFC_EXAMPLE, '/publications/x', 'trawl'), true);
  });

  it('matches the product token case-insensitively and ignores versions', () => {
    const text = 'User-agent: *\nDisallow: /\n\nUser-agent: Trawl/2.0\nDisallow: /private';
    assert.equal(allowed(text, '/products/a', 'trawl'), true);
    assert.equal(allowed(text, '/private/a', 'TRAWL'), false);
    assert.equal(allowed(text, '/products/a', 'otherbot'), false);
  });

  it('does not mistake a longer product token for ours', () => {
    const text = 'User-agent: trawlerbot\nDisallow: /\n\nUser-agent: *\nAllow: /';
    assert.equal(allowed(text, '/products/a', 'trawl'), true);
  });

  it('merges every group that names the crawler', () => {
    const text = 'User-agent: trawl\nDisallow: /a\n\nUser-agent: *\nDisallow: /c\n\nUser-agent: trawl\nDisallow: /b';
    assert.equal(allowed(text, '/a/1'), false);
    assert.equal(allowed(text, '/b/1'), false);
    assert.equal(allowed(text, '/c/1'), true, 'the * group no longer applies');
  });

  it('ignores rules that come before any User-agent line', () => {
    assert.equal(allowed('Disallow: /\nUser-agent: *\nDisallow: /cart', '/products/a'), true);
  });

  it('allows everything when there is no robots.txt', () => {
    const policy = robotsPolicy(undefined, SITE, 'trawl');
    assert.equal(policy.isAllowed(`${SITE}cart`), true);
    assert.deepEqual(policy.sitemaps, []);
    assert.equal(policy.crawlDelayMs, undefined);
  });
});

describe('robots.txt tolerance', () => {
  it('reads a file with a BOM, CRLF line ends, comments, odd spacing and junk lines', () => {
    const text = '\uFEFFUser-agent: * # everyone\r\n<html>junk</html>\r\n  DISALLOW :   /cart  # no carts\r\nnonsense\r\nDisallow /checkout\r\n';
    assert.equal(allowed(text, '/cart'), false);
    assert.equal(allowed(text, '/checkout/step'), false);
    assert.equal(allowed(text, '/products/a'), true);
  });

  it('accepts common misspellings of the keys', () => {
    assert.equal(allowed('useragent: *\ndissallow: /private', '/private/1'), false);
  });

  it('reads a rule path without a leading slash as rooted', () => {
    assert.equal(allowed('User-agent: *\nDisallow: search', '/search?q=x'), false);
  });

  it('ignores everything after 500 KiB, including the line cut in two', () => {
    const filler = `# ${'x'.repeat(100)}\n`.repeat(Math.ceil(MAX_ROBOTS_BYTES / 103));
    const text = `User-agent: *\nDisallow: /early\n${filler}Disallow: /late\n`;
    assert.ok(Buffer.byteLength(text) > MAX_ROBOTS_BYTES);
    assert.equal(allowed(text, '/early'), false);
    assert.equal(allowed(text, '/late'), true);
  });

  it('does not let a truncated last line widen what is allowed', () => {
    const prefix = 'User-agent: *\nDisallow: /\n# ';
    const head = `${prefix}${'y'.repeat(MAX_ROBOTS_BYTES - prefix.length - 1 - 'Allow: /pro'.length)}\n`;
    const text = `${head}Allow: /products/only-this-one\n`;
    assert.equal(Buffer.byteLength(head) + 'Allow: /pro'.length, MAX_ROBOTS_BYTES, 'the cap falls inside the Allow line');
    assert.equal(allowed(text, '/products/'), false);
  });

  it('parses a huge rule list quickly enough to use per URL', () => {
    const rules = Array.from({ length: 5_000 }, (_, index) => `Disallow: /private-${index}/*.json$`).join('\n');
    const policy = robotsPolicy(`User-agent: *\n${rules}`, SITE, 'trawl');
    assert.equal(policy.isAllowed(`${SITE}private-4999/a.json`), false);
    assert.equal(policy.isAllowed(`${SITE}private-4999/a.html`), true);
  });
});

describe('robots.txt crawl-delay, sitemaps and hosts', () => {
  it('reads Crawl-delay in seconds, decimals included, from the matching group', () => {
    const text = 'User-agent: *\nCrawl-delay: 10\n\nUser-agent: trawl\nCrawl-delay: 2.5\nDisallow: /x';
    assert.equal(robotsPolicy(text, SITE, 'trawl').crawlDelayMs, 2_500);
    assert.equal(robotsPolicy(text, SITE, 'otherbot').crawlDelayMs, 10_000);
  });

  it('ignores an unreadable Crawl-delay', () => {
    assert.equal(robotsPolicy('User-agent: *\nCrawl-delay: soon', SITE, 'trawl').crawlDelayMs, undefined);
  });

  it('collects Sitemap lines from anywhere, resolving relative ones against the site', () => {
    const text = 'Sitemap: https://shop.example/sitemap.xml\nUser-agent: *\nDisallow: /cart\nsitemap: /sitemap_products_1.xml\n' +
      'Sitemap: https://shop.example/sitemap.xml\nSitemap: ftp://shop.example/x.xml';
    assert.deepEqual(robotsPolicy(text, SITE, 'trawl').sitemaps, [
      'https://shop.example/sitemap.xml', 'https://shop.example/sitemap_products_1.xml',
    ]);
    assert.deepEqual(parseRobotsTxt(text).groups.map((group) => group.agents), [['*']]);
  });

  it('allows URLs on other hosts, leaving them to their own robots.txt', () => {
    const policy = robotsPolicy('User-agent: *\nDisallow: /', SITE, 'trawl');
    assert.equal(policy.isAllowed('https://cdn.example/sitemap.xml'), true);
    assert.equal(policy.isAllowed('https://shop.example/sitemap.xml'), false);
    assert.equal(policy.isAllowed('/relative/path'), false);
  });

  it('rejects a site URL that is not absolute', () => {
    assert.throws(() => robotsPolicy('', 'shop.example', 'trawl'), { name: 'TrawlError', code: 'INVALID_URL' });
  });
});
