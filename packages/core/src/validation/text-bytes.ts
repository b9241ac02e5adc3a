/**
 * The model's text ↔ the bytes a DNS character-string holds (TXT strings, CAA values, zone-file
 * fields), in both directions, byte-exact.
 *
 * Bytes are carried as "byte strings": JS strings whose every char code is one byte (0–255), the
 * form `Buffer#toString('latin1')` gives, so scanning and slicing never allocate per byte.
 *
 * Rule for the model's text: valid UTF-8 sequences become characters; any other byte (only
 * 0x80–0xFF can be invalid) stays a `\DDD` escape as in the zone-file presentation format
 * (https://www.rfc-editor.org/rfc/rfc1035#section-5.1), so nothing changes silently and
 * `bytesFromText` restores the same bytes. A backslash byte that would otherwise read as one of
 * these escapes (followed by three digits 128–255, or by `092`) is written `\092`. Any other
 * backslash in the text is a plain backslash.
 */

const BACKSLASH = 0x5c;

const isDigit = (code: number) => code >= 0x30 && code <= 0x39;

/** The value of `\DDD` at `at` (the backslash) in `text` when it is one of the model's escapes, else -1. */
export function modelEscapeAt(text: string, at: number): number {
  const d1 = text.charCodeAt(at + 1);
  const d2 = text.charCodeAt(at + 2);
  const d3 = text.charCodeAt(at + 3);
  if (!isDigit(d1) || !isDigit(d2) || !isDigit(d3)) return -1;
  const value = (d1 - 0x30) * 100 + (d2 - 0x30) * 10 + (d3 - 0x30);
  return value === BACKSLASH || (value >= 0x80 && value <= 0xff) ? value : -1;
}

/** Length of the valid UTF-8 sequence starting at `at` in a byte string, or 0 (WHATWG rules). */
function utf8SequenceLength(bytes: string, at: number): number {
  const b0 = bytes.charCodeAt(at);
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
  else if (b0 >= 0xe0 && b0 <= 0xef) {
    length = 3;
    if (b0 === 0xe0) low = 0xa0;
    else if (b0 === 0xed) high = 0x9f;
  } else if (b0 >= 0xf0 && b0 <= 0xf4) {
    length = 4;
    if (b0 === 0xf0) low = 0x90;
    else if (b0 === 0xf4) high = 0x8f;
  } else return 0;
  const b1 = bytes.charCodeAt(at + 1);
  if (!(b1 >= low && b1 <= high)) return 0;
  for (let k = 2; k < length; k++) {
    const b = bytes.charCodeAt(at + k);
    if (!(b >= 0x80 && b <= 0xbf)) return 0;
  }
  return length;
}

/** `\DDD` with three digits. */
export function decimalEscape(byte: number): string {
  return `\\${byte < 10 ? '00' : byte < 100 ? '0' : ''}${byte}`;
}

/** True when every char code of `text` is below 0x80 and it holds no backslash. */
function plainAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 || code === BACKSLASH) return false;
  }
  return true;
}

/** Bytes (a byte string) → the model's text (see the rule above). */
export function textFromBytes(bytes: string): string {
  if (plainAscii(bytes)) return bytes;
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes.charCodeAt(i);
    if (byte < 0x80) {
      if (byte === BACKSLASH && modelEscapeAt(bytes, i) >= 0) {
        out += `${bytes.slice(runStart, i)}\\092`;
        runStart = ++i;
        continue;
      }
      i++;
      continue;
    }
    out += bytes.slice(runStart, i) + highBytes(bytes, i);
    i += highLength(bytes, i);
    runStart = i;
  }
  return out + bytes.slice(runStart);
}

/** Length of the unit at `at` (a byte ≥ 0x80): its UTF-8 sequence, else the one byte. */
function highLength(bytes: string, at: number): number {
  return utf8SequenceLength(bytes, at) || 1;
}

