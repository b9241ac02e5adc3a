import { defineProviderInfo } from '@registrar-kit/core';

/** What createRegistrar, the CLI, tests and benchmarks need to know about the DNSimple adapter. */
export const dnsimpleProviderInfo = defineProviderInfo({
  id: 'dnsimple',
  name: 'DNSimple',
  docsUrl: 'https://developer.dnsimple.com/v2/',
  credentials: [
    {
      option: 'token',
      env: 'DNSIMPLE_TOKEN',
      need: 'required',
      secret: true,
      description: 'API token (account or user token)',
    },
    {
      option: 'accountId',
      env: 'DNSIMPLE_ACCOUNT_ID',
      need: 'optional',
      secret: false,
      description: 'account id; discovered through /whoami when absent',
    },
  ],
  roles: ['registrar', 'dns'],
});
