// `node --import <this file>`: registers import-log-hooks.mjs, so a test can see what a command loads.
import { register } from 'node:module';

register('./import-log-hooks.mjs', import.meta.url);
