/**
 * The calibrated confidence model: its features, the committed coefficients, and the fitting routine
 * (ingest/extract/fit-confidence-cli.ts) on small inline data sets — the suite needs no text cache.
 */
import { CONFIDENCE_MODEL } from '../../../ingest/extract/confidence-model';
import { DERIVED_FEATURES, derivedFeatures, FEATURE_NAMES, featureVector, type FigureSignals, OTHER_CONFIDENCE, probability, probabilityWith, repeatedReadings, conflictingReadings } from '../../../ingest/extract/confidence';
import { extractWithSignals, figuresFromText } from '../../../ingest/extract/figures';
import { chooseThreshold, fitLogistic, THRESHOLD_TOLERANCE, foldOf, type FitData, keptFeatures, outOfFold, selectFeatures, servedAt, stableFeatures, subjectPrecision, wilsonLower, MIN_RECALL_SHARE, MIN_SERVED_FOR_THRESHOLD } from '../../../ingest/extract/fit-confidence-cli';
import { needsReview, REVIEW_THRESHOLD } from '../../../ingest/extract/serving';

const signals = (over: Partial<FigureSignals> = {}): FigureSignals => ({
  metric: 'on_time_rate', unit: 'percent', cueZone: 'own', cueFallback: false, cueScore: 8, runnerUp: 0, usualUnit: true, kind: 'actual',
  kindExplicit: true, change: false, approximate: false, comparatorEq: true, ratio: false, subjectSource: 'publisher', subjectUncertain: false, periodSource: 'clause',
  periodMonths: true, unitsInSentence: 0, numbersInSentence: 2, sentenceChars: 120, restated: false, dated: true, breakdown: false, value: 98.5, ...over,
});

