import { AvailabilitySchema, NotFoundError, ResponseFormatError } from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import { parseDomainrError } from './domainr-errors.js';
import {
  cheapestOffer,
  fastlyStatusToAvailability,
  fastlyStatusToPriceQuote,
  fastlySuggestToSuggestions,
  offerAmount,
  usableOffers,
} from './domainr-fastly-mappers.js';
import { asciiZone, statusToAvailability } from './domainr-mappers.js';
import { publicRegisterUrl, v2SearchToSuggestions, v2StatusToAvailability } from './domainr-v2-mappers.js';

describe('statusToAvailability', () => {
  it('builds a model that satisfies AvailabilitySchema, with the raw payload and the flags as sent', () => {
    const raw = { domain: 'ace.pizza', status: 'undelegated  inactive premium' };
    const result = statusToAvailability('ace.pizza', raw.status, raw);
    expect(result).toEqual({
      provider: 'domainr',
      domain: 'ace.pizza',
      available: true,
      status: 'premium',
      premium: true,
      price: null,
      reason: 'premium name sold by the registry at a premium price',
      suggestions: [],
      providerStatus: ['undelegated', 'inactive', 'premium'],
      raw,
    });
    expect(AvailabilitySchema.parse(result)).toEqual(result);
  });

  it('appends an extra reason, or uses it alone', () => {
    expect(statusToAvailability('a.com', 'active', {}, 'offer').reason).toBe('offer');
    expect(statusToAvailability('a.com', 'unknown', {}, 'offer').reason).toMatch(/retry later; offer$/);
  });
});

