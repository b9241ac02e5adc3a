/**
 * BIND zone files as the import and export endpoints read and write them
 * (docs/providers/cloudflare.md#zone-files): `$ORIGIN`, `$TTL` and `$GENERATE` are understood,
 * `$INCLUDE` is refused; a comment after a record becomes its comment and a trailing `cf_tags=`
 * its tags (`cf-proxied:true|false` sets proxying, `cf-flatten-cname` CNAME flattening). SOA and
 * apex NS records are Cloudflare's own: skipped on import, written by the export.
 */
import { CF, fail } from './cloudflare-errors.js';
import { isQuotedStrings } from './cloudflare-record-rules.js';
import { DATA_FIELDS, HOSTNAME_TYPES, isRecordType, PROXIABLE_TYPES } from './cloudflare-record-types.js';
import type { CloudflareRecord, CloudflareZone } from './cloudflare-shapes.js';

export const ZONE_FILE_MAX_BYTES = 262_144;

/** Splits on whitespace, keeping quoted strings (with their quotes) as single tokens. */
function tokenize(text: string): string[] {
  return text.match(/"(?:[^"\\]|\\.)*"|[^\s"]+/g) ?? [];
}

/** Index of the first `;` outside quotes, or -1. */
function commentStart(line: string): number {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') i++;
    else if (c === '"') quoted = !quoted;
    else if (c === ';' && !quoted) return i;
  }
  return -1;
}

function unquote(token: string): string {
  return token.startsWith('"') && token.endsWith('"') ? token.slice(1, -1).replace(/\\(.)/g, '$1') : token;
}

interface LogicalLine {
  text: string;
  comment: string;
  /** The line started with whitespace: the owner is the previous record's. */
  continued: boolean;
  lineNo: number;
}

/** Joins `( … )` groups into one line and separates each line's trailing comment. */
function logicalLines(file: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let pending: LogicalLine | null = null;
  file.split(/\r?\n/).forEach((raw, i) => {
    const cut = commentStart(raw);
    const body = cut < 0 ? raw : raw.slice(0, cut);
    const comment = cut < 0 ? '' : raw.slice(cut + 1).trim();
    if (pending) {
      pending.text += ` ${body}`;
      if (body.includes(')')) {
        pending.text = pending.text.replace(/[()]/g, ' ');
        out.push(pending);
        pending = null;
      }
      return;
    }
    if (body.trim() === '') return;
    const line: LogicalLine = { text: body, comment, continued: /^\s/.test(body), lineNo: i + 1 };
    if (body.includes('(') && !body.includes(')')) pending = line;
    else out.push({ ...line, text: body.replace(/[()]/g, ' ') });
  });
  if (pending)
    fail(
      400,
      CF.generic,
      `Zone file parse error: unbalanced parenthesis at line ${(pending as LogicalLine).lineNo}`,
    );
  return out;
}

function absolute(name: string, origin: string): string {
  if (name === '@') return origin;
  if (name.endsWith('.')) return name.slice(0, -1).toLowerCase();
  return `${name}.${origin}`.toLowerCase();
}

/** `comment cf_tags=a:b,cf-proxied:true` → the comment and the tag list. */
function splitComment(comment: string): { comment: string; tags: string[] } {
  const match = /(?:^|\s)cf_tags=(\S*)\s*$/.exec(comment);
  if (!match) return { comment, tags: [] };
  return {
    comment: comment.slice(0, match.index).trim(),
    tags: match[1]!.split(',').filter((t) => t !== ''),
  };
}

/** API create bodies for the records of a zone file. */
export function parseZoneFile(
  file: string,
  zoneName: string,
  proxiedDefault: boolean,
): Record<string, unknown>[] {
  let origin = zoneName;
  let defaultTtl: number | null = null;
  let owner = zoneName;
  const inputs: Record<string, unknown>[] = [];
  const lines = logicalLines(file);
  const expanded: LogicalLine[] = [];
  for (const line of lines) {
    const tokens = tokenize(line.text);
    const directive = tokens[0]?.toUpperCase();
    if (directive === '$INCLUDE') fail(400, CF.generic, '$INCLUDE directive not allowed');
    if (directive === '$GENERATE') {
      const range = /^(\d+)-(\d+)(?:\/(\d+))?$/.exec(tokens[1] ?? '');
      if (!range) fail(400, CF.generic, `Zone file parse error: bad $GENERATE range at line ${line.lineNo}`);
      const [from, to, step] = [Number(range[1]), Number(range[2]), Number(range[3] ?? 1)];
      if (to - from > 65_535 || step < 1) fail(400, CF.generic, '$GENERATE range too large');
      for (let n = from; n <= to; n += step) {
        expanded.push({
          ...line,
          continued: false,
          text: tokens.slice(2).join(' ').replace(/\$/g, String(n)),
        });
      }
    } else expanded.push(line);
  }
  for (const line of expanded) {
    const tokens = tokenize(line.text);
    const first = tokens[0]?.toUpperCase();
    if (first === '$ORIGIN') {
      origin = absolute(tokens[1] ?? '', zoneName);
      continue;
    }
    if (first === '$TTL') {
      defaultTtl = Number(tokens[1]);
      continue;
    }
    if (!line.continued) owner = absolute(tokens.shift() ?? '@', origin);
    let ttl: number | null = null;
    while (tokens.length > 0) {
      const t = tokens[0]!;
      if (/^\d+$/.test(t)) ttl = Number(tokens.shift());
      else if (/^(IN|CH|HS)$/i.test(t)) tokens.shift();
      else break;
    }
    const type = (tokens.shift() ?? '').toUpperCase();
    if (type === 'SOA' || (type === 'NS' && owner === zoneName)) continue;
    if (!isRecordType(type))
      fail(400, CF.generic, `Zone file parse error: unknown record type ${type} at line ${line.lineNo}`);
    const { comment, tags } = splitComment(line.comment);
    const input: Record<string, unknown> = { type, name: owner, ttl: ttl ?? defaultTtl ?? 1 };
    Object.assign(input, rdata(type, tokens, origin, line.text));
    let proxied = proxiedDefault && PROXIABLE_TYPES.has(type);
    const keptTags: string[] = [];
    for (const tag of tags) {
      if (tag.toLowerCase() === 'cf-proxied:true') proxied = true;
      else if (tag.toLowerCase() === 'cf-proxied:false') proxied = false;
      else if (tag.toLowerCase() === 'cf-flatten-cname') input.settings = { flatten_cname: true };
      else keptTags.push(tag);
    }
    if (proxied) input.proxied = true;
    if (comment !== '') input.comment = comment;
    if (keptTags.length > 0) input.tags = keptTags;
    inputs.push(input);
  }
  return inputs;
}

