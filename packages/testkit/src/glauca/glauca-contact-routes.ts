/**
 * Contacts and contact addresses (https://docs.glauca.digital/domains/api/contacts/ and
 * …/contact-addresses/): ordinary paginated DRF model resources — list, create (201 + Location),
 * retrieve, PUT, PATCH, DELETE (204; 403 "Object status prohibits deletion" while in use).
 *
 * Field rules (DRF serializer behaviour on the documented fields):
 * - address: `description`, `name` (at least 4 characters), `street_1`, `city`, `country_code`
 *   (ISO 3166-1 alpha-2, a choice) required; `organisation`, `street_2`, `street_3`, `province`,
 *   `postal_code`, `birthday` (YYYY-MM-DD), `identity_number` nullable; `disclose_*` default false.
 * - contact: `description`, `local_address` (an address id), `phone`, `email`, `entity_type` (one
 *   of the documented choices) required; `int_address`, `phone_ext`, `fax`, `fax_ext`,
 *   `trading_name`, `company_number` nullable; `disclose_*` default false. Phone and fax are
 *   django-phonenumber-field values: international form only, stored and returned in E.164
 *   (`+44 20 7123 4567` → `+442071234567`), else "Enter a valid phone number (e.g. +12125552368).".
 *
 * The published source's contact quirks (entity_type read-only while the column has no default →
 * every create 500s) are the `contact-create-500` source bug (glauca-source-bugs.ts), off by default.
 */
import type { EmulatorRequest, EmulatorRoute } from '../emulator/emulator-types.js';
import { forbidden, notFound } from './glauca-errors.js';
import { ID_PREFIX, normaliseId } from './glauca-ids.js';
import { paginate } from './glauca-pagination.js';
import { addressUrl, contactUrl, renderContact, renderContactAddress } from './glauca-serializers.js';
import { djangoServerError } from './glauca-source-bugs.js';
import type { GlaucaContact, GlaucaContactAddress, GlaucaState } from './glauca-state.js';
import {
  bodyObject,
  FieldErrors,
  type FieldSpec,
  fail,
  MSG,
  ok,
  parseBoolean,
  parseString,
  type Result,
  readField,
} from './glauca-validation.js';

export const ENTITY_TYPES = [
  'not_set',
  'unknown_entity',
  'uk_limited_company',
  'uk_public_limited_company',
  'uk_partnership',
  'uk_sole_trader',
  'uk_limited_liability_partnership',
  'uk_industrial_provident_registered_company',
  'uk_individual',
  'uk_school',
  'uk_registered_charity',
  'uk_government_body',
  'uk_corporation_by_royal_charter',
  'uk_statutory_body',
  'uk_political_party',
  'other_uk_entity',
  'finnish_individual',
  'finnish_company',
  'finnish_association',
  'finnish_institution',
  'finnish_political_party',
  'finnish_municipality',
  'finnish_government',
  'finnish_public_community',
  'other_individual',
  'other_company',
  'other_association',
  'other_institution',
  'other_political_party',
  'other_municipality',
  'other_government',
  'other_public_community',
];

const PHONE_INVALID = 'Enter a valid phone number (e.g. +12125552368).';
const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
/** Codes Intl knows that are not assigned ISO 3166-1 alpha-2 country codes. */
const NOT_COUNTRIES = new Set(['ZZ', 'UK', 'EU', 'EZ', 'UN', 'QO']);

const text = (max: number): FieldSpec<string> => ({ parse: (v) => parseString(v, max) });
const optionalText = (max: number): FieldSpec<string> => ({
  parse: (v) => parseString(v, max, true),
  nullable: true,
  default: null as unknown as string,
});
const flag: FieldSpec<boolean> = { parse: parseBoolean, default: false };

function parsePhone(value: unknown): Result<string> {
  if (typeof value !== 'string') return fail(PHONE_INVALID);
  const compact = value.trim().replace(/[\s().-]/g, '');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? ok(compact) : fail(PHONE_INVALID);
}

function parseCountry(value: unknown): Result<string> {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (/^[A-Z]{2}$/.test(code) && !NOT_COUNTRIES.has(code) && regions.of(code) !== undefined) return ok(code);
  return fail(MSG.choice(value));
}

