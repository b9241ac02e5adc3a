import { ValidationError } from '../errors/error-classes.js';
import type { DnsRecordInput, RecordType } from '../model/dns-record.js';
import { validateRecordInput } from '../validation/record-input.js';
import { TYPES_WITH_PRIORITY } from './record-content.js';
import { tokenizeZoneFile, type ZoneEntry, type ZoneToken } from './zone-file-tokens.js';

export interface ZoneFileParseOptions {
  /** The zone; default the file's first `$ORIGIN`, else its SOA owner. */
  origin?: string;
  /** TTL of records that give none when the file has no `$TTL` and no earlier explicit TTL. */
  defaultTtl?: number;
}

/** An entry left out of `records`: SOA, a type or class the model does not hold, `$INCLUDE`. */
export interface ZoneFileSkipped {
  line: number;
  type: string;
  reason: string;
}

export interface ParsedZoneFile {
  /** The zone (ASCII, lower-case, no trailing dot), or null when neither the options nor the file say. */
  origin: string | null;
  /** Records in file order: names relative to the zone with `@`, canonical content, TXT joined. */
  records: DnsRecordInput[];
  skipped: ZoneFileSkipped[];
}

const SUPPORTED: ReadonlySet<string> = new Set<RecordType>([
  'A',
  'AAAA',
  'CNAME',
  'MX',
  'TXT',
  'SRV',
  'NS',
  'CAA',
  'ALIAS',
]);
const CLASSES: ReadonlySet<string> = new Set(['IN', 'CH', 'CS', 'HS', 'NONE', 'ANY']);
const TTL_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };
const MAX_TTL = 2_147_483_647;
const FIELDS: Partial<Record<RecordType, number>> = {
  A: 1,
  AAAA: 1,
  CNAME: 1,
  NS: 1,
  ALIAS: 1,
  MX: 2,
  SRV: 4,
  CAA: 3,
};

/** A name as read: absolute (no trailing dot) when an origin was known, else still relative. */
interface Name {
  name: string;
  absolute: boolean;
}

/** A TTL field (`3600`, BIND units `1h30m`, `1w`), or null when the field is not a TTL. */
export function parseTtl(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^(?:\d+[smhdw])+$/i.test(text)) return null;
  let total = 0;
  for (const [, amount, unit] of text.toLowerCase().matchAll(/(\d+)([smhdw])/g))
    total += Number(amount) * (TTL_UNITS[unit as string] as number);
  return total;
}

function isClass(text: string): boolean {
  const upper = text.toUpperCase();
  return CLASSES.has(upper) || /^CLASS\d+$/.test(upper);
}

/** Resolves a name field against the current `$ORIGIN` (RFC 1035 §5.1: `@`, relative, absolute). */
function resolveName(text: string, origin: string | null): Name {
  const name = text.toLowerCase();
  if (name === '@')
    return origin === null ? { name: '@', absolute: false } : { name: origin, absolute: true };
  if (name.endsWith('.')) return { name: name.slice(0, -1), absolute: true };
  if (origin === null) return { name, absolute: false };
  return { name: origin === '' ? name : `${name}.${origin}`, absolute: true };
}

/**
 * Parses an RFC 1035 zone file (presentation format): `$ORIGIN`, `$TTL` (seconds or BIND units),
 * relative and absolute names, `@`, a blank owner (the previous one), parentheses spanning lines,
 * `;` comments, class `IN` optional, TTL before or after the class, quoted TXT with several strings
 * and escapes (joined into one value), A, AAAA, CNAME, NS, MX, SRV (priority apart, content
 * `weight port target`), CAA (`flags tag "value"`) and ALIAS.
 *
 * SOA, other types and classes, `$INCLUDE` and `$GENERATE` are listed in `skipped`. Syntax errors
 * and invalid records throw one `ValidationError` with every issue (`line.N`, `line.N.content`).
 */
