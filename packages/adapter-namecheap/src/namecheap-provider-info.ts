/**
 * What the rest of the project needs to know about the Namecheap adapter: id, name, credentials
 * (https://www.namecheap.com/support/api/global-parameters/), roles.
 */
import { defineProviderInfo } from '@registrar-kit/core';

export const namecheapProviderInfo = defineProviderInfo({
  id: 'namecheap',
  name: 'Namecheap',
  docsUrl: 'https://www.namecheap.com/support/api/intro/',
  credentials: [
    {
      option: 'apiUser',
      env: 'NAMECHEAP_API_USER',
      need: 'required',
      secret: false,
      description: 'Namecheap account that owns the API key (ApiUser)',
    },
    {
      option: 'apiKey',
      env: 'NAMECHEAP_API_KEY',
      need: 'required',
      secret: true,
      description: 'API key from Profile > Tools > Namecheap API Access (ApiKey)',
    },
    {
      option: 'userName',
      env: 'NAMECHEAP_USERNAME',
      need: 'optional',
      secret: false,
      description: 'account the commands act on (UserName); default: the ApiUser',
    },
    {
      option: 'clientIp',
      env: 'NAMECHEAP_CLIENT_IP',
      need: 'required',
      secret: false,
      description: 'whitelisted IPv4 address of the calling server (ClientIp)',
    },
  ],
  roles: ['registrar', 'dns'],
} as const);
