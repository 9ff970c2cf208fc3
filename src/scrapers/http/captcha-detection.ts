/**
 * Recognises anti-bot challenge pages (CAPTCHA, JavaScript challenges) so a
 * block is not mistaken for a page: markers that only challenge pages carry
 * count on any status; generic wording ("captcha", "are you a robot") only
 * on a 403, 429 or 503, since a product page may well embed a CAPTCHA form.
 */

export interface ChallengeInput {
  status: number;
  /** Lower-case header names. */
  headers: Record<string, string>;
  /** The start of the body (a few KiB are enough). */
  body: string;
}

/** Markers that only vendors' challenge pages carry, with the vendor named. */
const STRONG_MARKERS: [RegExp, string][] = [
  [/\/cdn-cgi\/challenge-platform\/|window\._cf_chl_opt|<title>\s*(just a moment\.\.\.|attention required! \| cloudflare)\s*<\/title>/i, 'cloudflare'],
  [/_incapsula_resource|incapsula incident id/i, 'incapsula'],
  [/captcha-delivery\.com|datadome captcha/i, 'datadome'],
  [/px-captcha|captcha\.px-cdn\.net|perimeterx/i, 'perimeterx'],
  [/<title>\s*(captcha|robot check|human verification|are you a robot\??)\s*<\/title>/i, 'captcha'],
];
const WEAK_MARKERS = /captcha|are you a (human|robot)|verify (that )?you are (a )?human|unusual traffic|access denied|request unsuccessful|bot detection/i;
const BLOCK_STATUSES = new Set([403, 429, 503]);

/** How many characters of a body are looked at. */
export const CHALLENGE_SAMPLE_CHARS = 32 * 1024;

/** The kind of challenge the response is (`cloudflare`, `captcha`...), or undefined when it is a real answer. */
export function detectChallenge(input: ChallengeInput): string | undefined {
  if (input.headers['cf-mitigated']?.toLowerCase() === 'challenge') return 'cloudflare';
  if (input.headers['x-datadome'] !== undefined && BLOCK_STATUSES.has(input.status)) return 'datadome';
  const sample = input.body.slice(0, CHALLENGE_SAMPLE_CHARS);
  for (const [marker, kind] of STRONG_MARKERS) if (marker.test(sample)) return kind;
  if (BLOCK_STATUSES.has(input.status) && WEAK_MARKERS.test(sample)) return 'captcha';
  return undefined;
}
