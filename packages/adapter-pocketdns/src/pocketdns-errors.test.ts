import { describe, expect, it } from 'vitest';
import { parsePocketDnsError } from './pocketdns-errors.js';

describe('parsePocketDnsError', () => {
  it('message with the PocketDNS code, details as issues', () => {
    expect(
      parsePocketDnsError(
        {
          error: 'validation_error',
          message: 'user_identifier is required',
          details: { user_identifier: 'is required', ttl: ['too low', 'not an integer'] },
        },
        400,
      ),
    ).toEqual({
      message: 'user_identifier is required (validation_error)',
      issues: [
        { path: 'user_identifier', message: 'is required' },
        { path: 'ttl', message: 'too low' },
        { path: 'ttl', message: 'not an integer' },
      ],
    });
  });

  it('a validation status without details keeps the message as the issue; other statuses have none', () => {
    expect(
      parsePocketDnsError({ error: 'unprocessable_entity', message: 'Invalid domain name' }, 422),
    ).toEqual({
      message: 'Invalid domain name (unprocessable_entity)',
      issues: [{ path: '', message: 'Invalid domain name' }],
    });
    expect(
      parsePocketDnsError({ error: 'not_found', message: 'Domain not found', details: {} }, 404),
    ).toEqual({ message: 'Domain not found (not_found)' });
    expect(parsePocketDnsError({ error: 'conflict' }, 409)).toEqual({ message: 'conflict' });
  });

  it('a body of another shape gives nothing (the status alone decides)', () => {
    expect(parsePocketDnsError('<html>', 502)).toEqual({});
    expect(parsePocketDnsError({ error: 42 }, 500)).toEqual({});
  });
});
