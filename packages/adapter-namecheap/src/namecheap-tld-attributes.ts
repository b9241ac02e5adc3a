/**
 * Extended attributes Namecheap requires for some ccTLDs, as its extended-attributes page
 * publishes them (https://www.namecheap.com/support/api/extended-attributes/). `getTldList` does not
 * list them, so they are kept here for the TLDs whose rules that page spells out; for other TLDs
 * `getTldRequirements` reports none and the order goes to Namecheap unchecked. Values are only
 * restricted locally where docs/providers/namecheap.md#contacts lists them; other values are left to
 * Namecheap (error 2011322).
 */
import type { ExtendedAttribute } from '@registrar-kit/core';

const options = (values: string[]) => values.map((value) => ({ value, title: null }));

const UK: ExtendedAttribute[] = [
  {
    name: 'COUKLegalType',
    required: true,
    description: 'legal type of the registrant (an individual, a company, …)',
    options: [],
  },
  {
    name: 'COUKRegisteredfor',
    required: true,
    description: 'name of the person or company the domain is for',
    options: [],
  },
  {
    name: 'COUKCompanyID',
    required: false,
    description: 'company registration number (companies)',
    options: [],
  },
];

export const NAMECHEAP_EXTENDED_ATTRIBUTES: Readonly<Record<string, readonly ExtendedAttribute[]>> = {
  us: [
    {
      name: 'RegistrantNexus',
      required: true,
      description:
        'nexus category (C11 US citizen, C12 permanent resident, C21 US organisation, C31/C32 foreign entity)',
      options: options(['C11', 'C12', 'C21', 'C31', 'C32']),
    },
    {
      name: 'RegistrantNexusCountry',
      required: false,
      description: 'country of a C31/C32 registrant',
      options: [],
    },
    {
      name: 'RegistrantPurpose',
      required: true,
      description: 'purpose (P1 business, P2 non-profit, P3 personal, P4 education, P5 government)',
      options: options(['P1', 'P2', 'P3', 'P4', 'P5']),
    },
  ],
  ca: [
    {
      name: 'CIRALegalType',
      required: true,
      description: 'CIRA legal type of the registrant',
      options: [],
    },
    {
      name: 'CIRAWhoisDisplay',
      required: true,
      description: 'WHOIS display (FULL or PRIVATE)',
      options: options(['FULL', 'PRIVATE']),
    },
    {
      name: 'CIRAAgreementVersion',
      required: true,
      description: 'CIRA agreement version',
      options: options(['2.0']),
    },
    {
      name: 'CIRAAgreementValue',
      required: true,
      description: 'agreement to the CIRA terms',
      options: options(['Y']),
    },
  ],
  'co.uk': UK,
  'org.uk': UK,
  'me.uk': UK,
};
