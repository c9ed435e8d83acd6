/**
 * Unseen snapshots (ingest/extract/unseen-snapshot.ts): what an engine read on a batch nobody had tuned on, kept as
 * facts and features only, and scored later against the current labels by the fit (fit-confidence-cli.ts). Inline
 * texts and labels: the suite needs no cache.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FEATURE_NAMES, featureVector } from '../../../ingest/extract/confidence';
import { extractWithSignals } from '../../../ingest/extract/figures';
import { fitLogistic, loadUnseenExamples, selectFeatures } from '../../../ingest/extract/fit-confidence-cli';
import { idsFrom, realContext, scoreRealArticle, subjectAgrees, type RealLabel } from '../../../ingest/extract/real-eval';
import { asScoredFigure, parseSnapshotLines, snapshotArticle } from '../../../ingest/extract/unseen-snapshot';

const ROOT = resolve(__dirname, '../../..');

// Our own sentences, in the style of a district portal's quarterly note.
const TEXT = [
  'Trong quý I năm 2024, huyện Yên Thành tiếp nhận 4.210 hồ sơ, đã giải quyết 4.105 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 98,6%.',
  'Mức độ hài lòng của người dân đạt 91,2%.',
].join('\n');

const label: RealLabel = {
  id: 'd999',
  split: 'dev',
  published: '2024-04-05',
  publisher: { name: 'Huyện Yên Thành', level: 'huyen', province: 'Nghệ An' },
  figures: [
    { metric: 'dossiers_received', value: 4210, kind: 'actual', period: { year: 2024, from_month: 1, to_month: 3 } },
    { metric: 'on_time_rate', value: 98.6, kind: 'actual', period: { year: 2024, from_month: 1, to_month: 3 } },
    // Labelled under another unit on purpose: matched by value, wrong by subject.
    { metric: 'satisfaction_rate', value: 91.2, kind: 'actual', period: { year: 2024, from_month: 1, to_month: 3 }, subject: { name: 'Nghệ An', scope: 'unit' } },
    { metric: 'dossiers_resolved', value: 9999, kind: 'actual', period: { year: 2024 } },
  ],
};

function snapshotOf(l: RealLabel, text: string): string {
  const { result, signals } = extractWithSignals(text, realContext(l));
  return JSON.stringify(snapshotArticle(l.id, '9.9.9', result.figures, FEATURE_NAMES, signals.map(featureVector)));
}

describe('unseen snapshots', () => {
  it('keep no article text, and score exactly as the figures they were taken from', () => {
    const ctx = realContext(label);
    const { result } = extractWithSignals(TEXT, ctx);
    expect(result.figures.length).toBeGreaterThanOrEqual(3);
    const line = snapshotOf(label, TEXT);
    for (const sentence of TEXT.split('\n')) expect(line).not.toContain(sentence.slice(0, 40));
    expect(line).not.toContain('"evidence"');
    const { lines, errors } = parseSnapshotLines(line);
    expect(errors).toEqual([]);
    const direct = scoreRealArticle(label.id, result.figures, label.figures, 'Huyện Yên Thành');
    const again = scoreRealArticle(label.id, lines[0].figures.map(asScoredFigure), label.figures, 'Huyện Yên Thành');
    expect(again.matchedLabel.map((l) => l?.metric ?? null)).toEqual(direct.matchedLabel.map((l) => l?.metric ?? null));
    expect(again.missed.map((l) => l.metric)).toEqual(direct.missed.map((l) => l.metric));
    const agrees = (s: typeof direct): boolean[] => s.matchedLabel.map((l, i) => l !== null && subjectAgrees(s.figures[i], l, 'Huyện Yên Thành'));
    expect(agrees(again)).toEqual(agrees(direct));
    expect(agrees(direct)).toContain(true);
    expect(lines[0].figures.map((f) => [f.period, f.kind, f.change])).toEqual(result.figures.map((f) => [{ year: f.period.year, fromMonth: f.period.fromMonth, toMonth: f.period.toMonth }, f.kind, f.change]));
  });

  it('take a unit and its whole area as one subject only under the lenient scope rule', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unseen-'));
    try {
      const province: RealLabel = {
        id: 'd997',
        split: 'dev',
        published: '2024-04-05',
        publisher: { name: 'UBND tỉnh Nghệ An', level: 'tinh', province: 'Nghệ An' },
        // "toàn tỉnh" read as the province's whole area; labelled as the province itself.
        figures: [{ metric: 'dossiers_received', value: 52100, kind: 'actual', period: { year: 2024, from_month: 1, to_month: 3 }, subject: { name: 'Nghệ An', scope: 'unit' } }],
      };
      const labels = join(dir, 'labels.jsonl');
      writeFileSync(labels, `${JSON.stringify(province)}\n`);
      const snap = snapshotOf(province, 'Trong quý I năm 2024, toàn tỉnh tiếp nhận 52.100 hồ sơ thủ tục hành chính.');
      expect(JSON.parse(snap).figures[0].subject.scope).toBe('province_wide');
      const strict = loadUnseenExamples([snap], labels).data.examples[0];
      const lenient = loadUnseenExamples([snap], labels, true, 'lenient').data.examples[0];
      expect(strict).toMatchObject({ y: 0, matched: true, subjectRight: false, subjectRightLenient: true });
      expect(lenient).toMatchObject({ y: 1, matched: true, subjectRight: false, subjectRightLenient: true });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('report malformed lines by number instead of skipping them silently', () => {
    const good = snapshotOf(label, TEXT);
    const { lines, errors } = parseSnapshotLines(`${good}\n{not json\n{"article":"d1","engine":"1.0.0","figures":[]}\n\n{"article":"d2","engine":"1","featureNames":[],"figures":[{"metric":"x"}]}`);
    expect(lines).toHaveLength(1);
    expect(errors).toEqual([expect.stringMatching(/^line 2: not JSON/), 'line 3: needs article, engine, featureNames and figures', expect.stringMatching(/^line 5: figure 1 lacks/)]);
  });

  it('become fit examples scored against the current labels, right only with their subject', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unseen-'));
    try {
      const labels = join(dir, 'labels.jsonl');
      writeFileSync(labels, `${JSON.stringify(label)}\n${JSON.stringify({ ...label, id: 'd998', split: 'test' })}\n`);
      const snap = snapshotOf(label, TEXT);
      const { data, articles, problems } = loadUnseenExamples([snap, snapshotOf({ ...label, id: 'd998' }, TEXT)], labels);
      expect(articles).toBe(1);
      expect(problems).toEqual(['d998: no dev label (skipped)']);
      const byValue = new Map(data.examples.map((e, i) => [JSON.parse(snap).figures.filter((f: { metric: string }) => f.metric !== 'other')[i].value, e]));
      expect(byValue.get(4210)).toMatchObject({ y: 1, matched: true, source: 'unseen 9.9.9', article: 'd999' });
      expect(byValue.get(98.6)).toMatchObject({ y: 1, matched: true });
      // Matched by value, filed under the publisher where the label says the province: wrong.
      expect(byValue.get(91.2)).toMatchObject({ y: 0, matched: true, subjectRight: false });
      // Required core labels of the article, found or not (the 9,999 resolved dossiers are missed).
      expect(data.requiredCore).toBe(4);
      const matchOnly = loadUnseenExamples([snap], labels, false).data;
      expect(matchOnly.examples.map((e) => e.y)).toEqual(data.examples.map((e) => (e.matched ? 1 : 0)));
      expect(() => loadUnseenExamples([snap.replace('"bias":1', '"no_such_feature":1')], labels)).toThrow(/unknown feature\(s\) no_such_feature/);
      expect(data.unknownFeatures?.size).toBe(0);
      // A derived feature is recomputed from the snapshot's figures even when its engine never computed it.
      const older = JSON.parse(snap);
      older.featureNames = older.featureNames.filter((n: string) => n !== 'repeated_reading');
      older.figures.push({ ...older.figures.find((f: { value: number }) => f.value === 4210), period: { year: 2023, fromMonth: null, toMonth: null } });
      const derived = loadUnseenExamples([JSON.stringify(older)], labels);
      expect(derived.data.unknownFeatures?.size).toBe(0);
      const col = FEATURE_NAMES.indexOf('repeated_reading');
      expect(derived.data.examples.filter((e) => e.x[col] === 1)).toHaveLength(2);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('never let the fit select a feature that an older snapshot engine did not compute', () => {
    const dir = mkdtempSync(join(tmpdir(), 'unseen-'));
    try {
      // 40 articles whose right figures are exactly those with an explicit kind: a perfect predictor…
      const labels: RealLabel[] = [];
      const lines: string[] = [];
      for (let a = 0; a < 40; a++) {
        const id = `d${String(500 + a)}`;
        labels.push({ ...label, id, figures: [{ metric: 'on_time_rate', value: 90 + (a % 9), kind: 'actual', period: { year: 2024 } }] });
        const fig = (value: number, explicit: boolean) => ({
          metric: 'on_time_rate', value, total: null, kind: 'actual', comparator: 'eq', change: false,
          period: { year: 2024, fromMonth: null, toMonth: null }, subject: { name: 'Huyện Yên Thành', scope: 'unit', subunitLevel: null },
          features: explicit ? { bias: 1, kind_explicit: 1 } : { bias: 1 },
        });
        const names = (FEATURE_NAMES as string[]).filter((n) => n !== 'kind_explicit' || a % 2 === 0);
        lines.push(JSON.stringify({ article: id, engine: a % 2 === 0 ? '2.0.0' : '1.0.0', featureNames: names, figures: [fig(90 + (a % 9), a % 2 === 0), fig(50, false)] }));
      }
      const file = join(dir, 'labels.jsonl');
      writeFileSync(file, labels.map((l) => JSON.stringify(l)).join('\n'));
      const { data } = loadUnseenExamples(lines, file);
      // …but the 1.0.0 engine never computed it, so its zeros there mean "unknown", not "absent".
      expect([...(data.unknownFeatures ?? [])]).toEqual(['kind_explicit']);
      expect(selectFeatures(data, 1).map((i) => FEATURE_NAMES[i])).not.toContain('kind_explicit');
      expect(selectFeatures({ ...data, unknownFeatures: new Set() }, 1).map((i) => FEATURE_NAMES[i])).toContain('kind_explicit');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('name their batch by ranges of ids', () => {
    expect([...idsFrom('d401-d403,d410')]).toEqual(['d401', 'd402', 'd403', 'd410']);
    expect([...idsFrom('d098-100')]).toEqual(['d098', 'd099', 'd100']);
  });
});

describe('weighted fitting', () => {
  it('lets heavier examples pull the fit their way', () => {
    // Two groups disagree on what feature 1 means; the weights decide which one the fit follows.
    const xs: number[][] = [];
    const ys: number[] = [];
    const group: number[] = [];
    for (let i = 0; i < 100; i++) {
      xs.push([1, 1]);
      ys.push(i < 50 ? 1 : 0);
      group.push(i < 50 ? 0 : 1);
    }
    const even = fitLogistic(xs, ys, 0.1);
    const towardOnes = fitLogistic(xs, ys, 0.1, 50, group.map((g) => (g === 0 ? 4 : 1)));
    const towardZeros = fitLogistic(xs, ys, 0.1, 50, group.map((g) => (g === 0 ? 1 : 4)));
    const p = (w: number[]): number => 1 / (1 + Math.exp(-(w[0] + w[1])));
    expect(p(even)).toBeCloseTo(0.5, 2);
    expect(p(towardOnes)).toBeCloseTo(0.8, 2);
    expect(p(towardZeros)).toBeCloseTo(0.2, 2);
  });
});

describe('the batch tools as a user runs them', () => {
  const run = (script: string, args: string[]) => spawnSync(process.execPath, ['-r', '@swc-node/register', `ingest/extract/${script}`, ...args], { cwd: ROOT, encoding: 'utf8' });

  it('score one batch (eval:real --ids), and snapshot it only when every text is there (snapshot:unseen)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'batch-'));
    try {
      const labels = join(dir, 'labels.jsonl');
      writeFileSync(labels, ['d001', 'd002', 'd003'].map((id) => JSON.stringify({ ...label, id })).join('\n'));
      for (const id of ['d001', 'd002']) writeFileSync(join(dir, `${id}.txt`), TEXT);
      const scored = run('eval-real-cli.ts', ['--texts', dir, '--labels', labels, '--split', 'dev', '--ids', 'd002-d002']);
      expect(scored.status).toBe(0);
      expect(scored.stdout).toMatch(/^real-text corpus: 1 article\(s\) \(split dev\)/);
      // By default the texts are read as ingestion reads a document: prose and the tables rebuilt from the text.
      expect(scored.stdout).toMatch(/^real-text corpus: .*, reader document,/);
      const out = join(dir, 'unseen', 'x.jsonl');
      const refused = run('unseen-snapshot-cli.ts', ['--texts', dir, '--labels', labels, '--ids', 'd001-d003', '--out', out]);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toMatch(/no cached text for d003: a snapshot must cover its whole batch/);
      expect(existsSync(out)).toBe(false);
      const written = run('unseen-snapshot-cli.ts', ['--texts', dir, '--labels', labels, '--ids', 'd001-d002', '--out', out]);
      expect(written.status).toBe(0);
      const { lines, errors } = parseSnapshotLines(readFileSync(out, 'utf8'));
      expect(errors).toEqual([]);
      expect(lines.map((l) => l.article)).toEqual(['d001', 'd002']);
      expect(lines[0].figures.length).toBeGreaterThanOrEqual(3);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('fit:confidence with bad snapshots', () => {
  const run = (args: string[]) => spawnSync(process.execPath, ['-r', '@swc-node/register', 'ingest/extract/fit-confidence-cli.ts', '--dry-run', ...args], { cwd: ROOT, encoding: 'utf8' });

  it('says which snapshot is wrong instead of crashing, and refuses a validation batch that is not there', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fit-'));
    try {
      const labels = join(dir, 'labels.jsonl');
      writeFileSync(labels, JSON.stringify(label));
      writeFileSync(join(dir, 'd999.txt'), TEXT);
      mkdirSync(join(dir, 'unseen'));
      const snap = JSON.parse(snapshotOf(label, TEXT));
      snap.featureNames.push('from_a_future_engine');
      writeFileSync(join(dir, 'unseen', 'x.jsonl'), JSON.stringify(snap));
      const bad = run(['--texts', dir, '--labels', labels, '--unseen', join(dir, 'unseen')]);
      expect(bad.status).toBe(1);
      expect(bad.stderr).toMatch(/^unseen snapshots in .*unseen: d999 \(engine 9\.9\.9\): unknown feature\(s\) from_a_future_engine\n$/);
      const missing = run(['--texts', dir, '--labels', labels, '--validate', join(dir, 'nope.jsonl')]);
      expect(missing.status).toBe(1);
      expect(missing.stderr).toMatch(/^no snapshot at .*nope\.jsonl \(--validate\)\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
