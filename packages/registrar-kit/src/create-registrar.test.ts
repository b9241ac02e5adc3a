import { createCloudflare } from '@registrar-kit/adapter-cloudflare';
import { createDnsimple, dnsimpleProviderInfo } from '@registrar-kit/adapter-dnsimple';
import { createDomainr, domainrProviderInfo } from '@registrar-kit/adapter-domainr';
import { createGlauca } from '@registrar-kit/adapter-glauca';
import { createNamecheap } from '@registrar-kit/adapter-namecheap';
import { createPocketDns } from '@registrar-kit/adapter-pocketdns';
import { createPorkbun } from '@registrar-kit/adapter-porkbun';
import { credentialVariables, type KnownProviderId, ValidationError } from '@registrar-kit/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRegistrar, PROVIDER_LIST, PROVIDERS, type RegistrarConfig } from './index.js';

const FACTORIES = {
  pocketdns: createPocketDns,
  glauca: createGlauca,
  dnsimple: createDnsimple,
  domainr: createDomainr,
  porkbun: createPorkbun,
  namecheap: createNamecheap,
  cloudflare: createCloudflare,
} as const;

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('createRegistrar', () => {
  it.each(PROVIDER_LIST)('builds the %s adapter', (id: KnownProviderId) => {
    const registrar = createRegistrar({ provider: id } as RegistrarConfig);
    expect(registrar.provider).toBe(id);
    // The same capabilities as the adapter's own factory: it is that adapter.
    expect(registrar.capabilities).toEqual(FACTORIES[id]().capabilities);
    expect(PROVIDERS[id].create).toBe(FACTORIES[id]);
  });

  it('passes the other options to the factory', () => {
    // A plain-http baseURL to a public host is refused by the adapter: the option reached it.
    expect(() => createRegistrar({ provider: 'dnsimple', baseURL: 'http://example.com' })).toThrow(
      ValidationError,
    );
    expect(() => createRegistrar({ provider: 'dnsimple', baseURL: 'http://127.0.0.1:9' })).not.toThrow();
    // Glauca refuses two credential options at once: again the options reached createGlauca.
    expect(() => createRegistrar({ provider: 'glauca', token: 'a', personalAccessToken: 'b' })).toThrow(
      /only one of/,
    );
  });

  it('takes the provider id in any case and reports it lower-case', () => {
    expect(createRegistrar({ provider: 'Glauca' } as unknown as RegistrarConfig).provider).toBe('glauca');
    expect(createRegistrar({ provider: ' DNSIMPLE ' } as unknown as RegistrarConfig).provider).toBe(
      'dnsimple',
    );
    vi.stubEnv('REGISTRAR_PROVIDER', 'PocketDNS');
    expect(createRegistrar().provider).toBe('pocketdns');
  });

  it("describes each provider from its adapter's providerInfo", () => {
    expect(PROVIDERS.dnsimple.info).toBe(dnsimpleProviderInfo);
    expect(PROVIDERS.dnsimple.label).toBe('DNSimple');
    expect(PROVIDERS.dnsimple.env).toEqual({
      requires: ['DNSIMPLE_TOKEN'],
      optional: ['DNSIMPLE_ACCOUNT_ID'],
    });
    expect(PROVIDERS.domainr.env.oneOf).toEqual(credentialVariables(domainrProviderInfo));
  });

  it('reads the provider from REGISTRAR_PROVIDER when the config has none', () => {
    vi.stubEnv('REGISTRAR_PROVIDER', 'glauca');
    expect(createRegistrar().provider).toBe('glauca');
    expect(createRegistrar({ timeoutMs: 5000 }).provider).toBe('glauca');
    // config.provider wins over the environment.
    expect(createRegistrar({ provider: 'domainr' }).provider).toBe('domainr');
  });

  it('refuses an unknown provider with a ValidationError listing the known ids', () => {
    let caught: unknown;
    try {
      createRegistrar({ provider: 'godaddy' } as unknown as RegistrarConfig);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    for (const id of PROVIDER_LIST) expect(error.message).toContain(id);
    expect(error.message).toContain('"godaddy"');
    expect(error.issues[0]?.path).toBe('provider');
  });

  it('refuses an unknown REGISTRAR_PROVIDER and a missing provider, naming the variable', () => {
    vi.stubEnv('REGISTRAR_PROVIDER', 'gandi');
    expect(() => createRegistrar()).toThrow(
      /REGISTRAR_PROVIDER.*gandi.*pocketdns, glauca, dnsimple, domainr/,
    );
    vi.stubEnv('REGISTRAR_PROVIDER', '');
    expect(() => createRegistrar()).toThrow(ValidationError);
    expect(() => createRegistrar()).toThrow(/REGISTRAR_PROVIDER/);
  });
});
