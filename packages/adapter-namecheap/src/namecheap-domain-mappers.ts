/**
 * Namecheap domain answers → the model's `Domain` (docs/providers/namecheap.md#domain-commands).
 * A list row (domains.getList) has auto-renew and the privacy column but no name servers; the full
 * domain joins getInfo (dates, privacy, name servers), the getList row (auto-renew, only there)
 * and getRegistrarLock (the transfer lock).
 */
import {
  type Domain,
  type DomainStatus,
  normalizeDomainName,
  toUnicodeDomainName,
} from '@registrar-kit/core';
import { PROVIDER } from './namecheap-errors.js';
import type { DomainInfo, DomainRow } from './namecheap-schemas.js';
import { namecheapDate } from './namecheap-values.js';

function base(name: string, id: string): Pick<Domain, 'provider' | 'id' | 'name' | 'unicodeName'> {
  const ascii = normalizeDomainName(name);
  return { provider: PROVIDER, id, name: ascii, unicodeName: toUnicodeDomainName(ascii) };
}

export function domainFromRow(row: DomainRow): Domain {
  return {
    ...base(row.name, row.id),
    status: row.isexpired ? 'expired' : 'active',
    providerStatus: row.isexpired ? ['Expired'] : [],
    owner: typeof row.user === 'string' && row.user !== '' ? row.user : null,
    createdAt: namecheapDate(row.created),
    expiresAt: namecheapDate(row.expires),
    updatedAt: null,
    autoRenew: row.autorenew ?? null,
    whoisPrivacy: row.whoisguard === undefined ? null : row.whoisguard.toUpperCase() === 'ENABLED',
    // getList's IsLocked means "changes not allowed", not surely the registrar lock: getDomain reads it.
    transferLock: null,
    nameservers: null,
    dsRecords: null,
    raw: row,
  };
}

/** getInfo `Status`: `Ok`, `Expired`, `Locked` (any case). */
function statusOf(status: string | undefined): DomainStatus {
  switch (status?.toLowerCase()) {
    case 'ok':
      return 'active';
    case 'expired':
      return 'expired';
    default:
      return 'unknown';
  }
}

export function domainFromInfo(
  info: DomainInfo,
  extra: { row: DomainRow | null; transferLock: boolean | null },
): Domain {
  const enabled = info.whoisguard?.enabled?.toLowerCase();
  return {
    ...base(info.domainname, info.id),
    status: statusOf(info.status),
    providerStatus: info.status ? [info.status] : [],
    owner: info.ownername || null,
    createdAt: namecheapDate(info.domaindetails?.createddate),
    expiresAt: namecheapDate(info.domaindetails?.expireddate),
    updatedAt: null,
    autoRenew: extra.row?.autorenew ?? null,
    whoisPrivacy: enabled === undefined ? null : enabled === 'true',
    transferLock: extra.transferLock,
    nameservers: (info.dnsdetails?.nameserver ?? []).map((ns) => ns.trim().toLowerCase().replace(/\.$/, '')),
    dsRecords: null,
    raw: { info, listRow: extra.row },
  };
}
