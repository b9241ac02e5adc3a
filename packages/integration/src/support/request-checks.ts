/**
 * Checks of what an emulator received: every path segment is one encoded value (no `/`, not `.` or
 * `..` once decoded, every request on a known route), and every record body it was sent is valid
 * under core's `validateRecordInput` / `validateRecordPatch` with the provider's rules.
 */
import { cloudflareRecordRules } from '@registrar-kit/adapter-cloudflare';
import { DNSIMPLE_RECORD_TYPES, DNSIMPLE_TTL } from '@registrar-kit/adapter-dnsimple';
import { NAMECHEAP_RECORD_TYPES, NAMECHEAP_TTL } from '@registrar-kit/adapter-namecheap';
import { POCKETDNS_RECORD_TYPES, POCKETDNS_TTL } from '@registrar-kit/adapter-pocketdns';
import { porkbunRecordRules } from '@registrar-kit/adapter-porkbun';
import {
  type DnsRecordInput,
  type DnsRecordPatch,
  RECORD_TYPES,
  type RecordRules,
  type RecordType,
  unquoteTxt,
  validateRecordInput,
  validateRecordPatch,
} from '@registrar-kit/core';
import type { RecordedRequest } from '@registrar-kit/testkit';
import type { ProviderId } from './providers.js';

export const PROVIDER_RULES: Record<ProviderId, RecordRules> = {
  pocketdns: { types: POCKETDNS_RECORD_TYPES, ttl: POCKETDNS_TTL },
  dnsimple: { types: DNSIMPLE_RECORD_TYPES, ttl: DNSIMPLE_TTL },
  glauca: { types: RECORD_TYPES, ttl: { min: 0, max: 2_147_483_647 }, cnameAtApex: false },
  domainr: {},
  // Porkbun stores a TTL below the account minimum raised to it; it does not refuse it.
  porkbun: porkbunRecordRules(),
  namecheap: { types: NAMECHEAP_RECORD_TYPES, ttl: { min: NAMECHEAP_TTL.min, max: NAMECHEAP_TTL.max } },
  // The free plan's minimum TTL (60 s), the emulator's default plan.
  cloudflare: cloudflareRecordRules(60),
};

/** Problems with the path of a received request, or []. */
export function pathProblems(request: RecordedRequest): string[] {
  const where = `${request.method} ${request.path}`;
  if (request.operation === null)
    return [`${where}: no such route (a path segment was not one encoded value?)`];
  const problems: string[] = [];
  for (const segment of request.path.split('/').slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      problems.push(`${where}: segment ${JSON.stringify(segment)} is not valid percent-encoding`);
      continue;
    }
    if (decoded === '.' || decoded === '..')
      problems.push(`${where}: segment ${JSON.stringify(segment)} is a dot segment`);
    if (decoded.includes('/') || decoded.includes('\\'))
      problems.push(`${where}: segment ${JSON.stringify(segment)} holds a slash`);
  }
  return problems;
}

type Decoded = { input: DnsRecordInput } | { patch: DnsRecordPatch; type?: RecordType };

function str(value: unknown): string {
  return typeof value === 'string' ? value : String(value);
}

function txt(content: string): string {
  return content.trimStart().startsWith('"') ? unquoteTxt(content) : content;
}

function optional<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined && v !== null),
  ) as Partial<T>;
}

/** A decoded body: a patch of the fields present, or a full input (name `@` and content `''` when absent). */
function decodedOf(
  type: RecordType | undefined,
  fields: { name?: string; content?: string; ttl?: number; priority?: number },
  patch: boolean,
): Decoded {
  const present = optional(fields);
  if (patch) return { patch: present, ...(type ? { type } : {}) };
  const { ttl, priority } = fields;
  return {
    input: {
      type: type as RecordType,
      name: fields.name ?? '@',
      content: fields.content ?? '',
      ...optional({ ttl, priority }),
    },
  };
}

/**
 * PocketDNS `{ type, name, content, ttl?, priority? }`; SRV content is `priority weight port target`
 * (the priority travels as its first part, not as a `priority` field).
 */
function pocketDnsRecord(body: Record<string, unknown>, patch: boolean): Decoded {
  const type = typeof body.type === 'string' ? (body.type.toUpperCase() as RecordType) : undefined;
  let content = body.content === undefined ? undefined : str(body.content);
  let priority = body.priority as number | undefined;
  if (content !== undefined && type === 'SRV') {
    const [first, ...rest] = content.trim().split(/\s+/);
    priority ??= Number(first);
    content = rest.join(' ');
  }
  if (content !== undefined && type === 'TXT') content = txt(content);
  const fields = optional({ name: body.name as string, content, ttl: body.ttl as number, priority });
  if (patch) return { patch: fields, ...(type ? { type } : {}) };
  return {
    input: {
      type: type as RecordType,
      name: str(body.name),
      content: content ?? '',
      ...optional({ ttl: body.ttl as number, priority }),
    },
  };
}