function parseDate(value: unknown): Result<string> {
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) && !Number.isNaN(Date.parse(value))) {
    return ok(value);
  }
  return fail('Date has wrong format. Use one of these formats instead: YYYY-MM-DD.');
}

function readAddress(data: Record<string, unknown>, partial: boolean, current: GlaucaContactAddress | null) {
  const errors = new FieldErrors();
  const get = <T>(name: string, spec: FieldSpec<T>) => readField(data, name, spec, errors, partial);
  const name = get('name', {
    parse: (v) => {
      const parsed = parseString(v, 255);
      return parsed.ok && parsed.value.length < 4
        ? fail('Ensure this field has at least 4 characters.')
        : parsed;
    },
  });
  const fields = {
    description: get('description', text(255)),
    name,
    organisation: get('organisation', optionalText(255)),
    street1: get('street_1', text(255)),
    street2: get('street_2', optionalText(255)),
    street3: get('street_3', optionalText(255)),
    city: get('city', text(255)),
    province: get('province', optionalText(255)),
    postalCode: get('postal_code', optionalText(255)),
    countryCode: get('country_code', { parse: parseCountry }),
    birthday: get('birthday', { parse: parseDate, nullable: true, default: null as unknown as string }),
    identityNumber: get('identity_number', optionalText(255)),
    discloseName: get('disclose_name', flag),
    discloseOrganisation: get('disclose_organisation', flag),
    discloseAddress: get('disclose_address', flag),
  };
  errors.throwIfAny();
  return merge(current, fields) as Omit<GlaucaContactAddress, 'id'>;
}

function readContact(
  state: GlaucaState,
  data: Record<string, unknown>,
  partial: boolean,
  current: GlaucaContact | null,
) {
  const errors = new FieldErrors();
  const get = <T>(name: string, spec: FieldSpec<T>) => readField(data, name, spec, errors, partial);
  const address: FieldSpec<string> = {
    parse: (v) => {
      const id = typeof v === 'string' ? normaliseId(v, ID_PREFIX.contactAddress) : '';
      return state.contactAddresses.has(id) ? ok(id) : fail(MSG.pk(v));
    },
  };
  const fields = {
    description: get('description', text(255)),
    localAddress: get('local_address', address),
    intAddress: get('int_address', { ...address, nullable: true, default: null as unknown as string }),
    phone: get('phone', { parse: parsePhone }),
    phoneExt: get('phone_ext', optionalText(64)),
    fax: get('fax', { parse: parsePhone, nullable: true, default: null as unknown as string }),
    faxExt: get('fax_ext', optionalText(64)),
    email: get('email', {
      parse: (v) => {
        const parsed = parseString(v, 254);
        return parsed.ok && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(parsed.value)
          ? fail('Enter a valid email address.')
          : parsed;
      },
    }),
    entityType: get('entity_type', {
      parse: (v) => (typeof v === 'string' && ENTITY_TYPES.includes(v) ? ok(v) : fail(MSG.choice(v))),
    }),
    tradingName: get('trading_name', optionalText(255)),
    companyNumber: get('company_number', optionalText(255)),
    disclosePhone: get('disclose_phone', flag),
    discloseFax: get('disclose_fax', flag),
    discloseEmail: get('disclose_email', flag),
  };
  errors.throwIfAny();
  return merge(current, fields) as Omit<GlaucaContact, 'id'>;
}

/** The stored object after a create (no `current`) or a PUT/PATCH (absent fields keep their value). */
function merge<T extends object>(
  current: T | null,
  fields: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...(current ?? {}) };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) out[key] = value;
  return out;
}

function contactInUse(state: GlaucaState, id: string): boolean {
  for (const d of state.domains.values()) {
    if ([d.registrant, d.adminContact, d.billingContact, d.techContact].includes(id)) return true;
  }
  for (const o of state.orders.values()) {
    if ([o.registrant, o.adminContact, o.billingContact, o.techContact].includes(id)) return true;
  }
  return false;
}

