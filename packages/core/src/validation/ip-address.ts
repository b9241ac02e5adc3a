import { isIPv4, isIPv6 } from 'node:net';

/** Canonical IPv4 text, or null when `value` is not a dotted-quad IPv4 address. */
export function canonicalIPv4(value: string): string | null {
  return isIPv4(value) ? value : null;
}

/** Canonical IPv6 text (RFC 5952: lower-case, longest zero run compressed), or null. */
export function canonicalIPv6(value: string): string | null {
  if (!isIPv6(value) || value.includes('%')) return null;
  return new URL(`http://[${value}]/`).hostname.slice(1, -1);
}
