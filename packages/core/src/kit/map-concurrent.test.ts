import { describe, expect, it } from 'vitest';
import { mapInCompletionOrder, mapLimit, mapSettled } from './map-concurrent.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapSettled', () => {
  it('keeps at most `limit` tasks in flight and settles every item in input order', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapSettled([30, 10, 20, 5, 15], 2, async (ms, index) => {
      running++;
      peak = Math.max(peak, running);
      await sleep(ms);
      running--;
      if (index === 2) throw new Error('third');
      return ms * 2;
    });
    expect(peak).toBe(2);
    expect(results.map((r) => (r.ok ? r.value : (r.error as Error).message))).toEqual([
      60,
      20,
      'third',
      10,
      30,
    ]);
  });

  it('treats NaN or zero limits as one', async () => {
    let peak = 0;
    let running = 0;
    await mapSettled([1, 2, 3], Number.NaN, async () => {
      peak = Math.max(peak, ++running);
      await sleep(1);
      running--;
    });
    expect(peak).toBe(1);
  });

  it('starts no task after an abort; those settle with the reason', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const results = await mapSettled(
      [1, 2, 3, 4],
      1,
      async (item) => {
        started.push(item);
        if (item === 2) controller.abort(new Error('stop'));
        return item;
      },
      { signal: controller.signal },
    );
    expect(started).toEqual([1, 2]);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, false]);
  });
});

describe('mapLimit', () => {
  it('rejects with the first failure in input order', async () => {
    await expect(
      mapLimit([1, 2, 3], 3, async (item) => {
        await sleep(10 - item * 3);
        if (item > 1) throw new Error(`bad ${item}`);
        return item;
      }),
    ).rejects.toThrow('bad 2');
  });
});

describe('mapInCompletionOrder', () => {
  it('yields in completion order and aborts the running tasks on break', async () => {
    const aborted: number[] = [];
    const seen: number[] = [];
    for await (const value of mapInCompletionOrder(
      [30, 5, 15, 50],
      3,
      async (ms, signal) => {
        let done = false;
        signal.addEventListener('abort', () => {
          if (!done) aborted.push(ms);
        });
        await sleep(ms);
        done = true;
        return ms;
      },
      { onAbort: () => new Error('aborted') },
    )) {
      seen.push(value);
      if (seen.length === 2) break;
    }
    expect(seen).toEqual([5, 15]);
    expect(aborted.sort((a, b) => a - b)).toEqual([30, 50]);
  });
});
