/** UTS 46 processing (tr46, a CommonJS package), loaded by the first name that needs it. */
import type * as Tr46 from 'tr46';
import { lazyRequire } from '../lazy-require.js';

export const uts46 = lazyRequire<typeof Tr46>('tr46');
