import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  compareAmounts, countPrices, formatAmount, moneyFromHundredths, parseAmount, parsePrice, regionOfHost, toCurrencyCode,
} from '../../../src/scrapers/price/parse-price.js';
import { ALL_CASES, type PriceCase } from './price-cases.fixture.js';

const CASES: PriceCase[] = [
  ['$1,234.56', ['1234.56', 'USD']],
  ['1.234,56 €', ['1234.56', 'EUR']],
  ['1 234,56 €', ['1234.56', 'EUR']],
  ['1\u202f234,56\u00a0€', ['1234.56', 'EUR']],
  ["CHF 1'234.50", ['1234.50', 'CHF']],
  ['19,99 €', ['19.99', 'EUR']],
  ['€19.99', ['19.99', 'EUR']],
  ['EUR 19.99', ['19.99', 'EUR']],
  ['19.99 EUR', ['19.99', 'EUR']],
  ['19.99USD', ['19.99', 'USD']],
  ['£5', ['5.00', 'GBP']],
  ['US$ 49.00', ['49.00', 'USD']],
  ['C$ 25', ['25.00', 'CAD']],
  ['R$ 1.299,90', ['1299.90', 'BRL']],
  ['¥1,234', ['1234', 'JPY']],
  ['¥128.50', ['128.50', 'CNY'], { locale: 'zh-CN' }],
  ['₹1,23,456', ['123456.00', 'INR']],
  ['Rs. 499', ['499.00', 'INR']],
  ['1 299 zł', ['1299.00', 'PLN']],
  ['2 499 ₽', ['2499.00', 'RUB']],
  ['₩ 12,000', ['12000', 'KRW']],
  ['129 kr', ['129.00', 'SEK'], { locale: 'sv-SE' }],
  ['129,- kr', ['129.00', 'DKK'], { locale: 'da' }],
  ['1.299 kr', ['1299.00', 'NOK'], { locale: 'nb-NO' }],
  ['kr 59', ['59.00', 'SEK']],
  ['from $19', ['19.00', 'USD']],
  ['From $19.99 to $29.99', ['19.99', 'USD']],
  ['$19.99 - $29.99', ['19.99', 'USD']],
  ['19,99 € – 29,99 €', ['19.99', 'EUR']],
  ['ab 19,99 €', ['19.99', 'EUR']],
  ['$19', ['19.00', 'CAD'], { currency: 'CAD' }],
  ['$19', ['19.00', 'AUD'], { locale: 'en-AU' }],
  ['$19', ['19.00', 'USD'], { currency: 'EUR' }],
  ['19.99', ['19.99', 'GBP'], { currency: 'gbp' }],
  ['19.99', null],
  ['Free', null],
  ['', null],
  ['€', null],
  ['$12345678901234567890', null],
  ['KWD 1.250', ['1.250', 'KWD']],
  ['1,234', ['1234.00', 'USD'], { currency: 'USD' }],
  ['0,99 €', ['0.99', 'EUR']],
  ['€0.995', ['0.995', 'EUR']],
  ['Save 20% – now $39.99', ['39.99', 'USD']],
  ['Was $30.00 Now $20.00', ['20.00', 'USD']],
  ['€ 1.234.567,89', ['1234567.89', 'EUR']],
  ['1,234,567.89 USD', ['1234567.89', 'USD']],
  ['Price: 49.95 €', ['49.95', 'EUR']],
  ['1234.5 $', ['1234.50', 'USD']],
  ['3 for €10', ['10.00', 'EUR']],
  ['12 €', ['12.00', 'EUR']],
  ['5 990 Ft', ['5990', 'HUF']],
];

describe('parsePrice', () => {
  for (const [text, expected, hint] of [...CASES, ...ALL_CASES]) {
    const label = `${JSON.stringify(text)}${hint ? ` with ${JSON.stringify(hint)}` : ''}`;
    it(`reads ${label} as ${expected ? expected.join(' ') : 'no price'}`, () => {
      const money = parsePrice(text, hint);
      assert.deepEqual(money, expected ? { amount: expected[0], currency: expected[1] } : null);
    });
  }
});

