/** Re-extraction from stored text: no re-fetch, idempotent, keeps reviewed figures. */
import { createTestDatabase, type TestDatabase } from '../../helpers/db';
import { count, startIngestFixture, type IngestFixture } from '../../helpers/ingest';
import { runSource } from '../../../ingest/pipeline';
import { reextractDocuments } from '../../../ingest/reextract';
import { EXTRACTOR_VERSION } from '../../../ingest/extract/version';
import { REVIEW_THRESHOLD } from '../../../ingest/extract/serving';
import { createIngestTrigger } from '../../../ingest/trigger';
import type { Logger } from '../../../src/logger';

let db: TestDatabase;
let fx: IngestFixture;
beforeAll(async () => {
  db = await createTestDatabase();
  fx = await startIngestFixture(db.orm, { siteIds: ['tan-hong'] });
  await runSource(fx.deps, fx.sourceIds['tan-hong'], { trigger: 'cli' });
});
afterAll(async () => {
  await fx.mirror.close();
  await db.drop();
});

it('re-reads documents from an older extractor version without fetching, once', async () => {
  const em = db.orm.em.fork();
  const figures = await count(db.orm, 'select count(*) as n from figure');
  const [reviewed] = await em.execute<{ id: number }[]>(`update figure set review_status = 'corrected', corrected_value = 1 where id = (select min(id) from figure) returning id`);
  // Pretend the stored figures came from an older extractor; and drop one machine-read (unreviewed) figure it
  // "missed" — served or held for review, whichever the serving threshold made it.
  await em.execute(`update document set extractor_version = '0.9.0'`);
  const [dropped] = await em.execute<{ id: number }[]>(
    `delete from figure where id = (select max(id) from figure where review_status in ('auto', 'needs_review')) returning id`);
  expect(dropped).toBeDefined();
  const hitsBefore = fx.articles.map((a) => fx.mirror.hits(a.slug));

  const summary = await reextractDocuments(db.orm);
  expect(summary).toMatchObject({ documents: fx.articles.length, failed: 0, figuresAdded: 1 });
  expect(await count(db.orm, 'select count(*) as n from figure')).toBe(figures);
  expect(await count(db.orm, 'select count(*) as n from document where extractor_version = ?', [EXTRACTOR_VERSION])).toBe(fx.articles.length);
  expect(await count(db.orm, `select count(*) as n from figure where id = ? and review_status = 'corrected'`, [reviewed.id])).toBe(1);
  expect(fx.articles.map((a) => fx.mirror.hits(a.slug))).toEqual(hitsBefore);
  // The review and deletion above marked their keys; the re-extraction ends by storing the rankings' choices again.
  expect(await count(db.orm, 'select count(*) as n from figure_pick_dirty')).toBe(0);

  const again = await reextractDocuments(db.orm);
  expect(again.documents).toBe(0);
});

it('starts a manual run through the API port and refuses a second one while it runs', async () => {
  const trigger = createIngestTrigger(fx.deps);
  const [a, b] = await Promise.all([trigger.trigger(fx.sourceIds['tan-hong']), trigger.trigger(fx.sourceIds['tan-hong'])]);
  const started = [a, b].filter((r) => r.started);
  expect(started).toHaveLength(1);
  expect([a, b].find((r) => !r.started)?.reason).toMatch(/in progress/);
  expect(started[0].runId).toEqual(expect.any(Number));
  // The run goes on in the background; wait for it to be recorded as finished.
  const deadline = Date.now() + 20_000;
  while (await count(db.orm, `select count(*) as n from ingest_run where id = ? and status = 'running'`, [started[0].runId])) {
    if (Date.now() > deadline) throw new Error('the manual run did not finish');
    await new Promise((r) => setTimeout(r, 50));
  }
  expect(await count(db.orm, `select count(*) as n from ingest_run where id = ? and trigger = 'manual' and status = 'succeeded'`, [started[0].runId])).toBe(1);
});

it('gives unreviewed figures the confidence and serving status of the new extraction, and leaves reviewed ones alone', async () => {
  const em = db.orm.em.fork();
  // The column is \`real\`: compare in its precision (0.78 stored is 0.77999997, below the double 0.78).
  const mismatched = `select count(*) as n from figure where review_status in ('auto', 'needs_review')
    and (review_status = 'needs_review') <> (confidence < cast(? as real))`;
  expect(await count(db.orm, mismatched, [REVIEW_THRESHOLD])).toBe(0);
  expect(await count(db.orm, `select count(*) as n from figure where review_status = 'needs_review'`)).toBeGreaterThan(0);
  // An older extractor served everything with full confidence; a reviewer confirmed one low-confidence figure.
  const [confirmed] = await em.execute<{ id: number }[]>(
    `update figure set review_status = 'confirmed' where id = (select min(id) from figure where review_status = 'needs_review') returning id`);
  await em.execute(`update figure set confidence = 0.99, review_status = 'auto' where review_status = 'needs_review'`);
  await em.execute(`update document set extractor_version = '0.9.0'`);
  expect(await count(db.orm, `select count(*) as n from figure where review_status = 'needs_review'`)).toBe(0);

  await reextractDocuments(db.orm);
  expect(await count(db.orm, mismatched, [REVIEW_THRESHOLD])).toBe(0);
  expect(await count(db.orm, `select count(*) as n from figure where review_status = 'needs_review'`)).toBeGreaterThan(0);
  expect(await count(db.orm, `select count(*) as n from figure where id = ? and review_status = 'confirmed'`, [confirmed.id])).toBe(1);
});

it('keeps its re-extraction and says so when refreshing the stored choices fails afterwards', async () => {
  const em = db.orm.em.fork();
  await em.execute(`update document set extractor_version = '0.9.0'`);
  const warnings: Array<{ obj: object; msg: string }> = [];
  const log = { warn: (obj: object, msg: string) => warnings.push({ obj, msg }) } as unknown as Logger;
  await em.execute('alter function figure_pick_refresh(int) rename to figure_pick_refresh_away');
  try {
    const summary = await reextractDocuments(db.orm, { log });
    expect(summary).toMatchObject({ documents: fx.articles.length, failed: 0 });
  } finally {
    await em.execute('alter function figure_pick_refresh_away(int) rename to figure_pick_refresh');
  }
  expect(await count(db.orm, 'select count(*) as n from document where extractor_version = ?', [EXTRACTOR_VERSION])).toBe(fx.articles.length);
  expect(warnings.map((w) => w.msg)).toEqual(['refreshing the stored figure choices failed; rankings choose on the fly until the next refresh']);
});
