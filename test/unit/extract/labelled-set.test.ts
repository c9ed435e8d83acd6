/**
 * The team's labelled set (test/fixtures/labelled: <id>.txt + <id>.labels.json) and, when present, the seeds:
 * the engine must keep precision and recall (required figures) at 0.95 or above in total.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { contextFromLabel, scoreArticle, sumScores } from '../../../ingest/extract/evaluate';
import { figuresFromText } from '../../../ingest/extract/figures';
import { type LabelledText, loadLabelledDir, loadSeeds } from '../../../ingest/extract/label-files';

const LABELLED_DIR = resolve(__dirname, '../../fixtures/labelled');
const SEEDS_DIR = process.env.SEEDS_DIR ? resolve(process.env.SEEDS_DIR) : resolve(__dirname, '../../../../shared/seeds');
/** The issue's bar for the labelled set; do not lower it. */
const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.95;
const MIN_ARTICLES = 40;

function score(articles: LabelledText[]): { total: ReturnType<typeof sumScores>; worst: string[] } {
  const scores = articles.map((a) => scoreArticle(a.id, figuresFromText(a.text, contextFromLabel(a.label)).figures, a.label.figures));
  const worst = scores
    .filter((s) => s.unmatched.length > 0 || s.missed.length > 0)
    .map((s) => `${s.file}: +${s.unmatched.map((f) => `${f.metric}=${f.value}`).join(',')} -${s.missed.map((l) => `${l.metric}=${l.value}`).join(',')}`);
  return { total: sumScores(scores), worst };
}

describe('labelled set', () => {
  const { articles, skipped } = loadLabelledDir(LABELLED_DIR);

  it(`has at least ${MIN_ARTICLES} complete articles`, () => {
    expect({ articles: articles.length, skipped }).toEqual({ articles: expect.any(Number), skipped: [] });
    expect(articles.length).toBeGreaterThanOrEqual(MIN_ARTICLES);
  });

  it(`scores precision ≥ ${MIN_PRECISION} and recall ≥ ${MIN_RECALL} on required figures`, () => {
    const { total, worst } = score(articles);
    expect({ precision: total.precision >= MIN_PRECISION, recall: total.recall >= MIN_RECALL, total, worst }).toMatchObject({
      precision: true,
      recall: true,
    });
  });

  // A ratchet under the bar: the total above has slack, and in stop 25 a rule dropped three required targets of this set
  // (a-04, a-17, b-06) with the total still above 0.95. Every article not listed here must be read exactly; a listed
  // one may only get better (then remove it from the list).
  it('reads every article exactly but the known misreadings', () => {
    const { worst } = score(articles);
    expect(worst).toEqual(KNOWN_MISREADINGS);
  });
});

/** Articles the engine still misreads, as `score().worst` prints them (file: +extra -missed). */
const KNOWN_MISREADINGS = [
  'b-08-cu-chi-chi-so-cchc-2023: +other=88 -par_index_score=88',
];

const seedsPresent = existsSync(join(SEEDS_DIR, 'gold.jsonl'));
(seedsPresent ? describe : describe.skip)(`seeds (${seedsPresent ? SEEDS_DIR : `skipped: no gold.jsonl at ${SEEDS_DIR}`})`, () => {
  it('finds every required figure with precision ≥ 0.95', () => {
    const { total, worst } = score(loadSeeds(SEEDS_DIR));
    expect({ recall: total.recall, precisionOk: total.precision >= 0.95, worst }).toMatchObject({ recall: 1, precisionOk: true });
  });

  it('lists the 98% on-time target and no 5.98% figure in the commitment list', () => {
    const seed = loadSeeds(SEEDS_DIR).find((s) => s.id.startsWith('004_'));
    if (!seed) return;
    const { figures } = figuresFromText(seed.text, contextFromLabel(seed.label));
    expect(figures).toContainEqual(expect.objectContaining({ metric: 'on_time_rate', value: 98, kind: 'target', comparator: 'gte' }));
    expect(figures.some((f) => Math.abs(f.value - 5.98) < 0.001)).toBe(false);
  });
});
