/**
 * Contacts travel inline on Namecheap: `create` and `setContacts` take four role blocks
 * (`Registrant*`, `Tech*`, `Admin*`, `AuxBilling*`), `getContacts` answers them as elements, and
 * some ccTLDs need extended attributes. See docs/providers/namecheap.md#contacts.
 */
import { NamecheapError, NC } from './namecheap-errors.js';
import type { NamecheapParams } from './namecheap-params.js';
import { element, type XmlNode } from './namecheap-xml.js';

export const CONTACT_ROLES = ['Registrant', 'Tech', 'Admin', 'AuxBilling'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

/** In the order `getContacts` lists them. */
export const CONTACT_FIELDS = [
  'OrganizationName',
  'JobTitle',
  'FirstName',
  'LastName',
  'Address1',
  'Address2',
  'City',
  'StateProvince',
  'StateProvinceChoice',
  'PostalCode',
  'Country',
  'Phone',
  'Fax',
  'EmailAddress',
  'PhoneExt',
] as const;
export type ContactField = (typeof CONTACT_FIELDS)[number];
export type NamecheapContact = Record<ContactField, string>;
export type RoleContacts = Record<ContactRole, NamecheapContact>;

const REQUIRED: readonly ContactField[] = [
  'FirstName',
  'LastName',
  'Address1',
  'City',
  'StateProvince',
  'PostalCode',
  'Country',
  'Phone',
  'EmailAddress',
];

const MISSING_NUMBER: Record<ContactRole, number> = {
  Registrant: NC.REGISTRANT_MISSING,
  Tech: NC.TECH_MISSING,
  Admin: NC.ADMIN_MISSING,
  AuxBilling: NC.AUX_BILLING_MISSING,
};

/** `+NNN.NNNNNNNNNN`, the documented phone and fax form. */
const PHONE = /^\+\d{1,3}\.\d{4,14}$/;

function readContact(params: NamecheapParams, role: ContactRole): NamecheapContact {
  const contact = {} as NamecheapContact;
  for (const field of CONTACT_FIELDS) contact[field] = params.get(`${role}${field}`) ?? '';
  for (const field of REQUIRED) {
    if (contact[field] === '')
      throw new NamecheapError(MISSING_NUMBER[role], `Parameter ${role}${field} is missing`);
  }
  if (!PHONE.test(contact.Phone) || (contact.Fax !== '' && !PHONE.test(contact.Fax))) {
    throw new NamecheapError(
      NC.PHONE_INVALID,
      `${role} contact phone is invalid. The phone number format is +NNN.NNNNNNNNNN`,
    );
  }
  if (!/^[A-Za-z]{2}$/.test(contact.Country))
    throw new NamecheapError(NC.COUNTRY_INVALID, `${role}Country: Country name is not valid`);
  contact.Country = contact.Country.toUpperCase();
  return contact;
}

/** The four role blocks of a create/setContacts request; all four are required. */
export function readContacts(params: NamecheapParams): RoleContacts {
  const contacts = {} as RoleContacts;
  for (const role of CONTACT_ROLES) contacts[role] = readContact(params, role);
  return contacts;
}

export function contactElement(contact: NamecheapContact, readOnly: boolean): XmlNode {
  const children: XmlNode = {};
  for (const field of CONTACT_FIELDS) children[field] = contact[field];
  return element({ ReadOnly: readOnly }, children);
}

/** What WHOIS shows while privacy is on (the `WhoisGuardContact` block). */
export function privacyProxyContact(email: string): NamecheapContact {
  return {
    OrganizationName: 'Privacy service provided by Withheld for Privacy ehf',
    JobTitle: 'N/A',
    FirstName: 'Withheld for',
    LastName: 'Privacy Purposes',
    Address1: 'Kalkofnsvegur 2',
    Address2: '',
    City: 'Reykjavik',
    StateProvince: 'Capital Region',
    StateProvinceChoice: 'Capital Region',
    PostalCode: '101',
    Country: 'IS',
    Phone: '+354.4212434',
    Fax: '',
    EmailAddress: email,
    PhoneExt: '',
  };
}

interface AttributeRule {
  name: string;
  required: boolean;
  /** Accepted values (case-sensitive as documented); undefined = any non-empty text. */
  values?: readonly string[];
}

const UK_RULES: readonly AttributeRule[] = [
  { name: 'COUKLegalType', required: true },
  { name: 'COUKRegisteredfor', required: true },
  { name: 'COUKCompanyID', required: false },
];

/**
 * Extended attributes of the ccTLDs whose attribute names the docs give
 * (https://www.namecheap.com/support/api/extended-attributes/). Other ccTLDs the docs list as
 * needing attributes (.eu, .com.au, .es, .de, .fr …) are not checked by the emulator.
 */
export const EXTENDED_ATTRIBUTES: Readonly<Record<string, readonly AttributeRule[]>> = {
  us: [
    { name: 'RegistrantNexus', required: true, values: ['C11', 'C12', 'C21', 'C31', 'C32'] },
    { name: 'RegistrantNexusCountry', required: false },
    { name: 'RegistrantPurpose', required: true, values: ['P1', 'P2', 'P3', 'P4', 'P5'] },
  ],
  ca: [
    { name: 'CIRALegalType', required: true },
    { name: 'CIRAWhoisDisplay', required: true },
    { name: 'CIRAAgreementVersion', required: true, values: ['2.0'] },
    { name: 'CIRAAgreementValue', required: true, values: ['Y'] },
  ],
  'co.uk': UK_RULES,
  'org.uk': UK_RULES,
  'me.uk': UK_RULES,
};

/**
 * The extended attributes of a request for a name in `tld`: {} for a TLD without rules; throws
 * 2011322 when a required one is missing or a value is not accepted. With `required` false (a
 * setContacts that sends none), missing ones are allowed and the result is null.
 */
export function readExtendedAttributes(
  tld: string,
  params: NamecheapParams,
  required: boolean,
): Record<string, string> | null {
  const rules = EXTENDED_ATTRIBUTES[tld];
  if (!rules) return {};
  if (!required && rules.every((rule) => params.get(rule.name) === undefined)) return null;
  const attributes: Record<string, string> = {};
  for (const rule of rules) {
    const value = params.get(rule.name);
    if (value === undefined) {
      if (rule.required)
        throw new NamecheapError(
          NC.EXTENDED_ATTRIBUTES_INVALID,
          `Extended attribute ${rule.name} is missing`,
        );
      attributes[rule.name] = '';
      continue;
    }
    if (rule.values && !rule.values.includes(value))
      throw new NamecheapError(
        NC.EXTENDED_ATTRIBUTES_INVALID,
        `Extended attribute ${rule.name} is not valid`,
      );
    attributes[rule.name] = value;
  }
  return attributes;
}