describe('confidence features and the committed model', () => {
  it('has one value per named feature, the bias first', () => {
    const x = featureVector(signals());
    expect(x).toHaveLength(FEATURE_NAMES.length);
    expect(FEATURE_NAMES[0]).toBe('bias');
    expect(x[0]).toBe(1);
  });

  it('weighs only features the engine computes, and serves at its own threshold', () => {
    for (const name of Object.keys(CONFIDENCE_MODEL.weights)) expect(FEATURE_NAMES).toContain(name);
    expect(REVIEW_THRESHOLD).toBe(CONFIDENCE_MODEL.threshold);
    expect(REVIEW_THRESHOLD).toBeGreaterThan(0);
    expect(REVIEW_THRESHOLD).toBeLessThan(1);
    expect(needsReview(REVIEW_THRESHOLD - 0.01)).toBe(true);
    expect(needsReview(REVIEW_THRESHOLD)).toBe(false);
  });

  it('marks a subject the engine had to guess as uncertain, a feature of its own', () => {
    const ctx = { publishedAt: new Date('2022-06-03T08:00:00+07:00'), publisher: { id: 'p', name: 'Bắc Giang', level: 'tinh' } };
    const read = (text: string) => {
      const { result, signals: s } = extractWithSignals(text, ctx);
      return result.figures.map((f, i) => [f.value, f.subject.scope, f.subject.subunitLevel, s[i].subjectUncertain]);
    };
    // Two levels named together: the first is kept, as a guess.
    expect(read('Trong tháng 5/2022, Bộ phận một cửa cấp huyện, cấp xã tiếp nhận 12.400 hồ sơ.')).toEqual([[12400, 'subunits', 'huyen', true]]);
    // No subject named on a province's page: the province's total over all levels, as a guess.
    expect(read('Tỷ lệ hồ sơ giải quyết đúng hạn trong tháng 5/2022 đạt 98,1%.')).toEqual([[98.1, 'province_wide', null, true]]);
    // Named: no guess.
    expect(read('Trong tháng 5/2022, toàn tỉnh tiếp nhận 12.400 hồ sơ.')).toEqual([[12400, 'province_wide', null, false]]);
    const at = FEATURE_NAMES.indexOf('subject_uncertain');
    expect(at).toBeGreaterThan(0);
    expect(featureVector(signals({ subjectUncertain: true }))[at]).toBe(1);
    expect(featureVector(signals())[at]).toBe(0);
  });

  it('marks a number the article still reads twice under one metric, on both readings, from the figure list alone', () => {
    // Our own sentence: the same 12 read as the rank's move and as the rank.
    const text = 'Chỉ số cải cách hành chính năm 2023 của tỉnh Lai Châu tăng 12 bậc so với năm 2022, xếp thứ 12/63 tỉnh, thành phố. Tỷ lệ giải quyết hồ sơ đúng hạn đạt 97,5%.';
    const { result, signals } = extractWithSignals(text, { publishedAt: new Date('2024-04-01T12:00:00+07:00'), publisher: { name: 'Lai Châu', level: 'tinh' } } as never);
    const twelves = result.figures.map((f, i) => ({ f, s: signals[i] })).filter(({ f }) => f.value === 12);
    expect(twelves).toHaveLength(2);
    for (const { s } of twelves) expect(featureVector(s)[FEATURE_NAMES.indexOf('repeated_reading')]).toBe(1);
    const rate = result.figures.findIndex((f) => f.metric === 'on_time_rate');
    expect(featureVector(signals[rate])[FEATURE_NAMES.indexOf('repeated_reading')]).toBe(0);
    // The engine's mark is the list's: a snapshot of any engine recomputes it the same way.
    expect(derivedFeatures(result.figures).map((d) => d.repeated_reading)).toEqual(signals.map((s) => (s.repeatedReading ? 1 : 0)));
    expect(Object.keys(derivedFeatures(result.figures)[0])).toEqual([...DERIVED_FEATURES]);
    expect(DERIVED_FEATURES.every((n) => FEATURE_NAMES.includes(n))).toBe(true);
    // 'other' figures never count as a repeated reading.
    expect(repeatedReadings([{ metric: 'other', value: 5 }, { metric: 'other', value: 5 }])[0]).toBe(false);
  });

  it('marks readings that give one unit two values of one metric for one period, from the figure list alone', () => {
    // Our own text: the district's received dossiers for 2023 stated twice with different values (at most one is its
    // figure), and its on-time rate once.
    const text = 'Năm 2023, UBND huyện Tam Đường tiếp nhận 12.400 hồ sơ. Tỷ lệ giải quyết hồ sơ đúng hạn năm 2023 đạt 97,5%. Cũng trong năm 2023, UBND huyện Tam Đường tiếp nhận 12.900 hồ sơ.';
    const { result, signals } = extractWithSignals(text, { publishedAt: new Date('2024-02-01T12:00:00+07:00'), publisher: { name: 'UBND huyện Tam Đường', level: 'huyen' } } as never);
    const at = FEATURE_NAMES.indexOf('conflicting_reading');
    expect(at).toBeGreaterThan(0);
    const received = result.figures.map((f, i) => ({ f, s: signals[i] })).filter(({ f }) => f.metric === 'dossiers_received');
    expect(received.map(({ f }) => f.value)).toEqual([12400, 12900]);
    for (const { s } of received) expect(featureVector(s)[at]).toBe(1);
    const rate = result.figures.findIndex((f) => f.metric === 'on_time_rate');
    expect(featureVector(signals[rate])[at]).toBe(0);
    expect(derivedFeatures(result.figures).map((d) => d.conflicting_reading)).toEqual(signals.map((s) => (s.conflictingReading ? 1 : 0)));
    // Another period, a move, a target or another unit is no conflict.
    const base = { metric: 'dossiers_received', value: 1, kind: 'actual' as const, change: false, period: { year: 2023, fromMonth: null, toMonth: null }, subject: { name: 'A' } };
    expect(conflictingReadings([base, { ...base, value: 2, period: { year: 2023, fromMonth: 1, toMonth: 6 } }])).toEqual([false, false]);
    expect(conflictingReadings([base, { ...base, value: 2, change: true }])).toEqual([false, false]);
    expect(conflictingReadings([base, { ...base, value: 2, kind: 'target' as const }])).toEqual([false, false]);
    expect(conflictingReadings([base, { ...base, value: 2, subject: { name: 'B' } }])).toEqual([false, false]);
    expect(conflictingReadings([base, { ...base, value: 2 }, { ...base, value: 1 }])).toEqual([true, true, true]);
    expect(conflictingReadings([{ ...base, metric: 'other' }, { ...base, metric: 'other', value: 2 }])).toEqual([false, false]);
  });

  it('scores figures but never decides which figures exist or which sentence cites them', () => {
    // Our own text: one rank stated in the headline and again, with its field, in the body.
    const text = [
      'Lạng Sơn xếp thứ 9 cả nước về Chỉ số cải cách hành chính năm 2023',
      '',
      'Theo kết quả công bố, Chỉ số cải cách hành chính năm 2023 của tỉnh Lạng Sơn đạt 87,4%, xếp thứ 9/63 tỉnh, thành phố, tăng 3 bậc so với năm 2022.',
    ].join('\n');
    const ctx = { publishedAt: new Date('2024-05-10T08:00:00+07:00'), publisher: { name: 'Lạng Sơn', level: 'tinh' } } as never;
    const read = () => figuresFromText(text, ctx).figures.map(({ confidence: _c, ...f }) => f);
    const weights = CONFIDENCE_MODEL.weights as Record<string, number>;
    const saved = { ...weights };
    const before = read();
    expect(before.filter((f) => f.metric === 'par_index_rank' && f.value === 9)).toHaveLength(1);
    try {
      // Any model: here one that prefers a headline's reading to the body's.
      Object.assign(weights, { period_title: 4, period_publication: 4, restated: 4, period_sentence: -4, subject_named: -4, numbers_in_sentence_log: -4 });
      expect(read()).toEqual(before);
    } finally {
      for (const k of Object.keys(weights)) delete weights[k];
      Object.assign(weights, saved);
    }
  });

  it("keeps 'other' figures for reviewers whatever their signals", () => {
    expect(probability(signals({ metric: 'other' }))).toBe(OTHER_CONFIDENCE);
    expect(needsReview(OTHER_CONFIDENCE)).toBe(true);
  });

  it('gives every figure of the engine the model probability of its signals', () => {
    const text = 'Năm 2023, huyện tiếp nhận 12.450 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 98,6%. Chỉ số hài lòng đạt 91,2%.';
    const ctx = { publishedAt: new Date('2024-02-10T10:00:00+07:00'), publisher: { id: 'p', name: 'Huyện Hòa Vang', level: 'huyen' } };
    const { result, signals: s } = extractWithSignals(text, ctx);
    expect(result.figures.length).toBeGreaterThanOrEqual(3);
    expect(s).toHaveLength(result.figures.length);
    result.figures.forEach((f, i) => expect(f.confidence).toBe(probability(s[i])));
    expect(figuresFromText(text, ctx).figures.map((f) => f.confidence)).toEqual(result.figures.map((f) => f.confidence));
    expect(s.every((x) => x.periodSource === 'clause' || x.periodSource === 'earlier')).toBe(true);
  });

  it('never serves a figure whose period has no year, however strong its other signals', () => {
    // Strong: the figure the committed model trusts most among plain variations (found, not assumed: each refit moves
    // the weights), which it serves when the text names a year.
    const candidates = ['late_dossiers', 'on_time_rate', 'dossiers_received', 'par_index_score', 'par_index_rank', 'satisfaction_rate'].flatMap((metric) =>
      (['named', 'national', 'publisher'] as const).flatMap((subjectSource) =>
        [1, 8].map((numbersInSentence) => signals({ metric, unit: metric === 'par_index_rank' ? 'rank' : metric === 'par_index_score' ? 'score' : 'count', cueScore: 400, subjectSource, numbersInSentence, periodSource: 'text_year', dated: false })),
      ),
    );
    const strong = candidates.reduce((a, b) => (probability(b) > probability(a) ? b : a));
    expect(needsReview(probability(strong))).toBe(false);
    expect(needsReview(probability({ ...strong, periodSource: 'none' }))).toBe(true);
  });

  it('tells how a period was found: none, or the publication date', () => {
    const noYear = extractWithSignals('Huyện tiếp nhận 12.450 hồ sơ.', { publishedAt: null, publisher: null });
    expect(noYear.signals.map((x) => x.periodSource)).toEqual(['none']);
    const fromDate = extractWithSignals('Huyện tiếp nhận 12.450 hồ sơ.', { publishedAt: new Date('2024-06-10T10:00:00+07:00'), publisher: null });
    expect(fromDate.signals.map((x) => x.periodSource)).toEqual(['publication']);
  });
});

