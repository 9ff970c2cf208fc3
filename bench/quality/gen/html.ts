/** Markup helpers shared by the page themes. */

/** Text or attribute value, HTML-escaped. */
export function esc(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface JsonScriptOptions {
  type?: string;
  /** Indented, as most themes print it; minified otherwise. */
  pretty?: boolean;
  /** Non-ASCII and `/` escaped, as PHP's json_encode does. */
  php?: boolean;
  attributes?: string;
}

/** A JSON `<script>`; `</` is escaped so the data cannot close the element. */
export function jsonScript(value: unknown, options: JsonScriptOptions = {}): string {
  const type = options.type ?? 'application/ld+json';
  let json = options.pretty ? JSON.stringify(value, null, 2) : JSON.stringify(value);
  if (options.php) json = phpEscape(json);
  json = json.replace(/<\//g, '<\\/');
  return `<script type="${type}"${options.attributes ? ` ${options.attributes}` : ''}>\n${json}\n</script>`;
}

function phpEscape(json: string): string {
  return json.replace(/\//g, '\\/').replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON for a data-* attribute (HTML-escaped). */
export function jsonAttr(value: unknown): string {
  return esc(JSON.stringify(value));
}

/** A JavaScript string literal with `</` and non-ASCII escaped, safe in any charset. */
export function jsString(value: string): string {
  return JSON.stringify(value).replace(/<\//g, '<\\/').replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export interface DocumentParts {
  /** `<html lang>`; omitted when null. */
  lang: string | null;
  /** The `<meta charset>` line, or null for none. */
  charsetMeta: string | null;
  title: string;
  head: string[];
  body: string[];
  htmlAttributes?: string;
  bodyAttributes?: string;
  doctype?: string;
}

export function htmlDocument(parts: DocumentParts): string {
  const lang = parts.lang ? ` lang="${esc(parts.lang)}"` : '';
  return [
    parts.doctype ?? '<!doctype html>',
    `<html${lang}${parts.htmlAttributes ? ` ${parts.htmlAttributes}` : ''}>`,
    '<head>',
    ...(parts.charsetMeta ? [parts.charsetMeta] : []),
    `<title>${esc(parts.title)}</title>`,
    ...parts.head,
    '</head>',
    `<body${parts.bodyAttributes ? ` ${parts.bodyAttributes}` : ''}>`,
    ...parts.body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** schema.org availability URL for a labelled availability (the way each theme spells it varies). */
export function schemaAvailability(availability: string, style: 'https' | 'http' | 'short' = 'https'): string {
  const name = { IN_STOCK: 'InStock', OUT_OF_STOCK: 'OutOfStock', PREORDER: 'PreOrder', BACKORDER: 'BackOrder', DISCONTINUED: 'Discontinued' }[availability] ?? 'InStock';
  if (style === 'short') return name;
  return `${style}://schema.org/${name}`;
}

/** Star glyphs for a rating out of 5. */
export function stars(rating: number): string {
  const full = Math.round(rating);
  return '★'.repeat(full) + '☆'.repeat(5 - full);
}

/** The charset declaration in `<head>`: HTML5 `<meta charset>` or the older http-equiv form. */
export function charsetMeta(label: string, httpEquiv = false): string {
  return httpEquiv ? `<meta http-equiv="Content-Type" content="text/html; charset=${label}">` : `<meta charset="${label}">`;
}
