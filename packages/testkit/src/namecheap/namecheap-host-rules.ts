/**
 * `domains.dns.setHosts` REPLACES the whole host list: every row not sent is deleted (rows the API
 * hides included). The rules below are the ones observed on the live API, as described in
 * docs/providers/namecheap.md#sethosts-rules: host names stored lower-case; host-name targets
 * (CNAME, ALIAS, NS, MX) get a trailing dot; exact duplicates collapse; an MX row's preference is
 * not part of its identity (a preference-only change is ignored); MX rows are kept only in an `MX`
 * zone; an `MXE` zone has exactly one MXE row; EmailType omitted = unchanged; ≤ 150 rows.
 */
import { isIPv4, isIPv6 } from 'node:net';
import { NamecheapError, NC } from './namecheap-errors.js';
import type { NamecheapParams } from './namecheap-params.js';

/** Mail settings a zone can have (`EmailType`). */
export const EMAIL_TYPES = ['MX', 'MXE', 'FWD', 'OX', 'GMAIL', 'NONE'] as const;
export type EmailType = (typeof EMAIL_TYPES)[number];

export interface NamecheapHost {
  hostId: number;
  /** `@`, `*` or a relative name, lower-case. */
  name: string;
  type: string;
  address: string;
  /** 10 on every non-MX row. */
  mxPref: number;
  ttl: number;
  associatedAppTitle: string;
  friendlyName: string;
  isActive: boolean;
  isDdnsEnabled: boolean;
}

export const SETTABLE_TYPES: ReadonlySet<string> = new Set([
  'A',
  'AAAA',
  'ALIAS',
  'CAA',
  'CNAME',
  'MX',
  'MXE',
  'NS',
  'TXT',
  'URL',
  'URL301',
  'FRAME',
]);
const TARGET_TYPES: ReadonlySet<string> = new Set(['CNAME', 'ALIAS', 'NS', 'MX']);
const URL_TYPES: ReadonlySet<string> = new Set(['URL', 'URL301', 'FRAME']);
export const MAX_HOSTS = 150;
export const DEFAULT_TTL = 1800;
const HOST_NAME = /^(@|\*|(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*)$/;
const TARGET = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/i;
const CAA = /^(\d{1,3}) (issue|issuewild|iodef) "[^"]*"$/;

/** The .NET null-reference answer the live API gives for malformed input (seen on setHosts). */
export function unhandled(): NamecheapError {
  return new NamecheapError(NC.UNHANDLED, 'Object reference not set to an instance of an object.');
}

function invalid(n: number, reason: string): NamecheapError {
  return new NamecheapError(NC.HOST_INVALID, `Host record ${n}: ${reason}`);
}

interface SentRow {
  name: string;
  type: string;
  address: string;
  mxPref: number;
  ttl: number;
}

function readRow(params: NamecheapParams, n: number): SentRow {
  const name = params.get(`HostName${n}`)?.toLowerCase();
  const type = params.get(`RecordType${n}`)?.toUpperCase();
  let address = params.get(`Address${n}`);
  if (name === undefined || type === undefined || address === undefined) throw unhandled();
  if (!SETTABLE_TYPES.has(type)) throw invalid(n, `record type ${type} is not supported`);
  if (!HOST_NAME.test(name)) throw invalid(n, `host name ${name} is not valid`);
  const ttl = params.int(`TTL${n}`) ?? DEFAULT_TTL;
  if (!(ttl >= 60 && ttl <= 60_000)) throw invalid(n, 'TTL must be between 60 and 60000');
  let mxPref = 10;
  if (type === 'MX') {
    mxPref = params.int(`MXPref${n}`) ?? 10;
    if (!(mxPref >= 0 && mxPref <= 65_535)) throw invalid(n, 'MXPref is not valid');
  }
  if (type === 'A' && !isIPv4(address)) throw invalid(n, 'an A record needs an IPv4 address');
  if (type === 'AAAA' && !isIPv6(address)) throw invalid(n, 'an AAAA record needs an IPv6 address');
  if (type === 'MXE' && !isIPv4(address)) throw invalid(n, 'an MXE record needs an IPv4 address');
  if (type === 'CNAME' && name === '@') throw invalid(n, 'a CNAME record cannot be at the apex; use ALIAS');
  if (URL_TYPES.has(type) && !/^https?:\/\/\S+$/i.test(address))
    throw invalid(n, 'a redirect needs an http:// or https:// address');
  if (type === 'CAA') {
    const match = CAA.exec(address);
    if (!match || Number(match[1]) > 255) throw invalid(n, 'a CAA value is written: flag tag "value"');
  }
  if (TARGET_TYPES.has(type)) {
    if (!TARGET.test(address)) throw invalid(n, `${address} is not a host name`);
    if (!address.endsWith('.')) address = `${address}.`;
  }
  return { name, type, address, mxPref, ttl };
}