export function contactRoutes(state: GlaucaState): EmulatorRoute[] {
  const findContact = (req: EmulatorRequest): GlaucaContact => {
    const contact = state.contacts.get(state.lookupId(req.params.id, ID_PREFIX.contact));
    if (!contact) throw notFound();
    return contact;
  };
  const findAddress = (req: EmulatorRequest): GlaucaContactAddress => {
    const address = state.contactAddresses.get(state.lookupId(req.params.id, ID_PREFIX.contactAddress));
    if (!address) throw notFound();
    return address;
  };
  const updateContact = (req: EmulatorRequest, partial: boolean) => {
    const contact = findContact(req);
    Object.assign(contact, readContact(state, bodyObject(req.body), partial, contact));
    return { status: 200, body: renderContact(req, contact) };
  };
  const updateAddress = (req: EmulatorRequest, partial: boolean) => {
    const address = findAddress(req);
    Object.assign(address, readAddress(bodyObject(req.body), partial, address));
    return { status: 200, body: renderContactAddress(req, address) };
  };

  return [
    {
      method: 'GET',
      path: '/api/contacts/',
      operation: 'listContacts',
      handler: (req) => ({
        status: 200,
        body: paginate(req, [...state.contacts.values()], (c) => renderContact(req, c)),
      }),
    },
    {
      method: 'POST',
      path: '/api/contacts/',
      operation: 'createContact',
      handler: (req) => {
        const fields = readContact(state, bodyObject(req.body), false, null);
        if (state.sourceBugs.has('contact-create-500')) throw djangoServerError();
        const contact: GlaucaContact = { id: state.newId(ID_PREFIX.contact), ...fields };
        state.contacts.set(contact.id, contact);
        return {
          status: 201,
          headers: { location: contactUrl(req, contact.id)! },
          body: renderContact(req, contact),
        };
      },
    },
    {
      method: 'GET',
      path: '/api/contacts/:id/',
      operation: 'getContact',
      handler: (req) => ({ status: 200, body: renderContact(req, findContact(req)) }),
    },
    {
      method: 'PUT',
      path: '/api/contacts/:id/',
      operation: 'updateContact',
      handler: (req) => updateContact(req, false),
    },
    {
      method: 'PATCH',
      path: '/api/contacts/:id/',
      operation: 'updateContact',
      handler: (req) => updateContact(req, true),
    },
    {
      method: 'DELETE',
      path: '/api/contacts/:id/',
      operation: 'deleteContact',
      handler: (req) => {
        const contact = findContact(req);
        if (contactInUse(state, contact.id)) throw forbidden('Object status prohibits deletion');
        state.contacts.delete(contact.id);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      path: '/api/contact_addresses/',
      operation: 'listContactAddresses',
      handler: (req) => ({
        status: 200,
        body: paginate(req, [...state.contactAddresses.values()], (a) => renderContactAddress(req, a)),
      }),
    },
    {
      method: 'POST',
      path: '/api/contact_addresses/',
      operation: 'createContactAddress',
      handler: (req) => {
        const address: GlaucaContactAddress = {
          id: state.newId(ID_PREFIX.contactAddress),
          ...readAddress(bodyObject(req.body), false, null),
        };
        state.contactAddresses.set(address.id, address);
        return {
          status: 201,
          headers: { location: addressUrl(req, address.id)! },
          body: renderContactAddress(req, address),
        };
      },
    },
    {
      method: 'GET',
      path: '/api/contact_addresses/:id/',
      operation: 'getContactAddress',
      handler: (req) => ({ status: 200, body: renderContactAddress(req, findAddress(req)) }),
    },
    {
      method: 'PUT',
      path: '/api/contact_addresses/:id/',
      operation: 'updateContactAddress',
      handler: (req) => updateAddress(req, false),
    },
    {
      method: 'PATCH',
      path: '/api/contact_addresses/:id/',
      operation: 'updateContactAddress',
      handler: (req) => updateAddress(req, true),
    },
    {
      method: 'DELETE',
      path: '/api/contact_addresses/:id/',
      operation: 'deleteContactAddress',
      handler: (req) => {
        const address = findAddress(req);
        const used = [...state.contacts.values()].some(
          (c) => c.localAddress === address.id || c.intAddress === address.id,
        );
        if (used) throw forbidden('Object status prohibits deletion');
        state.contactAddresses.delete(address.id);
        return { status: 204 };
      },
    },
  ];
}
