/**
 * What the rest of the project needs to know about the Cloudflare adapter: id, name, docs and the
 * credentials (factory option + environment variable), read by `createRegistrar`, the CLI, tests
 * and benchmarks (docs/providers/cloudflare.md#authentication).
 */
import { defineProviderInfo } from '@registrar-kit/core';

export const CLOUDFLARE_API_TOKEN_ENV = 'CLOUDFLARE_API_TOKEN';
export const CLOUDFLARE_ACCOUNT_ID_ENV = 'CLOUDFLARE_ACCOUNT_ID';

export const cloudflareProviderInfo = defineProviderInfo({
  id: 'cloudflare',
  name: 'Cloudflare',
  docsUrl: 'https://developers.cloudflare.com/api/',
  roles: ['registrar', 'dns'],
  credentials: [
    {
      option: 'apiToken',
      env: CLOUDFLARE_API_TOKEN_ENV,
      need: 'required',
      secret: true,
      description: 'API token (DNS Write, Zone Read, and the account Registrar permission for domains)',
    },
    {
      option: 'accountId',
      env: CLOUDFLARE_ACCOUNT_ID_ENV,
      need: 'optional',
      secret: false,
      description: 'Account id (32 hex); discovered from the token when it reaches exactly one account',
    },
  ],
});
