import type { DnsRecord, DnsRecordInput } from '../model/dns-record.js';
import { RECORD_TYPES } from '../model/dns-record.js';
import { splitTxt } from '../validation/txt.js';

export interface ZoneFilePrintOptions {
  /** The zone the names are relative to (`example.com`, a trailing dot is allowed). */
  origin: string;
  /** The `$TTL` line; default the most common TTL of the records. Records with it print no TTL. */
  ttl?: number;
}

type PrintableRecord = DnsRecord | DnsRecordInput;

/** One character-string in presentation form: quoted, `"` and `\` escaped, control bytes as `\DDD`. */
export function quoteCharacterString(value: string): string {
  let out = '"';
  for (const char of value) {
    const code = char.codePointAt(0) as number;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code < 0x20 || code === 0x7f) out += `\\${String(code).padStart(3, '0')}`;
    else out += char;
  }
  return `${out}"`;
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

/** A host target as an absolute name with its trailing dot (`.` and `@` stay as they are). */
function host(target: string): string {
  const name = target.trim().toLowerCase();
  if (name === '.' || name === '@' || name.endsWith('.')) return name;
  return `${name}.`;
}

function owner(name: string, origin: string): string {
  const lower = name.trim().toLowerCase();
  if (lower === '' || lower === '@') return '@';
  if (!lower.endsWith('.')) return lower;
  const absolute = lower.slice(0, -1);
  if (absolute === origin) return '@';
  if (absolute.endsWith(`.${origin}`)) return absolute.slice(0, -origin.length - 1);
  return lower;
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
      if (parts.length !== 3) return `${priority} ${record.content}`;
      return `${priority} ${parts[0]} ${parts[1]} ${host(parts[2] as string)}`;
    }
    case 'TXT':
      return splitTxt(record.content).map(quoteCharacterString).join(' ');
    default:
      return record.content;
  }
}

/**
 * Prints records as an RFC 1035 zone file: `$ORIGIN`, `$TTL`, one record per line in aligned
 * columns (owner, TTL when it differs from `$TTL`, class, type, data), sorted by name (apex
 * first), type, priority and content. Host targets are absolute with a trailing dot; TXT values
 * are split into quoted strings of at most 255 bytes. `parseZoneFile` reads it back to the same
 * records.
 */
export function printZoneFile(records: readonly PrintableRecord[], options: ZoneFilePrintOptions): string {
  const origin = options.origin.trim().toLowerCase().replace(/\.$/, '');
  const defaultTtl = options.ttl ?? mostCommonTtl(records);
  const typeOrder = (type: string) => (RECORD_TYPES as readonly string[]).indexOf(type);
  const rows = records
    .map((record) => ({
      name: owner(record.name, origin),
      ttl: record.ttl !== undefined && record.ttl !== defaultTtl ? String(record.ttl) : '',
      type: record.type,
      data: rdata(record),
      priority: record.priority ?? 0,
    }))
    .sort(
      (a, b) =>
        Number(b.name === '@') - Number(a.name === '@') ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) ||
        typeOrder(a.type) - typeOrder(b.type) ||
        a.priority - b.priority ||
        (a.data < b.data ? -1 : a.data > b.data ? 1 : 0),
    );
  const width = (key: 'name' | 'ttl' | 'type') => Math.max(0, ...rows.map((row) => row[key].length));
  const nameWidth = width('name');
  const ttlWidth = width('ttl');
  const typeWidth = width('type');

  const lines = [`$ORIGIN ${origin === '' ? '' : origin}.`];
  if (defaultTtl !== undefined) lines.push(`$TTL ${defaultTtl}`);
  for (const row of rows) {
    const columns = [row.name.padEnd(nameWidth)];
    if (ttlWidth > 0) columns.push(row.ttl.padStart(ttlWidth));
    columns.push('IN', row.type.padEnd(typeWidth), row.data);
    lines.push(columns.join(' ').trimEnd());
  }
  return `${lines.join('\n')}\n`;
}
