/**
 * The provider echoes the request's own credential as a key of its JSON error body and inside
 * `X-Request-Id`: the error keeps its class, and the credential is in none of its renderings
 * (`message`, `issues`, `cause` chain, `requestId`, `toJSON()`, `util.inspect`).
 */
import { AuthenticationError, ValidationError } from '@registrar-kit/core';
import { expect } from 'vitest';
import { credentialsCarried } from '../../emulator/hostile-responses.js';
import { secretsOf } from '../conformance-helpers.js';
import { type AttackCase, expectStatusClasses } from './attack-kit.js';

const CASES = [
  [401, AuthenticationError],
  [422, ValidationError],
] as const;

export function echoedCredentialsAttacks(): AttackCase[] {
  return [
    {
      check: 'echoedCredentials',
      title: 'a credential echoed as a JSON key and in X-Request-Id (401, 422) appears in no rendering',
      requires: null,
      run: async (arena) => {
        const credentials = Object.values(arena.emulator.seedInfo.credentials);
        await expectStatusClasses(
          arena,
          CASES,
          (status) => ({ type: 'echo-credentials', status }),
          (requests, status, error) => {
            // The attack is real only if the request carried a credential the emulator could echo.
            const carried = requests.flatMap((request) =>
              credentialsCarried(
                {
                  ...request,
                  params: {},
                  rawBody: request.body === undefined ? '' : JSON.stringify(request.body),
                },
                credentials,
              ),
            );
            expect(carried.length, `HTTP ${status}: a credential was echoed`).toBeGreaterThan(0);
            // Named here as well as in every rendering: the fields the echo lands in.
            const { requestId, issues } = error as { requestId?: string; issues?: unknown };
            for (const secret of secretsOf(arena.emulator))
              for (const field of [requestId ?? '', JSON.stringify(issues ?? [])])
                expect(field, `HTTP ${status}: requestId and issues`).not.toContain(secret);
          },
        );
      },
    },
  ];
}
