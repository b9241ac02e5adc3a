import type { ValidationIssue } from '../errors/registrar-error.js';

/** One field of a zone-file entry. */
export interface ZoneToken {
  /** The field as written, without the surrounding quotes (escapes kept). */
  text: string;
  /** The field with its escapes (`\"`, `\\`, `\DDD`) decoded; bytes are read as UTF-8. */
  value: string;
  quoted: boolean;
}

/** One logical entry: a directive or a record, possibly spanning lines inside parentheses. */
export interface ZoneEntry {
  /** The line the entry starts on (1-based). */
  line: number;
  /** The entry starts with white space: its owner is the previous entry's owner. */
  blankOwner: boolean;
  tokens: ZoneToken[];
  /** A syntax error was reported for this entry; it is not read further. */
  broken: boolean;
}

const DECODER = new TextDecoder('utf-8');
const isBlank = (char: string) => char === ' ' || char === '\t' || char === '\r';

/**
 * Splits RFC 1035 presentation text into entries and fields: `;` comments outside quotes,
 * parentheses joining lines, quoted strings with `\"`, `\\` and `\DDD` escapes, and a leading
 * blank that means "same owner as before". Syntax errors are returned as issues (`line.N`).
 */
export function tokenizeZoneFile(text: string): { entries: ZoneEntry[]; issues: ValidationIssue[] } {
  const entries: ZoneEntry[] = [];
  const issues: ValidationIssue[] = [];
  let entry: ZoneEntry | null = null;
  let line = 1;
  let depth = 0;
  let openedOn = 0;
  let atLineStart = true;
  let i = 0;

  const fail = (at: number, message: string) => {
    issues.push({ path: `line.${at}`, message });
    if (entry) entry.broken = true;
  };
  const flush = () => {
    if (entry && entry.tokens.length > 0) entries.push(entry);
    entry = null;
  };
  /** Reads an escape at `i` (the backslash) into `bytes`; returns the index after it. */
  const readEscape = (bytes: number[]): number => {
    const digits = text.slice(i + 1, i + 4);
    if (/^\d{3}$/.test(digits)) {
      const byte = Number(digits);
      if (byte > 255) fail(line, `escape \\${digits} is not a byte (000–255)`);
      bytes.push(byte & 0xff);
      return i + 4;
    }
    const next = text.codePointAt(i + 1);
    if (next === undefined || next === 0x0a) {
      fail(line, 'a backslash must escape a character');
      return i + 1;
    }
    const char = String.fromCodePoint(next);
    bytes.push(...Buffer.from(char, 'utf8'));
    return i + 1 + char.length;
  };

  while (i < text.length) {
    const char = text[i] as string;
    if (char === '\n') {
      line++;
      i++;
      atLineStart = true;
      if (depth === 0) flush();
      continue;
    }
    if (atLineStart && depth === 0) entry = { line, blankOwner: isBlank(char), tokens: [], broken: false };
    atLineStart = false;
    const current = entry as unknown as ZoneEntry;
    if (isBlank(char)) {
      i++;
      continue;
    }
    if (char === ';') {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (char === '(') {
      if (depth === 0) openedOn = line;
      depth++;
      i++;
      continue;
    }
    if (char === ')') {
      if (depth === 0) fail(line, 'unbalanced ")"');
      else depth--;
      i++;
      continue;
    }
    const bytes: number[] = [];
    if (char === '"') {
      const start = ++i;
      let closed = false;
      while (i < text.length) {
        const c = text[i] as string;
        if (c === '"') {
          closed = true;
          break;
        }
        if (c === '\n') break;
        if (c === '\\') {
          i = readEscape(bytes);
          continue;
        }
        const point = String.fromCodePoint(text.codePointAt(i) as number);
        bytes.push(...Buffer.from(point, 'utf8'));
        i += point.length;
      }
      if (!closed) {
        fail(line, 'unterminated quoted string');
        continue;
      }
      current.tokens.push({
        text: text.slice(start, i),
        value: DECODER.decode(Uint8Array.from(bytes)),
        quoted: true,
      });
      i++;
      continue;
    }
    const start = i;
    while (i < text.length) {
      const c = text[i] as string;
      if (isBlank(c) || c === '\n' || c === ';' || c === '(' || c === ')' || c === '"') break;
      if (c === '\\') {
        i = readEscape(bytes);
        continue;
      }
      const point = String.fromCodePoint(text.codePointAt(i) as number);
      bytes.push(...Buffer.from(point, 'utf8'));
      i += point.length;
    }
    current.tokens.push({
      text: text.slice(start, i),
      value: DECODER.decode(Uint8Array.from(bytes)),
      quoted: false,
    });
  }
  if (depth > 0) fail(openedOn, 'unclosed "(" (missing ")")');
  flush();
  return { entries, issues };
}
