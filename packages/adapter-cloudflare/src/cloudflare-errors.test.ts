import { ConflictError, NotFoundError, RateLimitError, ValidationError } from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import { classifyCloudflareError, parseCloudflareError } from './cloudflare-errors.js';

describe('Cloudflare error bodies', () => {
  it('reads every error with its code, pointer and chain; 9109 marks the credential invalid', () => {
    expect(
      parseCloudflareError({
        success: false,
        errors: [
          { code: 10000, message: 'Invalid domain name', source: { pointer: '/domains/0/domain_name' } },
          {
            code: 6003,
            message: 'Invalid request headers',
            error_chain: [{ code: 6111, message: 'Invalid format' }],
          },
        ],
        messages: [],
        result: null,
      }),
    ).toEqual({
      message: 'Invalid domain name (10000); Invalid request headers (6003): Invalid format (6111)',
      code: 'cloudflare_10000',
      issues: [
        { path: 'domains.0.domain_name', message: 'Invalid domain name' },
        { path: '', message: 'Invalid request headers' },
      ],
      invalidCredential: false,
    });
    expect(parseCloudflareError({ errors: [{ code: 9109, message: 'Invalid access token' }] })).toMatchObject(
      {
        code: 'invalid_token',
        invalidCredential: true,
      },
    );
    expect(
      parseCloudflareError({
        errors: [{ code: 10000, message: 'A workflow already exists for this resource.' }],
      }),
    ).toMatchObject({ code: 'workflow_exists' });
    expect(parseCloudflareError('<html>')).toEqual({});
  });

  it('picks the class by code where the docs give no status ("4XX examples")', () => {
    const base = { provider: 'cloudflare', operation: 'getDomain', status: 400 };
    const cases = [
      ['domain_not_found', NotFoundError],
      ['workflow_not_found', NotFoundError],
      ['record_not_found', NotFoundError],
      ['workflow_exists', ConflictError],
      ['duplicate_record', ConflictError],
      ['zone_exists', ConflictError],
      ['rate_limited', RateLimitError],
    ] as const;
    for (const [code, errorClass] of cases) {
      const original = new ValidationError('cloudflare getDomain failed with HTTP 400: x', { ...base, code });
      const mapped = classifyCloudflareError(original);
      expect(mapped, code).toBeInstanceOf(errorClass);
      expect(mapped).toMatchObject({ ...base, code, message: original.message });
    }
    const plain = new ValidationError('x', { ...base, code: 'invalid_record_content' });
    expect(classifyCloudflareError(plain)).toBe(plain);
  });
});
