import type { ValidationIssue } from '../errors/registrar-error.js';

/** One field of a zone-file entry. */
export interface ZoneToken {
  /** The field as written, as bytes (a byte string, see text-bytes.ts), without surrounding quotes; escapes kept. */
  text: string;
  quoted: boolean;
  /** The field holds a backslash escape (`\X` or `\DDD`) to decode. */
  escaped: boolean;
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

const NEWLINE = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const QUOTE = 0x22;
const SEMICOLON = 0x3b;
const OPEN = 0x28;
const CLOSE = 0x29;
const BACKSLASH = 0x5c;

const isBlank = (code: number) => code === SPACE || code === TAB || code === CR;
const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/**
 * Splits RFC 1035 presentation text (https://www.rfc-editor.org/rfc/rfc1035#section-5.1) into
 * entries and fields, one entry at a time: `;` comments outside quotes, parentheses joining lines,
 * quoted strings, `\X` and `\DDD` escapes (checked here, decoded by the reader), and a leading blank
 * that means "same owner as before". Works on the file's bytes as a byte string, scanning char codes
 * and slicing fields, so nothing is allocated per character. Syntax errors go to `issues` (`line.N`).
 */
export class ZoneTokenizer {
  private i = 0;
  private line = 1;

  constructor(
    private readonly bytes: string,
    private readonly issues: ValidationIssue[],
  ) {}

  /** The next entry with at least one field, or null at the end of the file. */
  next(): ZoneEntry | null {
    const { bytes } = this;
    const end = bytes.length;
    while (this.i < end) {
      const entry: ZoneEntry = {
        line: this.line,
        blankOwner: isBlank(bytes.charCodeAt(this.i)),
        tokens: [],
        broken: false,
      };
      this.readEntry(entry);
      if (entry.tokens.length > 0) return entry;
    }
    return null;
  }

  private fail(entry: ZoneEntry, line: number, message: string): void {
    this.issues.push({ path: `line.${line}`, message });
    entry.broken = true;
  }

  /** Reads from the start of a line to the end of the entry (the newline outside parentheses). */
  private readEntry(entry: ZoneEntry): void {
    const { bytes } = this;
    const end = bytes.length;
    let depth = 0;
    let openedOn = 0;
    let i = this.i;
    while (i < end) {
      const code = bytes.charCodeAt(i);
      if (code === NEWLINE) {
        this.line++;
        i++;
        if (depth === 0) break;
        continue;
      }
      if (isBlank(code)) {
        i++;
        continue;
      }
      if (code === SEMICOLON) {
        const newline = bytes.indexOf('\n', i);
        i = newline < 0 ? end : newline;
        continue;
      }
      if (code === OPEN) {
        if (depth === 0) openedOn = this.line;
        depth++;
        i++;
        continue;
      }
      if (code === CLOSE) {
        if (depth === 0) this.fail(entry, this.line, 'unbalanced ")"');
        else depth--;
        i++;
        continue;
      }
      if (code === QUOTE) {
        const start = i + 1;
        let escaped = false;
        let closed = false;
        i = start;
        while (i < end) {
          const c = bytes.charCodeAt(i);
          if (c === QUOTE) {
            closed = true;
            break;
          }
          if (c === NEWLINE) break;
          if (c === BACKSLASH) {
            escaped = true;
            i = this.checkEscape(entry, i);
            continue;
          }
          i++;
        }
        if (!closed) {
          this.fail(entry, this.line, 'unterminated quoted string');
          continue;
        }
        entry.tokens.push({ text: bytes.slice(start, i), quoted: true, escaped });
        i++;
        continue;
      }
      const start = i;
      let escaped = false;
      while (i < end) {
        const c = bytes.charCodeAt(i);
        if (isBlank(c) || c === NEWLINE || c === SEMICOLON || c === OPEN || c === CLOSE || c === QUOTE) break;
        if (c === BACKSLASH) {
          escaped = true;
          i = this.checkEscape(entry, i);
          continue;
        }
        i++;
      }
      entry.tokens.push({ text: bytes.slice(start, i), quoted: false, escaped });
    }
    this.i = i;
    if (depth > 0) this.fail(entry, openedOn, 'unclosed "(" (missing ")")');
  }

  /** Checks the escape at `at` (the backslash); returns the index after it. */
  private checkEscape(entry: ZoneEntry, at: number): number {
    const { bytes } = this;
    const next = bytes.charCodeAt(at + 1);
    if (Number.isNaN(next) || next === NEWLINE) {
      this.fail(entry, this.line, 'a backslash must escape a character');
      return at + 1;
    }
    if (!isDigit(next)) return at + 2;
    const digits = bytes.slice(at + 1, at + 4);
    if (!/^\d{3}$/.test(digits)) {
      this.fail(entry, this.line, `escape \\${digits} needs three digits (\\DDD)`);
      return at + 2;
    }
    if (Number(digits) > 255) this.fail(entry, this.line, `escape \\${digits} is not a byte (000–255)`);
    return at + 4;
  }
}