export function parseZoneFile(text: string, options: ZoneFileParseOptions = {}): ParsedZoneFile {
  const { entries, issues } = tokenizeZoneFile(text);
  const records: DnsRecordInput[] = [];
  const skipped: ZoneFileSkipped[] = [];

  let zone: string | null =
    options.origin === undefined ? null : resolveName(absolute(options.origin), null).name;
  let origin = zone;
  let directiveTtl: number | undefined;
  let lastExplicitTtl: number | undefined;
  let lastOwner: Name | null = null;

  const fail = (line: number, message: string, field = '') =>
    issues.push({ path: `line.${line}${field ? `.${field}` : ''}`, message });

  /** An owner name relative to the zone, `@` for the apex, or null when it lies outside. */
  const relative = (owner: Name): string | null => {
    if (!owner.absolute) return owner.name;
    if (zone === null) return `${owner.name}.`;
    if (owner.name === zone) return '@';
    if (zone === '') return owner.name;
    return owner.name.endsWith(`.${zone}`) ? owner.name.slice(0, -zone.length - 1) : null;
  };

  for (const entry of entries) {
    if (entry.broken) continue;
    const first = entry.tokens[0] as ZoneToken;
    if (!entry.blankOwner && !first.quoted && first.text.startsWith('$')) {
      const directive = first.text.toUpperCase();
      const argument = entry.tokens[1];
      if (directive === '$ORIGIN') {
        if (!argument) fail(entry.line, '$ORIGIN needs a name');
        else {
          const resolved = resolveName(argument.text, origin);
          if (!resolved.absolute) fail(entry.line, '$ORIGIN must be an absolute name (ending with ".")');
          else {
            origin = resolved.name;
            zone ??= origin;
          }
        }
      } else if (directive === '$TTL') {
        const ttl = argument ? parseTtl(argument.text) : null;
        if (ttl === null || ttl > MAX_TTL) fail(entry.line, '$TTL needs a TTL (seconds, or units like 1h)');
        else directiveTtl = ttl;
      } else {
        skipped.push({ line: entry.line, type: directive, reason: `${directive} is not supported` });
      }
      continue;
    }
    const record = readRecord(entry);
    if (record) records.push(record);
  }

  function readRecord(entry: ZoneEntry): DnsRecordInput | null {
    const { tokens, line } = entry;
    let index = 0;
    let owner: Name;
    if (entry.blankOwner) {
      if (!lastOwner) {
        fail(line, 'the first record needs an owner name');
        return null;
      }
      owner = lastOwner;
    } else {
      owner = resolveName((tokens[index++] as ZoneToken).text, origin);
    }
    lastOwner = owner;

    let ttl: number | undefined;
    let recordClass: string | undefined;
    for (let field = 0; field < 2; field++) {
      const token = tokens[index];
      if (!token || token.quoted) break;
      const asTtl = ttl === undefined ? parseTtl(token.text) : null;
      if (asTtl !== null) ttl = asTtl;
      else if (recordClass === undefined && isClass(token.text)) recordClass = token.text.toUpperCase();
      else break;
      index++;
    }
    const typeToken = tokens[index++];
    if (!typeToken) {
      fail(line, 'missing record type');
      return null;
    }
    const type = typeToken.text.toUpperCase();
    if (ttl !== undefined) lastExplicitTtl = ttl;
    const effectiveTtl = ttl ?? directiveTtl ?? lastExplicitTtl ?? options.defaultTtl;

    if (recordClass !== undefined && recordClass !== 'IN') {
      skipped.push({ line, type, reason: `class ${recordClass} is not supported (only IN)` });
      return null;
    }
    if (type === 'SOA') {
      if (zone === null && owner.absolute) zone = owner.name;
      skipped.push({ line, type, reason: 'SOA is managed by the DNS provider' });
      return null;
    }
    if (!SUPPORTED.has(type)) {
      skipped.push({ line, type, reason: `${type} records are not supported` });
      return null;
    }
    const recordType = type as RecordType;
    const rdata = tokens.slice(index);
    const expected = FIELDS[recordType];
    if (expected !== undefined ? rdata.length !== expected : rdata.length === 0) {
      fail(
        line,
        `${type} needs ${expected ?? 'at least 1'} field${(expected ?? 1) === 1 ? '' : 's'}`,
        'content',
      );
      return null;
    }
    const name = relative(owner);
    if (name === null) {
      skipped.push({ line, type, reason: `${owner.name} is outside the zone ${zone}` });
      return null;
    }

    const target = (token: ZoneToken) => {
      if (token.text === '.') return '.';
      return resolveName(token.text, origin).name;
    };
    const field = (n: number) => rdata[n] as ZoneToken;
    let content: string;
    let priority: number | null = null;
    switch (recordType) {
      case 'A':
      case 'AAAA':
        content = field(0).value;
        break;
      case 'CNAME':
      case 'NS':
      case 'ALIAS':
        content = target(field(0));
        break;
      case 'MX':
        priority = number(field(0).text);
        content = target(field(1));
        if (content === '.') {
          skipped.push({ line, type, reason: 'a null MX (RFC 7505) is not supported' });
          return null;
        }
        break;
      case 'SRV':
        priority = number(field(0).text);
        content = `${field(1).text} ${field(2).text} ${target(field(3))}`;
        break;
      case 'CAA':
        content = `${field(0).text} ${field(1).text} "${field(2).value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
        break;
      case 'TXT':
        content = rdata.map((token) => token.value).join('');
        break;
    }
    try {
      const valid = validateRecordInput(
        {
          type: recordType,
          name,
          content,
          ...(effectiveTtl !== undefined ? { ttl: effectiveTtl } : {}),
          ...(TYPES_WITH_PRIORITY.has(recordType) ? { priority } : {}),
        },
        zone ? { zone } : {},
      );
      const { priority: validPriority, ...rest } = valid;
      return TYPES_WITH_PRIORITY.has(recordType) ? { ...rest, priority: validPriority ?? null } : rest;
    } catch (error) {
      for (const issue of (error as ValidationError).issues) fail(line, issue.message, issue.path);
      return null;
    }
  }

  if (issues.length > 0) {
    const summary = issues.map(
      (issue) => `${issue.path.replace(/^line\.(\d+)/, 'line $1')}: ${issue.message}`,
    );
    throw new ValidationError(`Invalid zone file: ${summary.join('; ')}`, {
      operation: 'parseZoneFile',
      issues,
    });
  }
  return { origin: zone, records, skipped };
}

function absolute(name: string): string {
  return name.endsWith('.') ? name : `${name}.`;
}

function number(text: string): number {
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}