/** DNSimple `{ name ('' = apex), type, content (TXT quoted), ttl?, priority? }`. */
function dnsimpleRecord(body: Record<string, unknown>, patch: boolean): Decoded {
  const type = typeof body.type === 'string' ? (body.type.toUpperCase() as RecordType) : undefined;
  let content = body.content === undefined ? undefined : str(body.content);
  if (content !== undefined && type === 'TXT') content = txt(content);
  const name = body.name === undefined ? undefined : body.name === '' ? '@' : str(body.name);
  return decodedOf(
    type,
    { name, content, ttl: body.ttl as number, priority: body.priority as number },
    patch,
  );
}

const HEX_SEGMENTS: Record<string, RecordType | 'address' | 'aname'> = {
  zone_address_records: 'address',
  zone_aname_records: 'ALIAS',
  zone_cname_records: 'CNAME',
  zone_mx_records: 'MX',
  zone_ns_records: 'NS',
  zone_txt_records: 'TXT',
  zone_srv_records: 'SRV',
  zone_caa_records: 'CAA',
};

/** HexDNS per-type bodies (`record_name`, `address`, `alias`, `exchange`, `data`, `target`…). */
function hexdnsRecord(path: string, body: Record<string, unknown>, patch: boolean): Decoded | null {
  const segment = path.split('/')[2] ?? '';
  const kind = HEX_SEGMENTS[segment];
  if (!kind) return null;
  const type: RecordType | undefined =
    kind === 'address'
      ? body.address === undefined
        ? undefined
        : str(body.address).includes(':')
          ? 'AAAA'
          : 'A'
      : (kind as RecordType);
  let content: string | undefined;
  let priority: number | undefined;
  switch (kind) {
    case 'address':
      content = body.address === undefined ? undefined : str(body.address);
      break;
    case 'ALIAS':
    case 'CNAME':
      content = body.alias === undefined ? undefined : str(body.alias);
      break;
    case 'MX':
      content = body.exchange === undefined ? undefined : str(body.exchange);
      priority = body.priority as number | undefined;
      break;
    case 'NS':
      content = body.nameserver === undefined ? undefined : str(body.nameserver);
      break;
    case 'TXT':
      content = body.data === undefined ? undefined : str(body.data);
      break;
    case 'SRV':
      priority = body.priority as number | undefined;
      content =
        body.weight === undefined && body.port === undefined && body.target === undefined
          ? undefined
          : `${body.weight} ${body.port} ${body.target}`;
      break;
    case 'CAA':
      content =
        body.tag === undefined && body.value === undefined
          ? undefined
          : `${body.flag ?? 0} ${body.tag} "${str(body.value).replace(/(["\\])/g, '\\$1')}"`;
      break;
  }
  const name = body.record_name === undefined ? undefined : str(body.record_name);
  return decodedOf(type, { name, content, ttl: body.ttl as number, priority }, patch);
}

const PRIORITY_TYPES: ReadonlySet<string> = new Set(['MX', 'SRV']);

/** Porkbun `{ name ('' = apex), type, content, ttl?, prio }` (`prio` is sent, as 0, for every type). */
function porkbunRecord(body: Record<string, unknown>, patch: boolean): Decoded {
  const type = typeof body.type === 'string' ? (body.type.toUpperCase() as RecordType) : undefined;
  let content = body.content === undefined ? undefined : str(body.content);
  if (content !== undefined && type === 'TXT') content = txt(content);
  const name = body.name === undefined ? undefined : body.name === '' ? '@' : str(body.name);
  const ttl = body.ttl === undefined ? undefined : Number(body.ttl);
  const priority =
    type && PRIORITY_TYPES.has(type) && body.prio !== undefined ? Number(body.prio) : undefined;
  return decodedOf(type, { name, content, ttl, priority }, patch);
}

/**
 * Cloudflare `{ type, name (FQDN), content | data, ttl (1 = automatic), priority? }`. The path names
 * the zone by id only, so the name is checked as sent (fully qualified), not made relative.
 */
