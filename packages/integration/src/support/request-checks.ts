/**
 * Checks of what an emulator received: every path segment is one encoded value (no `/`, not `.` or
 * `..` once decoded, every request on a known route), and every record body it was sent is valid
 * under core's `validateRecordInput` / `validateRecordPatch` with the provider's rules.
 */
import { DNSIMPLE_RECORD_TYPES, DNSIMPLE_TTL } from '@registrar-kit/adapter-dnsimple';
import { POCKETDNS_RECORD_TYPES, POCKETDNS_TTL } from '@registrar-kit/adapter-pocketdns';
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
  const fields = optional({ name, content, ttl: body.ttl as number, priority: body.priority as number });
  if (patch) return { patch: fields, ...(type ? { type } : {}) };
  return {
    input: {
      type: type as RecordType,
      name: name ?? '@',
      content: content ?? '',
      ...optional({ ttl: body.ttl as number, priority: body.priority as number }),
    },
  };
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
  const fields = optional({ name, content, ttl: body.ttl as number, priority });
  if (patch) return { patch: fields, ...(type ? { type } : {}) };
  return {
    input: {
      type: type as RecordType,
      name: name ?? '@',
      content: content ?? '',
      ...optional({ ttl: body.ttl as number, priority }),
    },
  };
}

/** The record inputs and patches a request carried (none for other requests). */
export function recordsOf(provider: ProviderId, request: RecordedRequest): Decoded[] {
  const body = request.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object' || request.operation === null) return [];
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
