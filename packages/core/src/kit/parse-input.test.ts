import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from '../errors/error-classes.js';
import { parseInput } from './parse-input.js';

const Schema = z.object({ domain: z.string().min(1), years: z.number().int().positive() });
const context = { provider: 'example', operation: 'renewDomain' };

describe('parseInput', () => {
  it('returns the parsed value', () => {
    expect(parseInput(Schema, { domain: 'a.com', years: 2 }, context)).toEqual({ domain: 'a.com', years: 2 });
  });

  it('throws one ValidationError with every issue, provider and operation', () => {
    let caught: unknown;
    try {
      parseInput(Schema, { domain: '', years: 0 }, context, 'renewal');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ValidationError);
    const error = caught as ValidationError;
    expect(error.provider).toBe('example');
    expect(error.operation).toBe('renewDomain');
    expect(error.issues.map((issue) => issue.path)).toEqual(['domain', 'years']);
    expect(error.message).toMatch(/^example renewDomain: invalid renewal: domain: .+; years: .+$/);
  });
});
