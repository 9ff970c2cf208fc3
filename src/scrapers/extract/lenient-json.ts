/**
 * Parses JSON the way it appears in real `<script type="application/ld+json">`
 * blocks: wrapped in HTML comments or CDATA, with JS comments, trailing commas,
 * raw newlines inside strings, several values back to back, or junk after the
 * value. Returns every value it could read; never throws.
 */
export function parseLenientJson(raw: string): unknown[] {
  const text = unwrap(raw);
  if (text.length === 0) return [];
  try {
    return [JSON.parse(text)];
  } catch {
    // fall through to the tolerant path
  }
  const values: unknown[] = [];
  for (const chunk of topLevelValues(sanitize(text))) {
    try {
      values.push(JSON.parse(chunk));
    } catch {
      // an unreadable value is skipped, the others are kept
    }
  }
  return values;
}

function unwrap(raw: string): string {
  return raw
    .replace(/^\uFEFF/, '')
    .replace(/^\s*(?:\/\/\s*)?<!\[CDATA\[/, '')
    .replace(/(?:\/\/\s*)?\]\]>\s*$/, '')
    .replace(/^\s*<!--/, '')
    .replace(/-->\s*$/, '')
    .trim();
}

/** Removes comments and trailing commas outside strings and escapes control characters inside them. */
function sanitize(text: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      if (char === '\\') {
        out += char + (text[i + 1] ?? '');
        i++;
      } else if (char === '"') {
        inString = false;
        out += char;
      } else {
        const code = char.charCodeAt(0);
        out += code < 0x20 ? `\\u${code.toString(16).padStart(4, '0')}` : char;
      }
      continue;
    }
    if (char === '"') inString = true;
    if (char === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
      continue;
    }
    if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
      continue;
    }
    if (char === ',' && /^\s*[}\]]/.test(text.slice(i + 1, i + 200))) continue;
    out += char;
  }
  return out;
}

/** Each balanced `{...}` or `[...]` at the top level, skipping anything between them. */
function* topLevelValues(text: string): Generator<string> {
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"' && depth > 0) inString = true;
    else if (char === '{' || char === '[') {
      if (depth === 0) start = i;
      depth++;
    } else if ((char === '}' || char === ']') && depth > 0) {
      depth--;
      if (depth === 0 && start >= 0) yield text.slice(start, i + 1);
    }
  }
}

/** Largest embedded JSON read (a JSON-LD block, a platform config); larger ones are skipped. */
export const MAX_JSON_CHARS = 2 * 1024 * 1024;
/** Deepest nesting accepted: real product data stays below 20 levels. */
export const MAX_JSON_DEPTH = 64;

/**
 * True when the brackets in `text` (outside strings) nest deeper than
 * `limit`. One linear pass, so a hostile `[[[[...` costs no more than its length.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 0x5c) i++;
      else if (code === 0x22) inString = false;
    } else if (code === 0x22) inString = true;
    else if (code === 0x7b || code === 0x5b) {
      if (++depth > limit) return true;
    } else if ((code === 0x7d || code === 0x5d) && depth > 0) depth--;
  }
  return false;
}

/**
 * `parseLenientJson` for text from an untrusted page: nothing when the text is
 * longer than `maxChars`; values nested deeper than `maxDepth` are cut off at
 * that depth (V8's JSON.parse does not recurse, but later walks might), so a
 * deep junk branch does not cost the rest of the block.
 */
export function parseBoundedJson(raw: string, maxChars: number = MAX_JSON_CHARS, maxDepth: number = MAX_JSON_DEPTH): unknown[] {
  if (raw.length > maxChars) return [];
  const values = parseLenientJson(raw);
  return nestsDeeperThan(raw, maxDepth) ? values.map((value) => pruneBelow(value, maxDepth)) : values;
}

/** Replaces the arrays and objects deeper than `maxDepth` by null, iteratively. */
function pruneBelow(value: unknown, maxDepth: number): unknown {
  const pending: { node: unknown; depth: number }[] = [{ node: value, depth: 1 }];
  for (let entry = pending.pop(); entry; entry = pending.pop()) {
    const { node, depth } = entry;
    if (typeof node !== 'object' || node === null) continue;
    const container = node as Record<string, unknown>;
    for (const key of Object.keys(container)) {
      const child = container[key];
      if (typeof child !== 'object' || child === null) continue;
      if (depth >= maxDepth) container[key] = null;
      else pending.push({ node: child, depth: depth + 1 });
    }
  }
  return typeof value === 'object' && value !== null && maxDepth < 1 ? null : value;
}
