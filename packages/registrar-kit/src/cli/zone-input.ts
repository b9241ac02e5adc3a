/**
 * The desired records of `dns diff` and `dns apply`: a zone file (RFC 1035 presentation format) or
 * JSON (`{ domain?, records }` as `dns export --format json` prints, or a bare array), read from a
 * path or from stdin (`-`).
 */
import { readFile } from 'node:fs/promises';
import {
  type DnsRecord,
  type DnsRecordInput,
  normalizeDomainName,
  parseZoneFile,
  RECORD_TYPES,
  ValidationError,
  type ValidationIssue,
  type ZoneFileSkipped,
} from '@registrar-kit/core';
import { UsageError } from './errors.js';
import type { ZoneFormat } from './option-parsers.js';
import type { IO } from './render.js';

export type { ZoneFormat } from './option-parsers.js';

export interface ZoneSource {
  /** The path, or `-` for stdin. */
  file: string;
  text: string;
  /** The format given with --format, else guessed (`.json` or text starting with `{` / `[`). */
  format: ZoneFormat;
}

export interface DesiredZone {
  records: DnsRecordInput[];
  /** Zone-file entries left out (SOA, unsupported types, names outside the zone), with their line. */
  skipped: ZoneFileSkipped[];
}

/** Reads `--file` (a path or `-` for stdin) before any request is sent. */
export async function readZoneSource(
  io: IO,
  file: string,
  format: ZoneFormat | undefined,
): Promise<ZoneSource> {
  let text: string;
  if (file === '-') {
    if (!io.stdin) throw new UsageError('--file - needs a standard input', 'pass a path to --file');
    const chunks: Buffer[] = [];
    for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
      throw new UsageError(`cannot read --file ${file} (${reason})`, 'check the path given to --file');
    }
  }
  const guessed: ZoneFormat = file.toLowerCase().endsWith('.json') || /^\s*[[{]/.test(text) ? 'json' : 'bind';
  return { file, text, format: format ?? guessed };
}

/**
 * The zone name to plan against: the zone of the listed records (adapters give it as an ASCII name),
 * else the `<domain>` argument as a name.
 */
export function zoneName(domain: string, current: readonly DnsRecord[]): string {
  const listed = current[0]?.domain;
  if (listed) return listed;
  try {
    return normalizeDomainName(domain);
  } catch {
    throw new UsageError(
      `cannot tell the zone name of "${domain}" (it has no records to read it from)`,
      'give the domain as a name, e.g. example.com',
    );
  }
}

function mismatch(source: ZoneSource, found: string, zone: string): UsageError {
  const what = source.format === 'bind' ? '$ORIGIN' : '"domain"';
  return new UsageError(
    `the ${what} of ${source.file === '-' ? 'stdin' : source.file} is ${found}, not ${zone}`,
    `edit its ${what}, or give ${found} as the domain`,
  );
}

/**
 * The records of the source, relative to `zone`. A file for another zone (its first `$ORIGIN`, or
 * the JSON `domain`) is refused rather than read as records outside the zone, which a purge would
 * turn into deleting the whole zone.
 */
export function desiredRecords(source: ZoneSource, zone: string): DesiredZone {
  if (source.format === 'json') return jsonRecords(source, zone);
  const first = parseZoneFile(source.text);
  if (first.origin !== null && first.origin !== zone) throw mismatch(source, first.origin, zone);
  const parsed = first.origin === null ? parseZoneFile(source.text, { origin: zone }) : first;
  return { records: parsed.records, skipped: parsed.skipped };
}

const TYPES: ReadonlySet<string> = new Set(RECORD_TYPES);

function jsonRecords(source: ZoneSource, zone: string): DesiredZone {
  let body: unknown;
  try {
    body = JSON.parse(source.text);
  } catch (error) {
    throw new ValidationError(`--file is not valid JSON: ${(error as Error).message}`, {
      operation: 'readZone',
      issues: [{ path: '', message: 'expected { "records": [...] } or an array of records' }],
    });
  }
  const object = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : null;
  const list = Array.isArray(body) ? body : (object as { records?: unknown } | null)?.records;
  const domain = (object as { domain?: unknown } | null)?.domain;
  if (typeof domain === 'string') {
    let named: string;
    try {
      named = normalizeDomainName(domain);
    } catch {
      named = domain;
    }
    if (named !== zone) throw mismatch(source, named, zone);
  }
  if (!Array.isArray(list)) {
    throw new ValidationError('--file holds no records', {
      operation: 'readZone',
      issues: [{ path: 'records', message: 'expected { "records": [...] } or an array of records' }],
    });
  }
  const issues: ValidationIssue[] = [];
  const records: DnsRecordInput[] = [];
  list.forEach((item: unknown, index) => {
    const entry = (item ?? {}) as Record<string, unknown>;
    const path = `records.${index}`;
    if (typeof item !== 'object' || item === null) {
      issues.push({ path, message: 'expected a record object' });
      return;
    }
    const { type, name, content, ttl, priority } = entry;
    if (typeof type !== 'string' || !TYPES.has(type.toUpperCase()))
      issues.push({ path: `${path}.type`, message: `expected one of ${RECORD_TYPES.join(' ')}` });
    if (name !== undefined && typeof name !== 'string')
      issues.push({ path: `${path}.name`, message: 'expected a string' });
    if (typeof content !== 'string') issues.push({ path: `${path}.content`, message: 'expected a string' });
    if (ttl !== undefined && ttl !== null && !Number.isInteger(ttl))
      issues.push({ path: `${path}.ttl`, message: 'expected a whole number of seconds' });
    if (priority !== undefined && priority !== null && !Number.isInteger(priority))
      issues.push({ path: `${path}.priority`, message: 'expected a whole number' });
    if (issues.some((issue) => issue.path.startsWith(`${path}.`))) return;
    records.push({
      type: (type as string).toUpperCase() as DnsRecordInput['type'],
      name: (name as string | undefined) ?? '@',
      content: content as string,
      ...(typeof ttl === 'number' ? { ttl } : {}),
      ...(typeof priority === 'number' ? { priority } : {}),
    });
  });
  if (issues.length > 0) {
    const summary = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new ValidationError(`Invalid records in --file: ${summary}`, { operation: 'readZone', issues });
  }
  return { records, skipped: [] };
}

/** A record in the portable form of `dns export --format json` (no ids, no provider fields). */
export function portableRecord(record: DnsRecord | DnsRecordInput): DnsRecordInput {
  return {
    type: record.type,
    name: record.name,
    content: record.content,
    ...(record.ttl !== undefined ? { ttl: record.ttl } : {}),
    priority: record.priority ?? null,
  };
}
