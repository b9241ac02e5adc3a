/**
 * An error body nested 100,000 levels deep: the error class the status gives, never a
 * `NetworkError` or a stack overflow (so a 401 still reaches a token refresh).
 */
import { AuthenticationError, NotFoundError, ProviderError, ValidationError } from '@registrar-kit/core';
import { type AttackCase, expectStatusClasses } from './attack-kit.js';

const CASES = [
  [401, AuthenticationError],
  [404, NotFoundError],
  [422, ValidationError],
  [500, ProviderError],
] as const;

export function nestedErrorBodyAttacks(): AttackCase[] {
  return [
    {
      check: 'nestedErrorBody',
      title: 'an error body 100,000 levels deep (401/404/422/500) gives the class of its status',
      requires: null,
      run: (arena) => expectStatusClasses(arena, CASES, (status) => ({ type: 'nested-body', status })),
    },
  ];
}
