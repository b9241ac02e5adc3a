import { describe, expect, it } from 'vitest';
import { assertExtendedAttributes, extendedAttributeIssues } from './extended-attributes.js';

const us = {
  tld: 'us',
  extendedAttributes: [
    {
      name: 'us_nexus',
      required: true,
      description: 'Nexus category',
      options: [
        { value: 'C11', title: 'US citizen' },
        { value: 'C12', title: 'Permanent resident' },
      ],
    },
    { name: 'us_purpose', required: false, description: null, options: [] },
  ],
};

describe('extendedAttributeIssues', () => {
  it('accepts the required ones with an offered value, and free text where no options are listed', () => {
    expect(extendedAttributeIssues(us, { us_nexus: 'C12', us_purpose: 'anything' })).toEqual([]);
  });

  it('names a missing required attribute, an unknown one and a value not offered', () => {
    expect(extendedAttributeIssues(us, { us_purpose: 'P1', eu_country: 'FR' })).toEqual([
      { path: 'extendedAttributes.us_nexus', message: 'is required for .us (Nexus category)' },
      {
        path: 'extendedAttributes.eu_country',
        message: 'is not an attribute of .us (known: us_nexus, us_purpose)',
      },
    ]);
    expect(extendedAttributeIssues(us, { us_nexus: 'C99' })).toEqual([
      { path: 'extendedAttributes.us_nexus', message: 'must be one of C11, C12' },
    ]);
    expect(extendedAttributeIssues({ tld: 'com', extendedAttributes: [] }, { x: '1' })).toEqual([
      { path: 'extendedAttributes.x', message: 'is not an attribute of .com (it has none)' },
    ]);
  });
});

describe('assertExtendedAttributes', () => {
  it('throws one ValidationError with provider, operation and every issue', () => {
    expect(() =>
      assertExtendedAttributes(us, {}, { provider: 'dnsimple', operation: 'registerDomain' }),
    ).toThrowError(
      expect.objectContaining({
        name: 'ValidationError',
        provider: 'dnsimple',
        operation: 'registerDomain',
        message:
          'dnsimple registerDomain: invalid extended attributes: extendedAttributes.us_nexus: is required for .us (Nexus category)',
      }),
    );
  });
});