function identity(row: { name: string; type: string; address: string }): string {
  const address = TARGET_TYPES.has(row.type) ? row.address.toLowerCase() : row.address;
  return `${row.name}\u0000${row.type}\u0000${address}`;
}

export interface SetHostsResult {
  hosts: NamecheapHost[];
  emailType: EmailType;
}

/**
 * The host list and EmailType after a setHosts call with `params` on a zone holding `current`
 * (visible rows) with `currentEmailType`. Throws the NamecheapError the API answers with.
 */
export function applySetHosts(
  params: NamecheapParams,
  current: readonly NamecheapHost[],
  currentEmailType: EmailType,
  nextHostId: () => number,
): SetHostsResult {
  const sentType = params.get('EmailType')?.toUpperCase();
  if (sentType !== undefined && !(EMAIL_TYPES as readonly string[]).includes(sentType))
    throw new NamecheapError(NC.HOST_INVALID, `EmailType ${sentType} is not valid`);
  const emailType = (sentType ?? currentEmailType) as EmailType;

  const rows = params.indices(['HostName', 'RecordType', 'Address']).map((n) => readRow(params, n));
  const old = new Map(current.map((host) => [identity(host), host]));
  const seen = new Set<string>();
  const hosts: NamecheapHost[] = [];
  for (const row of rows) {
    // MX rows are only saved in an MX zone (otherwise silently dropped).
    if (row.type === 'MX' && emailType !== 'MX') continue;
    const key = identity(row);
    if (seen.has(key)) continue;
    seen.add(key);
    const before = old.get(key);
    hosts.push({
      hostId: before?.hostId ?? nextHostId(),
      name: row.name,
      type: row.type,
      address: row.address,
      // A preference-only change of an existing MX row is ignored.
      mxPref: before && row.type === 'MX' ? before.mxPref : row.mxPref,
      ttl: row.ttl,
      associatedAppTitle: before?.associatedAppTitle ?? '',
      friendlyName: before?.friendlyName ?? '',
      isActive: true,
      // A rewritten "A + Dynamic DNS" row becomes a plain A row.
      isDdnsEnabled: false,
    });
  }
  const mxe = hosts.filter((host) => host.type === 'MXE').length;
  if (mxe > 0 && emailType !== 'MXE')
    throw new NamecheapError(NC.HOST_INVALID, 'MXE records need EmailType=MXE');
  if (emailType === 'MXE' && mxe !== 1)
    throw new NamecheapError(NC.HOST_INVALID, 'EmailType MXE needs exactly one MXE record');
  if (
    emailType === 'MX' &&
    current.some((host) => host.type === 'MX') &&
    !hosts.some((host) => host.type === 'MX')
  ) {
    throw new NamecheapError(
      NC.HOST_INVALID,
      'The last MX record cannot be removed while EmailType is MX; send another EmailType',
    );
  }
  if (hosts.length > MAX_HOSTS) throw new NamecheapError(NC.TOO_MANY_RECORDS, 'Too many records');
  return { hosts, emailType };
}
