import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  NotFoundError,
  ProviderError,
  RateLimitError,
  UnsupportedOperationError,
  ValidationError,
} from './error-classes.js';
import { errorFromStatus } from './error-from-status.js';
import { redactSecrets } from './redact.js';
import { isRegistrarError, RegistrarError } from './registrar-error.js';

describe('RegistrarError', () => {
  it('carries its fields and a name per class', () => {
    const error = new NotFoundError('gone', {
      provider: 'dnsimple',
      operation: 'getDomain',
      status: 404,
      requestId: 'r1',
    });
    expect(error).toMatchObject({
      name: 'NotFoundError',
      code: 'not_found',
      provider: 'dnsimple',
      operation: 'getDomain',
      status: 404,
      requestId: 'r1',
      retryable: false,
    });
    expect(error).toBeInstanceOf(RegistrarError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).not.toBeInstanceOf(ValidationError);
    expect(error).toBeInstanceOf(Error);
  });

  it('is recognised across duplicate installs through the Symbol.for brand', () => {
    // An error built by "another copy": a plain object carrying the shared brand.
    const foreign = Object.assign(new Error('x'), {
      [Symbol.for('registrar-kit.error')]: ['RateLimitError', 'RegistrarError'],
    });
    expect(isRegistrarError(foreign)).toBe(true);
    expect(foreign).toBeInstanceOf(RateLimitError);
    expect(foreign).toBeInstanceOf(RegistrarError);
    expect(foreign).not.toBeInstanceOf(NotFoundError);
    expect(isRegistrarError(new Error('plain'))).toBe(false);
    expect(isRegistrarError(null)).toBe(false);
    expect(isRegistrarError('text')).toBe(false);
  });

  it('the ordinary prototype check holds too: a subclass prototype is an instance of its parents', () => {
    expect(ValidationError.prototype instanceof RegistrarError).toBe(true);
    expect(RateLimitError.prototype instanceof RegistrarError).toBe(true);
    expect(Object.create(NotFoundError.prototype) instanceof NotFoundError).toBe(true);
    expect(ValidationError.prototype instanceof NotFoundError).toBe(false);
    expect(RegistrarError.prototype instanceof ValidationError).toBe(false);
    expect(new ValidationError('x') instanceof Error).toBe(true);
  });

  it('serialises to JSON with issues and cause, without the stack', () => {
    const error = new ValidationError('bad', {
      provider: 'pocketdns',
      operation: 'createRecord',
      issues: [{ path: 'ttl', message: 'too low' }],
      cause: new Error('inner'),
    });
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: 'ValidationError',
      message: 'bad',
      provider: 'pocketdns',
      operation: 'createRecord',
      code: 'validation',
      retryable: false,
      issues: [{ path: 'ttl', message: 'too low' }],
      cause: { name: 'Error', message: 'inner' },
    });
  });

  it('UnsupportedOperationError names provider and method', () => {
    const error = new UnsupportedOperationError('domainr', 'registerDomain');
    expect(error.message).toBe('domainr does not support registerDomain');
    expect(error).toMatchObject({ provider: 'domainr', operation: 'registerDomain', code: 'unsupported' });
  });
});

describe('errorFromStatus', () => {
  it('maps 403 with invalidCredential to AuthenticationError, 5xx to ProviderError', () => {
    expect(errorFromStatus('x', { status: 403, invalidCredential: true })).toBeInstanceOf(
      AuthenticationError,
    );
    expect(errorFromStatus('x', { status: 504 })).toBeInstanceOf(ProviderError);
    expect(errorFromStatus('x', { status: 504 }).retryable).toBe(true);
    expect(errorFromStatus('x', { status: 418 })).toBeInstanceOf(ProviderError);
  });
});

describe('redactSecrets', () => {
  it('removes known values, their encoded forms, credential parameters and schemes', () => {
    expect(redactSecrets('key a+b/c= here', ['a+b/c='])).toBe('key [REDACTED] here');
    expect(redactSecrets('url ?q=1&client_id=abc123&x=2')).toBe('url ?q=1&client_id=[REDACTED]&x=2');
    expect(redactSecrets('Authorization: Bearer abc.def-ghi')).toBe('Authorization: Bearer [REDACTED]');
    expect(redactSecrets('X-AS207960-PAT tok123')).toBe('X-AS207960-PAT [REDACTED]');
    expect(redactSecrets('encoded%20secret', ['encoded secret'])).toBe('[REDACTED]');
  });
});

describe('toJSON with unusual causes', () => {
  it('serialises a prototype-less or plain object cause (as test runners replace causes) without throwing', () => {
    const bare = Object.assign(Object.create(null), { message: 'token abc', nested: { a: 1 } });
    const error = new NotFoundError('gone', { cause: bare });
    expect(error.toJSON().cause).toEqual({ message: 'token abc', nested: { a: 1 } });
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(new NotFoundError('gone', { cause: circular }).toJSON().cause).toBe(
      '[cause that cannot be serialised]',
    );
    expect(new NotFoundError('gone', { cause: 'Bearer abcdef' }).toJSON().cause).toBe('Bearer [REDACTED]');
  });
});
