/**
 * The pipeline end to end against the offline mirror: real HTTP on 127.0.0.1, real adapters, the real extractor,
 * a real PostgreSQL. Covers the normal path, idempotent re-runs, edited pages with reviewed figures kept, and the
 * catalogue's real portals failing cleanly (tests cannot reach them).
 */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { count, startIngestFixture, type IngestFixture } from '../../helpers/ingest';
import { runSource } from '../../../ingest/pipeline';
import { loadSourceCatalogue, registerSources } from '../../../ingest/sources';
import { pipelineDeps } from '../../../ingest/wiring';
import { silentLogger } from '../../../src/logger';

let db: TestDatabase;
let fx: IngestFixture;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await startIngestFixture(db.orm, { siteIds: ['quan-3', 'tan-hong', 'phuong-song-cau'] });
});
afterAll(async () => {
  await fx.mirror.close();
  await db.drop();
});

describe('pipeline against the demo mirror', () => {
  it('stores every listed article of each portal family with cited figures', async () => {
    for (const site of fx.sites) {
      const summary = await runSource(fx.deps, fx.sourceIds[site.id], { trigger: 'cli' });
      const expected = fx.articles.filter((a) => a.siteId === site.id).length;
      expect(summary).toMatchObject({ status: 'succeeded', listed: expected, parsed: expected, failed: 0 });
      expect(summary.figuresAdded).toBeGreaterThan(expected);
    }
    expect(await count(db.orm, 'select count(*) as n from document')).toBe(fx.articles.length);
    // Every figure's evidence is a slice of its document's stored text.
    expect(await count(db.orm, `select count(*) as n from figure f join document d on d.id = f.document_id
      where substr(d.text, f.evidence_start + 1, f.evidence_end - f.evidence_start) <> f.evidence_sentence`)).toBe(0);
    // Subjects default to the publisher: Quận 3's figures are about Quận 3 (GSO 770).
    expect(await count(db.orm, `select count(*) as n from figure f join document d on d.id = f.document_id
      join admin_unit u on u.id = f.subject_id where d.source_id = 'demo-quan-3' and u.code = '770'`)).toBeGreaterThan(10);
    // Each run ends by storing the rankings' choices for the keys it touched: none is left marked.
    expect(await count(db.orm, 'select count(*) as n from figure_pick_dirty')).toBe(0);
    expect(await count(db.orm, 'select count(distinct (metric_code, kind, subject_id, period_year)) as n from figure_pick'))
      .toBe(await count(db.orm, `select count(distinct (metric_code, kind, subject_id, period_year)) as n from figure
        where subject_scope in ('unit', 'province_wide') and not is_change and review_status <> 'rejected' and period_year is not null`));
  });

  it('finds the on-time rate stated in a Quận 3 article', async () => {
    const rows = await db.orm.em.fork().execute<{ value: string; period_year: number }[]>(
      `select f.value, f.period_year from figure f join document d on d.id = f.document_id
       where d.title = 'Quận 3 tổng kết công tác cải cách hành chính năm 2018' and f.metric_code = 'on_time_rate' and f.kind = 'actual'`);
    expect(rows.map((r) => [Number(r.value), r.period_year])).toContainEqual([97.8, 2018]);
  });

  it('adds nothing when run again, and records the run', async () => {
    const figures = await count(db.orm, 'select count(*) as n from figure');
    const summary = await runSource(fx.deps, fx.sourceIds['quan-3'], { trigger: 'cli' });
    expect(summary).toMatchObject({ status: 'succeeded', figuresAdded: 0, figuresUpdated: 0 });
    expect(summary.unchanged).toBe(summary.listed);
    expect(await count(db.orm, 'select count(*) as n from figure')).toBe(figures);
    const [run] = await db.orm.em.fork().execute<{ status: string; listed: number; unchanged: number }[]>(
      'select status, listed, unchanged from ingest_run where id = ?', [summary.runId]);
    expect(run).toEqual({ status: 'succeeded', listed: summary.listed, unchanged: summary.unchanged });
  });

  it('replaces automatic figures of an edited page and keeps reviewed ones', async () => {
    const article = fx.articles.find((a) => a.siteId === 'phuong-song-cau')!;
    const em = db.orm.em.fork();
    const [doc] = await em.execute<{ id: number }[]>('select id from document where title = ?', [article.title]);
    const before = await em.execute<{ id: number }[]>('select id from figure where document_id = ? order by id', [doc.id]);
    expect(before.length).toBeGreaterThan(1);
    await em.execute(`update figure set review_status = 'confirmed' where id = ?`, [before[0].id]);

    // The portal rewrites the article: one new sentence with a new figure, the old text gone.
    fx.mirror.editArticle(article.slug, { paragraphs: ['Sau khi rà soát lại, tỷ lệ hồ sơ giải quyết đúng hạn năm 2022 của phường đạt 97,3%.'] });
    const summary = await runSource(fx.deps, fx.sourceIds['phuong-song-cau'], { trigger: 'cli' });
    expect(summary.status).toBe('succeeded');
    const after = await em.execute<{ id: number; value: string; review_status: string }[]>(
      'select id, value, review_status from figure where document_id = ? order by id', [doc.id]);
    expect(after.find((f) => f.id === before[0].id)?.review_status).toBe('confirmed');
    // Unreviewed figures ('auto', or 'needs_review' below the confidence threshold — the model's business, not this test's)
    // are the page's current statements only.
    expect(after.filter((f) => f.review_status !== 'confirmed').map((f) => [Number(f.value), ['auto', 'needs_review'].includes(f.review_status)]))
      .toEqual([[97.3, true]]);
    expect(summary.figuresUpdated).toBe(before.length - 1);
  });

  it('fails cleanly, with a reason, on catalogue portals it cannot reach', async () => {
    const catalogue = loadSourceCatalogue();
    await registerSources(db.orm.em.fork(), catalogue);
    const deps = pipelineDeps(db.orm, silentLogger, { minDelayMillis: 0, maxAttempts: 1, totalTimeoutMillis: 2000, allowPrivateAddresses: true });
    const summary = await runSource(deps, catalogue[0].id, { trigger: 'manual' });
    expect(summary.status).toBe('failed');
    expect(summary.error).toMatch(/^no listing page could be read: /);
    expect(summary.failures[0]).toMatchObject({ url: expect.stringContaining(new URL(catalogue[0].baseUrl).host) });
    expect(summary.failures[0].reason).toMatch(/robots|network|reach/i);
    expect(summary.listed).toBe(0);
  });
});