function cloudflareRecord(body: Record<string, unknown>, patch: boolean): Decoded {
  const type = typeof body.type === 'string' ? (body.type.toUpperCase() as RecordType) : undefined;
  const data = body.data as Record<string, unknown> | undefined;
  let content = body.content === undefined ? undefined : str(body.content);
  let priority = body.priority as number | undefined;
  if (data && type === 'SRV') {
    priority = data.priority as number;
    content = `${data.weight} ${data.port} ${data.target}`;
  } else if (data && type === 'CAA')
    content = `${data.flags ?? 0} ${data.tag} "${str(data.value).replace(/(["\\])/g, '\\$1')}"`;
  if (content !== undefined && type === 'TXT') content = txt(content);
  const ttl = body.ttl === undefined || body.ttl === 1 ? undefined : (body.ttl as number);
  const name = body.name === undefined ? undefined : str(body.name);
  return decodedOf(type, { name, content, ttl, priority }, patch);
}

/**
 * Namecheap `setHosts` rows (`HostName1`, `RecordType1`, `Address1`, `MXPref1`, `TTL1`, …): the whole
 * zone each time. Rows of types outside the model (URL redirects, the parking record) are sent back
 * verbatim from the read, so only model types are checked.
 */
function namecheapRows(body: Record<string, unknown>): Decoded[] {
  const rows: Decoded[] = [];
  for (let i = 1; body[`RecordType${i}`] !== undefined; i++) {
    const type = str(body[`RecordType${i}`]).toUpperCase() as RecordType;
    if (!RECORD_TYPES.includes(type)) continue;
    let content = str(body[`Address${i}`] ?? '');
    if (type === 'TXT') content = txt(content);
    const ttl = body[`TTL${i}`] === undefined ? undefined : Number(body[`TTL${i}`]);
    const priority =
      type === 'MX' && body[`MXPref${i}`] !== undefined ? Number(body[`MXPref${i}`]) : undefined;
    rows.push({
      input: { type, name: str(body[`HostName${i}`] ?? '@'), content, ...optional({ ttl, priority }) },
    });
  }
  return rows;
}

/** The record inputs and patches a request carried (none for other requests). */
export function recordsOf(provider: ProviderId, request: RecordedRequest): Decoded[] {
  const body = request.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || request.operation === null) return [];
  // A Namecheap setHosts is recorded as a create, update or delete by its row count; each sends every row.
  if (provider === 'namecheap')
    return body.Command === 'namecheap.domains.dns.setHosts' ? namecheapRows(body) : [];
  const patch = request.operation === 'updateRecord';
  if (request.operation !== 'createRecord' && request.operation !== 'createRecords' && !patch) return [];
  switch (provider) {
    case 'pocketdns': {
      const items =
        request.operation === 'createRecords' ? ((body.records as Record<string, unknown>[]) ?? []) : [body];
      return items.map((item) => pocketDnsRecord(item, patch));
    }
    case 'dnsimple': {
      const items =
        request.operation === 'createRecords' ? ((body.creates as Record<string, unknown>[]) ?? []) : [body];
      return items.map((item) => dnsimpleRecord(item, patch));
    }
    case 'glauca': {
      const decoded = hexdnsRecord(request.path, body, patch);
      return decoded ? [decoded] : [];
    }
    case 'porkbun': {
      const items =
        request.operation === 'createRecords' ? ((body.records as Record<string, unknown>[]) ?? []) : [body];
      return items.map((item) => porkbunRecord(item, patch));
    }
    case 'cloudflare': {
      if (request.operation !== 'createRecords') return [cloudflareRecord(body, patch)];
      const list = (key: string) =>
        Array.isArray(body[key]) ? (body[key] as Record<string, unknown>[]) : [];
      return [
        ...list('posts').map((item) => cloudflareRecord(item, false)),
        ...list('puts').map((item) => cloudflareRecord(item, false)),
        ...list('patches').map((item) => cloudflareRecord(item, true)),
      ];
    }
    default:
      return [];
  }
}

/** Problems with the record bodies of a received request, or []. */
export function recordProblems(provider: ProviderId, request: RecordedRequest): string[] {
  const problems: string[] = [];
  for (const decoded of recordsOf(provider, request)) {
    try {
      if ('input' in decoded) validateRecordInput(decoded.input, PROVIDER_RULES[provider]);
      else if (Object.keys(decoded.patch).length > 0)
        validateRecordPatch(decoded.patch, PROVIDER_RULES[provider], decoded.type);
    } catch (error) {
      problems.push(
        `${request.method} ${request.path} ${JSON.stringify(request.body)}: ${(error as Error).message}`,
      );
    }
  }
  return problems;
}
