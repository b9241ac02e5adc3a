import { defineProviderInfo } from '@registrar-kit/core';

/** The provider id in every model object and error. */
export const PROVIDER = 'pocketdns' as const;
/** Read when the `apiKey` option is absent or empty. */
export const POCKETDNS_API_KEY_ENV = 'POCKETDNS_API_KEY';

/** What createRegistrar, the CLI, tests and benchmarks need to know about the PocketDNS adapter. */
export const pocketDnsProviderInfo = defineProviderInfo({
  id: PROVIDER,
  name: 'PocketDNS',
  docsUrl: 'https://docs.pocketdns.com/',
  credentials: [
    { option: 'apiKey', env: POCKETDNS_API_KEY_ENV, need: 'required', secret: true, description: 'API key' },
  ],
  roles: ['registrar', 'dns'],
});
