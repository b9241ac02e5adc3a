/**
 * JSON renderings of domains-API objects, field for field as the documented serializers emit them
 * (docs/providers/glauca.md#domains, #orders, #contacts). URLs are absolute, built from the request's Host.
 */
import type { EmulatorRequest } from '../emulator/emulator-types.js';
import { formatPence } from './glauca-money.js';
import { origin } from './glauca-pagination.js';
import type {
  GlaucaContact,
  GlaucaContactAddress,
  GlaucaDomain,
  GlaucaOrder,
  OrderKind,
} from './glauca-state.js';

/** ISO-8601 UTC with a `Z` suffix and no fraction (`2020-08-23T21:59:59Z`). */
export function isoSeconds(date: Date | null): string | null {
  return date === null ? null : date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** ISO-8601 with microseconds, as the order `timestamp` is written. */
export function isoMicros(date: Date): string {
  return date.toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export const ORDER_COLLECTION: Record<OrderKind, string> = {
  registration: 'domain_registration_orders',
  transfer: 'domain_transfer_orders',
  renew: 'domain_renew_orders',
  restore: 'domain_restore_orders',
};

export function domainUrl(req: EmulatorRequest, id: string): string {
  return `${origin(req)}/api/domains/${id}/`;
}

export function contactUrl(req: EmulatorRequest, id: string | null): string | null {
  return id === null ? null : `${origin(req)}/api/contacts/${id}/`;
}

export function orderUrl(req: EmulatorRequest, order: GlaucaOrder): string {
  return `${origin(req)}/api/${ORDER_COLLECTION[order.kind]}/${order.id}/`;
}

export function renderDomain(req: EmulatorRequest, d: GlaucaDomain): Record<string, unknown> {
  return {
    url: domainUrl(req, d.id),
    id: d.id,
    domain: d.domain,
    statuses: [...d.statuses],
    deleted: d.deleted,
    registrant: d.registrant,
    registrant_url: contactUrl(req, d.registrant),
    admin_contact: d.adminContact,
    admin_contact_url: contactUrl(req, d.adminContact),
    billing_contact: d.billingContact,
    billing_contact_url: contactUrl(req, d.billingContact),
    tech_contact: d.techContact,
    tech_contact_url: contactUrl(req, d.techContact),
    name_servers: d.nameServers.map((ns) => ({
      host_object: ns.host_object,
      host_name: ns.host_name,
      addresses: ns.addresses === null ? null : [...ns.addresses],
    })),
    hosts: [],
    rgp_state: [...d.rgpState],
    auth_info: d.authInfo,
    sec_dns: d.secDns === null ? null : structuredClone(d.secDns),
    created: isoSeconds(d.created),
    expiry: isoSeconds(d.expiry),
    last_updated: isoSeconds(d.lastUpdated),
    last_transferred: isoSeconds(d.lastTransferred),
  };
}

export function addressUrl(req: EmulatorRequest, id: string | null): string | null {
  return id === null ? null : `${origin(req)}/api/contact_addresses/${id}/`;
}

export function renderContact(req: EmulatorRequest, c: GlaucaContact): Record<string, unknown> {
  return {
    url: contactUrl(req, c.id),
    id: c.id,
    description: c.description,
    local_address: c.localAddress,
    local_address_url: addressUrl(req, c.localAddress),
    int_address: c.intAddress,
    int_address_url: addressUrl(req, c.intAddress),
    phone: c.phone,
    phone_ext: c.phoneExt,
    fax: c.fax,
    fax_ext: c.faxExt,
    email: c.email,
    entity_type: c.entityType,
    trading_name: c.tradingName,
    company_number: c.companyNumber,
    disclose_phone: c.disclosePhone,
    disclose_fax: c.discloseFax,
    disclose_email: c.discloseEmail,
  };
}

export function renderContactAddress(req: EmulatorRequest, a: GlaucaContactAddress): Record<string, unknown> {
  return {
    url: addressUrl(req, a.id),
    id: a.id,
    description: a.description,
    name: a.name,
    organisation: a.organisation,
    street_1: a.street1,
    street_2: a.street2,
    street_3: a.street3,
    city: a.city,
    province: a.province,
    postal_code: a.postalCode,
    country_code: a.countryCode,
    birthday: a.birthday,
    identity_number: a.identityNumber,
    disclose_name: a.discloseName,
    disclose_organisation: a.discloseOrganisation,
    disclose_address: a.discloseAddress,
  };
}

/**
 * An order. `price` is a JSON number (GBP) here, unlike the check endpoints, as Glauca's published
 * server source renders it (https://github.com/AS207960/domains; docs/providers/glauca.md#money).
 * `domain_obj` / `domain_obj_url` point at the domain as the docs describe; they are null until
 * the domain exists. The published source fills them from the order for registration/transfer
 * orders (the order's id, a domain URL that leads nowhere): `linksFromOrder`, the
 * `order-domain-obj` source bug.
 */
export function renderOrder(
  req: EmulatorRequest,
  o: GlaucaOrder,
  domainExists: boolean,
  linksFromOrder = false,
): Record<string, unknown> {
  const base: Record<string, unknown> = {
    url: orderUrl(req, o),
    id: o.id,
    redirect_uri: o.redirectUri,
    last_error: o.lastError,
    off_session: o.offSession,
    price: Number(formatPence(o.pricePence)),
    timestamp: isoMicros(o.timestamp),
    state: o.state,
    domain: o.domain,
  };
  const linkedId = linksFromOrder && (o.kind === 'registration' || o.kind === 'transfer') ? o.id : o.domainId;
  const domainObj = domainExists ? linkedId : null;
  const links = {
    domain_obj: domainObj,
    domain_obj_url: domainObj === null ? null : domainUrl(req, domainObj),
  };
  if (o.kind === 'registration' || o.kind === 'transfer') {
    Object.assign(base, { domain_id: o.domainId }, links);
    if (o.kind === 'transfer') base.auth_code = o.authCode;
    Object.assign(base, {
      registrant: o.registrant,
      registrant_url: contactUrl(req, o.registrant),
      admin_contact: o.adminContact,
      admin_contact_url: contactUrl(req, o.adminContact),
      billing_contact: o.billingContact,
      billing_contact_url: contactUrl(req, o.billingContact),
      tech_contact: o.techContact,
      tech_contact_url: contactUrl(req, o.techContact),
    });
    if (o.kind === 'registration') base.period = o.period;
    return base;
  }
  Object.assign(base, links);
  if (o.kind === 'renew') base.period = o.period;
  return base;
}
