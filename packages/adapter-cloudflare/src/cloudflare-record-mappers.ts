/**
 * DNS records: Cloudflare payload ↔ model (docs/providers/cloudflare.md#dns-records). Names come
 * back as FQDNs and become relative (`@` for the apex); `ttl: 1` means automatic, which Cloudflare
 * serves as 300 s, so the model carries 300 (the payload in `raw` keeps the 1); SRV and CAA are
 * written through `data` and read from it; TXT is sent as quoted 255-byte character-strings, as
 * Cloudflare now asks, and read in either form (#txt-quoting).
 */
import {
  canonicalRecordContent,
  type DnsRecord,
  type DnsRecordInput,
  formatTxt,
  plainTxt,
  quoteTxtString,
  RECORD_TYPES,
  type RecordRules,
  type RecordType,
  ResponseFormatError,
  unquoteTxt,
} from '@registrar-kit/core';
import { PROVIDER } from './cloudflare-client.js';
import type { CloudflareRecordPayload } from './cloudflare-schemas.js';

/** `ttl` Cloudflare uses for "automatic", and the seconds automatic means. */
export const AUTOMATIC_TTL = 1;
export const AUTOMATIC_TTL_SECONDS = 300;
export const MAX_TTL = 86_400;

/** The model types Cloudflare has (no ALIAS: Cloudflare flattens a CNAME at the apex instead). */
export const CLOUDFLARE_RECORD_TYPES: readonly RecordType[] = RECORD_TYPES.filter((type) => type !== 'ALIAS');

export function cloudflareRecordRules(minTtl: number, zone?: string): RecordRules {
  return {
    types: CLOUDFLARE_RECORD_TYPES,
    ttl: { min: minTtl, max: MAX_TTL },
    ...(zone ? { zone } : {}),
  };
}

/** A relative model name → the FQDN Cloudflare wants. */
export function toFqdn(name: string, zone: string): string {
  return name === '@' || name === '' ? zone : `${name}.${zone}`;
}

const OWNER_LABEL = /^(\*|[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)$/;

/**
 * An FQDN from Cloudflare → the model's relative name; a name outside the zone or with a label no
 * DNS name has is a `ResponseFormatError` (names from a provider are checked like input).
 */
export function toRelative(fqdn: string, zone: string): string {
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  if (name === zone) return '@';
  const relative = name.endsWith(`.${zone}`) ? name.slice(0, -zone.length - 1) : null;
  if (relative === null || !relative.split('.').every((label) => OWNER_LABEL.test(label))) {
    throw new ResponseFormatError(
      `${PROVIDER}: Cloudflare answered a record name ${JSON.stringify(fqdn)} outside ${zone}`,
      {
        provider: PROVIDER,
        code: 'response_format',
        issues: [{ path: 'name', message: `not a name in the zone ${zone}` }],
      },
    );
  }
  return relative;
}

const num = (value: unknown) => (typeof value === 'number' ? value : Number(value));

/** The model's content (and priority) of a payload, from `data` where Cloudflare writes through it. */
function contentOf(type: RecordType, payload: CloudflareRecordPayload, zone: string) {
  const data = payload.data ?? {};
  if (type === 'SRV' && payload.data) {
    const target = String(data.target ?? '')
      .toLowerCase()
      .replace(/\.$/, '');
    return {
      content: `${num(data.weight)} ${num(data.port)} ${target}`,
      priority: num(data.priority ?? payload.priority),
    };
  }
  if (type === 'CAA' && payload.data) {
    return {
      content: `${num(data.flags)} ${String(data.tag)} ${quoteTxtString(String(data.value ?? ''))}`,
      priority: null,
    };
  }
  const content = payload.content ?? '';
  if (type === 'TXT') return { content: plainTxt(content), priority: null };
  const priority = type === 'MX' || type === 'SRV' ? (payload.priority ?? null) : null;
  return { content: canonicalRecordContent(type, content, zone), priority };
}

function date(value: string | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** A Cloudflare record in the model, or null for a type the model does not have (HTTPS, TLSA, …). */
export function toDnsRecord(payload: CloudflareRecordPayload, zone: string): DnsRecord | null {
  const type = payload.type.toUpperCase() as RecordType;
  if (!CLOUDFLARE_RECORD_TYPES.includes(type)) return null;
  const name = toRelative(payload.name, zone);
  const { content, priority } = contentOf(type, payload, zone);
  return {
    provider: PROVIDER,
    id: payload.id,
    domain: zone,
    name,
    fqdn: name === '@' ? zone : `${name}.${zone}`,
    type,
    content,
    ttl: payload.ttl === AUTOMATIC_TTL ? AUTOMATIC_TTL_SECONDS : payload.ttl,
    priority,
    createdAt: date(payload.created_on),
    updatedAt: date(payload.modified_on),
    raw: payload,
  };
}

/** The `content`/`data`/`priority` fields for a canonical content of `type`. */
export function contentFields(type: RecordType, content: string, priority: number | null | undefined) {
  switch (type) {
    case 'SRV': {
      const [weight, port, target] = content.split(/\s+/);
      return { data: { priority: priority ?? 0, weight: Number(weight), port: Number(port), target } };
    }
    case 'CAA': {
      const match = /^(\d+)\s+(\S+)\s+(.*)$/.exec(content);
      const value = match?.[3] ?? '';
      return {
        data: {
          flags: Number(match?.[1]),
          tag: match?.[2],
          value: value.startsWith('"') ? unquoteTxt(value) : value,
        },
      };
    }
    case 'TXT':
      return { content: formatTxt(content) };
    case 'MX':
      return { content, priority: priority ?? 0 };
    default:
      return { content };
  }
}

/** Adapter-specific record settings (kept in `raw`, docs/providers/cloudflare.md#dns-records). */
export interface CloudflareRecordSettings {
  /** Through Cloudflare's proxy (A, AAAA and CNAME only; the TTL is then automatic). */
  proxied?: boolean;
  /** One line of free text. */
  comment?: string | null;
  /** `name:value` tags. */
  tags?: string[];
}

/** The create (POST) body of a checked model input (FQDN name; TTL automatic when not given). */
export function recordBody(input: DnsRecordInput, zone: string, settings: CloudflareRecordSettings = {}) {
  return {
    type: input.type,
    name: toFqdn(input.name, zone),
    ...contentFields(input.type, input.content, input.priority),
    ttl: input.ttl ?? AUTOMATIC_TTL,
    ...settings,
  };
}
