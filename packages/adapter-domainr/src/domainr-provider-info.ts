import { defineProviderInfo } from '@registrar-kit/core';

/**
 * What createRegistrar, the CLI, tests and benchmarks need to know about the Domainr adapter.
 * Domainr v2 takes a client id or a RapidAPI key; the Fastly Domain Research API (`api: 'fastly'`)
 * takes a Fastly API token.
 */
export const domainrProviderInfo = defineProviderInfo({
  id: 'domainr',
  name: 'Domainr',
  docsUrl: 'https://domainr.com/docs/api',
  credentials: [
    {
      option: 'clientId',
      env: 'DOMAINR_CLIENT_ID',
      need: 'one-of',
      secret: true,
      description: 'Domainr v2 client id (api.domainr.com)',
    },
    {
      option: 'rapidApiKey',
      env: 'DOMAINR_RAPIDAPI_KEY',
      need: 'one-of',
      secret: true,
      description: 'RapidAPI key for Domainr v2',
    },
    {
      option: 'fastlyToken',
      env: 'FASTLY_API_TOKEN',
      need: 'one-of',
      secret: true,
      description: "Fastly API token, for `api: 'fastly'` (Domain Research)",
    },
  ],
  roles: ['availability'],
});
