import type { GraphiqlAssets } from './graphiql-assets.js';

/**
 * CSP for the page. Scripts only from this origin (no inline script, no eval);
 * `connect-src 'self'` covers same-origin fetch and, in CSP3 browsers, ws:/wss:
 * to the same host. Fonts and icons in graphiql's CSS are `data:` URLs.
 * Styles need 'unsafe-inline': GraphiQL's dialogs (Radix, react-remove-scroll)
 * inject <style> elements whose content varies, so no hash fits.
 */
export const GRAPHIQL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The GraphiQL HTML page: stylesheets, the UMD bundles, then the bootstrap module. */
export function renderGraphiqlPage(title: string, urls: GraphiqlAssets['urls']): string {
  const styles = urls.stylesheets.map((href) => `  <link rel="stylesheet" href="${escapeHtml(href)}">`);
  // Deferred classic scripts and the module script run in document order after parsing.
  const scripts = urls.scripts.map((src) => `  <script defer src="${escapeHtml(src)}"></script>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '  <meta charset="utf-8">',
    '  <meta name="viewport" content="width=device-width, initial-scale=1">',
    `  <title>${escapeHtml(title)}</title>`,
    '  <link rel="icon" href="data:,">',
    ...styles,
    ...scripts,
    `  <script type="module" src="${escapeHtml(urls.bootstrapModule)}"></script>`,
    '</head>',
    '<body>',
    '  <div id="graphiql">Loading GraphiQL…</div>',
    '  <noscript>GraphiQL needs JavaScript.</noscript>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}
