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
