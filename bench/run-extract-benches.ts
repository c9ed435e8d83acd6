/** `npm run bench:extract`: the engine benchmark, then the tables and attachments benchmark, with the same arguments. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

let code = 0;
for (const file of ['extract.bench.ts', 'tables.bench.ts']) {
  const r = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, file), ...process.argv.slice(2)], { stdio: 'inherit' });
  code ||= r.status ?? 1;
}
process.exitCode = code;
