/**
 * Payloads for the tests, shaped like the documented examples (docs/providers/glauca.md), with
 * typed ids as the current API sends them.
 */

import type { Domain } from '@registrar-kit/core';

export const API = 'https://domains.glauca.digital';
export const DNS = 'https://dns.glauca.digital';

export const DOMAIN_ID = 'domains_domainregistration_631a9f986f2045a09468d599f318133a';
export const CONTACT_ID = 'domains_contact_2a2b0972a64d42e2a401b09595306e5d';
export const ZONE_ID = 'hexdns_zone_5a1c0f3e9b2d4c7a8e6f1b2c3d4e5f60';

export function domainPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    url: `${API}/api/domains/${DOMAIN_ID}/`,
    id: DOMAIN_ID,
    domain: 'honey-example.li',
    statuses: ['client_transfer_prohibited'],
    deleted: false,
    registrant: CONTACT_ID,
    registrant_url: `${API}/api/contacts/${CONTACT_ID}/`,
    admin_contact: null,
    admin_contact_url: null,
    billing_contact: null,
    billing_contact_url: null,
    tech_contact: null,
    tech_contact_url: null,
    name_servers: [
      { host_object: 'ns1.as207960.net', host_name: null, addresses: null },
      { host_object: 'NS2.AS207960.NET.', host_name: null, addresses: null },
    ],
    hosts: [],
    rgp_state: [],
    auth_info: 'hT4#mQ9zKp2LwR7a',
    sec_dns: {
      max_sig_life: null,
      ds_data: [
        {
          key_tag: 6687,
          algorithm: 13,
          digest_type: 2,
          digest: '66818ACF61D1EF06C90B5871A045E2302A7474A6BAC046FE3FE23B9338F9D559',
          key_data: null,
        },
      ],
      key_data: null,
    },
    created: '2024-03-11T14:02:55Z',
    expiry: '2026-03-11T14:02:55Z',
    last_updated: '2025-01-20T09:41:12Z',
    last_transferred: null,
    ...overrides,
  };
}

/** RFC 4034 section 5.4 example DNSKEY (https://www.rfc-editor.org/rfc/rfc4034#section-5.4) (flags 256, protocol 3, algorithm 5) whose key tag is 60485. */
export const RFC4034_PUBLIC_KEY =
  'AQOeiiR0GOMYkDshWoSKz9XzfwJr1AYtsmx3TGkJaNXVbfi/2pHm822aJ5iI9BMzNXxeYCmZDRD99WYwYqUSdjMmmAphXdvxegXd/M5+X7OrzKBaMbCVdFLUUh6DhweJBjEVv5f2wwjM9XzcnOf+EPbtG9DMBmADjFDc2w/rljwvFw==';

export function orderPayload(
  kind: 'registration' | 'transfer' | 'renew' | 'restore',
  overrides: Record<string, unknown> = {},
) {
  const ids = {
    registration: [
      'domain_registration_orders',
      'domains_domainregistrationorder_4717d5b516e0461d8d9d650bc03e7a5c',
    ],
    transfer: ['domain_transfer_orders', 'domains_domaintransferorder_9b1e0c2d3f4a5b6c7d8e9f0a1b2c3d4e'],
    renew: ['domain_renew_orders', 'domains_domainreneworder_18337cab439041c58fda56cf7bec0ab3'],
    restore: ['domain_restore_orders', 'domains_domainrestoreorder_0a1b2c3d4e5f60718293a4b5c6d7e8f9'],
  } as const;
  const [collection, id] = ids[kind];
  const base: Record<string, unknown> = {
    url: `${API}/api/${collection}/${id}/`,
    id,
    redirect_uri: null,
    last_error: null,
    off_session: true,
    price: 8.99,
    timestamp: '2025-06-02T10:01:07.551902Z',
    state: 'started',
    domain: 'honey-example.li',
  };
  if (kind === 'registration' || kind === 'transfer') {
    Object.assign(base, {
      domain_id: DOMAIN_ID,
      // As the published source fills it: the ORDER's id, not the domain's (see README).
      domain_obj: id,
      domain_obj_url: `${API}/api/domains/${id}/`,
      registrant: CONTACT_ID,
      registrant_url: `${API}/api/contacts/${CONTACT_ID}/`,
      admin_contact: null,
      admin_contact_url: null,
      billing_contact: null,
      billing_contact_url: null,
      tech_contact: null,
      tech_contact_url: null,
    });
    if (kind === 'registration') base.period = { unit: 'y', value: 1 };
    else base.auth_code = 'Xk7pQ2m9LwR4';
  } else {
    Object.assign(base, { domain_obj: DOMAIN_ID, domain_obj_url: `${API}/api/domains/${DOMAIN_ID}/` });
    if (kind === 'renew') base.period = { unit: 'y', value: 1 };
  }
  return { ...base, ...overrides };
}

