import { PRICE_OPERATIONS, RECORD_TYPES } from '@registrar-kit/core';
import { describe, expect, it } from 'vitest';
import { PRICE_OPERATION_CHOICES, RECORD_TYPE_CHOICES } from './option-parsers.js';

describe('the choices of the CLI flags', () => {
  it('are core’s lists (the definitions keep their own copy so --help does not load core)', () => {
    expect(RECORD_TYPE_CHOICES).toEqual(RECORD_TYPES);
    expect(PRICE_OPERATION_CHOICES).toEqual(PRICE_OPERATIONS);
  });
});
