import { COLORS } from './word-tables.js';

/** A tiny deterministic SVG for any image name: a coloured tile with the name on it. */
export function renderSvgImage(name: string): string {
  let hash = 2166136261;
  for (let i = 0; i < name.length; i += 1) hash = Math.imul(hash ^ name.charCodeAt(i), 16777619) >>> 0;
  const background = COLORS[hash % COLORS.length]?.hex ?? '#888888';
  const label = name.replace(/[^a-z0-9-]/gi, '').slice(0, 40);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="400" viewBox="0 0 400 400">` +
    `<rect width="400" height="400" fill="${background}"/>` +
    `<circle cx="200" cy="170" r="90" fill="#ffffff" fill-opacity="0.35"/>` +
    `<text x="200" y="340" font-family="sans-serif" font-size="16" text-anchor="middle" fill="#ffffff">${label}</text></svg>\n`;
}

/** The stylesheet every page links; enough to make the demo readable in a browser. */
export const THEME_CSS = `body{font-family:system-ui,sans-serif;margin:0;color:#222}
.site-header,.site-footer,.main{padding:1rem 2rem}
.menu{list-style:none;display:flex;gap:1.5rem;padding:0}
.menu__dropdown{display:none;list-style:none;position:absolute;background:#fff;padding:.5rem;border:1px solid #ddd}
.menu__item{position:relative}.menu__item:hover>.menu__dropdown{display:block}
.product-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(200px,1fr));gap:1.5rem;list-style:none;padding:0}
.product-card img{width:100%;height:auto}.price--compare{color:#888}.badge{font-size:.75rem;text-transform:uppercase}
.breadcrumbs ol{display:flex;gap:.5rem;list-style:none;padding:0}.pagination{display:flex;gap:.5rem;margin:2rem 0}
.product{display:grid;grid-template-columns:1fr 1fr;gap:2rem}.product__image{width:100%;height:auto}
.option-label--sold-out{text-decoration:line-through;color:#999}.visually-hidden{position:absolute;clip:rect(0 0 0 0)}
`;
