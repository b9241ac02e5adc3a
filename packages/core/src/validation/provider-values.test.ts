import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ResponseFormatError } from '../errors/error-classes.js';
import {
  checkProviderDomainName,
  checkProviderId,
  ProviderDomainNameSchema,
  ProviderStringIdSchema,
  providerDomainNameOr,
  providerZone,
  providerZoneProblem,
} from './provider-values.js';

const context = { provider: 'dnsimple', operation: 'listDomains' };

function refusal(fn: () => unknown): ResponseFormatError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ResponseFormatError) return error;
    throw error;
  }
  throw new Error('expected a ResponseFormatError');
}

describe('checkProviderDomainName', () => {
  it.each([
    ['Example.COM.', 'example.com'],
    ['bücher.example', 'xn--bcher-kva.example'],
    ['xn--bcher-kva.example', 'xn--bcher-kva.example'],
    // UTS 46 / IDNA2008 allow each character of a mixed-script label: it becomes its punycode.
    ['p\u0430ypal.com', 'xn--pypal-4ve.com'],
  ])('%j → %j', (value, ascii) => {
    expect(checkProviderDomainName(value, 'name', context)).toBe(ascii);
  });

  it.each([['../../etc'], ['exa\r\nmple.com'], [''], ['a/b.com'], ['example'], ['-bad-.com'], [42], [null]])(
    '%j: ResponseFormatError naming the field, provider and operation',
    (value) => {
      const error = refusal(() => checkProviderDomainName(value, 'data.0.name', context));
      expect(error).toMatchObject({
        provider: 'dnsimple',
        operation: 'listDomains',
        code: 'response_format',
      });
      expect(error.issues.map((i) => i.path)).toEqual(['data.0.name']);
      expect(error.message).toContain('data.0.name');
    },
  );
});

describe('checkProviderId', () => {
  it('keeps a usable id as a string', () => {
    expect(checkProviderId('dom_abc123', 'id')).toBe('dom_abc123');
    expect(checkProviderId(42, 'id')).toBe('42');
    expect(checkProviderId('mx:hexdns_zonemxrecord_01', 'id')).toBe('mx:hexdns_zonemxrecord_01');
  });

  it.each([
    [''],
    ['.'],
    ['..'],
    ['a/b'],
    ['..\\x'],
    ['id\r\n'],
    ['\u0000'],
    ['x\u0085'],
    [-1],
    [1.5],
    [null],
    ['x'.repeat(1025)],
  ])('%j: ResponseFormatError naming the field', (value) => {
    expect(refusal(() => checkProviderId(value, 'transfer_id', context)).issues[0]?.path).toBe('transfer_id');
  });
});

describe('schemas', () => {
  it('keep a valid name as sent and report the path of a bad one', () => {
    const schema = z.object({
      data: z.array(z.object({ name: ProviderDomainNameSchema, id: ProviderStringIdSchema })),
    });
    expect(schema.parse({ data: [{ name: 'Bücher.example.', id: 'a' }] })).toEqual({
      data: [{ name: 'Bücher.example.', id: 'a' }],
    });
    const failed = schema.safeParse({
      data: [
        { name: 'ok.com', id: '..' },
        { name: '../../etc', id: 'b' },
      ],
    });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues.map((i) => i.path.join('.'))).toEqual(['data.0.id', 'data.1.name']);
  });
});

describe('providerDomainNameOr', () => {
  it('gives the ASCII name, or the fallback for an unusable one', () => {
    expect(providerDomainNameOr('Bücher.example', 'x')).toBe('xn--bcher-kva.example');
    expect(providerDomainNameOr('../../etc', 'dom_1')).toBe('dom_1');
    expect(providerDomainNameOr(undefined, 'dom_1')).toBe('dom_1');
  });
});

describe('zones', () => {
  it('a zone or TLD becomes its ASCII form; anything else is refused', () => {
    expect(['com', '.CO.UK', 'рф'].map((zone) => providerZone(zone))).toEqual(['com', 'co.uk', 'xn--p1ai']);
    for (const bad of ['', '.', '..com', 'bad zone', '../etc', 'co\r\nuk', 'c/om', 3])
      expect(providerZoneProblem(bad)).toHaveProperty('problem');
    expect(() => providerZone('../etc', 'tlds.0.tld', context)).toThrow(
      expect.objectContaining({
        name: 'ResponseFormatError',
        issues: [expect.objectContaining({ path: 'tlds.0.tld' })],
      }),
    );
  });
});