describe('parseAmount', () => {
  const amounts: [string | number, string | null][] = [
    [19.99, '19.99'], [42, '42'], ['19.90', '19.90'], ['1,299.00', '1299.00'], ['19,99', '19.99'], ['1.299', '1.299'],
    ['0019.5', '19.5'], [' 7 ', '7'], [1e21, null], [-1, null], [Number.NaN, null], ['abc', null], ['', null],
  ];
  for (const [value, expected] of amounts) {
    it(`reads ${JSON.stringify(value)} as ${String(expected)}`, () => assert.equal(parseAmount(value), expected));
  }
});

describe('amount helpers', () => {
  it('formats an amount to the currency minor units without rounding', () => {
    assert.equal(formatAmount('19.9', 'USD'), '19.90');
    assert.equal(formatAmount('1234.00', 'JPY'), '1234');
    assert.equal(formatAmount('0.995', 'USD'), '0.995');
    assert.equal(formatAmount('1.2', 'KWD'), '1.200');
  });

  it('compares decimal strings numerically', () => {
    assert.ok(compareAmounts('9.99', '10') < 0);
    assert.ok(compareAmounts('100', '99.99') > 0);
    assert.equal(compareAmounts('19.90', '19.9'), 0);
    assert.ok(compareAmounts('0.05', '0.5') < 0);
  });

  it('turns currency fields and symbols into ISO codes', () => {
    assert.equal(toCurrencyCode('usd'), 'USD');
    assert.equal(toCurrencyCode('€'), 'EUR');
    assert.equal(toCurrencyCode('zł'), 'PLN');
    assert.equal(toCurrencyCode('dollars please'), undefined);
  });
});

describe('Shopify hundredths', () => {
  const cases: [unknown, string, { amount: string; currency: string } | undefined][] = [
    [2599, 'USD', { amount: '25.99', currency: 'USD' }], [150_000, 'JPY', { amount: '1500', currency: 'JPY' }],
    [5, 'USD', { amount: '0.05', currency: 'USD' }], ['1999', 'EUR', { amount: '19.99', currency: 'EUR' }],
    [125, 'KWD', { amount: '1.250', currency: 'KWD' }], [123_456_789, 'SEK', { amount: '1234567.89', currency: 'SEK' }],
    [-1, 'USD', undefined], [12.5, 'USD', undefined], ['abc', 'USD', undefined], [2599, 'XXL', undefined], [null, 'USD', undefined],
  ];
  for (const [value, currency, expected] of cases) {
    it(`reads ${JSON.stringify(value)} ${currency} as ${expected ? `${expected.amount} ${expected.currency}` : 'no price'}`, () => {
      assert.deepEqual(moneyFromHundredths(value, currency), expected);
    });
  }
});

describe('price context', () => {
  it('counts the prices a text shows, a range as its two ends', () => {
    assert.equal(countPrices('$19.99'), 1);
    assert.equal(countPrices('Was $30.00 Now $20.00'), 2);
    assert.equal(countPrices('$19.99 - $29.99'), 2);
    assert.equal(countPrices('Save 20%'), 0);
    assert.equal(countPrices('Free'), 0);
  });

  it('reads the country of a host or URL from its TLD', () => {
    assert.equal(regionOfHost('shop.example.co.uk'), 'GB');
    assert.equal(regionOfHost('https://tienda.example.cl/p/1'), 'CL');
    assert.equal(regionOfHost('shop.example.com'), undefined);
    assert.equal(regionOfHost(undefined), undefined);
  });

  it('never reads a price out of a long text or a huge number run', () => {
    assert.equal(parsePrice(`$${'9'.repeat(10_000)}`), null);
    assert.equal(parsePrice(`${'word '.repeat(200)} $5`), null, 'a paragraph is not a price');
  });
});