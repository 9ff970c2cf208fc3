/** Whether static HTML is a JavaScript app shell that needs a browser to show its content. */
export interface AppShellVerdict {
  appShell: boolean;
  /** The signals the verdict rests on, for logs: `mount point #root, 14 chars of text, 6 script bundles`. */
  reason: string;
}

/** Body text below this many characters counts as "little text". */
const LITTLE_TEXT = 250;
/** With no mount point, this much text or less and several bundles still means a shell. */
const NO_TEXT = 40;
const MANY_BUNDLES = 3;

const MOUNT_POINTS: readonly [RegExp, string][] = [
  [/\bid\s*=\s*["']?root\b/i, '#root'],
  [/\bid\s*=\s*["']?app\b(?!-)/i, '#app'],
  [/\bid\s*=\s*["']?__next\b/i, '#__next'],
  [/\bid\s*=\s*["']?__nuxt\b/i, '#__nuxt'],
  [/\bid\s*=\s*["']?___gatsby\b/i, '#___gatsby'],
  [/\bdata-reactroot\b/i, '[data-reactroot]'],
  [/\bng-version\s*=/i, '[ng-version]'],
  [/<app-root\b/i, '<app-root>'],
];

const PRODUCT_DATA: readonly [RegExp, string][] = [
  [/<script[^>]*type\s*=\s*["']?application\/ld\+json[^>]*>[^<]*"@type"\s*:\s*\[?\s*"(?:https?:\/\/schema\.org\/)?Product"/i, 'product JSON-LD'],
  [/itemtype\s*=\s*["']?https?:\/\/schema\.org\/Product\b/i, 'product microdata'],
  [/<meta[^>]+property\s*=\s*["']og:type["'][^>]+content\s*=\s*["']product/i, 'og:type product'],
  [/<meta[^>]+(?:property|name)\s*=\s*["'](?:product:price:amount|og:price:amount)["']/i, 'price meta tags'],
];

const ENABLE_JS = /<noscript[^>]*>[\s\S]*?(?:enable|turn on|activate)\s+javascript[\s\S]*?<\/noscript>/i;

/**
 * Decides from static HTML whether the page is an app shell: a framework
 * mount point (`#root`, `#app`, `#__next`, `#__nuxt`, `[data-reactroot]`,
 * `ng-version`, `<app-root>`) or a "please enable JavaScript" `<noscript>`,
 * with little body text and no product data in the markup. Several script
 * bundles and almost no text is a shell even without a known mount point.
 * Product data (JSON-LD, microdata, og:type product) in the static HTML
 * always means no browser is needed. Pure; never throws.
 */
export function looksLikeAppShell(html: string): AppShellVerdict {
  const product = PRODUCT_DATA.find(([pattern]) => pattern.test(html))?.[1];
  const mount = MOUNT_POINTS.find(([pattern]) => pattern.test(html))?.[1];
  const textLength = bodyText(html).length;
  const bundles = (html.match(/<script\b[^>]*\bsrc\s*=/gi) ?? []).length;
  const enableJs = ENABLE_JS.test(html);
  const signals = [
    mount ? `mount point ${mount}` : 'no mount point',
    `${textLength} chars of text`,
    `${bundles} script bundle${bundles === 1 ? '' : 's'}`,
    ...(enableJs ? ['<noscript> asks to enable JavaScript'] : []),
    product ? `has ${product}` : 'no product data',
  ].join(', ');
  if (product) return { appShell: false, reason: signals };
  const littleText = textLength < LITTLE_TEXT;
  const shell = littleText && (mount !== undefined || enableJs || (bundles >= MANY_BUNDLES && textLength <= NO_TEXT));
  return { appShell: shell, reason: signals };
}

/** Visible body text, roughly: body markup without scripts, styles, templates, noscript and tags, whitespace collapsed. */
function bodyText(html: string): string {
  const body = /<body\b[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(html)?.[1] ?? html.replace(/<head\b[\s\S]*?<\/head>/i, '');
  return body
    .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(?:nbsp|#160);/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
