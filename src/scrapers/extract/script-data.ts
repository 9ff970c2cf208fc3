/**
 * Reading data that shops assign in inline scripts (`var meta = {...}`,
 * `var BCData = {...}`, `Shopify.currency = {...}`) without running regular
 * expressions over the script: markers are found with `indexOf`, the value is
 * cut out by one bracket-matching pass bounded in length, and only short
 * windows are ever matched against a pattern. A 5 MB script costs a few scans.
 */
import type { CheerioAPI } from 'cheerio/slim';
import { MAX_JSON_CHARS, parseBoundedJson } from './lenient-json.js';
import type { ScriptBlock } from './extraction.types.js';

/** How far after a marker the value may start (`= window.x || {` is not it). */
const VALUE_START_WINDOW = 16;
/** Occurrences of one marker looked at per script. */
const MAX_OCCURRENCES = 8;

/**
 * The end (exclusive) of the JSON object or array starting at `start`,
 * matching brackets outside strings; -1 when it does not close within `maxChars`.
 */
export function balancedEnd(text: string, start: number, maxChars: number = MAX_JSON_CHARS): number {
  const limit = Math.min(text.length, start + maxChars);
  let depth = 0;
  let quote = 0;
  for (let i = start; i < limit; i++) {
    const code = text.charCodeAt(i);
    if (quote !== 0) {
      if (code === 0x5c) i++;
      else if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) quote = code;
    else if (code === 0x7b || code === 0x5b) depth++;
    else if (code === 0x7d || code === 0x5d) {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The JSON value assigned right after `marker` in `text` (`marker = {...}` or
 * `marker: [...]`), for each occurrence until one parses. Undefined when none does.
 */
export function jsonAssignedTo(text: string, marker: string): unknown {
  let from = 0;
  for (let n = 0; n < MAX_OCCURRENCES; n++) {
    const at = text.indexOf(marker, from);
    if (at < 0) return undefined;
    from = at + marker.length;
    const window = text.slice(from, from + VALUE_START_WINDOW);
    const lead = /^\s*[=:(]?\s*(?=[{[])/.exec(window);
    if (!lead) continue;
    const start = from + lead[0].length;
    const end = balancedEnd(text, start);
    if (end < 0) continue;
    const [value] = parseBoundedJson(text.slice(start, end));
    if (value !== undefined) return value;
  }
  return undefined;
}

/** The first JSON value assigned to any of `markers` in any of the scripts. */
export function findAssignedJson(scripts: readonly ScriptBlock[], markers: readonly string[]): unknown {
  for (const script of scripts) {
    for (const marker of markers) {
      if (!script.text.includes(marker)) continue;
      const value = jsonAssignedTo(script.text, marker);
      if (value !== undefined) return value;
    }
  }
  return undefined;
}

/** The quoted string assigned right after `marker` (`Shopify.locale = "en"`), read from a short window. */
export function stringAssignedTo(scripts: readonly ScriptBlock[], marker: string): string | undefined {
  for (const script of scripts) {
    const at = script.text.indexOf(marker);
    if (at < 0) continue;
    const window = script.text.slice(at + marker.length, at + marker.length + 80);
    const value = /^\s*[=:]\s*["']([^"'\\]{1,40})["']/.exec(window)?.[1];
    if (value) return value;
  }
  return undefined;
}

/** The scripts holding JSON data (`type="application/json"` and friends), parsed with the size and depth caps. */
export function jsonScript(script: ScriptBlock): unknown {
  return parseBoundedJson(script.text)[0];
}

/** Every inline script of the page, in document order, with its type and attributes. */
export function readScripts($: CheerioAPI): ScriptBlock[] {
  const scripts: ScriptBlock[] = [];
  for (const element of $('script').toArray()) {
    const attribs = element.attribs;
    if (attribs.src !== undefined) continue;
    const text = element.children.map((child) => ('data' in child && typeof child.data === 'string' ? child.data : '')).join('');
    scripts.push({ type: (attribs.type ?? '').trim().toLowerCase(), attribs, text });
  }
  return scripts;
}
