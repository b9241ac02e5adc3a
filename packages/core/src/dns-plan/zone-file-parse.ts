import { ValidationError } from '../errors/error-classes.js';
import type { ValidationIssue } from '../errors/registrar-error.js';
import type { DnsRecordInput, RecordType } from '../model/dns-record.js';
import { validateRecordInput } from '../validation/record-input.js';
import { TYPES_WITH_PRIORITY } from './record-content.js';
import { modelName, type NameResult, readName } from './zone-file-names.js';
import { readRdata } from './zone-file-rdata.js';
import { type ZoneEntry, type ZoneToken, ZoneTokenizer } from './zone-file-tokens.js';
import { limitTtl, parseTtl, readClassField, readTypeField, TYPES_BESIDE_CNAME } from './zone-file-types.js';

export { parseTtl } from './zone-file-types.js';

export interface ZoneFileParseOptions {
  /** The zone; default the SOA owner, else the file's first `$ORIGIN`. */
  origin?: string;
  /**
   * TTL of records the file gives none (no TTL field, no `$TTL`, no earlier explicit TTL, no SOA
   * before them). Without it such a record is an error, as in BIND.
   */
  defaultTtl?: number;
}

/** An entry left out of `records`, with its line and why: what BIND reads but the model does not hold. */
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

