/** TLDs: `GET /v2/tlds` and `GET /v2/tlds/{tld}` (no account in the path), from the seeded TLD prices. */
import type { EmulatorRoute } from '../emulator/emulator-types.js';
import { compareValues, type DnsimpleContext, fail, ok, paginated, sortItems } from './dnsimple-context.js';
import type { DnsimpleTld } from './dnsimple-shapes.js';
import { EXTENDED_ATTRIBUTE_TLDS, EXTENDED_ATTRIBUTES } from './dnsimple-tld-attributes.js';

/** Registry facts per seeded TLD (shape of the getTld/listTlds fixtures; TLD objects carry no prices). */
const KNOWN: Record<string, Partial<DnsimpleTld>> = {
  com: { tld_type: 1, idn: true },
  net: { tld_type: 1, idn: true },
  org: { tld_type: 1, idn: true },
  io: { tld_type: 2 },
  dev: { tld_type: 3 },
  'co.uk': { tld_type: 2, whois_privacy: false },
  ...EXTENDED_ATTRIBUTE_TLDS,
};

export function tldInfo(tld: string): DnsimpleTld {
  return {
    tld,
    tld_type: 3,
    whois_privacy: true,
    auto_renew_only: false,
    idn: false,
    minimum_registration: 1,
    registration_enabled: true,
    renewal_enabled: true,
    transfer_enabled: true,
    dnssec_interface_type: 'ds',
    name_server_min: '2',
    name_server_max: '13',
    trustee_service_enabled: false,
    trustee_service_required: false,
    ...KNOWN[tld],
  };
}

export function tldRoutes(ctx: DnsimpleContext): EmulatorRoute[] {
  const tlds = () => Object.keys(ctx.state.seed.tldPrices).map(tldInfo);
  return [
    {
      method: 'GET',
      path: '/v2/tlds',
      operation: 'listTlds',
      bucket: 'hourly',
      handler: (req) =>
        paginated(
          sortItems(tlds(), req.query.sort, { tld: (a, b) => compareValues(a.tld, b.tld) }, 'tld:asc'),
          req.query,
          (t) => t,
        ),
    },
    {
      method: 'GET',
      path: '/v2/tlds/:tld',
      operation: 'getTld',
      bucket: 'hourly',
      handler: (req) => {
        const wanted = (req.params.tld ?? '').toLowerCase().replace(/^\./, '');
        const tld = tlds().find((t) => t.tld === wanted);
        if (!tld) fail(404, `TLD \`${req.params.tld ?? ''}\` not found`);
        return ok(tld);
      },
    },
    {
      method: 'GET',
      path: '/v2/tlds/:tld/extended_attributes',
      operation: 'getTldExtendedAttributes',
      bucket: 'hourly',
      handler: (req) => {
        const wanted = (req.params.tld ?? '').toLowerCase().replace(/^\./, '');
        if (!Object.hasOwn(ctx.state.seed.tldPrices, wanted))
          fail(404, `TLD \`${req.params.tld ?? ''}\` not found`);
        // .us, .ca and .eu have attributes (dnsimple-tld-attributes.ts); the other seeded TLDs none.
        return ok(structuredClone(EXTENDED_ATTRIBUTES[wanted] ?? []));
      },
    },
  ];
}
