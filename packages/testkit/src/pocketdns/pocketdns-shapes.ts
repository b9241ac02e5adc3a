/**
 * PocketDNS's wire shapes, field for field as the seed pages show them. Where the docs' examples
 * show fewer fields (bulk `created[]`, template `records_created[]`, the detail's `dns_records[]`)
 * the emulator sends exactly those fields, so an adapter that expects more is caught.
 */
import type {
  PocketDnsDomain,
  PocketDnsRecord,
  PocketDnsState,
  PocketDnsTransfer,
} from './pocketdns-state.js';

/** ISO 8601 without milliseconds, as in the docs (`2025-01-01T00:00:00Z`). */
export function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `GET /users/{user_identifier}/domains` item. */
export function domainSummary(domain: PocketDnsDomain) {
  return {
    id: domain.id,
    name: domain.name,
    status: domain.status,
    purchased_at: iso(domain.purchasedAt),
    expires_at: iso(domain.expiresAt),
    auto_renew: domain.autoRenew,
    dns_records_count: domain.records.length,
    registrar: 'pocketdns',
  };
}

/** `GET /domains/{domain_id}`. `dns_records_count` is not in the detail example, so it is not sent. */
export function domainDetail(state: PocketDnsState, domain: PocketDnsDomain) {
  return {
    id: domain.id,
    name: domain.name,
    user_identifier: domain.userIdentifier,
    status: domain.status,
    purchased_at: iso(domain.purchasedAt),
    expires_at: iso(domain.expiresAt),
    auto_renew: domain.autoRenew,
    registrar: 'pocketdns',
    nameservers: [...domain.nameservers],
    whois_privacy: domain.whoisPrivacy,
    dns_records: domain.records.map((r) => ({
      id: r.id,
      type: r.type,
      name: r.name,
      content: r.content,
      ttl: r.ttl,
      created_at: iso(r.createdAt),
    })),
    pricing: {
      registration_price: state.priceOf(domain.name, 'register'),
      renewal_price: state.priceOf(domain.name, 'renew'),
      currency: state.currency,
    },
  };
}

/** The full DNS record object (list, create, update). */
export function dnsRecord(record: PocketDnsRecord) {
  return {
    id: record.id,
    type: record.type,
    name: record.name,
    content: record.content,
    ttl: record.ttl,
    priority: record.priority,
    created_at: iso(record.createdAt),
    updated_at: iso(record.updatedAt),
  };
}

/** A bulk `created[]` item, as in the bulk example. */
export function bulkCreatedRecord(record: PocketDnsRecord) {
  return { id: record.id, type: record.type, name: record.name, content: record.content, ttl: record.ttl };
}

/** A template `records_created[]` item, as in the template example. */
export function templateCreatedRecord(record: PocketDnsRecord) {
  return { id: record.id, type: record.type, name: record.name, content: record.content };
}

/** `POST /domains/transfer` answer. */
export function transferStarted(transfer: PocketDnsTransfer) {
  return {
    transfer_id: transfer.id,
    domain_name: transfer.domainName,
    status: transfer.status,
    estimated_completion: iso(transfer.estimatedCompletion),
    cost: transfer.cost,
    currency: transfer.currency,
  };
}

/** `GET /domains/transfers/{transfer_id}` answer; `completed_at` and `domain_id` are null until completed. */
export function transferStatus(transfer: PocketDnsTransfer) {
  return {
    transfer_id: transfer.id,
    domain_name: transfer.domainName,
    status: transfer.status,
    started_at: iso(transfer.startedAt),
    completed_at: transfer.completedAt === null ? null : iso(transfer.completedAt),
    domain_id: transfer.domainId,
  };
}
