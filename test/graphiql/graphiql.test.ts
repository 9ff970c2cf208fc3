import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startGraphiqlFixture, type GraphiqlFixture } from './graphiql-fixture.js';
import { ARTIFACTS_DIR, recordSocketMessages, setQuery } from './graphiql-browser.js';

const BROWSER_HTML_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];

let fixture: GraphiqlFixture;
before(async () => { fixture = await startGraphiqlFixture(); });
after(async () => { await fixture?.close(); });

async function getPage(): Promise<{ response: Response; html: string }> {
  const response = await fetch(`${fixture.baseUrl}/graphql`, { headers: { accept: BROWSER_HTML_ACCEPT } });
  return { response, html: await response.text() };
}

/** Relative module specifiers a JS module imports statically. */
function moduleImports(source: string): string[] {
  return [...source.matchAll(/^\s*(?:import|export)\b[^;'"]*?from\s*['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? '');
}

function absoluteUrls(text: string): string[] {
  return text.match(/\b(?:https?|wss?):\/\/[^\s"'`<>)]+/g) ?? [];
}

describe('GraphiQL over HTTP', () => {
  it('serves the page to a browser opening the endpoint, with a CSP that forbids inline and foreign scripts', async () => {
    const { response, html } = await getPage();
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(response.headers.get('vary') ?? '', /Accept/);
    const csp = response.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(/script-src[^;]*/.exec(csp)?.[0] ?? '', /unsafe-(inline|eval)/);
    assert.match(html, /<title>trawl GraphiQL \(test\)<\/title>/);
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'no inline script');
  });

  it('serves every linked asset and every module it imports from this host, typed and immutable', async () => {
    const { html } = await getPage();
    const linked = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1] ?? '').filter((u) => !u.startsWith('data:'));
    assert.ok(linked.length >= 5, `expected stylesheets and scripts, got ${linked.join(', ')}`);
    const pending = linked.map((u) => new URL(u, fixture.baseUrl));
    const seen = new Set<string>();
    let modules = 0;
    while (pending.length > 0) {
      const url = pending.shift() as URL;
      if (seen.has(url.href)) continue;
      seen.add(url.href);
      assert.equal(url.origin, fixture.baseUrl, `${url.href} is off-host`);
      const response = await fetch(url);
      const body = await response.text();
      assert.equal(response.status, 200, `${url.pathname} answered ${response.status}`);
      assert.match(response.headers.get('cache-control') ?? '', /immutable/, url.pathname);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      const type = response.headers.get('content-type') ?? '';
      if (url.pathname.endsWith('.css')) assert.match(type, /^text\/css/, url.pathname);
      else assert.match(type, /^text\/javascript/, url.pathname);
      const imports = moduleImports(body);
      if (imports.length > 0) modules += 1;
      pending.push(...imports.map((specifier) => new URL(specifier, url)));
    }
    assert.ok(modules >= 2, 'the bootstrap module imports the graphql-ws client, which imports its chunk');
  });

  it('points at no other host from the page or its bootstrap module', async () => {
    const { html } = await getPage();
    const bootstrap = /<script type="module" src="([^"]+)"/.exec(html)?.[1];
    assert.ok(bootstrap, 'page has a bootstrap module');
    const source = await (await fetch(new URL(bootstrap, fixture.baseUrl))).text();
    for (const url of [...absoluteUrls(html), ...absoluteUrls(source)]) {
      assert.equal(new URL(url).host, new URL(fixture.baseUrl).host, `${url} leaves the host`);
    }
  });

  it('gzips assets for clients that accept it', async () => {
    const { html } = await getPage();
    const script = /<script defer src="([^"]*graphiql\.min\.js)"/.exec(html)?.[1];
    assert.ok(script);
    const response = await fetch(new URL(script, fixture.baseUrl), { headers: { 'accept-encoding': 'gzip' } });
    assert.equal(response.headers.get('content-encoding'), 'gzip');
    assert.match(await response.text(), /window\.GraphiQL/);
  });

  it('answers an unknown asset with 404', async () => {
    const response = await fetch(`${fixture.baseUrl}/graphiql-assets/graphiql@0.0.0/graphiql.min.js`);
    assert.equal(response.status, 404);
  });

  it('leaves POST, GraphQL GET and non-HTML requests to Apollo', async () => {
    const post = await fetch(`${fixture.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: BROWSER_HTML_ACCEPT },
      body: JSON.stringify({ query: '{ hello }' }),
    });
    assert.deepEqual(await post.json(), { data: { hello: 'world' } });

    const get = await fetch(`${fixture.baseUrl}/graphql?query=${encodeURIComponent('{ hello }')}`, {
      headers: { accept: BROWSER_HTML_ACCEPT, 'apollo-require-preflight': 'true' },
    });
    assert.match(get.headers.get('content-type') ?? '', /json/);
    assert.deepEqual(await get.json(), { data: { hello: 'world' } });

    const json = await fetch(`${fixture.baseUrl}/graphql`, { headers: { accept: 'application/json' } });
    assert.doesNotMatch(json.headers.get('content-type') ?? '', /html/);
    await json.body?.cancel();
  });
});

type CodeMirrorElement = Element & {
  /** CodeMirror 5 instance; GraphiQL keeps the parsed query on the query editor's instance. */
  CodeMirror: { getValue(): string; setValue(value: string): void; documentAST?: unknown };
};

const QUERY_EDITOR = '.graphiql-query-editor .CodeMirror';
const HEADERS_EDITOR = '.graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror';
const RESPONSE = '.graphiql-response .CodeMirror';

/** Sets an editor's text through CodeMirror's API; GraphiQL sees the same change event as typing. */
async function setEditor(page: Page, selector: string, text: string): Promise<void> {
  await page.locator(selector).evaluate((el, value) => (el as unknown as CodeMirrorElement).CodeMirror.setValue(value), text);
}


async function waitForResponse(page: Page, fragment: string): Promise<void> {
  await page.waitForFunction(({ selector, expected }) => {
    const el = document.querySelector(selector) as CodeMirrorElement | null;
    return el?.CodeMirror.getValue().includes(expected) ?? false;
  }, { selector: RESPONSE, expected: fragment }, { timeout: 15_000 });
}

/** Console errors, page errors, failed or off-host requests: any of them fails the test. */
function watchPage(page: Page, baseUrl: string): string[] {
  const problems: string[] = [];
  const wsOrigin = baseUrl.replace(/^http/, 'ws');
  page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`); });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${baseUrl}/`) && !url.startsWith('data:')) problems.push(`off-host request: ${url}`);
  });
  page.on('websocket', (socket) => { if (!socket.url().startsWith(`${wsOrigin}/`)) problems.push(`off-host socket: ${socket.url()}`); });
  return problems;
}

/** Opens the docs (needs the introspected schema) and a dialog (injects styles): both must pass the CSP. */
async function exerciseUi(page: Page): Promise<void> {
  await page.locator('[aria-label="Show Documentation Explorer"]').click();
  const docs = page.locator('.graphiql-doc-explorer');
  await docs.getByText('Subscription', { exact: true }).waitFor({ timeout: 15_000 });
  await docs.getByText('Query', { exact: true }).first().click();
  await docs.getByText('hello', { exact: true }).waitFor();
  await page.locator('[aria-label="Open settings dialog"]').click();
  await page.getByRole('dialog').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.locator('[aria-label="Hide Documentation Explorer"]').click();
}

async function eventually(check: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('GraphiQL in Chromium', () => {
  let browser: Browser | undefined;
  before(async () => {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  after(async () => { await browser?.close(); });

  it('runs a query over HTTP and a subscription over graphql-ws, sending the editor headers on both', { timeout: 60_000 }, async (t) => {
    assert.ok(browser);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    t.after(() => context.close());
    const page = await context.newPage();
    const problems = watchPage(page, fixture.baseUrl);
    const socketMessages = recordSocketMessages(page);

    try {
      await page.goto(`${fixture.baseUrl}/graphql`);
      await page.locator(QUERY_EDITOR).waitFor({ timeout: 15_000 });
      await exerciseUi(page);
      await page.locator('button[data-name="headers"]').click();
      await setEditor(page, HEADERS_EDITOR, '{ "x-trawl-test": "from-editor" }');

      await setQuery(page, '{ hello }');
      await page.locator('.graphiql-execute-button').click();
      await waitForResponse(page, '"hello": "world"');
      assert.ok(fixture.log.httpTestHeaders.includes('from-editor'), 'headers editor reaches HTTP requests');

      await setQuery(page, 'subscription { countdown(from: 3) }');
      await page.locator('.graphiql-execute-button').click();
      await waitForResponse(page, '"countdown": 0');
      await eventually(() => socketMessages.some((m) => m.type === 'complete'), 'the subscription completes');

      const values = socketMessages.filter((m) => m.type === 'next').map((m) => m.payload?.data?.['countdown']);
      assert.deepEqual(values, [3, 2, 1, 0], 'every value arrived over the socket');
      assert.deepEqual(fixture.log.wsConnectionParams, [{ 'x-trawl-test': 'from-editor' }]);
      assert.deepEqual(fixture.log.wsOperations, ['subscription { countdown(from: 3) }']);
    } catch (error) {
      if (problems.length > 0 && error instanceof Error) error.message += `\npage problems:\n${problems.join('\n')}`;
      throw error;
    } finally {
      await mkdir(ARTIFACTS_DIR, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS_DIR, 'graphiql.png') });
    }
    assert.deepEqual(problems, []);
  });
});