describe('fitting the model', () => {
  // Feature 1 decides the outcome 9 times in 10; feature 2 is noise.
  const rows: Array<{ x: number[]; y: number }> = [];
  for (let i = 0; i < 200; i++) {
    const a = i % 2;
    const noise = (i * 7) % 3 === 0 ? 1 : 0;
    const y = i % 10 === 0 ? 1 - a : a;
    rows.push({ x: [1, a, noise], y });
  }

  it('recovers the direction of a predictive feature, deterministically', () => {
    const w = fitLogistic(rows.map((r) => r.x), rows.map((r) => r.y), 1);
    expect(w[1]).toBeGreaterThan(2);
    expect(Math.abs(w[2])).toBeLessThan(0.5);
    expect(fitLogistic(rows.map((r) => r.x), rows.map((r) => r.y), 1)).toEqual(w);
  });

  it('shrinks weights as the penalty grows', () => {
    const loose = fitLogistic(rows.map((r) => r.x), rows.map((r) => r.y), 0.1);
    const tight = fitLogistic(rows.map((r) => r.x), rows.map((r) => r.y), 100);
    expect(Math.abs(tight[1])).toBeLessThan(Math.abs(loose[1]));
  });

  it('assigns every article to one stable fold', () => {
    expect(foldOf('d001')).toBe(foldOf('d001'));
    const folds = new Set(Array.from({ length: 50 }, (_, i) => foldOf(`d${String(i).padStart(3, '0')}`)));
    expect([...folds].every((f) => f >= 0 && f < 5)).toBe(true);
    expect(folds.size).toBe(5);
  });

  const data = (n: number): FitData => {
    const examples = [];
    for (let i = 0; i < n; i++) {
      const x = featureVector(signals({ periodSource: i % 3 === 0 ? 'none' : 'clause' }));
      examples.push({ article: `a${i % 40}`, x, y: i % 3 === 0 ? (i % 9 === 0 ? 1 : 0) : 1, requiredHit: i % 3 !== 0 });
    }
    return { examples, requiredCore: n };
  };

  it('selects the feature that predicts held-out articles and serves what it trusts', () => {
    const d = data(240);
    const used = selectFeatures(d, 1);
    expect(used.map((i) => FEATURE_NAMES[i])).toContain('period_none');
    const p = outOfFold(d, 1, used);
    const { threshold, reached } = chooseThreshold(d, p, 0.95);
    expect(reached).toBe(true);
    const s = servedAt(d, p, threshold);
    expect(s.precision).toBeGreaterThanOrEqual(0.95);
    expect(s.recall).toBeGreaterThan(0.5);
  });

  it('keeps, in stability selection, the feature every resample of articles chooses', () => {
    const d = data(240);
    const { used, frequency } = stableFeatures(d, 1, 4);
    const periodNone = FEATURE_NAMES.indexOf('period_none');
    expect(frequency.get(periodNone)).toBeCloseTo(1);
    expect(used[0]).toBe(0);
    expect(used).toContain(periodNone);
    // Deterministic: the same seed draws the same resamples.
    expect(stableFeatures(d, 1, 4).used).toEqual(used);
    // A feature chosen in fewer resamples than the share asks stays out.
    for (const [i, f] of frequency) if (f < 0.6) expect(used).not.toContain(i);
  });

  it('tells the served figures that match a label from those right with their subject too', () => {
    const ex = (y: number, matched: boolean, subjectRight: boolean, subjectRightLenient = subjectRight) => ({ article: 'a', x: featureVector(signals()), y, requiredHit: matched, matched, subjectRight, subjectRightLenient });
    // The second is right only when a unit and its whole area count as one subject.
    const d: FitData = { examples: [ex(1, true, true), ex(1, true, false, true), ex(0, false, false), ex(1, true, true)], requiredCore: 4 };
    expect(subjectPrecision(d, [0.9, 0.9, 0.9, 0.2], 0.5)).toEqual({ matched: 2 / 3, withSubject: 1 / 3, withSubjectLenient: 2 / 3 });
    expect(subjectPrecision(d, [0.1, 0.1, 0.1, 0.1], 0.5)).toEqual({ matched: 1, withSubject: 1, withSubjectLenient: 1 });
  });

  it('when the target is out of reach, serves where the precision it can vouch for is highest, on enough figures', () => {
    const dataOf = (groups: Array<{ p: number; n: number; right: number }>, requiredCore: number) => {
      const rows = groups.flatMap((g) => Array.from({ length: g.n }, (_, i) => ({ p: g.p, y: i < g.right ? 1 : 0 })));
      const d: FitData = { examples: rows.map((e, i) => ({ article: `a${i}`, x: featureVector(signals()), y: e.y, requiredHit: e.y === 1 })), requiredCore };
      return { d, p: rows.map((e) => e.p) };
    };
    // 9 of 10 is 0.90 but proves little (95 % lower bound 0.60); 59 of 70 is 0.84 with a lower bound of 0.74.
    expect(wilsonLower(9, 10)).toBeCloseTo(0.596, 2);
    expect(wilsonLower(59, 70)).toBeCloseTo(0.739, 2);
    const lucky = dataOf([{ p: 0.95, n: 10, right: 9 }, { p: 0.8, n: 60, right: 50 }, { p: 0.5, n: 100, right: 50 }], 25);
    expect(servedAt(lucky.d, lucky.p, 0.9)).toMatchObject({ served: 10, precision: 0.9 });
    expect(chooseThreshold(lucky.d, lucky.p, 0.95)).toEqual({ threshold: 0.51, reached: false, kept: false });
    // 40 of 40 right at the top with only 8 % of the required labels: the target is not reached (recall floor), but
    // precision comes first — those 40 are served alone (lower bound 0.91 against 0.83 for the 100 above 0.5).
    const narrow = dataOf([{ p: 0.95, n: 40, right: 40 }, { p: 0.8, n: 60, right: 50 }, { p: 0.5, n: 100, right: 50 }], 500);
    expect(servedAt(narrow.d, narrow.p, 0.9).recall).toBeLessThan(MIN_RECALL_SHARE);
    expect(chooseThreshold(narrow.d, narrow.p, 0.95)).toEqual({ threshold: 0.81, reached: false, kept: false });
    // With a larger floor (`--min-served 50`) the 40 alone are too few to judge on: the 100 above 0.5 are served.
    expect(chooseThreshold(narrow.d, narrow.p, 0.95, 50)).toEqual({ threshold: 0.51, reached: false, kept: false });
    // Fewer than MIN_SERVED_FOR_THRESHOLD figures prove nothing, however right: 15 of 15 at the top is never chosen alone.
    const few = dataOf([{ p: 0.95, n: MIN_SERVED_FOR_THRESHOLD - 5, right: MIN_SERVED_FOR_THRESHOLD - 5 }, { p: 0.8, n: 60, right: 50 }, { p: 0.5, n: 100, right: 50 }], 500);
    expect(chooseThreshold(few.d, few.p, 0.95)).toEqual({ threshold: 0.51, reached: false, kept: false });
    // 45 of 50 right at the top with 22 % recall: enough to serve only those (lower bound 0.79 against 0.69 for more).
    const unseen = dataOf([{ p: 0.95, n: 50, right: 45 }, { p: 0.8, n: 60, right: 40 }, { p: 0.5, n: 100, right: 50 }], 200);
    expect(chooseThreshold(unseen.d, unseen.p, 0.95)).toEqual({ threshold: 0.81, reached: false, kept: false });
  });

  it('keeps the committed threshold while its lower bound is within the tolerance of the best (stop 42)', () => {
    const dataOf = (groups: Array<{ p: number; n: number; right: number }>, requiredCore: number) => {
      const rows = groups.flatMap((g) => Array.from({ length: g.n }, (_, i) => ({ p: g.p, y: i < g.right ? 1 : 0 })));
      const d: FitData = { examples: rows.map((e, i) => ({ article: `a${i}`, x: featureVector(signals()), y: e.y, requiredHit: e.y === 1 })), requiredCore };
      return { d, p: rows.map((e) => e.p) };
    };
    // 88 of the top 100 (lower bound 0.802) against 113 of 130 with the next 30 (0.800): the top alone is best, by less
    // than the tolerance.
    const close = dataOf([{ p: 0.95, n: 100, right: 88 }, { p: 0.8, n: 30, right: 25 }, { p: 0.5, n: 100, right: 50 }], 1000);
    expect(wilsonLower(88, 100) - wilsonLower(113, 130)).toBeLessThan(THRESHOLD_TOLERANCE);
    expect(chooseThreshold(close.d, close.p, 0.95)).toEqual({ threshold: 0.81, reached: false, kept: false });
    expect(chooseThreshold(close.d, close.p, 0.95, MIN_SERVED_FOR_THRESHOLD, 0.6)).toEqual({ threshold: 0.6, reached: false, kept: true });
    // Without a committed threshold, or with the best one committed, the choice is the fresh one.
    expect(chooseThreshold(close.d, close.p, 0.95, MIN_SERVED_FOR_THRESHOLD, null)).toEqual({ threshold: 0.81, reached: false, kept: false });
    expect(chooseThreshold(close.d, close.p, 0.95, MIN_SERVED_FOR_THRESHOLD, 0.81)).toEqual({ threshold: 0.81, reached: false, kept: false });
    // The next 30 much worse (20 right, lower bound 0.76): the committed 0.6 is beyond the tolerance and moves.
    const far = dataOf([{ p: 0.95, n: 100, right: 88 }, { p: 0.8, n: 30, right: 20 }, { p: 0.5, n: 100, right: 50 }], 1000);
    expect(wilsonLower(88, 100) - wilsonLower(108, 130)).toBeGreaterThan(THRESHOLD_TOLERANCE);
    expect(chooseThreshold(far.d, far.p, 0.95, MIN_SERVED_FOR_THRESHOLD, 0.6)).toEqual({ threshold: 0.81, reached: false, kept: false });
    // A committed threshold that serves too few figures to judge is never kept, however right they are.
    const top = dataOf([{ p: 0.99, n: 10, right: 10 }, { p: 0.95, n: 100, right: 88 }, { p: 0.5, n: 100, right: 50 }], 1000);
    expect(chooseThreshold(top.d, top.p, 0.95, MIN_SERVED_FOR_THRESHOLD, 0.97)).toEqual({ threshold: 0.51, reached: false, kept: false });
    // A threshold that reaches the target is taken whatever was committed: it guarantees the precision.
    const reach = dataOf([{ p: 0.95, n: 100, right: 98 }, { p: 0.5, n: 100, right: 50 }], 200);
    expect(chooseThreshold(reach.d, reach.p, 0.95, MIN_SERVED_FOR_THRESHOLD, 0.9)).toEqual({ threshold: 0.51, reached: true, kept: false });
  });

  it('judges a threshold on what the store would serve: figures held for an unresolved subject are not served (stop 30)', () => {
    const ex = (y: number, held: boolean) => ({ article: 'a', x: featureVector(signals()), y, requiredHit: y === 1, held, subjectRight: y === 1, matched: y === 1 });
    // Ten confident figures about the whole country (held: no unit) and thirty about the publisher, three of them wrong.
    const d: FitData = { examples: [...Array.from({ length: 10 }, () => ex(1, true)), ...Array.from({ length: 30 }, (_, i) => ex(i < 3 ? 0 : 1, false))], requiredCore: 100 };
    const p = [...Array.from({ length: 10 }, () => 0.95), ...Array.from({ length: 30 }, () => 0.85)];
    expect(servedAt(d, p, 0.8)).toMatchObject({ served: 30, precision: 0.9 });
    expect(servedAt(d, p, 0.8).recall).toBeCloseTo(0.27);
    expect(subjectPrecision(d, p, 0.9)).toEqual({ matched: 1, withSubject: 1, withSubjectLenient: 1 });
    expect(servedAt(d, p, 0.9)).toMatchObject({ served: 0 });
  });

  it('reports an unreachable precision target instead of pretending', () => {
    const d: FitData = { examples: Array.from({ length: 100 }, (_, i) => ({ article: `a${i}`, x: featureVector(signals()), y: i % 2, requiredHit: i % 2 === 1 })), requiredCore: 100 };
    const p = d.examples.map(() => 0.5);
    expect(chooseThreshold(d, p, 0.95).reached).toBe(false);
    expect(probabilityWith({ bias: 0 }, featureVector(signals()))).toBe(0.5);
  });
});

describe('keeping the committed model\'s features (fit:confidence --selection keep)', () => {
  it('maps the weights\' names to feature indices, bias first, and refuses names the engine or a snapshot lacks', () => {
    const used = keptFeatures({ bias: -0.2, target: -1.3, cue_own: 0.4 });
    expect(used[0]).toBe(0);
    expect(used.slice(1).map((i) => FEATURE_NAMES[i])).toEqual(['target', 'cue_own']);
    expect(() => keptFeatures({ bias: 0, no_such_feature: 1 })).toThrow(/no longer computes/);
    expect(() => keptFeatures({ bias: 0, target: 1 }, new Set(['target']))).toThrow(/snapshot lacks/);
  });

  it('keeps the features of the model in the repository', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CONFIDENCE_MODEL } = require('../../../ingest/extract/confidence-model') as typeof import('../../../ingest/extract/confidence-model');
    const names = keptFeatures(CONFIDENCE_MODEL.weights).map((i) => FEATURE_NAMES[i]);
    expect(new Set(names)).toEqual(new Set(Object.keys(CONFIDENCE_MODEL.weights)));
  });
});
