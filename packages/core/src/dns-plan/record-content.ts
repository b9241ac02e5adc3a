import type { DnsRecord, RecordType } from '../model/dns-record.js';
import { validateRecordInput } from '../validation/record-input.js';
import { unquoteTxt } from '../validation/txt.js';

/** Record types whose `priority` is part of the record (MX preference, SRV priority). */
export const TYPES_WITH_PRIORITY: ReadonlySet<RecordType> = new Set(['MX', 'SRV']);

const QUOTED_STRINGS = /^\s*"(?:[^"\\]|\\[\s\S])*"(?:\s+"(?:[^"\\]|\\[\s\S])*")*\s*$/;

/**
 * A TXT content as the model's one plain value. Content that is wholly presentation text (one or
 * more quoted character-strings, `"v=DKIM1; " "p=MIG…"`) is unquoted and joined; anything else is
 * already the plain value. A literal value that starts and ends with a quote is written quoted
 * and escaped (`"\"x\""`).
 */
export function plainTxt(content: string): string {
  return QUOTED_STRINGS.test(content) ? unquoteTxt(content) : content;
}

/**
 * The canonical content of a record already at the provider, for comparison: adapters already
 * send canonical content, this only makes the comparison robust to one that does not (upper-case
 * host, expanded IPv6, a quoted TXT, a trailing dot). Content that does not validate stays as it is.
 */
export function canonicalCurrentContent(type: RecordType, content: string, zone: string | undefined): string {
  if (type === 'TXT') return plainTxt(content);
  try {
    return validateRecordInput(
      { type, name: 'x', content, priority: TYPES_WITH_PRIORITY.has(type) ? 0 : null },
      zone ? { zone } : {},
    ).content;
  } catch {
    return content.trim();
  }
}

/**
 * The one canonical form of a record's content, for every adapter, zone files and plans: what
 * `validateRecordInput` makes of it (lower-case hosts without the trailing dot, compressed IPv6,
 * plain TXT, numbers without leading zeros), or the trimmed text when it does not validate.
 */
export const canonicalRecordContent = canonicalCurrentContent;

/** A current record's name in the model's form: lower-case, relative, `@` for the apex. */
export function currentName(record: Pick<DnsRecord, 'name'>): string {
  const name = record.name.trim().toLowerCase();
  return name === '' ? '@' : name;
}
