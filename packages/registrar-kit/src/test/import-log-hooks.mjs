// Module hooks (https://nodejs.org/api/module.html#customization-hooks): appends the URL of every
// module Node loads through the ESM loader to the file named by IMPORT_LOG, one per line.
import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.IMPORT_LOG) appendFileSync(process.env.IMPORT_LOG, `${url}\n`);
  return nextLoad(url, context);
}
