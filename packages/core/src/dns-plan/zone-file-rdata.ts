/**
 * The RDATA of the record types the model holds, read from zone-file fields with the checks BIND
 * makes (https://www.rfc-editor.org/rfc/rfc1035#section-5.1, RFC 3596, RFC 2782, RFC 8659), in the
 * text form or the generic `\# length hex` form (RFC 3597 §5), into the model's content.
 */
import { isIPv4, isIPv6 } from 'node:net';
import type { RecordType } from '../model/dns-record.js';
import { canonicalIPv6 } from '../validation/ip-address.js';
import { escapeBytes, textFromBytes, unescapeBytes } from '../validation/text-bytes.js';
import { modelName, readName, readWireName } from './zone-file-names.js';
import type { ZoneToken } from './zone-file-tokens.js';

export type RdataResult =
  | { ok: true; content: string; priority: number | null }
  /** Invalid for BIND too: the file is refused. */
  | { ok: false; message: string }
  /** Valid, but the model cannot hold it: the record is skipped. */
  | { ok: 'skip'; reason: string };

/** Wire-form RDATA: the fields of each type read from the bytes. */
type Fields = { text: true; tokens: ZoneToken[] } | { text: false; bytes: string };

const MAX_TXT_STRING = 255;
const CAA_TAG = /^[A-Za-z0-9]+$/;

function tokenBytes(token: ZoneToken): string {
  return token.escaped ? unescapeBytes(token.text) : token.text;
}

function uint(text: string, max: number): number | null {
  if (!/^\d{1,10}$/.test(text)) return null;
  const value = Number(text);
  return value <= max ? value : null;
}

const bad = (message: string): RdataResult => ({ ok: false, message });

/** A host target: a name resolved against the origin, written as the model writes names. */
function target(token: ZoneToken, origin: string | null): { name: string } | RdataResult {
  const result = readName(token.text, origin);
  if (!result.ok) return bad(result.message);
  return hostFromName(result.name, result.absolute);
}

function hostFromName(name: string, absolute: boolean): { name: string } | RdataResult {
  if (name === '' && absolute) return { name: '.' };
  const model = modelName(name);
  if (model === null)
    return { ok: 'skip', reason: `the target ${name}${absolute ? '.' : ''} is not a host name` };
  // Without a known origin a relative name stays relative.
  return { name: model };
}

/** A record whose data is one host (and the MX preference); the root target is not a host in the model. */
function hostRecord(
  type: RecordType,
  host: { name: string } | RdataResult,
  priority: number | null,
): RdataResult {
  if (!('name' in host)) return host;
  if (host.name === '.')
    return {
      ok: 'skip',
      reason:
        type === 'MX'
          ? 'a null MX (RFC 7505, target ".") is not supported'
          : `a ${type} to the root (".") is not supported`,
    };
  return { ok: true, content: host.name, priority };
}

/** Reads `\# length hex…` (RFC 3597 §5) into its bytes, or an error. */
function genericBytes(tokens: ZoneToken[]): string | RdataResult {
  const length = tokens[1] ? uint(tokens[1].text, 65535) : null;
  if (length === null) return bad('generic RDATA (\\#) needs its length');
  const hex = tokens
    .slice(2)
    .map((token) => token.text)
    .join('');
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex))
    return bad('generic RDATA (\\#) needs hexadecimal data');
  if (hex.length / 2 !== length)
    return bad(`generic RDATA (\\#) says ${length} bytes but holds ${hex.length / 2}`);
  return Buffer.from(hex, 'hex').toString('latin1');
}

function isGeneric(tokens: ZoneToken[]): boolean {
  const first = tokens[0];
  return first !== undefined && !first.quoted && first.text === '\\#';
}

function count(tokens: ZoneToken[], type: string, expected: number): RdataResult | null {
  if (tokens.length < expected) return bad(`${type} needs ${expected} field${expected === 1 ? '' : 's'}`);
  if (tokens.length > expected) return bad(`${type} has extra fields after ${expected}`);
  return null;
}

/** The CAA value bytes as the model writes them: quoted, escaped (RFC 8659 §4.1.1). */
function caaContent(flags: number, tag: string, value: string): string {
  return `${flags} ${tag.toLowerCase()} "${escapeBytes(value)}"`;
}

/**
 * Reads the RDATA fields of one record of a modelled type. `origin` resolves relative names
 * (null: unknown, they stay relative).
 */
export function readRdata(type: RecordType, tokens: ZoneToken[], origin: string | null): RdataResult {
  let fields: Fields;
  if (isGeneric(tokens)) {
    const bytes = genericBytes(tokens);
    if (typeof bytes !== 'string') return bytes;
    fields = { text: false, bytes };
  } else fields = { text: true, tokens };
  try {
    return fields.text ? readText(type, fields.tokens, origin) : readWire(type, fields.bytes);
  } catch (error) {
    return bad((error as Error).message);
  }
}