describe('v2StatusToAvailability', () => {
  it('matches the asked name against Unicode, upper-case or trailing-dot echoes', () => {
    const body = {
      status: [
        { domain: 'other.com', status: 'active' },
        { domain: 'BÜCHER.com.', status: 'undelegated inactive' },
      ],
    };
    expect(v2StatusToAvailability('xn--bcher-kva.com', body)).toMatchObject({
      status: 'available',
      raw: body.status[1],
    });
  });

  it('takes the only object even when its name is spelled differently; refuses an answer about other names', () => {
    expect(
      v2StatusToAvailability('a.com', { status: [{ domain: 'www.a.com', status: 'active' }] }).status,
    ).toBe('registered');
    const error = (() => {
      try {
        v2StatusToAvailability('a.com', {
          status: [
            { domain: 'b.com', status: 'active' },
            { domain: 'c.com', status: 'active' },
          ],
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ResponseFormatError);
    expect(error).toMatchObject({
      operation: 'checkAvailability',
      issues: [{ path: 'status', message: 'no status object for a.com' }],
    });
  });

  it('an errors body without a code is an invalid name; the message is redacted of credential parameters', () => {
    const result = v2StatusToAvailability('a.com', {
      errors: [{ message: 'bad name', detail: 'https://x/?client_id=abc' }],
    });
    expect(result).toMatchObject({
      status: 'invalid',
      available: false,
      reason: 'bad name: https://x/?client_id=[REDACTED]',
    });
  });

  it('an errors body with a 4xx other than 400/422 throws that class', () => {
    expect(() => v2StatusToAvailability('a.com', { errors: [{ code: '404', message: 'gone' }] })).toThrow(
      NotFoundError,
    );
    expect(() => v2StatusToAvailability('a.com', { errors: [{ code: '404', message: 'gone' }] })).toThrow(
      /error 404: gone/,
    );
    expect(v2StatusToAvailability('a.com', { errors: [{ code: 422, message: 'bad' }] })).toMatchObject({
      status: 'invalid',
      reason: 'bad',
    });
    expect(v2StatusToAvailability('a.com', { errors: [{ code: 400 }] })).toMatchObject({
      status: 'invalid',
      reason: 'no status',
    });
  });
});

describe('offers', () => {
  it("cheapest within the first offer's currency, compared as decimals", () => {
    expect(
      cheapestOffer([
        { vendor: 'A', price: '999.99', currency: 'USD' },
        { vendor: 'B', price: '1000.00', currency: 'USD' },
        { vendor: 'C', price: '1', currency: 'EUR' },
        { vendor: 'D', price: '99.5', currency: 'usd' },
      ]),
    ).toEqual({ vendor: 'D', price: '99.5', currency: 'usd' });
    expect(cheapestOffer([])).toBeNull();
    expect(cheapestOffer(undefined)).toBeNull();
  });

  it('fastlyStatusToPriceQuote: null without offers', () => {
    expect(fastlyStatusToPriceQuote('a.com', { domain: 'a.com', status: 'inactive' })).toBeNull();
  });
});

describe('suggestions', () => {
  it('publicRegisterUrl strips credential parameters, keeps other URLs untouched, drops non-URLs', () => {
    expect(publicRegisterUrl('https://api.domainr.com/v2/register?domain=a.com&client_id=x&source=api')).toBe(
      'https://api.domainr.com/v2/register?domain=a.com&source=api',
    );
    expect(publicRegisterUrl('https://r.example/?mashape-key=k&domain=a%20b')).toBe(
      'https://r.example/?domain=a+b',
    );
    expect(publicRegisterUrl('https://r.example/?domain=a%20b&registrar=')).toBe(
      'https://r.example/?domain=a%20b&registrar=',
    );
    expect(publicRegisterUrl('/relative')).toBeNull();
    expect(publicRegisterUrl(undefined)).toBeNull();
  });

  it('asciiZone: punycode, lower-case, no leading dot', () => {
    expect(asciiZone('.CO.UK')).toBe('co.uk');
    expect(asciiZone('рф')).toBe('xn--p1ai');
  });

  it('maps v2 and Fastly results to ASCII names and zones', () => {
    expect(
      v2SearchToSuggestions({
        results: [
          { domain: 'ACME.Cafe.', zone: 'Cafe', registerURL: 'https://x.example/r' },
          { domain: 'Bücher.com', zone: '.COM' },
        ],
      }),
    ).toEqual([
      { domain: 'acme.cafe', zone: 'cafe', registerUrl: 'https://x.example/r' },
      { domain: 'xn--bcher-kva.com', zone: 'com', registerUrl: null },
    ]);
    expect(
      fastlySuggestToSuggestions({ results: [{ domain: 'mystud.io', zone: 'io', path: '/blog' }] }),
    ).toEqual([{ domain: 'mystud.io', zone: 'io', registerUrl: null }]);
  });
});

describe('parseDomainrError', () => {
  it('reads {message}, {msg, detail} and {errors: [...]}; anything else gives no message', () => {
    expect(parseDomainrError({ message: 'Too legit to quit.' })).toEqual({ message: 'Too legit to quit.' });
    expect(parseDomainrError({ msg: 'Forbidden', detail: 'not enabled' })).toEqual({
      message: 'Forbidden: not enabled',
    });
    expect(parseDomainrError({ msg: 'Forbidden' })).toEqual({ message: 'Forbidden' });
    expect(parseDomainrError({ detail: 'only detail' })).toEqual({ message: 'only detail' });
    expect(parseDomainrError({ errors: [{ message: 'invalid', detail: 'x.com' }] })).toEqual({
      message: 'invalid: x.com',
    });
    expect(parseDomainrError({})).toEqual({});
    expect(parseDomainrError('text')).toEqual({});
    expect(parseDomainrError({ message: 42 })).toEqual({});
  });
});

describe('Fastly offer prices (free text)', () => {
  it.each([
    ['2500', '2500.00'],
    ['2500.5', '2500.50'],
    [' 990.00 ', '990.00'],
    ['2,500.00', '2500.00'],
    ['1,234,567.89', '1234567.89'],
  ])('%j reads as %s', (price, amount) => {
    expect(offerAmount(price)).toBe(amount);
  });

  it.each(['', 'free', '-5.00', '2,500', '2.500,00', '25,00.00', '$2500', '2500 USD', '1,5'])(
    '%j is not read (the offer is skipped)',
    (price) => {
      expect(offerAmount(price)).toBeNull();
    },
  );

  it('usableOffers skips offers without a readable price or a currency code, and non-objects', () => {
    expect(
      usableOffers([
        {},
        null,
        'offer',
        { vendor: 'A', currency: 'USD' },
        { vendor: 'B', price: 2500, currency: 'USD' },
        { vendor: 'C', price: '100.00' },
        { vendor: 'D', price: '100.00', currency: 'dollars' },
        { price: '75', currency: 'usd' },
      ]),
    ).toEqual([{ offer: { price: '75', currency: 'usd' }, price: { amount: '75.00', currency: 'USD' } }]);
    expect(usableOffers(undefined)).toEqual([]);
  });

  it('an offer without a vendor is quoted and named without one', () => {
    expect(
      fastlyStatusToAvailability('a.com', {
        status: 'active marketed',
        offers: [{ price: '10', currency: 'EUR' }],
      }).reason,
    ).toBe('registered: for sale on the aftermarket (marketed); aftermarket offer: 10.00 EUR');
  });

  it('a quote from an answer without status says nothing of availability (available null)', () => {
    expect(
      fastlyStatusToPriceQuote('a.com', { offers: [{ vendor: 'V', price: '10', currency: 'USD' }] }),
    ).toMatchObject({ available: null, premium: false, price: { amount: '10.00', currency: 'USD' } });
  });
});
