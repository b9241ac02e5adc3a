import { describe, expect, it } from 'vitest';
import {
  isValidRecordName,
  isValidTargetName,
  txtStringsWithinLimit,
  validateRecordInput,
  validateRecordPatch,
} from './pocketdns-validation.js';

describe('PocketDNS record validation rules', () => {
  it('accepts names of letters, digits, hyphens and dots, @, and service labels', () => {
    for (const name of ['@', 'www', 'a', 'mail-1', 'a.b.c', '_sip._tcp', '_dmarc', 'x'.repeat(63)]) {
      expect(isValidRecordName(name), name).toBe(true);
    }
  });

  it('rejects names with a leading or trailing hyphen, other characters, empty labels or over 253 characters', () => {
    const long = `${'a'.repeat(63)}.`.repeat(4).slice(0, 254);
    for (const name of ['-www', 'www-', 'a_b', '*', '*.www', 'a..b', '', 'wäb', long, 'x'.repeat(64)]) {
      expect(isValidRecordName(name), name).toBe(false);
    }
  });

  it('accepts host names (one trailing dot allowed) as CNAME/MX/NS targets', () => {
    expect(isValidTargetName('mail.example.com')).toBe(true);
    expect(isValidTargetName('mail.example.com.')).toBe(true);
    expect(isValidTargetName('mail')).toBe(false);
    expect(isValidTargetName('192.0.2.1 ')).toBe(false);
    expect(isValidTargetName('-bad.example.com')).toBe(false);
  });

  it('limits TXT to 255 characters per string', () => {
    expect(txtStringsWithinLimit('x'.repeat(255))).toBe(true);
    expect(txtStringsWithinLimit('x'.repeat(256))).toBe(false);
    expect(txtStringsWithinLimit(`"${'a'.repeat(255)}" "${'b'.repeat(255)}"`)).toBe(true);
    expect(txtStringsWithinLimit(`"${'a'.repeat(256)}" "b"`)).toBe(false);
  });

  it('defaults the TTL to 300 and drops a priority on types without one', () => {
    const result = validateRecordInput({ type: 'A', name: 'www', content: '192.0.2.1', priority: 5 });
    expect(result).toEqual({
      ok: true,
      record: { type: 'A', name: 'www', content: '192.0.2.1', ttl: 300, priority: null },
    });
  });

  it('reports every field issue in details, with the first as message', () => {
    const result = validateRecordInput({ type: 'A', ttl: 10 });
    expect(result).toEqual({
      ok: false,
      failure: {
        status: 400,
        message: 'name is required',
        details: {
          name: 'name is required',
          content: 'content is required',
          ttl: 'TTL must be between 60 and 86400 seconds',
        },
      },
    });
  });

  it('stores SRV content as "priority weight port target" in both accepted forms', () => {
    expect(
      validateRecordInput({ type: 'SRV', name: '_sip._tcp', content: '10 60 5060 sip.example.com' }),
    ).toEqual({
      ok: true,
      record: {
        type: 'SRV',
        name: '_sip._tcp',
        content: '10 60 5060 sip.example.com',
        ttl: 300,
        priority: 10,
      },
    });
    expect(
      validateRecordInput({
        type: 'SRV',
        name: '_sip._tcp',
        content: '60 5060 sip.example.com',
        priority: 20,
      }),
    ).toEqual({
      ok: true,
      record: {
        type: 'SRV',
        name: '_sip._tcp',
        content: '20 60 5060 sip.example.com',
        ttl: 300,
        priority: 20,
      },
    });
  });

  it('rewrites the SRV content when only the priority is updated', () => {
    const current = {
      type: 'SRV' as const,
      name: '_sip._tcp',
      content: '10 60 5060 sip.example.com',
      ttl: 300,
      priority: 10,
    };
    expect(validateRecordPatch(current, { priority: 5 })).toEqual({
      ok: true,
      record: { ...current, content: '5 60 5060 sip.example.com', priority: 5 },
    });
  });

  it('refuses a type change on update', () => {
    const current = { type: 'A' as const, name: 'www', content: '192.0.2.1', ttl: 300, priority: null };
    const result = validateRecordPatch(current, { type: 'AAAA', content: '2001:db8::1' });
    expect(result.ok).toBe(false);
    expect(result.ok ? null : result.failure.status).toBe(400);
    expect(validateRecordPatch(current, { type: 'A', ttl: 600 })).toEqual({
      ok: true,
      record: { ...current, ttl: 600 },
    });
  });
});
