import { describe, expect, it } from 'vitest';
import { credentialVariables, defineProviderInfo, hasCredentialsInEnv } from './provider-info.js';

const info = defineProviderInfo({
  id: 'example',
  name: 'Example',
  docsUrl: 'https://example.com/api',
  roles: ['availability'],
  credentials: [
    { option: 'accountId', env: 'EX_ACCOUNT', need: 'optional', secret: false, description: 'account' },
    { option: 'clientId', env: 'EX_CLIENT_ID', need: 'one-of', secret: true, description: 'client id' },
    { option: 'apiKey', env: 'EX_KEY', need: 'one-of', secret: true, description: 'key' },
  ],
});

describe('provider info', () => {
  it('lists the variables in order', () => {
    expect(credentialVariables(info)).toEqual(['EX_ACCOUNT', 'EX_CLIENT_ID', 'EX_KEY']);
  });

  it('needs one of the one-of credentials and every required one', () => {
    expect(hasCredentialsInEnv(info, {})).toBe(false);
    expect(hasCredentialsInEnv(info, { EX_KEY: 'k' })).toBe(true);
    expect(
      hasCredentialsInEnv(
        {
          ...info,
          credentials: [{ ...info.credentials[0], need: 'required' }, ...info.credentials.slice(1)],
        },
        { EX_KEY: 'k' },
      ),
    ).toBe(false);
  });
});