function rdata(type: string, tokens: string[], origin: string, text: string): Record<string, unknown> {
  const host = (t: string | undefined) => absolute(t ?? '', origin);
  switch (type) {
    case 'MX':
      return { priority: Number(tokens[0]), content: host(tokens[1]) };
    case 'TXT': {
      // Keep the character-strings as written (quoted), the way the API stores quoted content.
      const start = text.search(/"/);
      return { content: start < 0 ? tokens.join(' ') : text.slice(start).trim() };
    }
    case 'SRV':
      return {
        data: {
          priority: Number(tokens[0]),
          weight: Number(tokens[1]),
          port: Number(tokens[2]),
          target: host(tokens[3]),
        },
      };
    case 'URI':
      return {
        priority: Number(tokens[0]),
        data: { weight: Number(tokens[1]), target: unquote(tokens[2] ?? '') },
      };
    case 'HTTPS':
    case 'SVCB':
      return {
        data: { priority: Number(tokens[0]), target: tokens[1] ?? '.', value: tokens.slice(2).join(' ') },
      };
    default:
      break;
  }
  if (HOSTNAME_TYPES.has(type)) return { content: host(tokens[0]) };
  const fields = DATA_FIELDS[type];
  if (!fields) return { content: tokens.join(' ') };
  const data: Record<string, unknown> = {};
  const values = type === 'LOC' ? tokens.map((t) => t.replace(/m$/, '')) : tokens;
  fields.forEach(([key, kind], i) => {
    const last = i === fields.length - 1;
    const raw = last
      ? values.slice(i).join(kind === 'string' && type !== 'NAPTR' ? '' : ' ')
      : (values[i] ?? '');
    data[key] = kind === 'number' ? Number(raw) : unquote(raw);
  });
  return { data };
}

/** TXT content as zone-file character-strings: quoted, each at most 255 bytes. */
function txtStrings(content: string): string {
  const strings = isQuotedStrings(content)
    ? (content.match(/"(?:[^"\\]|\\.)*"/g) ?? []).map((s) => s.slice(1, -1))
    : [content.replace(/(["\\])/g, '\\$1')];
  const out: string[] = [];
  for (const s of strings) {
    for (let i = 0; i < s.length || i === 0; i += 255) out.push(`"${s.slice(i, i + 255)}"`);
  }
  return out.join(' ');
}

function rdataText(r: CloudflareRecord): string {
  if (r.type === 'TXT') return txtStrings(r.content);
  if (r.type === 'MX') return `${r.priority ?? 0} ${r.content}.`;
  if (HOSTNAME_TYPES.has(r.type)) return `${r.content}.`;
  if (r.type === 'SRV') return `${r.priority ?? 0} ${r.content}.`;
  if (r.type === 'URI') return `${r.priority ?? 0} ${r.content}`;
  return r.content;
}

function exportedAt(date: Date): string {
  return date
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d{3}Z$/, '');
}

/** The export: a header, SOA, the apex NS records, then one section per record type. */
export function renderZoneFile(
  zone: CloudflareZone,
  records: readonly CloudflareRecord[],
  now: Date,
): string {
  const serial = 2_000_000_000 + (Number.parseInt(zone.id.slice(0, 6), 16) % 100_000_000);
  const lines = [
    ';;',
    `;; Domain:     ${zone.name}.`,
    `;; Exported:   ${exportedAt(now)}`,
    ';;',
    ';; Export for information and archiving: review the SOA and NS records',
    ';; before serving this file from another DNS server.',
    ';;',
    ';; SOA Record',
    `${zone.name}\t3600\tIN\tSOA\t${zone.name_servers[0]}. dns.cloudflare.com. ${serial} 10000 2400 604800 3600`,
    '',
    ';; NS Records',
    ...zone.name_servers.map((ns) => `${zone.name}.\t86400\tIN\tNS\t${ns}.`),
  ];
  const types = [...new Set(records.map((r) => r.type))].sort();
  for (const type of types) {
    lines.push('', `;; ${type} Records`);
    for (const r of records.filter((x) => x.type === type)) {
      const tags = [...r.tags];
      if (r.proxied) tags.push('cf-proxied:true');
      if (r.settings.flatten_cname === true) tags.push('cf-flatten-cname');
      const notes = [r.comment ?? '', tags.length > 0 ? `cf_tags=${tags.join(',')}` : ''].filter(
        (s) => s !== '',
      );
      const suffix = notes.length > 0 ? ` ; ${notes.join(' ')}` : '';
      lines.push(`${r.name}.\t${r.ttl}\tIN\t${r.type}\t${rdataText(r)}${suffix}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
