/**
 * A body far larger than `maxResponseBytes` (default 20 MB): `ResponseFormatError` code
 * `response_too_large`, and the client stops reading at the cap (the emulator sees how much it
 * could hand over; what the kernel buffers is the only excess allowed).
 */
import { ResponseFormatError } from '@registrar-kit/core';
import { expect } from 'vitest';
import {
  type AttackCase,
  DEFAULT_MAX_RESPONSE_BYTES,
  expectError,
  failure,
  readProbe,
  requestsSince,
  settle,
} from './attack-kit.js';

/** Sent: well past the cap, so a client that reads it all is told apart from one that stops. */
const BODY_BYTES = 3 * DEFAULT_MAX_RESPONSE_BYTES;
/** Socket buffers on both sides of a loopback connection, at most. */
const BUFFER_SLACK = 16 * 1024 * 1024;

export function oversizedBodyAttacks(): AttackCase[] {
  return [
    {
      check: 'oversizedBody',
      title: `a 60 MB answer (chunked, then with content-length) fails with response_too_large, read no further than the cap`,
      requires: null,
      run: async (arena) => {
        const probe = readProbe(arena)!;
        const { emulator } = arena;
        for (const contentLength of [false, true]) {
          emulator.setFaults([
            { route: probe.operation, fault: { type: 'oversized-body', bytes: BODY_BYTES, contentLength } },
          ]);
          const from = emulator.requests.length;
          const settled = await settle((signal) => probe.call({ signal }));
          const what = `${probe.operation} (${contentLength ? 'content-length' : 'chunked'})`;
          expectError(
            failure(settled, what),
            ResponseFormatError,
            { code: 'response_too_large' },
            emulator,
            what,
          );
          const sent = requestsSince(emulator, from, probe.operation);
          expect(sent, `${what}: sent once`).toHaveLength(1);
          // The emulator stops streaming once the client stops reading (a closed socket).
          await new Promise((resolve) => setTimeout(resolve, 100));
          expect(sent[0]!.bytesSent ?? 0, `${what}: bytes read past the cap`).toBeLessThanOrEqual(
            DEFAULT_MAX_RESPONSE_BYTES + BUFFER_SLACK,
          );
        }
      },
    },
  ];
}
