/**
 * TLD extended attributes (`GET /v2/tlds/{tld}/extended_attributes`,
 * https://developer.dnsimple.com/v2/tlds/#getTldExtendedAttributes): extra registrant facts some
 * registries require on register and transfer. Shape from the OpenAPI `ExtendedAttribute` schema
 * (`name, title, description, required, options: [{title, value, description}]`); a register or
 * transfer without a required attribute, or with a value outside its options, is refused as
 * `registerDomain/error-extended-attributes.http` shows: 400
 * `{"message":"Invalid extended attributes","errors":{"<name>": "<plain string>"}}` (the values are
 * strings, not arrays).
 *
 * No fixture lists the attributes of a real TLD; the emulator's .us, .ca and .eu sets follow each
 * registry's published requirements (.us nexus category and application purpose,
 * https://www.about.us/policies; .ca CIRA legal type, https://www.cira.ca/en/policies/; .eu
 * citizenship or residence, https://eurid.eu/en/register-a-eu-domain/), with names in the `x-…`
 * style of the fixtures. Messages: "it's required" (the fixture's), "is not a valid option".
 */
import type { DnsimpleTld } from './dnsimple-shapes.js';

export interface DnsimpleExtendedAttribute {
  name: string;
  title: string;
  description: string;
  required: boolean;
  options: { title: string; value: string; description: string }[];
}

const option = (value: string, title: string) => ({ title, value, description: title });

export const EXTENDED_ATTRIBUTES: Readonly<Record<string, DnsimpleExtendedAttribute[]>> = {
  us: [
    {
      name: 'x-us-nexus-category',
      title: 'Nexus Category',
      description: 'The registrant’s connection to the United States',
      required: true,
      options: [
        option('C11', 'US citizen'),
        option('C12', 'Permanent resident of the US'),
        option('C21', 'US organization'),
        option('C31', 'Foreign entity doing business in the US'),
        option('C32', 'Foreign entity with an office in the US'),
      ],
    },
    {
      name: 'x-us-nexus-apppurpose',
      title: 'Application Purpose',
      description: 'The intended use of the domain',
      required: true,
      options: [
        option('P1', 'Business use for profit'),
        option('P2', 'Non-profit business, club, association, religious organization'),
        option('P3', 'Personal use'),
        option('P4', 'Educational purposes'),
        option('P5', 'Government purposes'),
      ],
    },
  ],
  ca: [
    {
      name: 'x-ca-legal-type',
      title: 'Legal Type',
      description: 'CIRA legal type of the registrant',
      required: true,
      options: [
        option('CCO', 'Corporation (Canada or Canadian province or territory)'),
        option('CCT', 'Canadian citizen'),
        option('RES', 'Permanent resident of Canada'),
        option('GOV', 'Government or government entity in Canada'),
        option('TRD', 'Trade-mark registered in Canada'),
      ],
    },
    {
      name: 'x-ca-official-language',
      title: 'Official Language',
      description: 'Language of the registration agreement',
      required: false,
      options: [option('en', 'English'), option('fr', 'French')],
    },
  ],
  eu: [
    {
      name: 'x-eu-registrant-citizenship',
      title: 'Registrant Citizenship',
      description: 'EU citizenship of a registrant who lives outside the EU/EEA',
      required: false,
      options: [
        option('de', 'German'),
        option('fr', 'French'),
        option('it', 'Italian'),
        option('nl', 'Dutch'),
      ],
    },
  ],
};

/** TLD prices the DNSimple emulator adds to the standard seed (unless `seed.tldPrices` is given). */
export const EXTENDED_ATTRIBUTE_TLD_PRICES = {
  us: { register: '9.00', renew: '9.00', transfer: '9.00', restore: '80.00' },
  ca: { register: '15.00', renew: '15.00', transfer: '15.00', restore: '80.00' },
  eu: { register: '9.50', renew: '9.50', transfer: '9.50', restore: '80.00' },
} as const;

/** Registry facts of the TLDs above that differ from the defaults (no WHOIS privacy at .us and .ca). */
export const EXTENDED_ATTRIBUTE_TLDS: Readonly<Record<string, Partial<DnsimpleTld>>> = {
  us: { tld_type: 2, whois_privacy: false },
  ca: { tld_type: 2, whois_privacy: false },
  eu: { tld_type: 2 },
};

/** The `errors` map of a refused register/transfer, or null when the attributes satisfy the TLD. */
export function extendedAttributeErrors(tld: string, given: unknown): Record<string, string> | null {
  const attributes = EXTENDED_ATTRIBUTES[tld] ?? [];
  const values =
    given !== null && typeof given === 'object' && !Array.isArray(given)
      ? (given as Record<string, unknown>)
      : {};
  const errors: Record<string, string> = {};
  for (const attribute of attributes) {
    const value = values[attribute.name];
    if (value === undefined || value === null || value === '') {
      if (attribute.required) errors[attribute.name] = "it's required";
    } else if (attribute.options.length > 0 && !attribute.options.some((o) => o.value === String(value))) {
      errors[attribute.name] = 'is not a valid option';
    }
  }
  return Object.keys(errors).length > 0 ? errors : null;
}
