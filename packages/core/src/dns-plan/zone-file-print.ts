import type { DnsRecord, DnsRecordInput } from '../model/dns-record.js';
import { RECORD_TYPES } from '../model/dns-record.js';
import { validateRecordInput } from '../validation/record-input.js';
import { decimalEscape, escapeBytes, unescapeBytes } from '../validation/text-bytes.js';
import { quoteTxtString, splitTxt } from '../validation/txt.js';

export interface ZoneFilePrintOptions {
  /** The zone the names are relative to (`example.com`, a trailing dot is allowed). */
  origin: string;
  /**
   * The `$TTL` line; default the most common TTL of the records. Records with it print no TTL,
   * and so do records without a TTL (they take the `$TTL`).
   */
  ttl?: number;
}

type PrintableRecord = DnsRecord | DnsRecordInput;

/**
 * One character-string in presentation form (RFC 1035 §5.1): quoted, `"` and `\` escaped,
 * control bytes and bytes that are not UTF-8 (the model's `\DDD`, see text-bytes.ts) as `\DDD`.
 */
export function quoteCharacterString(value: string): string {
  return quoteTxtString(value);
}

function mostCommonTtl(records: readonly PrintableRecord[]): number | undefined {
  const counts = new Map<number, number>();
  for (const record of records)
    if (record.ttl !== undefined) counts.set(record.ttl, (counts.get(record.ttl) ?? 0) + 1);
  let best: number | undefined;
  for (const [ttl, count] of counts) {
    const bestCount = best === undefined ? 0 : (counts.get(best) as number);
    if (count > bestCount || (count === bestCount && ttl < (best as number))) best = ttl;
  }
  return best;
}

/**
 * A field that did not validate, written so the file stays readable: white space, `;`, `(`, `)`,
 * `"`, `\` escaped, control characters as `\DDD`; an empty field as `""`.
 */
function escapeField(text: string): string {
  if (text === '') return '""';
  // Runs of plain characters are sliced, not copied one by one: a field is usually one run, so
  // no string is built per character (a file of 200k records held ~400 bytes per row in ropes).
  let out = '';
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const special =
      code <= 0x20 ||
      code === 0x7f ||
      code === 0x3b ||
      code === 0x28 ||
      code === 0x29 ||
      code === 0x22 ||
      code === 0x5c;
    if (!special) continue;
    out += text.slice(run, i) + (code <= 0x20 || code === 0x7f ? decimalEscape(code) : `\\${text[i]}`);
    run = i + 1;
  }
  return run === 0 ? text : out + text.slice(run);
}

/** A host target as an absolute name with its trailing dot (`.` and `@` stay as they are). */
function host(target: string): string {
  const name = target.trim().toLowerCase();
  if (name === '.' || name === '@' || name.endsWith('.')) return escapeField(name);
  return `${escapeField(name)}.`;
}

function owner(name: string, origin: string): string {
  const lower = name.trim().toLowerCase();
  if (lower === '' || lower === '@') return '@';
  if (!lower.endsWith('.')) return escapeField(lower);
  const absolute = lower.slice(0, -1);
  if (absolute === origin) return '@';
  if (absolute.endsWith(`.${origin}`)) return escapeField(absolute.slice(0, -origin.length - 1));
  return escapeField(lower);
}

/** CAA content `flags tag value` with its value re-quoted from its bytes (control bytes escaped). */
function caa(content: string): string {
  const match = /^\s*(\S+)\s+(\S+)\s+([\s\S]*?)\s*$/.exec(content);
  if (!match) return escapeField(content);
  const raw = match[3] as string;
  const quoted = raw.length >= 2 && raw.startsWith('"') && raw.endsWith('"');
  const value = quoted ? raw.slice(1, -1) : raw;
  const bytes = unescapeBytes(Buffer.from(value, 'utf8').toString('latin1'), true);
  return `${escapeField(match[1] as string)} ${escapeField(match[2] as string)} "${escapeBytes(bytes)}"`;
}

function rdata(record: PrintableRecord): string {
  const priority = record.priority ?? 0;
  switch (record.type) {
    case 'CNAME':
    case 'NS':
    case 'ALIAS':
      return host(record.content);
    case 'MX':
      return `${priority} ${host(record.content)}`;
    case 'SRV': {
      const parts = record.content.trim().split(/\s+/);
      if (parts.length !== 3) return `${priority} ${escapeField(record.content)}`;
      return `${priority} ${escapeField(parts[0] as string)} ${escapeField(parts[1] as string)} ${host(parts[2] as string)}`;
    }
    case 'TXT':
      return splitTxt(record.content).map(quoteTxtString).join(' ');
    case 'CAA':
      return caa(record.content);
    default:
      return escapeField(record.content);
  }
}

/** The record in canonical form when it validates (host case, IDN, CAA value), else as given. */
function canonical(record: PrintableRecord, zone: string): PrintableRecord {
  if (record.type === 'TXT') return record;
  try {
    const valid = validateRecordInput(
      { type: record.type, name: record.name, content: record.content, priority: record.priority ?? null },
      { zone, cnameAtApex: true },
    );
    // Unchanged strings are the record's own, so rows share them instead of holding copies.
    return {
      ...record,
      name: valid.name === record.name ? record.name : valid.name,
      content: valid.content === record.content ? record.content : valid.content,
    };
  } catch {
    return record;
  }
}

