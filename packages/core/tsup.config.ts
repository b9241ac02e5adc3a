import { defineConfig } from 'tsup';

const common = {
  entry: ['src/index.ts'],
  dts: true,
  sourcemap: true,
  target: 'node20',
} as const;

export default defineConfig([
  { ...common, format: ['esm'], clean: true },
  {
    ...common,
    format: ['cjs'],
    // p-retry (and its dependency is-network-error) are published as ESM only. Left external,
    // `require('p-retry')` hands the CommonJS build a module namespace where it expects the
    // function, and every request failed with "(0, import_p_retry.default) is not a function".
    // Bundled into the CommonJS build, the real function is called; the ESM build imports them.
    noExternal: ['p-retry', 'is-network-error'],
  },
]);
