/**
 * What the rest of registrar-kit needs to know about the Porkbun adapter (createRegistrar, the CLI,
 * integration tests, benchmarks): id, display name, credentials and roles.
 */
import { defineProviderInfo } from '@registrar-kit/core';

export const PORKBUN_API_KEY_ENV = 'PORKBUN_API_KEY';
export const PORKBUN_SECRET_API_KEY_ENV = 'PORKBUN_SECRET_API_KEY';

export const porkbunProviderInfo = defineProviderInfo({
  id: 'porkbun',
  name: 'Porkbun',
  docsUrl: 'https://porkbun.com/api/json/v3/documentation',
  credentials: [
    {
      option: 'apiKey',
      env: PORKBUN_API_KEY_ENV,
      need: 'required',
      secret: true,
      description: 'API key (pk1_…) from https://porkbun.com/account/api',
    },
    {
      option: 'secretApiKey',
      env: PORKBUN_SECRET_API_KEY_ENV,
      need: 'required',
      secret: true,
      description: 'Secret API key (sk1_…) paired with the API key',
    },
  ],
  roles: ['registrar', 'dns'],
});
