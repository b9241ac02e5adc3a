import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { plainCause } from './plain-cause.js';

describe('plainCause', () => {
  it('keeps only the name and the message of an axios-like error', () => {
    const axiosLike = Object.assign(new Error('Request failed with status code 401'), {
      name: 'AxiosError',
      code: 'ERR_BAD_REQUEST',
      config: {
        auth: { username: 'client', password: 'idp-client-secret-9911' },
        headers: { Authorization: 'Basic Y2xpZW50OmlkcC1jbGllbnQtc2VjcmV0' },
      },
      response: { status: 401, data: { error: 'invalid_client' } },
    });
    const cause = plainCause(axiosLike);
    expect(cause).toBeInstanceOf(Error);
    expect({ name: cause.name, message: cause.message }).toEqual({
      name: 'AxiosError',
      message: 'Request failed with status code 401',
    });
    expect(Object.keys(cause)).toEqual([]);
    expect(cause.cause).toBeUndefined();
    const rendered = `${inspect(cause, { showHidden: true, depth: 10 })} ${cause.stack} ${JSON.stringify(cause)}`;
    expect(rendered).not.toMatch(/idp-client-secret|Y2xpZW50|invalid_client|config/);
  });

  it('redacts credentials in the message and shortens it', () => {
    const cause = plainCause(new Error(`token Bearer abc.def-123 refused ${'x'.repeat(1000)}`), ['def-123']);
    expect(cause.message).not.toContain('abc.def-123');
    expect(cause.message.length).toBe(500);
  });

  it('turns a thrown non-Error into a plain Error without its content', () => {
    expect(plainCause({ password: 'pw-123456' }).message).toBe('a thrown object');
    expect(plainCause('plain text').message).toBe('plain text');
    expect(plainCause(null).name).toBe('Error');
  });
});