/** The unit at `at` (a byte ≥ 0x80) as text: its character when it starts valid UTF-8, else `\DDD`. */
function highBytes(bytes: string, at: number): string {
  const length = utf8SequenceLength(bytes, at);
  if (length === 0) return decimalEscape(bytes.charCodeAt(at));
  return Buffer.from(bytes.slice(at, at + length), 'latin1').toString('utf8');
}

/** The model's text → its bytes (a byte string): characters as UTF-8, the model's `\DDD` escapes as bytes. */
export function bytesFromText(text: string): string {
  let ascii = true;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) ascii = false;
  if (ascii && !text.includes('\\')) return text;
  let out = '';
  let runStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) !== BACKSLASH) continue;
    const value = modelEscapeAt(text, i);
    if (value < 0) continue;
    out += utf8Bytes(text.slice(runStart, i)) + String.fromCharCode(value);
    i += 3;
    runStart = i + 1;
  }
  return out + utf8Bytes(text.slice(runStart));
}

function utf8Bytes(text: string): string {
  for (let i = 0; i < text.length; i++)
    if (text.charCodeAt(i) >= 0x80) return Buffer.from(text, 'utf8').toString('latin1');
  return text;
}

/** Size in bytes of the model's text once encoded. */
export function byteLengthOfText(text: string): number {
  return bytesFromText(text).length;
}

/**
 * Bytes → the inside of a quoted character-string (RFC 1035 §5.1): `"` and `\` escaped, control
 * bytes and DEL as `\DDD`, valid UTF-8 sequences as their characters, other bytes as `\DDD`.
 */
export function escapeBytes(bytes: string): string {
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes.charCodeAt(i);
    if (byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== BACKSLASH) {
      i++;
      continue;
    }
    out += bytes.slice(runStart, i);
    if (byte === 0x22 || byte === BACKSLASH) {
      out += `\\${bytes[i]}`;
      i++;
    } else if (byte < 0x80) {
      out += decimalEscape(byte);
      i++;
    } else {
      out += highBytes(bytes, i);
      i += highLength(bytes, i);
    }
    runStart = i;
  }
  return out + bytes.slice(runStart);
}

/** An escape error in presentation text: the message names the escape. */
export class EscapeError extends Error {}

/**
 * Presentation text (a byte string, without surrounding quotes) → the bytes it stands for:
 * `\DDD` is the byte DDD (000–255), `\X` is X. Throws `EscapeError` on `\DDD` above 255, on `\`
 * followed by one or two digits only, and on a trailing backslash; `lenient` keeps such a backslash
 * as a plain one instead (for text from a provider, which must never fail to read).
 */
export function unescapeBytes(text: string, lenient = false): string {
  if (!text.includes('\\')) return text;
  let out = '';
  let runStart = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== BACKSLASH) {
      i++;
      continue;
    }
    out += text.slice(runStart, i);
    if (i + 1 >= text.length) {
      if (!lenient) throw new EscapeError('a backslash must escape a character');
      out += '\\';
      i++;
      runStart = i;
      continue;
    }
    const d1 = text.charCodeAt(i + 1);
    if (isDigit(d1)) {
      const d2 = text.charCodeAt(i + 2);
      const d3 = text.charCodeAt(i + 3);
      const value = isDigit(d2) && isDigit(d3) ? (d1 - 0x30) * 100 + (d2 - 0x30) * 10 + (d3 - 0x30) : -1;
      if (value >= 0 && value <= 255) {
        out += String.fromCharCode(value);
        i += 4;
      } else if (lenient) {
        out += '\\';
        i++;
      } else if (value < 0) {
        throw new EscapeError(`escape \\${text.slice(i + 1, i + 4)} needs three digits (\\DDD)`);
      } else {
        throw new EscapeError(`escape \\${text.slice(i + 1, i + 4)} is not a byte (000–255)`);
      }
    } else {
      out += text[i + 1];
      i += 2;
    }
    runStart = i;
  }
  return out + text.slice(runStart);
}
