import type { IncomingMessage, ServerResponse } from 'node:http';
import { html } from './browser-test-support.js';

/** Result pages of the search fixture: 4 pages of 3 lamps each. */
export const RESULT_PAGES = 4;

const HOME = `<!doctype html><html><body>
<div id="cookie-banner"><button id="accept">OK</button></div>
<form action="/search"><input id="q" name="q"><select id="sort" name="sort"><option value="relevance">Relevance</option><option value="price">Price</option></select>
<button id="go" type="submit">Search</button></form>
</body></html>`;

function searchPage(url: URL): string {
  const query = url.searchParams.get('q') ?? '';
  const page = Number(url.searchParams.get('page') ?? '1');
  const items = [1, 2, 3].map((i) => `<li class="result"><a class="name" href="/p/${query}-${page}-${i}">${query} ${page}.${i}</a></li>`).join('');
  const next = page < RESULT_PAGES ? `<a id="next" href="/search?q=${query}&page=${page + 1}&sort=${url.searchParams.get('sort') ?? ''}">Next</a>` : '';
  return `<!doctype html><html><body><h1>Results for ${query} (sorted by ${url.searchParams.get('sort')})</h1><ul>${items}</ul>${next}</body></html>`;
}

/** In-place pagination: "next" re-renders the list after 100 ms; disabled on page 3. */
const SPA_LIST = `<!doctype html><html><body><ul id="list"></ul><button id="more">Next</button>
<script>
  let page = 1;
  const render = () => {
    document.getElementById('list').innerHTML = [1, 2].map((i) => '<li class="item">spa ' + page + '.' + i + '</li>').join('');
    if (page === 3) document.getElementById('more').setAttribute('disabled', '');
  };
  render();
  document.getElementById('more').addEventListener('click', () => setTimeout(() => { page++; render(); }, 100));
</script></body></html>`;

/** Infinite scroll: reaching the bottom appends 10 rows, three times. */
const INFINITE = `<!doctype html><html><body><div id="rows"></div>
<script>
  let batches = 0;
  const add = () => { for (let i = 0; i < 10; i++) { const row = document.createElement('div'); row.className = 'row'; row.style.height = '200px'; row.textContent = 'row ' + (batches * 10 + i); document.getElementById('rows').append(row); } batches++; };
  add();
  addEventListener('scroll', () => {
    if (batches < 4 && innerHeight + scrollY >= document.documentElement.scrollHeight - 5) setTimeout(add, 50);
  });
</script></body></html>`;

/** Routes of the navigation fixture shop. */
export function navigationShop(req: IncomingMessage, res: ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://shop.test');
  switch (url.pathname) {
    case '/':
      return html(res, HOME);
    case '/search':
      return html(res, searchPage(url));
    case '/spa-list':
      return html(res, SPA_LIST);
    case '/infinite':
      return html(res, INFINITE);
    case '/gone':
      return html(res, 'gone', 404);
    default:
      return html(res, '<h1>Product</h1>');
  }
}
