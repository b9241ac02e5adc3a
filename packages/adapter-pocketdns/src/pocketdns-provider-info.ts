import { defineProviderInfo } from '@registrar-kit/core';

/** What createRegistrar, the CLI, tests and benchmarks need to know about the PocketDNS adapter. */
export const pocketDnsProviderInfo = defineProviderInfo({
  id: 'pocketdns',
  name: 'PocketDNS',
  docsUrl: 'https://docs.pocketdns.com/',
  credentials: [
    { option: 'apiKey', env: 'POCKETDNS_API_KEY', need: 'required', secret: true, description: 'API key' },
  ],
  roles: ['registrar', 'dns'],
});
