import { DomainSchema } from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import { toDomain, toDomainStatus } from './pocketdns-mappers.js';
import { DETAIL, DETAIL_MODEL } from './test/pocketdns-fixtures.js';

describe('domains', () => {
  it('maps the documented states; anything else is unknown', () => {
    expect(['active', 'pending', 'expired', 'suspended', 'Active', 'deleted'].map(toDomainStatus)).toEqual([
      'active',
      'pending',
      'expired',
      'suspended',
      'active',
      'unknown',
    ]);
  });

  it('the detail example satisfies the model schema', () => {
    const domain = toDomain(DETAIL as never);
    expect(domain).toEqual(DETAIL_MODEL);
    expect(DomainSchema.parse(domain)).toBeTruthy();
  });

  it('names and name servers in the model form', () => {
    const domain = toDomain({ ...DETAIL, name: 'Bücher.COM.', nameservers: ['NS1.PocketDNS.com.'] } as never);
    expect(domain).toMatchObject({
      name: 'xn--bcher-kva.com',
      unicodeName: 'bücher.com',
      nameservers: ['ns1.pocketdns.com'],
    });
  });
});
