/**
 * Where the CPU time of a piece of work goes, measured with V8's sampling profiler (through the
 * inspector, in this process): self time grouped by package, with zod's code generation (the JIT
 * compile of a schema on its first parse) counted apart from its parsing.
 */
import { Session } from 'node:inspector/promises';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface CpuShare {
  name: string;
  /** Share of the busy (non-idle) samples, 0..1. */
  share: number;
}

function category(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'garbage collection';
    if (functionName === '(idle)') return 'idle';
    if (functionName === '(program)') return 'V8 / runtime';
    return 'native';
  }
  // zod v4 builds and compiles a parser per schema instance (doc.js is its code generator).
  if (
    /zod@[^/]+\/.*\/core\/(doc|util|core|schemas)\.js/.test(url) &&
    /^(write|compile|init|mergeDefs|isRecursive|defineLazy)$/.test(functionName)
  )
    return 'zod schema construction / compile';
  const pnpm = url.match(/node_modules\/\.pnpm\/(@?[^@/]+(?:\+[^@/]+)?)@/);
  if (pnpm) return pnpm[1]!.replace('+', '/') === 'zod' ? 'zod parse' : pnpm[1]!.replace('+', '/');
  const workspace = url.match(/\/packages\/([^/]+)\//);
  if (workspace) return `@registrar-kit/${workspace[1]}`;
  if (url.startsWith('node:')) return 'node core (http, streams, timers)';
  return 'other';
}

/** Runs `work` under the sampling profiler; returns each category's share of the busy samples. */
export async function cpuShares(work: () => Promise<void>): Promise<CpuShare[]> {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    await work();
    const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
    const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
    const totals = new Map<string, number>();
    profile.samples.forEach((id, index) => {
      const name = category(byNode.get(id)!);
      totals.set(name, (totals.get(name) ?? 0) + (profile.timeDeltas[index] ?? 0));
    });
    totals.delete('idle');
    const busy = [...totals.values()].reduce((sum, value) => sum + value, 0) || 1;
    return [...totals.entries()]
      .map(([name, time]) => ({ name, share: time / busy }))
      .sort((a, b) => b.share - a.share);
  } finally {
    session.disconnect();
  }
}

/** "axios 31%, zod parse 12%, …" for the largest shares. */
export function describeShares(shares: CpuShare[], count = 7): string {
  return shares
    .slice(0, count)
    .map((s) => `${s.name} ${(s.share * 100).toFixed(0)}%`)
    .join(', ');
}