function record<T extends Record<string, unknown>>(segment: string, id: string, fields: T) {
  return {
    url: `${DNS}/api/${segment}/${id}/`,
    id,
    zone: ZONE_ID,
    zone_url: `${DNS}/api/dns_zones/${ZONE_ID}/`,
    ...fields,
  };
}

export const RECORDS = {
  a: record('zone_address_records', 'hexdns_zoneaddressrecord_00000000000000000000000000000001', {
    record_name: '@',
    address: '192.0.2.1',
    auto_reverse: false,
    ttl: 3600,
  }),
  aaaa: record('zone_address_records', 'hexdns_zoneaddressrecord_00000000000000000000000000000002', {
    record_name: 'www',
    address: '2001:DB8:0:0::1',
    auto_reverse: false,
    ttl: 300,
  }),
  aname: record('zone_aname_records', 'hexdns_zoneanamerecord_00000000000000000000000000000003', {
    record_name: '@',
    alias: 'lb.example.net.',
    ttl: 3600,
  }),
  cname: record('zone_cname_records', 'hexdns_zonecnamerecord_00000000000000000000000000000004', {
    record_name: 'blog',
    alias: 'Blog.Example.NET',
    ttl: 3600,
  }),
  mx: record('zone_mx_records', 'hexdns_zonemxrecord_00000000000000000000000000000005', {
    record_name: '@',
    exchange: 'mail.example.com',
    priority: 10,
    ttl: 3600,
  }),
  ns: record('zone_ns_records', 'hexdns_zonensrecord_00000000000000000000000000000006', {
    record_name: 'sub',
    nameserver: 'ns1.other.net.',
    ttl: 86400,
  }),
  txt: record('zone_txt_records', 'hexdns_zonetxtrecord_00000000000000000000000000000007', {
    record_name: '@',
    data: `v=spf1 include:example.net -all ${'x'.repeat(300)}`,
    ttl: 3600,
  }),
  srv: record('zone_srv_records', 'hexdns_zonesrvrecord_00000000000000000000000000000008', {
    record_name: '_sip._tcp',
    priority: 10,
    weight: 60,
    port: 5060,
    target: 'SIP.example.com.',
    ttl: 3600,
  }),
  caa: record('zone_caa_records', 'hexdns_zonecaarecord_00000000000000000000000000000009', {
    record_name: '@',
    flag: 0,
    tag: 'issue',
    value: 'letsencrypt.org',
    ttl: 3600,
  }),
};

export function zonePayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    url: `${DNS}/api/dns_zones/${ZONE_ID}/`,
    id: ZONE_ID,
    zone_root: 'example.com',
    last_modified: '2025-05-01T08:00:00Z',
    active: true,
    dnssec: [],
    address_records: [RECORDS.a, RECORDS.aaaa],
    dynamic_address_records: [
      { id: 'hexdns_zonedynamicaddressrecord_1', record_name: 'home', password: 'secret' },
    ],
    aname_records: [RECORDS.aname],
    cname_records: [RECORDS.cname],
    mx_records: [RECORDS.mx],
    ns_records: [RECORDS.ns],
    txt_records: [RECORDS.txt],
    srv_records: [RECORDS.srv],
    caa_records: [RECORDS.caa],
    naptr_records: [],
    sshfp_records: [],
    ds_records: [],
    loc_records: [],
    hinfo_records: [],
    rp_records: [],
    https_records: [],
    ...overrides,
  };
}

/** The model `domainPayload()` maps to (without `raw`), as the mapper and the method tests expect it. */
export function domainModel(): Omit<Domain, 'raw'> {
  return {
    provider: 'glauca',
    id: DOMAIN_ID,
    name: 'honey-example.li',
    unicodeName: 'honey-example.li',
    status: 'active',
    providerStatus: ['client_transfer_prohibited'],
    owner: CONTACT_ID,
    createdAt: new Date('2024-03-11T14:02:55Z'),
    expiresAt: new Date('2026-03-11T14:02:55Z'),
    updatedAt: new Date('2025-01-20T09:41:12Z'),
    autoRenew: null,
    whoisPrivacy: null,
    transferLock: true,
    nameservers: ['ns1.as207960.net', 'ns2.as207960.net'],
    dsRecords: [
      {
        keyTag: 6687,
        algorithm: 13,
        digestType: 2,
        digest: '66818ACF61D1EF06C90B5871A045E2302A7474A6BAC046FE3FE23B9338F9D559',
      },
    ],
  };
}
