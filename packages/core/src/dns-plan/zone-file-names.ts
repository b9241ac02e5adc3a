/**
 * Domain names in zone files (https://www.rfc-editor.org/rfc/rfc1035#section-5.1): `@`, relative
 * and absolute names, `\X` and `\DDD` escapes, label and name length limits as BIND applies them,
 * and the names of generic RDATA (RFC 3597) in wire form.
 *
 * A name is carried as its lower-cased (ASCII letters only) presentation text without the trailing
 * dot, as a byte string (see text-bytes.ts); labels that hold a byte the presentation form must
 * escape (`.`, `\`, white space, `;`, `(`, `)`, `"`, `@`, `$`, controls, bytes above 0x7E that
 * are not UTF-8) keep it as `\X` or `\DDD`. The root is the empty string.
 */
import { toASCII } from 'tr46';
import { decimalEscape, unescapeBytes } from '../validation/text-bytes.js';

export type NameResult = { ok: true; name: string; absolute: boolean } | { ok: false; message: string };

const BACKSLASH = 0x5c;
const MAX_LABEL = 63;
const MAX_WIRE = 255;

function lowerAscii(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x41 && code <= 0x5a) return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
  }
  return text;
}

/** True when a byte may stand unescaped in a label of the canonical text. */
function plainLabelByte(code: number): boolean {
  return (
    code > 0x20 &&
    code < 0x7f &&
    code !== 0x2e &&
    code !== BACKSLASH &&
    code !== 0x3b &&
    code !== 0x28 &&
    code !== 0x29 &&
    code !== 0x22 &&
    code !== 0x40 &&
    code !== 0x24
  );
}

/** One label's bytes → its canonical text (special bytes escaped; UTF-8 kept as bytes). */
function labelText(bytes: string): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const code = bytes.charCodeAt(i);
    if (plainLabelByte(code) || code >= 0x80) out += bytes[i];
    else if (code > 0x20 && code < 0x7f) out += `\\${bytes[i]}`;
    else out += decimalEscape(code);
  }
  return out;
}

/**
 * A name field (a byte string as written) resolved against `origin` (canonical text, or null when
 * unknown: relative names then stay relative). Errors are those BIND gives: empty label, label
 * over 63 bytes, name over 255 bytes.
 */
export function readName(text: string, origin: string | null): NameResult {
  if (text === '@')
    return origin === null
      ? { ok: true, name: '@', absolute: false }
      : { ok: true, name: origin, absolute: true };
  if (text === '.') return { ok: true, name: '', absolute: true };
  const escaped = text.includes('\\');
  let absolute: boolean;
  let body: string;
  if (!escaped) {
    absolute = text.endsWith('.');
    body = lowerAscii(absolute ? text.slice(0, -1) : text);
    let start = 0;
    let wire = 1;
    for (;;) {
      const dot = body.indexOf('.', start);
      const end = dot < 0 ? body.length : dot;
      const length = end - start;
      if (length === 0) return { ok: false, message: `"${text}" has an empty label` };
      if (length > MAX_LABEL) return { ok: false, message: `a label of "${text}" is longer than 63 bytes` };
      wire += length + 1;
      if (dot < 0) break;
      start = dot + 1;
    }
    if (!plainText(body)) body = body.split('.').map(labelText).join('.');
    return finish(text, body, absolute, origin, wire);
  }
  // With escapes: split at unescaped dots, decode each label, write it back canonically.
  const labels: string[] = [];
  let start = 0;
  let i = 0;
  absolute = false;
  for (; i <= text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === BACKSLASH) {
      i += /^\d{3}$/.test(text.slice(i + 1, i + 4)) ? 3 : 1;
      continue;
    }
    if (i === text.length || code === 0x2e) {
      const raw = text.slice(start, i);
      if (raw === '' && i === text.length && labels.length > 0) {
        absolute = true;
        break;
      }
      if (raw === '') return { ok: false, message: `"${text}" has an empty label` };
      let bytes: string;
      try {
        bytes = unescapeBytes(raw);
      } catch (error) {
        return { ok: false, message: (error as Error).message };
      }
      if (bytes.length > MAX_LABEL)
        return { ok: false, message: `a label of "${text}" is longer than 63 bytes` };
      labels.push(bytes);
      start = i + 1;
    }
  }
  let wire = 1;
  for (const label of labels) wire += label.length + 1;
  body = labels.map((label) => labelText(lowerAscii(label))).join('.');
  return finish(text, body, absolute, origin, wire);
}

function plainText(body: string): boolean {
  for (let i = 0; i < body.length; i++) {
    const code = body.charCodeAt(i);
    if (code !== 0x2e && !plainLabelByte(code) && code < 0x80) return false;
  }
  return true;
}

function finish(
  text: string,
  body: string,
  absolute: boolean,
  origin: string | null,
  wire: number,
): NameResult {
  if (absolute || origin === null) {
    if (wire > MAX_WIRE) return { ok: false, message: `"${text}" is longer than 255 bytes` };
    return { ok: true, name: body, absolute };
  }
  const name = origin === '' ? body : `${body}.${origin}`;
  if (wire + origin.length + (origin === '' ? 0 : 1) > MAX_WIRE)
    return { ok: false, message: `"${text}" is longer than 255 bytes with the origin` };
  return { ok: true, name, absolute: true };
}

/** A name in wire form (uncompressed, RFC 3597 §5) at `offset` of `bytes`; null when malformed. */
export function readWireName(bytes: string, offset: number): { name: string; next: number } | null {
  const labels: string[] = [];
  let i = offset;
  let wire = 0;
  for (;;) {
    if (i >= bytes.length) return null;
    const length = bytes.charCodeAt(i);
    wire += length + 1;
    if (length > MAX_LABEL || wire > MAX_WIRE) return null;
    if (length === 0) break;
    labels.push(labelText(lowerAscii(bytes.slice(i + 1, i + 1 + length))));
    i += 1 + length;
    if (i > bytes.length) return null;
  }
  return { name: labels.join('.'), next: i + 1 };
}

/**
 * A canonical name text as the model writes names: ASCII, with labels that hold UTF-8 turned into
 * punycode (UTS 46, as `normalizeDomainName`). Null when it cannot be written so (an escaped byte,
 * a label that is not UTF-8, or one UTS 46 refuses); the caller skips the record.
 */
export function modelName(name: string): string | null {
  if (name.includes('\\')) return null;
  let ascii = true;
  for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) >= 0x80) ascii = false;
  if (ascii) return name;
  const unicode = Buffer.from(name, 'latin1').toString('utf8');
  if (unicode.includes('\ufffd')) return null;
  const converted = toASCII(unicode, { useSTD3ASCIIRules: false, transitionalProcessing: false });
  return converted ? converted.toLowerCase() : null;
}
