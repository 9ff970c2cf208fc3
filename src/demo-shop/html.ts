/** HTML building blocks shared by every page template. */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** JSON for a `<script>` element: `<` is escaped so the data cannot close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

export interface Crumb {
  name: string;
  /** Omitted for the current page. */
  path?: string;
}

/** Visible breadcrumbs; the last crumb is the current page. */
export function renderBreadcrumbs(crumbs: readonly Crumb[]): string {
  const items = crumbs.map((crumb) =>
    crumb.path === undefined
      ? `<li class="breadcrumbs__item" aria-current="page">${escapeHtml(crumb.name)}</li>`
      : `<li class="breadcrumbs__item"><a href="${escapeHtml(crumb.path)}">${escapeHtml(crumb.name)}</a></li>`,
  );
  return `<nav class="breadcrumbs" aria-label="Breadcrumb"><ol>${items.join('')}</ol></nav>`;
}

export interface DocumentParts {
  title: string;
  description?: string;
  /** Absolute canonical URL. */
  canonical?: string;
  /** Extra markup for `<head>` (stylesheets, meta, link, JSON-LD). */
  head?: string;
  bodyClass: string;
  header: string;
  footer: string;
  main: string;
}

/** A whole HTML document around a page's main content. */
export function renderDocument(parts: DocumentParts): string {
  const description = parts.description === undefined ? '' : `\n<meta name="description" content="${escapeHtml(parts.description)}">`;
  const canonical = parts.canonical === undefined ? '' : `\n<link rel="canonical" href="${escapeHtml(parts.canonical)}">`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>${description}${canonical}
<link rel="icon" href="/images/favicon.svg" type="image/svg+xml">${parts.head ?? ''}
</head>
<body class="${parts.bodyClass}">
<a class="skip-link" href="#main">Skip to content</a>
${parts.header}
<main id="main" class="main">
${parts.main}
</main>
${parts.footer}
</body>
</html>
`;
}