function readText(type: RecordType, tokens: ZoneToken[], origin: string | null): RdataResult {
  switch (type) {
    case 'A': {
      const wrong = count(tokens, type, 1);
      if (wrong) return wrong;
      const text = (tokens[0] as ZoneToken).text;
      return isIPv4(text)
        ? { ok: true, content: text, priority: null }
        : bad(`"${text}" is not an IPv4 address`);
    }
    case 'AAAA': {
      const wrong = count(tokens, type, 1);
      if (wrong) return wrong;
      const text = (tokens[0] as ZoneToken).text;
      const ip = isIPv6(text) && !text.includes('%') ? canonicalIPv6(text) : null;
      return ip ? { ok: true, content: ip, priority: null } : bad(`"${text}" is not an IPv6 address`);
    }
    case 'CNAME':
    case 'NS':
    case 'ALIAS': {
      const wrong = count(tokens, type, 1);
      if (wrong) return wrong;
      return hostRecord(type, target(tokens[0] as ZoneToken, origin), null);
    }
    case 'MX': {
      const wrong = count(tokens, type, 2);
      if (wrong) return wrong;
      const preference = uint((tokens[0] as ZoneToken).text, 65535);
      if (preference === null) return bad('MX preference must be an integer from 0 to 65535');
      return hostRecord(type, target(tokens[1] as ZoneToken, origin), preference);
    }
    case 'SRV': {
      const wrong = count(tokens, type, 4);
      if (wrong) return wrong;
      const [priority, weight, port] = tokens.slice(0, 3).map((token) => uint(token.text, 65535));
      if (priority === null || weight === null || port === null)
        return bad('SRV priority, weight and port must be integers from 0 to 65535');
      const host = target(tokens[3] as ZoneToken, origin);
      return 'name' in host
        ? { ok: true, content: `${weight} ${port} ${host.name}`, priority: priority as number }
        : host;
    }
    case 'CAA': {
      const wrong = count(tokens, type, 3);
      if (wrong) return wrong;
      const flags = uint((tokens[0] as ZoneToken).text, 255);
      if (flags === null) return bad('CAA flags must be an integer from 0 to 255');
      const tag = (tokens[1] as ZoneToken).text;
      if (!CAA_TAG.test(tag)) return bad(`CAA tag "${tag}" must be letters and digits`);
      return {
        ok: true,
        content: caaContent(flags, tag, tokenBytes(tokens[2] as ZoneToken)),
        priority: null,
      };
    }
    case 'TXT': {
      if (tokens.length === 0) return bad('TXT needs at least 1 string');
      let bytes = '';
      for (const token of tokens) {
        const string = tokenBytes(token);
        if (string.length > MAX_TXT_STRING) return bad('a TXT string is longer than 255 bytes');
        bytes += string;
      }
      return { ok: true, content: textFromBytes(bytes), priority: null };
    }
  }
}

function readWire(type: RecordType, bytes: string): RdataResult {
  const u16 = (at: number) => (bytes.charCodeAt(at) << 8) | bytes.charCodeAt(at + 1);
  const host = (at: number) => {
    const read = readWireName(bytes, at);
    if (!read || read.next !== bytes.length) return bad(`${type} generic RDATA holds no valid name`);
    return hostFromName(read.name, true);
  };
  switch (type) {
    case 'A':
      if (bytes.length !== 4) return bad('A generic RDATA must be 4 bytes');
      return { ok: true, content: [0, 1, 2, 3].map((k) => bytes.charCodeAt(k)).join('.'), priority: null };
    case 'AAAA': {
      if (bytes.length !== 16) return bad('AAAA generic RDATA must be 16 bytes');
      const groups = [0, 2, 4, 6, 8, 10, 12, 14].map((k) => u16(k).toString(16));
      return { ok: true, content: canonicalIPv6(groups.join(':')) as string, priority: null };
    }
    case 'CNAME':
    case 'NS':
    case 'ALIAS':
      return hostRecord(type, host(0), null);
    case 'MX':
      if (bytes.length < 3) return bad('MX generic RDATA is too short');
      return hostRecord(type, host(2), u16(0));
    case 'SRV': {
      if (bytes.length < 7) return bad('SRV generic RDATA is too short');
      const result = host(6);
      return 'name' in result
        ? { ok: true, content: `${u16(2)} ${u16(4)} ${result.name}`, priority: u16(0) }
        : result;
    }
    case 'CAA': {
      const tagLength = bytes.charCodeAt(1);
      if (bytes.length < 2 || tagLength === 0 || bytes.length < 2 + tagLength)
        return bad('CAA generic RDATA is too short');
      const tag = bytes.slice(2, 2 + tagLength);
      if (!CAA_TAG.test(tag)) return bad(`CAA tag "${tag}" must be letters and digits`);
      return {
        ok: true,
        content: caaContent(bytes.charCodeAt(0), tag, bytes.slice(2 + tagLength)),
        priority: null,
      };
    }
    case 'TXT': {
      let text = '';
      let i = 0;
      if (bytes.length === 0) return bad('TXT generic RDATA is empty');
      while (i < bytes.length) {
        const length = bytes.charCodeAt(i);
        if (i + 1 + length > bytes.length) return bad('TXT generic RDATA ends inside a string');
        text += bytes.slice(i + 1, i + 1 + length);
        i += 1 + length;
      }
      return { ok: true, content: textFromBytes(text), priority: null };
    }
  }
}
