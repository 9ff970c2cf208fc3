/**
 * Path patterns of robots.txt rules (RFC 9309 section 2.2.2-2.2.3): percent-
 * encoding normalisation shared by rule paths and URL paths, and a matcher
 * for `*` (any run of characters) and a trailing `$` (end of path).
 */

/** A compiled Allow/Disallow path. */
export interface PathPattern {
  /** The normalised pattern as written (with `*` and `$`). */
  source: string;
  /** Literal pieces between the `*` wildcards. */
  parts: string[];
  /** True when the pattern ends in `$`: the path must end where the pattern does. */
  anchored: boolean;
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;
const HEX = /^[0-9A-Fa-f]{2}$/;
const encoder = new TextEncoder();

/**
 * The form a path is compared in: octets outside printable US-ASCII are
 * percent-encoded (UTF-8), escapes get upper-case hex, and escapes of
 * unreserved characters are decoded (`%62%61%7A` reads `baz`). Reserved
 * characters are left as they are, so `/a%2Fb` and `/a/b` stay different.
 */
export function normalisePath(raw: string): string {
  let out = '';
  for (let index = 0; index < raw.length; index++) {
    const char = raw[index] as string;
    if (char === '%' && HEX.test(raw.slice(index + 1, index + 3))) {
      const hex = raw.slice(index + 1, index + 3).toUpperCase();
      const decoded = String.fromCharCode(parseInt(hex, 16));
      out += UNRESERVED.test(decoded) ? decoded : `%${hex}`;
      index += 2;
      continue;
    }
    const code = char.charCodeAt(0);
    if (code > 0x20 && code < 0x7f) {
      out += char;
      continue;
    }
    const isPair = code >= 0xd800 && code <= 0xdbff && index + 1 < raw.length;
    const piece = isPair ? raw.slice(index, index + 2) : char;
    if (isPair) index++;
    out += percentEncode(piece);
  }
  return out;
}

function percentEncode(text: string): string {
  let out = '';
  for (const byte of encoder.encode(text)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/** Compiles a rule path; a path starting with neither `/` nor `*` is read as if it started with `/`. */
export function compilePattern(rawPath: string): PathPattern {
  const trimmed = rawPath.trim();
  const rooted = trimmed.startsWith('/') || trimmed.startsWith('*') ? trimmed : `/${trimmed}`;
  const source = normalisePath(rooted);
  const anchored = source.endsWith('$');
  const body = anchored ? source.slice(0, -1) : source;
  return { source, parts: body.split(/\*+/), anchored };
}

/**
 * True when `path` (already normalised) matches the pattern from its first
 * character. Runs in linear time whatever the number of wildcards: each
 * middle piece is matched at its leftmost position, which is always safe for
 * `*`-only globs.
 */
export function matchesPattern(pattern: PathPattern, path: string): boolean {
  const { parts, anchored } = pattern;
  const head = parts[0] ?? '';
  if (!path.startsWith(head)) return false;
  if (parts.length === 1) return !anchored || path.length === head.length;
  let position = head.length;
  const lastIndex = parts.length - 1;
  for (let index = 1; index < lastIndex; index++) {
    const part = parts[index] as string;
    const found = path.indexOf(part, position);
    if (found < 0) return false;
    position = found + part.length;
  }
  const tail = parts[lastIndex] as string;
  if (!anchored) return path.indexOf(tail, position) >= 0;
  return path.endsWith(tail) && path.length - tail.length >= position;
}
