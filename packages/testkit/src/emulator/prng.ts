/**
 * Deterministic pseudo-random numbers for seeded emulator data and fault rates (mulberry32).
 * The same seed always yields the same sequence, on every platform.
 */
export function createPrng(seed: number): () => number {
  // Mix the seed so that small neighbouring seeds (1, 2, 3) give unrelated sequences.
  let state = (Math.imul((seed | 0) ^ 0x9e3779b9, 0x85ebca6b) ^ 0xc2b2ae35) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
