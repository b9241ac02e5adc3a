import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthenticationError } from '../errors/error-classes.js';
import { findCredential, loadCredential } from './credential.js';

const spec = { option: 'apiKey', env: 'KIT_TEST_API_KEY' };
const context = { provider: 'example', operation: 'listDomains' };

describe('loadCredential', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('prefers the option over the environment variable', () => {
    vi.stubEnv('KIT_TEST_API_KEY', 'from-env');
    expect(loadCredential('from-option', spec, context)).toBe('from-option');
  });

  it('reads the variable at call time when the option is absent or an empty string', () => {
    vi.stubEnv('KIT_TEST_API_KEY', 'first');
    expect(loadCredential(undefined, spec, context)).toBe('first');
    vi.stubEnv('KIT_TEST_API_KEY', 'rotated');
    expect(loadCredential('', spec, context)).toBe('rotated');
  });

  it('treats an empty variable as missing and names option and variable in the error', () => {
    vi.stubEnv('KIT_TEST_API_KEY', '');
    expect(findCredential(undefined, spec)).toBeUndefined();
    let caught: unknown;
    try {
      loadCredential('', spec, context);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AuthenticationError);
    expect(caught).toMatchObject({
      code: 'missing_credentials',
      provider: 'example',
      operation: 'listDomains',
      message: 'example listDomains: missing credential: pass the `apiKey` option or set KIT_TEST_API_KEY',
    });
  });
});
