/**
 * GTINs (EAN-8, UPC-A, EAN-13 / ISBN-13, GTIN-14) with their GS1 check digit
 * validated: a number that fails it is a typo or some other code, not a GTIN.
 */

const GS1_DIGITAL_LINK = /\/01\/(\d{14})(?:[/?#]|$)/;

/** True when `digits` (8, 12, 13 or 14 of them) end in the right GS1 check digit. */
export function hasValidCheckDigit(digits: string): boolean {
  if (!/^(?:\d{8}|\d{12,14})$/.test(digits)) return false;
  let sum = 0;
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) sum += Number(digits[i]) * weight;
  return (10 - (sum % 10)) % 10 === Number(digits[digits.length - 1]);
}

/**
 * The GTIN in a value as digits: "4006381333931", "0 12345 67890 5",
 * 96385074 (a number), or a GS1 Digital Link URL (".../01/09506000134352").
 * Undefined when the value holds no GTIN with a valid check digit.
 */
export function toGtin(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? toGtin(String(value)) : undefined;
  if (typeof value !== 'string' || value.length > 200) return undefined;
  const text = value.trim();
  const linked = GS1_DIGITAL_LINK.exec(text)?.[1];
  if (linked) return hasValidCheckDigit(linked) ? linked : undefined;
  const digits = text.replace(/^(?:gtin|ean|upc|isbn)(?:-?1[34]|-?8|-?12)?\s*[:#]?\s*/i, '').replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  if (hasValidCheckDigit(digits)) return digits;
  // a UPC-A / EAN-13 whose leading zeros were lost when it was stored as a number
  if (digits.length > 8 && digits.length < 12 && hasValidCheckDigit(digits.padStart(12, '0'))) return digits.padStart(12, '0');
  return undefined;
}
