import { describe, expect, it } from 'vitest';
import { NetworkError, ValidationError } from '../errors/error-classes.js';
import { memoryRegistrar } from '../test/memory-registrar.js';
import { waitForTransfer } from './wait-for-transfer.js';

async function started() {
  const registrar = memoryRegistrar({ provider: 'gaining' });
  const transfer = await registrar.transferDomain({ domain: 'example.com', authCode: 'x' });
  return { registrar, transfer };
}

describe('waitForTransfer', () => {
  it('polls until the transfer is final', async () => {
    const { registrar, transfer } = await started();
    const seen: string[] = [];
    const done = waitForTransfer(registrar, transfer.id, {
      intervalMs: 5,
      onPoll: (t) => {
        seen.push(t.status);
        if (seen.length === 3) registrar.state.transfers.set(t.id, { ...t, status: 'completed' });
      },
    });
    await expect(done).resolves.toMatchObject({ id: transfer.id, status: 'completed' });
    expect(seen).toEqual(['pending', 'pending', 'pending', 'completed']);
  });

  it('times out with NetworkError code timeout naming the last state', async () => {
    const { registrar, transfer } = await started();
    const error = await waitForTransfer(registrar, transfer.id, { intervalMs: 5, timeoutMs: 20 }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'timeout', provider: 'gaining', operation: 'waitForTransfer' });
    expect(error.message).toMatch(/still pending/);
  });

  it('stops on abort and refuses a negative interval', async () => {
    const { registrar, transfer } = await started();
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 10);
    await expect(
      waitForTransfer(registrar, transfer.id, { intervalMs: 1_000, signal: controller.signal }),
    ).rejects.toMatchObject({ code: 'aborted' });
    await expect(waitForTransfer(registrar, transfer.id, { intervalMs: -1 })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });
});
