import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/error-classes.js';
import { validateRecordInputBeforeZone, validateRecordPatchBeforeZone } from './record-input-before-zone.js';

const rules = { ttl: { min: 60, max: 86_400 } };

describe('validateRecordInputBeforeZone', () => {
  it.each([
    ['a CNAME at @', { type: 'CNAME', name: '@', content: 'target.example.net' }, 'name'],
    ['an MX without priority', { type: 'MX', name: '@', content: 'mx.example.net' }, 'priority'],
    ['a TTL of 30', { type: 'A', name: 'www', content: '192.0.2.1', ttl: 30 }, 'ttl'],
    ['a bad IPv4', { type: 'A', name: 'www', content: '300.1.1.1' }, 'content'],
    [
      'a bad label in an absolute name',
      { type: 'A', name: 'a b.example.com.', content: '192.0.2.1' },
      'name',
    ],
  ] as const)('refuses %s without the zone', (_label, input, path) => {
    const error = (() => {
      try {
        validateRecordInputBeforeZone(input as never, rules);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues.map((i) => i.path)).toContain(path);
  });

  it.each([
    ['an absolute name', { type: 'A', name: 'www.example.com.', content: '192.0.2.1' }],
    [
      'an absolute apex CNAME name that may be inside the zone',
      { type: 'CNAME', name: 'www.example.com.', content: 'x.example.net' },
    ],
    ['@ as a CNAME target', { type: 'CNAME', name: 'www', content: '@' }],
    ['@ as an MX target', { type: 'MX', name: '@', content: '@', priority: 10 }],
    ['@ as an SRV target', { type: 'SRV', name: '_sip._tcp', content: '5 5060 @', priority: 10 }],
  ] as const)('leaves %s to the check with the zone', (_label, input) => {
    expect(() => validateRecordInputBeforeZone(input as never, rules)).not.toThrow();
  });

  it('with the zone known it is the full check', () => {
    expect(() =>
      validateRecordInputBeforeZone(
        { type: 'A', name: 'www.other.org.', content: '192.0.2.1' },
        { zone: 'example.com' },
      ),
    ).toThrow(ValidationError);
  });
});

describe('validateRecordPatchBeforeZone', () => {
  it('refuses what no zone can make valid, keeps what one can', () => {
    expect(() => validateRecordPatchBeforeZone({ ttl: 30 }, rules)).toThrow(ValidationError);
    expect(() => validateRecordPatchBeforeZone({ name: 'a b' }, rules)).toThrow(ValidationError);
    expect(() => validateRecordPatchBeforeZone({ content: '@' }, rules, 'CNAME')).not.toThrow();
    expect(() => validateRecordPatchBeforeZone({ name: 'www.example.com.' }, rules)).not.toThrow();
  });
});
