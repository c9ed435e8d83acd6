/**
 * `npm run bench:ingest`: ingest a generated 10,000-page mirror (10 sites × 1,000 articles, zero politeness delay)
 * into a throwaway embedded PostgreSQL, and print pages/s, this process's CPU share of wall time, and a per-stage
 * profile (parse, extract, store) so the bottleneck can be named. The mirror runs in a child process so its
 * rendering does not count against the ingest process. Prints numbers; asserts nothing.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { initOrm, migrate } from '../src/db/orm';
import { seedReferenceData } from '../src/db/seed';
import { silentLogger } from '../src/logger';
import { registerSources } from '../ingest/sources';
import { runSource } from '../ingest/pipeline';
import { pipelineDeps } from '../ingest/wiring';
import { demoSources } from '../demo/sources';
import { syntheticContent } from './synthetic-content';

const PER_SITE = Number(process.env.BENCH_PER_SITE ?? 1000);
const PARALLEL = Number(process.env.BENCH_PARALLEL ?? 4);

async function startMirrorChild(): Promise<{ origin: string; stop(): void }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'mirror-child.ts'), String(PER_SITE)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve) => child.stdout.once('data', (c: Buffer) => resolve(c.toString())));
  return { origin: JSON.parse(line).origin, stop: () => child.kill() };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cchc-bench-ingest-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: dir, port: 56000 + Math.floor(Math.random() * 3000), database: 'bench', ephemeral: true });
  const mirror = await startMirrorChild();
  try {
    const orm = await initOrm(pg.databaseUrl, undefined, { pool: { min: 1, max: PARALLEL + 2 } });
    await migrate(orm);
    await seedReferenceData(orm.em.fork());
    const content = syntheticContent(PER_SITE);
    const sources = demoSources(content.sites, mirror.origin).map((s) => ({ ...s, maxPages: 1000 }));
    await registerSources(orm.em.fork(), sources);
    const deps = pipelineDeps(orm, silentLogger, { minDelayMillis: 0, allowPrivateAddresses: true });

    const wallStart = process.hrtime.bigint();
    const cpuStart = process.cpuUsage();
    const queue = sources.map((s) => s.id);
    const summaries = (await Promise.all(Array.from({ length: PARALLEL }, async () => {
      const out = [];
      for (let id = queue.shift(); id; id = queue.shift()) out.push(await runSource(deps, id, { trigger: 'cli' }));
      return out;
    }))).flat();
    const wallSeconds = Number(process.hrtime.bigint() - wallStart) / 1e9;
    const cpu = process.cpuUsage(cpuStart);
    const pages = summaries.reduce((n, s) => n + s.parsed, 0);
    const figures = summaries.reduce((n, s) => n + s.figuresAdded, 0);
    const failed = summaries.reduce((n, s) => n + s.failed, 0);

    const cpuShare = (cpu.user + cpu.system) / 1e6 / wallSeconds;
    const stages = summaries.reduce((acc, s) => {
      for (const [k, v] of Object.entries(s.stageMillis)) acc[k] = (acc[k] ?? 0) + v;
      return acc;
    }, {} as Record<string, number>);
    const stageTotal = Object.values(stages).reduce((a, b) => a + b, 0);
    console.log(`\nbench:ingest — ${pages} pages from ${sources.length} sources (${PARALLEL} in parallel), ${os.cpus().length} cores`);
    console.log(`  pages/s                 ${(pages / wallSeconds).toFixed(0)}   (${wallSeconds.toFixed(1)} s wall, ${figures} figures stored, ${failed} failed)`);
    console.log(`  ingest process CPU      ${(cpuShare * 100).toFixed(0)}% of wall time (of one core; ${((cpuShare / os.cpus().length) * 100).toFixed(0)}% of the machine)`);
    console.log(`  time per page by stage  ${Object.entries(stages).map(([k, v]) => `${k} ${(v / pages).toFixed(2)} ms (${((v / stageTotal) * 100).toFixed(0)}%)`).join(', ')}`);
    const [name] = Object.entries(stages).sort((a, b) => b[1] - a[1])[0];
    console.log(`  bottleneck              ${name} (wall time summed over the ${PARALLEL} workers; the mirror child and PostgreSQL share the same cores)`);
    await orm.close(true);
  } finally {
    mirror.stop();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
