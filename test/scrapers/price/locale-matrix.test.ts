import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareAmounts, parsePrice, type PriceHint } from '../../../src/scrapers/price/parse-price.js';

/** How shops in one locale write a price, and what it means. */
interface LocaleFormat {
  name: string;
  currency: string;
  hint?: PriceHint;
  /** Decimals the currency shows (0 for CLP, JPY, KRW...). */
  decimals: number;
  write(integer: string, fraction: string): string;
  group: (integer: string) => string;
}

const groupBy = (separator: string, indian = false) => (integer: string): string => {
  if (indian && integer.length > 3) {
    const head = integer.slice(0, -3).replace(/\B(?=(\d{2})+(?!\d))/g, separator);
    return `${head}${separator}${integer.slice(-3)}`;
  }
  return integer.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
};

const FORMATS: LocaleFormat[] = [
  { name: 'en-US dollars', currency: 'USD', decimals: 2, group: groupBy(','), write: (i, f) => `$${i}.${f}` },
  { name: 'en-US code after', currency: 'USD', decimals: 2, group: groupBy(','), write: (i, f) => `${i}.${f} USD` },
  { name: 'en-GB pounds', currency: 'GBP', decimals: 2, group: groupBy(','), write: (i, f) => `£${i}.${f}` },
  { name: 'de-DE euros', currency: 'EUR', decimals: 2, group: groupBy('.'), write: (i, f) => `${i},${f} €` },
  { name: 'fr-FR euros, NBSP', currency: 'EUR', decimals: 2, group: groupBy('\u00a0'), write: (i, f) => `${i},${f}\u00a0€` },
  { name: 'fr-FR euros, narrow NBSP', currency: 'EUR', decimals: 2, group: groupBy('\u202f'), write: (i, f) => `${i},${f}\u202f€` },
  { name: 'nl-NL euro sign first', currency: 'EUR', decimals: 2, group: groupBy('.'), write: (i, f) => `€ ${i},${f}` },
  { name: 'de-CH francs', currency: 'CHF', decimals: 2, group: groupBy("'"), write: (i, f) => `CHF ${i}.${f}` },
  { name: 'pt-BR reais', currency: 'BRL', decimals: 2, group: groupBy('.'), write: (i, f) => `R$ ${i},${f}` },
  { name: 'pl-PL zloty', currency: 'PLN', decimals: 2, group: groupBy(' '), write: (i, f) => `${i},${f} zł` },
  { name: 'en-IN rupees, Indian grouping', currency: 'INR', decimals: 2, group: groupBy(',', true), write: (i, f) => `₹${i}.${f}` },
  { name: 'ja-JP yen', currency: 'JPY', decimals: 0, group: groupBy(','), write: (i) => `¥${i}` },
  { name: 'ko-KR won', currency: 'KRW', decimals: 0, group: groupBy(','), write: (i) => `₩${i}` },
  { name: 'es-CL pesos', currency: 'CLP', hint: { currency: 'CLP' }, decimals: 0, group: groupBy('.'), write: (i) => `$${i}` },
  { name: 'sv-SE kronor', currency: 'SEK', hint: { locale: 'sv-SE' }, decimals: 2, group: groupBy(' '), write: (i, f) => `${i},${f} kr` },
  { name: 'en-AU dollars', currency: 'AUD', hint: { locale: 'en-AU' }, decimals: 2, group: groupBy(','), write: (i, f) => `$${i}.${f}` },
  { name: 'en-CA dollars', currency: 'CAD', hint: { currency: 'CAD' }, decimals: 2, group: groupBy(','), write: (i, f) => `$${i}.${f}` },
  { name: 'ru-RU roubles', currency: 'RUB', decimals: 2, group: groupBy(' '), write: (i, f) => `${i},${f} ₽` },
];

const AMOUNTS = ['0.99', '7.50', '49.00', '129.95', '1234.56', '24990.00', '123456.78', '1999999.99'];

function written(format: LocaleFormat, amount: string): { text: string; expected: string } {
  const [integer, fraction = '00'] = amount.split('.') as [string, string?];
  const whole = format.decimals === 0 ? String(Math.round(Number(amount))) : integer;
  return { text: format.write(format.group(whole), fraction), expected: format.decimals === 0 ? whole : `${integer}.${fraction}` };
}

describe('price parsing across locales: every format with amounts from cents to millions', () => {
  for (const format of FORMATS) {
    it(`reads ${format.name} prices`, () => {
      for (const amount of AMOUNTS) {
        const { text, expected } = written(format, amount);
        const price = parsePrice(text, format.hint);
        assert.ok(price, `${JSON.stringify(text)} was not read`);
        assert.equal(price.currency, format.currency, JSON.stringify(text));
        assert.equal(compareAmounts(price.amount, expected), 0, `${JSON.stringify(text)} read as ${price.amount}, not ${expected}`);
      }
    });
  }

  it('takes the lower end of ranges and "from" prices in any of these formats', () => {
    for (const format of FORMATS) {
      const low = written(format, '19.99');
      const high = written(format, '29.99');
      const price = parsePrice(`${low.text} – ${high.text}`, format.hint);
      assert.equal(compareAmounts(price!.amount, low.expected), 0, `${format.name}: ${low.text} – ${high.text}`);
    }
  });

  it('rejects numbers that are not prices', () => {
    for (const text of ['(123)', '123 reviews', '4.5 out of 5', '-20%', 'SKU 123456', '2026-11-30', '+49 30 1234567', 'Size 42', '']) {
      assert.equal(parsePrice(text), null, JSON.stringify(text));
    }
  });
});
