import { defineConfig } from 'tsup';

export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  // `import.meta.url` (tldts and fast-xml-parser load on first use through core's lazyRequire)
  // shimmed from __filename in the CommonJS build.
  shims: true,
});