/** The types the model holds (ALIAS, a provider type BIND does not know, included). */
const MODELLED: ReadonlySet<string> = new Set<RecordType>([
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

const HAS_CNAME = 1;
const HAS_OTHER = 2;

function byteString(text: string | Uint8Array): string {
  if (typeof text !== 'string')
    return Buffer.from(text.buffer, text.byteOffset, text.byteLength).toString('latin1');
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range
  return /[^\u0000-\u007f]/.test(text) ? Buffer.from(text, 'utf8').toString('latin1') : text;
}

const relativeTo = (name: string, zone: string): string | null => {
  if (name === zone) return '@';
  if (zone === '') return name;
  return name.endsWith(`.${zone}`) && name.length > zone.length + 1 ? name.slice(0, -zone.length - 1) : null;
};

/** The record type field index after the owner, TTL and class fields, or -1. */
function typeIndex(entry: ZoneEntry): number {
  let index = entry.blankOwner ? 0 : 1;
  for (let field = 0; field < 2; field++) {
    const token = entry.tokens[index];
    if (!token || token.quoted) break;
    if (parseTtl(token.text) === null && readClassField(token.text) === null) break;
    index++;
  }
  return index < entry.tokens.length ? index : -1;
}

/**
 * The zone when the options do not give it: the SOA's owner, else the first `$ORIGIN` (a light
 * first pass that stops at the SOA, which is usually on the first lines).
 */
function findZone(bytes: string): string | null {
  const firstOrigin = /^\$ORIGIN[ \t]+([^\s;]+)/im.exec(bytes);
  let fromOrigin: string | null = null;
  if (firstOrigin) {
    const name = readName(firstOrigin[1] as string, null);
    if (name.ok && name.absolute) fromOrigin = name.name;
  }
  if (!/SOA/i.test(bytes)) return fromOrigin;
  const tokenizer = new ZoneTokenizer(bytes, []);
  let origin: string | null = null;
  let owner: NameResult | null = null;
  for (let entry = tokenizer.next(); entry; entry = tokenizer.next()) {
    const first = entry.tokens[0] as ZoneToken;
    if (!entry.blankOwner && first.text.toUpperCase() === '$ORIGIN' && entry.tokens[1]) {
      const name = readName(entry.tokens[1].text, origin);
      if (name.ok && name.absolute) origin = name.name;
      continue;
    }
    if (!entry.blankOwner) owner = readName(first.text, origin);
    const index = typeIndex(entry);
    if (index >= 0 && (entry.tokens[index] as ZoneToken).text.toUpperCase() === 'SOA')
      return owner?.ok && owner.absolute ? owner.name : fromOrigin;
  }
  return fromOrigin;
}

/**
 * Parses a zone file in RFC 1035 presentation format
 * (https://www.rfc-editor.org/rfc/rfc1035#section-5.1) as BIND 9 loads it: `$ORIGIN`, `$TTL`,
 * relative and absolute names with escapes, `@`, blank owners, parentheses, comments, class and
 * TTL in either order (BIND units such as `1h30m`), TTL defaults (the `$TTL`, else the last
 * explicit TTL, else the SOA MINIMUM), TTLs above 2³¹ − 1 read as 0, record types by mnemonic or
 * `TYPEnnn` and data in text or generic `\#` form (RFC 3597), one TTL per record set (the first
 * of the last run of entries that adds to it), duplicate records once. The text may be a string
 * or the file's bytes (then bytes that are not UTF-8 are kept exactly, as `\DDD` in TXT).
 *
 * What BIND reads but the model does not hold is listed in `skipped` with its line and reason
 * and never stops the file: SOA, other types, names or targets the model cannot write (`/`,
 * `+`, a wildcard below the first label, the root target of a CNAME or MX), names outside the
 * zone, `$INCLUDE`. What BIND refuses throws one `ValidationError` with every issue by line
 * (`line.N`, `line.N.content`): syntax, unknown types or directives, bad TTLs, another class, a
 * TXT string over 255 bytes, a CNAME beside other data.
 */
export function parseZoneFile(text: string | Uint8Array, options: ZoneFileParseOptions = {}): ParsedZoneFile {
  const bytes = byteString(text);
  const issues: ValidationIssue[] = [];
  // Sized once for the most records (and owners) the text can hold, one per line: arrays grown by
  // `push` left each smaller copy behind as garbage (about 20 MB at the end of a 200k-record
  // parse, held until the next full GC, beside the records; see bench/RESULTS.md section 7).
  const capacity = lineCount(bytes);
  const records: DnsRecordInput[] = new Array(capacity);
  let recordCount = 0;
  const recordLines = new Int32Array(capacity);
  // The record sets, kept as compact as BIND's semantics allow (a zone of 200k names has as many
  // owners): per owner an id with its CNAME/other flags and its last record; per record the
  // previous record at the same owner and the run of entries (block) it came from. A set is the
  // records of one type along an owner's chain; its TTL is held by each of its records.
  const prevAtOwner = new Int32Array(capacity);
  const recordBlocks = new Int32Array(capacity);
  const skipped: ZoneFileSkipped[] = [];
  const fail = (line: number, message: string, field = '') =>
    issues.push({ path: `line.${line}${field ? `.${field}` : ''}`, message });

  let zone: string | null = null;
  if (options.origin !== undefined) {
    const given = options.origin.trim();
    const name = readName(given.endsWith('.') ? given : `${given}.`, null);
    if (!name.ok)
      throw new ValidationError(`Invalid zone origin: ${name.message}`, {
        operation: 'parseZoneFile',
        issues: [{ path: 'origin', message: name.message }],
      });
    zone = name.name;
  } else zone = findZone(bytes);
  const rules = zone !== null ? { zone: modelName(zone) ?? zone } : {};

  let origin = zone;
  let defaultTtl: number | undefined;
  let lastTtl: number | undefined;
  let lastOwner: NameResult | null = null;
  let lastOwnerKey: string | null = null;
  let block = 0;
  let soaSeen = false;
  const owners = new Map<string, number>();
  const ownerFlags = new Uint8Array(capacity);
  const ownerLast = new Int32Array(capacity);
  let ownerCount = 0;
  let ownerId = -1;

  const tokenizer = new ZoneTokenizer(bytes, issues);
  for (let entry = tokenizer.next(); entry; entry = tokenizer.next()) {
    if (entry.broken) continue;
    const first = entry.tokens[0] as ZoneToken;
    if (!entry.blankOwner && !first.quoted && first.text.startsWith('$')) directive(entry);
    else readRecord(entry);
  }

  function directive(entry: ZoneEntry): void {
    const name = entry.tokens[0]!.text.toUpperCase();
    const argument = entry.tokens[1];
    const line = entry.line;
    switch (name) {
      case '$ORIGIN': {
        if (!argument) return void fail(line, '$ORIGIN needs a name');
        const resolved = readName(argument.text, origin);
        if (!resolved.ok) return void fail(line, resolved.message);
        if (!resolved.absolute) return void fail(line, '$ORIGIN must be an absolute name (ending with ".")');
        origin = resolved.name;
        return;
      }
      case '$TTL': {
        const ttl = argument ? parseTtl(argument.text) : null;
        if (ttl === null) return void fail(line, '$TTL needs a TTL (seconds, or units like 1h)');
        defaultTtl = limitTtl(ttl);
        lastTtl = defaultTtl;
        return;
      }
      case '$INCLUDE':
        skipped.push({ line, type: name, reason: '$INCLUDE is not read (parseZoneFile reads one text)' });
        return;
      case '$GENERATE':
        skipped.push({ line, type: name, reason: '$GENERATE is not expanded' });
        return;
      default:
        fail(line, `unknown $ directive '${entry.tokens[0]!.text}'`);
    }
  }

  function readRecord(entry: ZoneEntry): void {
    const { tokens, line } = entry;
    let index = 0;
    let owner: NameResult;
    if (entry.blankOwner) {
      if (!lastOwner) return void fail(line, 'the first record needs an owner name');
      owner = lastOwner;
    } else {
      owner = readName((tokens[index++] as ZoneToken).text, origin);
      if (!owner.ok) {
        lastOwner = owner;
        return void fail(line, owner.message);
      }
    }
    lastOwner = owner;
    if (!owner.ok) return;

    let explicitTtl: number | undefined;
    let recordClass: string | undefined;
    for (let field = 0; field < 2; field++) {
      const token = tokens[index];
      if (!token || token.quoted) break;
      const ttl = explicitTtl === undefined ? parseTtl(token.text) : null;
      if (ttl !== null) explicitTtl = limitTtl(ttl);
      else if (recordClass === undefined) {
        const readClass = readClassField(token.text);
        if (readClass === null) break;
        recordClass = readClass;
      } else break;
      index++;
    }
    const typeToken = tokens[index++];
    if (!typeToken) return void fail(line, 'missing record type');
    const typeField = readTypeField(typeToken.text);
    if (typeField.kind === 'unknown') return void fail(line, `unknown RR type '${typeToken.text}'`);
    const type = typeField.type;
    if (typeField.kind === 'meta')
      return void fail(line, `${type} is a meta type, not allowed in a zone file`);
    if (recordClass !== undefined && recordClass !== 'IN')
      return void fail(line, `class '${recordClass}' != zone class 'IN'`);
    const rdata = tokens.slice(index);

    if (explicitTtl !== undefined) lastTtl = explicitTtl;
    let ttl = explicitTtl ?? defaultTtl ?? lastTtl;
    if (type === 'SOA') {
      const minimum = soaMinimum(rdata);
      if (minimum === null)
        return void fail(
          line,
          'SOA needs 7 fields (mname rname serial refresh retry expire minimum)',
          'content',
        );
      if (ttl === undefined) {
        ttl = limitTtl(minimum);
        defaultTtl = ttl;
      }
    }
    ttl ??= options.defaultTtl;
    if (ttl === undefined)
      return void fail(line, 'no TTL specified (add a $TTL line or a TTL to the record)', 'ttl');

    const ownerKey = owner.name;
    if (ownerKey !== lastOwnerKey) {
      block++;
      lastOwnerKey = ownerKey;
      let id = owners.get(ownerKey);
      if (id === undefined) {
        id = ownerCount++;
        owners.set(ownerKey, id);
        ownerLast[id] = -1;
      }
      ownerId = id;
    }
    const name =
      owner.absolute && zone !== null
        ? relativeTo(owner.name, zone)
        : owner.absolute
          ? `${owner.name}.`
          : owner.name;
    if (name === null) {
      skipped.push({ line, type, reason: `${owner.name || '.'} is outside the zone ${zone}` });
      return;
    }
    if (type === 'SOA') {
      if (name !== '@') return void fail(line, `SOA record not at top of zone (${owner.name})`);
      if (soaSeen) return void fail(line, 'multiple RRs of singleton type (a zone has one SOA)');
      soaSeen = true;
      skipped.push({ line, type, reason: 'SOA is managed by the DNS provider' });
      return;
    }
    if (!checkBesideCname(line, ownerKey, type)) return;
    if (!MODELLED.has(type)) {
      skipped.push({ line, type, reason: `${type} records are not supported` });
      return;
    }
    const recordType = type as RecordType;
    const read = readRdata(recordType, rdata, origin);
    if (read.ok === false) return void fail(line, read.message, 'content');
    if (recordType === 'CNAME' && read.ok === true && !singleCname(line, ownerKey, read.content)) return;
    if (read.ok === 'skip') return void skipped.push({ line, type, reason: read.reason });

    const model = name === '@' || name.endsWith('.') ? name : modelName(name);
    if (model === null)
      return void skipped.push({ line, type, reason: `the name ${owner.name} is not a host name` });
    const withPriority = TYPES_WITH_PRIORITY.has(recordType);
    let valid: DnsRecordInput;
    try {
      valid = validateRecordInput(
        withPriority
          ? { type: recordType, name: model, content: read.content, ttl, priority: read.priority }
          : { type: recordType, name: model, content: read.content, ttl },
        rules,
      );
    } catch (error) {
      const reasons = (error as ValidationError).issues.map((issue) => `${issue.path}: ${issue.message}`);
      return void skipped.push({ line, type, reason: `the model cannot hold it (${reasons.join('; ')})` });
    }
    // A new object of one fixed shape per kind: what validateRecordInput returns is built with a
    // spread, and deleting `priority` from it would turn each of 200k records into a dictionary.
    const record: DnsRecordInput = withPriority
      ? { type: valid.type, name: valid.name, content: valid.content, ttl, priority: valid.priority }
      : { type: valid.type, name: valid.name, content: valid.content, ttl };
    addToSet(line, record, ttl);
  }

  /** BIND: "CNAME and other data" (RFC 1034 §3.6.2); DNSSEC types may stand beside a CNAME. */
  function checkBesideCname(line: number, owner: string, type: string): boolean {
    if (TYPES_BESIDE_CNAME.has(type)) return true;
    const flag = type === 'CNAME' ? HAS_CNAME : HAS_OTHER;
    const flags = ownerFlags[ownerId] as number;
    if ((flags | flag) === (HAS_CNAME | HAS_OTHER)) {
      fail(line, `${owner || '.'}: CNAME and other data`);
      return false;
    }
    ownerFlags[ownerId] = flags | flag;
    return true;
  }

  /** BIND: "multiple RRs of singleton type": one CNAME per name (a duplicate is dropped). */
  function singleCname(line: number, owner: string, content: string): boolean {
    const at = lastOfType('CNAME');
    const existing = at >= 0 ? records[at] : undefined;
    if (existing && existing.content !== content) {
      fail(line, `${owner || '.'}: multiple RRs of singleton type (one CNAME per name)`);
      return false;
    }
    return true;
  }

  /** The last record of `type` at the current owner, or -1. */
  function lastOfType(type: string): number {
    for (let at = ownerLast[ownerId] as number; at >= 0; at = prevAtOwner[at] as number)
      if ((records[at] as DnsRecordInput).type === type) return at;
    return -1;
  }

  function addToSet(line: number, record: DnsRecordInput, ttl: number): void {
    const last = lastOfType(record.type);
    if (last >= 0) {
      for (let at = last; at >= 0; at = prevAtOwner[at] as number) {
        const other = records[at] as DnsRecordInput;
        if (other.type !== record.type) continue;
        if (other.content === record.content && other.priority === record.priority) {
          skipped.push({
            line,
            type: record.type,
            reason: `duplicate of the record on line ${recordLines[at]} (a record set holds each record once)`,
          });
          return;
        }
      }
      if (recordBlocks[last] === block) record.ttl = (records[last] as DnsRecordInput).ttl as number;
      // A later run of entries for the same set: BIND keeps that run's TTL for the whole set.
      else
        for (let at = last; at >= 0; at = prevAtOwner[at] as number)
          if ((records[at] as DnsRecordInput).type === record.type) (records[at] as DnsRecordInput).ttl = ttl;
    }
    if (last < 0 || recordBlocks[last] !== block) record.ttl = ttl;
    const at = recordCount++;
    prevAtOwner[at] = ownerLast[ownerId] as number;
    ownerLast[ownerId] = at;
    recordBlocks[at] = block;
    records[at] = record;
    recordLines[at] = line;
  }

  if (issues.length > 0) {
    issues.sort((a, b) => lineOf(a) - lineOf(b));
    const summary = issues.map(
      (issue) => `${issue.path.replace(/^line\.(\d+)/, 'line $1')}: ${issue.message}`,
    );
    throw new ValidationError(`Invalid zone file: ${summary.join('; ')}`, {
      operation: 'parseZoneFile',
      issues,
    });
  }
  records.length = recordCount;
  return { origin: zone === null ? null : (modelName(zone) ?? zone), records, skipped };
}

/** Lines in the text: an entry ends at a newline outside parentheses, so no more entries. */
function lineCount(bytes: string): number {
  let lines = 1;
  for (let at = bytes.indexOf('\n'); at >= 0; at = bytes.indexOf('\n', at + 1)) lines++;
  return lines;
}

function lineOf(issue: ValidationIssue): number {
  return Number(/^line\.(\d+)/.exec(issue.path)?.[1] ?? 0);
}

/** The SOA MINIMUM field (RFC 2308 §4 calls it the negative-caching TTL), or null when the SOA is malformed. */
function soaMinimum(rdata: ZoneToken[]): number | null {
  if (rdata.length !== 7) return null;
  if (!/^\d+$/.test((rdata[2] as ZoneToken).text)) return null;
  for (let k = 3; k < 7; k++) if (parseTtl((rdata[k] as ZoneToken).text) === null) return null;
  return parseTtl((rdata[6] as ZoneToken).text);
}