/**
 * Prints records as an RFC 1035 zone file: `$ORIGIN`, `$TTL`, one record per line in aligned
 * columns (owner, TTL when it differs from `$TTL`, class, type, data), sorted by name (apex
 * first), type, priority and content. Host targets are absolute with a trailing dot (IDN in
 * punycode); TXT values are split into quoted strings of at most 255 bytes; every byte a field
 * cannot hold as it is is escaped (`\"`, `\\`, `\DDD` for control bytes and bytes that are not
 * UTF-8), so `parseZoneFile` reads it back to the same records, and BIND loads it (ALIAS, a
 * provider type, aside). Any number of records (no argument spreading). For a large zone written
 * to a file or a stream, `printZoneFileChunks` gives the same text without holding all of it.
 */
export function printZoneFile(records: readonly PrintableRecord[], options: ZoneFilePrintOptions): string {
  const chunks: string[] = [];
  for (const chunk of printZoneFileChunks(records, options)) chunks.push(chunk);
  // One copy of each chunk into the result; the chunks and the result are both held while it is
  // made (a string cannot be written in place), which is the print's largest cost in memory.
  return chunks.length === 1 ? (chunks[0] as string) : chunks.join('');
}

/**
 * The text `printZoneFile` returns, in chunks of whole lines of about 64 KB each, for writing a
 * large zone without holding its whole text (`Readable.from(printZoneFileChunks(records, opts))`
 * piped to a file, see https://nodejs.org/api/stream.html#streamreadablefromiterable-options).
 * The records are read and sorted when the first chunk is asked for; they must not change until
 * the last one.
 */
export function* printZoneFileChunks(
  records: readonly PrintableRecord[],
  options: ZoneFilePrintOptions,
): Generator<string, void, undefined> {
  const origin = options.origin.trim().toLowerCase().replace(/\.$/, '');
  const defaultTtl = options.ttl ?? mostCommonTtl(records);
  const typeOrder = new Map(RECORD_TYPES.map((type, index) => [type as string, index]));
  const ttlText = (record: PrintableRecord) =>
    record.ttl !== undefined && record.ttl !== defaultTtl ? String(record.ttl) : '';
  // What the sort needs per record: the owner as printed, the type's rank and the priority. The
  // owner is nearly always the record's own name (a relative, lower-case name), so only the others
  // are kept, in a map; the data is printed when its line is written, and only kept from the sort
  // for records whose owner, type and priority tie. No row object or array of strings per record.
  const count = records.length;
  const renamed = new Map<number, string>();
  const ranks = new Uint8Array(count);
  const data = new Map<number, string>();
  const order: number[] = new Array(count);
  let nameWidth = 0;
  let ttlWidth = 0;
  let typeWidth = 0;
  for (let i = 0; i < count; i++) {
    const record = canonical(records[i] as PrintableRecord, origin);
    const name = owner(record.name, origin);
    const type = escapeField(record.type);
    const ttl = ttlText(record);
    if (name !== (records[i] as PrintableRecord).name) renamed.set(i, name);
    ranks[i] = typeOrder.get(type) ?? 99;
    order[i] = i;
    if (name.length > nameWidth) nameWidth = name.length;
    if (ttl.length > ttlWidth) ttlWidth = ttl.length;
    if (type.length > typeWidth) typeWidth = type.length;
  }
  const ownerOf =
    renamed.size === 0
      ? (i: number) => (records[i] as PrintableRecord).name
      : (i: number) => renamed.get(i) ?? (records[i] as PrintableRecord).name;
  const priority = (i: number) => (records[i] as PrintableRecord).priority ?? 0;
  const dataOf = (i: number): string => {
    let text = data.get(i);
    if (text === undefined) {
      text = rdata(canonical(records[i] as PrintableRecord, origin));
      data.set(i, text);
    }
    return text;
  };
  // By name (apex first), type, priority and printed data; equal rows keep the records' order.
  order.sort((a, b) => {
    const nameA = ownerOf(a);
    const nameB = ownerOf(b);
    if (nameA !== nameB) return nameA === '@' ? -1 : nameB === '@' ? 1 : nameA < nameB ? -1 : 1;
    const byType = (ranks[a] as number) - (ranks[b] as number) || priority(a) - priority(b);
    if (byType !== 0) return byType;
    const dataA = dataOf(a);
    const dataB = dataOf(b);
    return (dataA < dataB ? -1 : dataA > dataB ? 1 : 0) || a - b;
  });

  // Each chunk is made flat before it is handed out: appending lines builds a rope (several
  // objects per line) that would otherwise be kept until the text is read.
  let chunk = `$ORIGIN ${origin}.\n`;
  if (defaultTtl !== undefined) chunk += `$TTL ${defaultTtl}\n`;
  for (let k = 0; k < count; k++) {
    const i = order[k] as number;
    const record = canonical(records[i] as PrintableRecord, origin);
    const tied = data.get(i);
    if (tied !== undefined) data.delete(i);
    const text = tied ?? rdata(record);
    let line = ownerOf(i).padEnd(nameWidth);
    if (ttlWidth > 0) line += ` ${ttlText(record).padStart(ttlWidth)}`;
    line += ` IN ${escapeField(record.type).padEnd(typeWidth)} ${text}`;
    chunk += `${line.trimEnd()}\n`;
    if (chunk.length >= CHUNK) {
      yield flat(chunk);
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

const CHUNK = 1 << 16;

/** The string as one flat sequence (V8 keeps `a + b` as a pair until the text is read). */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}
