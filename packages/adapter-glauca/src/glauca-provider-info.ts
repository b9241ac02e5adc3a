import { defineProviderInfo } from '@registrar-kit/core';

/** What createRegistrar, the CLI, tests and benchmarks need to know about the Glauca adapter. */
export const glaucaProviderInfo = defineProviderInfo({
  id: 'glauca',
  name: 'Glauca',
  docsUrl: 'https://docs.glauca.digital/',
  credentials: [
    {
      option: 'token',
      env: 'GLAUCA_TOKEN',
      need: 'required',
      secret: true,
      description: 'OAuth access token (or the getToken / personalAccessToken options)',
    },
    {
      option: 'dnsToken',
      env: 'GLAUCA_DNS_TOKEN',
      need: 'optional',
      secret: true,
      description: 'OAuth access token for HexDNS (or getDnsToken); default: the domains credential',
    },
  ],
  roles: ['registrar', 'dns'],
});
