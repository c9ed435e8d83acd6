/**
 * The compiled build as the Docker image runs it: `npm run build`, then only what the Dockerfile's runtime stage
 * copies (its `COPY --from=build` lines, read from the Dockerfile itself) plus package.json and node_modules, and
 * `node dist/src/main.js` on a fresh embedded PostgreSQL. The migrations, the source catalogue and the charts page
 * must be found from the compiled files.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, freePort, graphql, serviceEnv, startServiceProcess, tempDataDir } from '../../helpers/service-process';
import { DVC_INDEX_SOURCE_ID } from '../../../ingest/dvc-index/crosswalk';

jest.setTimeout(180_000);

/** `COPY --from=build /app/<from> ./<to>` lines of the runtime stage. */
function runtimeCopies(): Array<[string, string]> {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  return [...dockerfile.matchAll(/^COPY --from=build \/app\/(\S+) \.\/(\S+)$/gm)].map((m) => [m[1], m[2]]);
}

describe('compiled build, laid out as in the Docker image', () => {
  const app = tempDataDir('cchc-app-');
  const dataDir = path.join(app, 'data');
  afterAll(() => fs.rmSync(app, { recursive: true, force: true }));

  it('builds, starts on a fresh database and answers a query', async () => {
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const copies = runtimeCopies();
    expect(copies.map(([from]) => from)).toEqual(expect.arrayContaining(['dist', 'web', 'ingest/source-catalogue.json']));
    for (const [from, to] of copies) fs.cpSync(path.join(ROOT, from), path.join(app, to), { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(app, 'package.json'));
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'));
    expect(fs.existsSync(path.join(app, 'src'))).toBe(false); // no TypeScript sources to fall back on

    const env = serviceEnv({ DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), NODE_ENV: 'production' });
    const service = await startServiceProcess(['dist/src/main.js'], env, 90_000, app);
    try {
      expect(service.logs()).toMatch(/"migrations":\["Migration\d+"/);
      const res = await graphql(service.url, '{ units(search: "binh thanh", first: 1) { edges { node { name } } } sources { id } }');
      expect(res.errors).toBeUndefined();
      expect(res.data.units.edges[0].node.name).toBe('Quận Bình Thạnh');
      const catalogue = JSON.parse(fs.readFileSync(path.join(ROOT, 'ingest/source-catalogue.json'), 'utf8')) as Array<{ id: string }>;
      // The catalogue's portals, plus the national service index, which the service registers itself.
      expect(res.data.sources.map((s: { id: string }) => s.id).sort()).toEqual([...catalogue.map((s) => s.id), DVC_INDEX_SOURCE_ID].sort());
      const page = await fetch(`${service.url}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);
    } finally {
      expect(await service.stop()).toBe(0);
    }
  });
});
