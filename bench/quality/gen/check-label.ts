import type { LabelledFields } from '../corpus.types.js';
import { canonicalImage } from '../score.js';
import { formatNumber, type MoneyFormat } from './money.js';

/**
 * Guards the labels: every labelled value must be findable in the page it
 * describes (visible text, attributes or embedded data), in some spelling.
 * Returns the fields that are not; the generator refuses to write such a page.
 */
export function unsupportedFields(html: string, url: string, fields: LabelledFields, format: MoneyFormat): string[] {
  const text = flatten(html);
  const has = (value: string): boolean => text.includes(flattenValue(value));
  const problems: string[] = [];
  for (const field of ['title', 'brand', 'sku', 'gtin', 'mpn'] as const) {
    const value = fields[field];
    if (value !== null && !has(value)) problems.push(`${field} "${value}"`);
  }
  for (const field of ['price', 'compareAtPrice'] as const) {
    const money = fields[field];
    if (money && !moneySpellings(money.amount, format).some(has)) problems.push(`${field} ${money.amount}`);
  }
  if (fields.images) {
    const main = canonicalImage(fields.images[0]!, url);
    const urls = [...text.matchAll(/(?:https?:)?\/\/[^\s"'<>()\\,]+|(?<=src=")[^"]+/g)].map((match) => canonicalImage(match[0], url));
    if (!urls.includes(main)) problems.push(`main image ${fields.images[0]}`);
  }
  for (const crumb of fields.breadcrumbs ?? []) if (!has(crumb)) problems.push(`breadcrumb "${crumb}"`);
  if (fields.rating !== null && ![String(fields.rating), fields.rating.toFixed(1), fields.rating.toFixed(2), String(Math.round(fields.rating * 20))].some(has)) problems.push(`rating ${fields.rating}`);
  if (fields.reviewCount !== null && ![String(fields.reviewCount), fields.reviewCount.toLocaleString('en-US')].some(has)) problems.push(`reviewCount ${fields.reviewCount}`);
  if (fields.language !== null && !new RegExp(`<html[^>]*\\blang="${fields.language}"`, 'i').test(html)) problems.push(`language ${fields.language}`);
  return problems;
}

function moneySpellings(amount: string, format: MoneyFormat): string[] {
  const number = Number(amount);
  return [formatNumber(amount, format), formatNumber(amount, { ...format, trimWhole: true }), amount, String(number), number.toFixed(2), number.toFixed(format.decimals), String(Math.round(number * 100))];
}

/** Markup with the usual escapes undone and spaces unified, so values can be searched as plain text. */
function flatten(html: string): string {
  return flattenValue(html
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&nbsp;/g, ' ')
    .replace(/\\u([0-9a-f]{4})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    .replace(/\\\//g, '/'));
}

function flattenValue(value: string): string {
  return value.replace(/[\s\u00a0\u202f]+/g, ' ');
}
