/**
 * `npm run fit:confidence -- [--texts DIR] [--labels FILE] [--unseen DIR | --no-unseen] [--unseen-weight 3]
 * [--validate SNAPSHOT] [--target-precision 0.95] [--min-served 20] [--selection greedy|stable|keep] [--resamples 10] [--fresh-threshold] [--match-only] [--scope strict|lenient] [--dry-run]`: fit the confidence model (ingest/extract/confidence.ts) on the
 * DEV split of the real-text corpus and the unseen snapshots, and write its coefficients and serving threshold to
 * ingest/extract/confidence-model.ts. Reproducible from the labels, the text cache and the snapshots: folds are
 * assigned by article id, the fit is deterministic (Newton's method on an L2-penalised log-likelihood).
 *
 * 1. Every core figure (metric ≠ 'other') the engine reads on a dev article is an example; it is right when it
 *    matches a label under the scorer's rule (real-eval.ts) AND its subject agrees with the label's (`subjectAgrees`,
 *    with strict scopes: the unit and its whole area told apart): a figure served about the wrong unit is a wrong
 *    figure. `--scope lenient` takes a unit and its whole area ("toàn tỉnh") as one subject, as the API serves them;
 *    `--match-only` counts a match alone (the rule before).
 *    Either way the threshold table shows the precisions of what is served: by value, with subject (strict) and with
 *    subject (lenient).
 * 2. Every core figure of an unseen snapshot (eval/real/unseen/*.jsonl: what an engine read on a batch before anyone
 *    tuned on it; unseen-snapshot.ts) is an example too, scored the same way against the current labels and weighted
 *    `--unseen-weight` times a dev figure: dev figures are right more often than figures of unseen text, because dev
 *    was tuned on. An article's dev and unseen examples share their fold.
 * 3. Features are chosen by forward selection and the L2 strength by 5-fold cross-validation grouped by article
 *    (weighted log-loss of held-out articles). `--selection stable` keeps only the features forward selection chooses
 *    in ≥ 60 % of `--resamples` bootstrap resamples of the articles and prints how often each was chosen. Stop 32 tried
 *    it as the default: only seven features are chosen that often, and the sparser model served more figures at a lower
 *    held-out precision on unseen text (0.83–0.88 against 0.88–0.93, three batches kept out in turn), so greedy
 *    selection stays the default and stability selection is a diagnostic of how settled the features are.
 *    `--selection keep` skips selection: the committed model's features, refit (see {@link keptFeatures}).
 * 4. The threshold is the lowest at which the held-out (out-of-fold) predictions serve core figures with precision
 *    ≥ the target and 10 % recall — judged on the unseen snapshots when they hold at least 100 core figures (users
 *    meet the engine on unseen text), else on dev; when no threshold reaches it, the one whose held-out precision has
 *    the highest 95 % lower bound among those serving at least 20 figures (`chooseThreshold`); the committed model's
 *    threshold is kept while its bound is within 0.01 of that best (`--fresh-threshold` ignores it). Held-out precision and
 *    recall at that threshold are written with the model. "Served" is what the store would serve (stop 30): a figure
 *    about a unit the gazetteer does not resolve is held whatever its confidence (serving.ts), so it teaches the model
 *    but is never served; dev figures are read through the gazetteer, snapshot figures are filed as the store would
 *    file them now (`settleSnapshotSubjects`).
 * 5. The final model is fit on all examples with the chosen strength. `--validate SNAPSHOT` scores it on a snapshot kept
 *    out of the fit (a newer batch), to choose `--unseen-weight` before that batch joins the fit.
 *
 * The test split is never read.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { mulberry32 } from '../../src/random';
import { CONFIDENCE_MODEL } from './confidence-model';
import { DERIVED_FEATURES, derivedFeatures, FEATURE_NAMES, featureVector, probabilityWith } from './confidence';
import { extractWithSignals } from './figures';
import type { ExtractedFigure } from '../types';
import { CORE_EXCLUDED, isTableCase, parseLabelLines, type RealLabel, realContext, scoreRealArticle, settleAgenciesForScoring, settleSnapshotSubjects, subjectAgrees } from './real-eval';
import { heldWhateverConfidence } from './serving';
import { asScoredFigure, parseSnapshotLines } from './unseen-snapshot';

const REPO_ROOT = resolve(__dirname, '../..');
const MODEL_FILE = resolve(__dirname, 'confidence-model.ts');
const USAGE = 'usage: npm run fit:confidence -- [--texts DIR] [--labels FILE] [--unseen DIR | --no-unseen] [--unseen-weight 3] [--validate SNAPSHOT] [--target-precision 0.95] [--min-served 20] [--selection greedy|stable|keep] [--resamples 10] [--fresh-threshold] [--match-only] [--scope strict|lenient] [--dry-run]';
const FOLDS = 5;
const L2_GRID = [0.3, 1, 3, 10, 30];
/** Served figures must find at least this share of the required labels for the precision target to count as reached. */
export const MIN_RECALL_SHARE = 0.1;
/** Fewest served figures on which the fallback of the threshold rule may judge a threshold's precision. */
export const MIN_SERVED_FOR_THRESHOLD = 20;
/** Weight of an unseen snapshot's figure against a dev figure in the likelihood (see the README, Extraction). */
const DEFAULT_UNSEEN_WEIGHT = 3;
/** Unseen core figures needed before the threshold is chosen on them rather than on dev. */
const MIN_UNSEEN_FOR_THRESHOLD = 100;

interface Example {
  article: string;
  x: number[];
  y: number;
  /** The figure matched a required label (counts toward recall). */
  requiredHit: boolean;
  /** The figure matched a label and its subject agrees with the label's, a unit and its whole area told apart. */
  subjectRight?: boolean;
  /** As `subjectRight`, but a unit and its whole area ("toàn tỉnh") count as one subject, as the API serves them. */
  subjectRightLenient?: boolean;
  /** The figure matched a label (its subject aside). */
  matched?: boolean;
  /** Weight in the fit's likelihood (1 when absent): figures of unseen snapshots can count for more. */
  weight?: number;
  /** Where the example comes from: 'dev' (the current engine on a dev article) or an unseen snapshot's engine. */
  source?: string;
  /**
   * The store would hold the figure for review whatever its confidence: it names a unit the gazetteer does not resolve
   * (serving.ts). It still teaches the model, but is never served at any threshold.
   */
  held?: boolean;
}

export interface FitData {
  examples: Example[];
  /** Required core labels over all articles (the recall denominator). */
  requiredCore: number;
  /** Features some examples' engine did not compute (an unseen snapshot older than the feature): never selected. */
  unknownFeatures?: ReadonlySet<string>;
}

/** Fold of an article: a stable hash of its id, so adding articles moves no other article between folds. */
export function foldOf(id: string, folds = FOLDS): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619) >>> 0;
  return h % folds;
}

/** L2-penalised logistic regression by Newton's method (the bias is not penalised). Deterministic. */
export function fitLogistic(xs: readonly number[][], ys: readonly number[], l2: number, iterations = 50, weights?: readonly number[]): number[] {
  const d = xs[0]?.length ?? 0;
  const w = new Array<number>(d).fill(0);
  for (let it = 0; it < iterations; it++) {
    const grad = new Array<number>(d).fill(0);
    const hess = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let n = 0; n < xs.length; n++) {
      const x = xs[n];
      let z = 0;
      for (let i = 0; i < d; i++) z += w[i] * x[i];
      const p = 1 / (1 + Math.exp(-z));
      const wn = weights?.[n] ?? 1;
      const r = (p - ys[n]) * wn;
      const s = Math.max(p * (1 - p), 1e-9) * wn;
      for (let i = 0; i < d; i++) {
        if (x[i] === 0) continue;
        grad[i] += r * x[i];
        for (let j = 0; j < d; j++) if (x[j] !== 0) hess[i][j] += s * x[i] * x[j];
      }
    }
    for (let i = 1; i < d; i++) {
      grad[i] += l2 * w[i];
      hess[i][i] += l2;
    }
    hess[0][0] += 1e-6;
    const step = solve(hess, grad);
    let maxStep = 0;
    for (let i = 0; i < d; i++) {
      w[i] -= step[i];
      maxStep = Math.max(maxStep, Math.abs(step[i]));
    }
    if (maxStep < 1e-8) break;
  }
  return w;
}

/** Solve A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    const piv = m[c][c] || 1e-12;
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / piv;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * x[k];
    x[r] = s / (m[r][r] || 1e-12);
  }
  return x;
}

/** Weights by feature name for a fit over the `used` columns (features left out weigh 0). */
const weightsOf = (w: number[], used: readonly number[]): Record<string, number> =>
  Object.fromEntries(FEATURE_NAMES.map((name, i) => [name, used.includes(i) ? Math.round(w[used.indexOf(i)] * 10000) / 10000 : 0]));

const project = (x: readonly number[], used: readonly number[]): number[] => used.map((i) => x[i]);

/** Out-of-fold probabilities for every example, with the model of each fold fit on the other folds. */
export function outOfFold(data: FitData, l2: number, used: readonly number[]): number[] {
  const out = new Array<number>(data.examples.length).fill(0);
  for (let f = 0; f < FOLDS; f++) {
    const train = data.examples.filter((e) => foldOf(e.article) !== f);
    if (train.length === 0) continue;
    const w = weightsOf(fitLogistic(train.map((e) => project(e.x, used)), train.map((e) => e.y), l2, 50, train.map((e) => e.weight ?? 1)), used);
    data.examples.forEach((e, i) => {
      if (foldOf(e.article) === f) out[i] = probabilityWith(w, e.x);
    });
  }
  return out;
}

/**
 * Forward selection by held-out log-loss: features are added one at a time while a feature lowers the
 * cross-validated log-loss by at least `minGain`. Signals that only fit a few articles never enter.
 */
export function selectFeatures(data: FitData, l2: number, minGain = 0.001): number[] {
  const used = [0];
  let loss = logLoss(data, outOfFold(data, l2, used));
  for (;;) {
    let best: { i: number; loss: number } | null = null;
    for (let i = 1; i < FEATURE_NAMES.length; i++) {
      if (used.includes(i) || data.unknownFeatures?.has(FEATURE_NAMES[i])) continue;
      const l = logLoss(data, outOfFold(data, l2, [...used, i]));
      if (!best || l < best.loss) best = { i, loss: l };
    }
    if (!best || loss - best.loss < minGain) return used;
    used.push(best.i);
    loss = best.loss;
  }
}

/**
 * Stability selection: {@link selectFeatures} on `resamples` bootstrap resamples of the articles (drawn with
 * replacement, a drawn article with all its figures; deterministic by `seed`); the features chosen in at least `share`
 * of them, most often chosen first. A feature whose small gain on one sample of articles decides its entry, and flips
 * with every refit, stays out.
 */
export function stableFeatures(data: FitData, l2: number, resamples = 10, share = 0.6, seed = 1): { used: number[]; frequency: Map<number, number> } {
  const random = mulberry32(seed);
  const byArticle = new Map<string, FitData['examples']>();
  for (const e of data.examples) (byArticle.get(e.article) ?? byArticle.set(e.article, []).get(e.article)!).push(e);
  const articles = [...byArticle.keys()];
  const frequency = new Map<number, number>();
  for (let r = 0; r < resamples; r++) {
    // A drawn article keeps its id: its copies fall in one fold, so no article is judged on a fit that saw it.
    const examples = Array.from({ length: articles.length }, () => byArticle.get(articles[Math.floor(random() * articles.length)]) ?? []).flat();
    for (const i of selectFeatures({ ...data, examples }, l2).slice(1)) frequency.set(i, (frequency.get(i) ?? 0) + 1 / resamples);
  }
  const kept = [...frequency].filter(([, f]) => f >= share - 1e-9).sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([i]) => i);
  return { used: [0, ...kept], frequency };
}

/**
 * The features of a committed model as indices of {@link FEATURE_NAMES}, bias first. `--selection keep` refits only the
 * weights, the L2 strength and the threshold of these, so a refit after a small engine change cannot swap a feature in
 * or out (stops 32 and 33 saw each greedy refit do so and move the threshold between 0.82 and 0.87). Throws on a name
 * the engine no longer computes, or one a snapshot's engine did not compute (its zeros there mean "unknown").
 */
export function keptFeatures(weights: Readonly<Record<string, number>>, unknown: ReadonlySet<string> = new Set()): number[] {
  const used = [0];
  for (const name of Object.keys(weights)) {
    if (name === 'bias') continue;
    const i = FEATURE_NAMES.indexOf(name);
    if (i < 0) throw new Error(`the committed model uses '${name}', which the engine no longer computes: refit with --selection greedy`);
    if (unknown.has(name)) throw new Error(`the committed model uses '${name}', which an unseen snapshot lacks: refit with --selection greedy`);
    used.push(i);
  }
  return used;
}

/** Served precision and recall of core figures at a threshold (figures the store would hold are not served). */
export function servedAt(data: FitData, p: readonly number[], t: number): { served: number; precision: number; recall: number } {
  let served = 0;
  let right = 0;
  let found = 0;
  data.examples.forEach((e, i) => {
    if (p[i] < t || e.held) return;
    served++;
    right += e.y;
    if (e.requiredHit) found++;
  });
  return { served, precision: served === 0 ? 1 : right / served, recall: data.requiredCore === 0 ? 1 : found / data.requiredCore };
}

/**
 * Share of the figures served at a threshold that are right with their subject too (strictly, and with a unit and its
 * whole area as one subject), and that match a label at all.
 */
export function subjectPrecision(data: FitData, p: readonly number[], t: number): { withSubject: number; withSubjectLenient: number; matched: number } {
  let served = 0;
  let right = 0;
  let rightLenient = 0;
  let matched = 0;
  data.examples.forEach((e, i) => {
    if (p[i] < t || e.held) return;
    served++;
    if (e.subjectRight) right++;
    if (e.subjectRightLenient) rightLenient++;
    if (e.matched) matched++;
  });
  const share = (n: number): number => (served === 0 ? 1 : n / served);
  return { withSubject: share(right), withSubjectLenient: share(rightLenient), matched: share(matched) };
}

/**
 * What makes a figure's subject right in the fit's target: 'strict' tells a unit from its whole area (the default
 * since stop 24), 'lenient' takes them as one subject, as `compare` serves them (option B of docs/labelling.md rule 1).
 */
export type ScopeRule = 'strict' | 'lenient';

/** Lower end of the 95 % Wilson score interval of a proportion: the precision `right / n` can vouch for. */
export function wilsonLower(right: number, n: number, z = 1.96): number {
  if (n === 0) return 0;
  const q = right / n;
  const z2 = z * z;
  return (q + z2 / (2 * n) - z * Math.sqrt((q * (1 - q)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
}

/** How many figures a threshold serves, and the 95 % lower bound (Wilson) of their precision. */
export function servedBound(data: FitData, p: readonly number[], t: number): { served: number; bound: number } {
  const s = servedAt(data, p, t);
  return { served: s.served, bound: wilsonLower(Math.round(s.precision * s.served), s.served) };
}

/**
 * How far below the best 95 % lower bound the committed threshold's bound may fall and still be kept by the fallback.
 * On the 250–350 figures the fallback judges, the bound itself moves by about 0.02 between resamples of the articles,
 * so a gap under 0.01 is noise; stops 40 and 41 saw refits flip between 0.79 and 0.80 on gaps below 0.001, moving what
 * is served by a few figures each time with nothing learned (stop 42).
 */
export const THRESHOLD_TOLERANCE = 0.01;

/**
 * The lowest threshold whose served precision reaches the target with at least {@link MIN_RECALL_SHARE} recall. When
 * none does, the threshold whose served precision has the highest 95 % lower bound (Wilson) among those serving at
 * least {@link MIN_SERVED_FOR_THRESHOLD} figures, whatever their recall: precision first (a wrong number served is
 * worse than a missing one), but measured on enough figures — the top few being right by luck prove little. Until
 * 1.10.0 the fallback also kept the recall floor, and so served 17 % wrong figures on held-out unseen text rather than
 * fewer figures at 8 % (stop 23).
 *
 * `keep` is the committed model's threshold. The fallback keeps it while it serves enough figures and its lower bound
 * is within {@link THRESHOLD_TOLERANCE} of the best, so a refit after a small engine change does not move the gate on a
 * difference the data cannot tell from noise (`kept` says so). A threshold that reaches the target is taken as before:
 * it guarantees the precision, and a lower one only adds recall.
 */
export function chooseThreshold(
  data: FitData,
  p: readonly number[],
  target: number,
  minServed = MIN_SERVED_FOR_THRESHOLD,
  keep: number | null = null,
): { threshold: number; reached: boolean; kept: boolean } {
  const grid = Array.from({ length: 90 }, (_, i) => Math.round((0.05 + i * 0.01) * 100) / 100);
  for (const t of grid) {
    const s = servedAt(data, p, t);
    if (s.served > 0 && s.precision >= target && s.recall >= MIN_RECALL_SHARE) return { threshold: t, reached: true, kept: false };
  }
  let best = { threshold: grid[0], bound: -1 };
  for (const t of grid) {
    const { served, bound } = servedBound(data, p, t);
    if (served >= minServed && bound > best.bound) best = { threshold: t, bound };
  }
  if (keep !== null && keep !== best.threshold) {
    const k = servedBound(data, p, keep);
    if (k.served >= minServed && k.bound >= best.bound - THRESHOLD_TOLERANCE) return { threshold: keep, reached: false, kept: true };
  }
  return { threshold: best.threshold, reached: false, kept: false };
}

function logLoss(data: FitData, p: readonly number[]): number {
  let s = 0;
  let n = 0;
  data.examples.forEach((e, i) => {
    const q = Math.min(1 - 1e-6, Math.max(1e-6, p[i]));
    const w = e.weight ?? 1;
    s -= w * (e.y * Math.log(q) + (1 - e.y) * Math.log(1 - q));
    n += w;
  });
  return s / Math.max(1, n);
}

function brier(data: FitData, p: readonly number[]): number {
  let s = 0;
  data.examples.forEach((e, i) => {
    s += (p[i] - e.y) ** 2;
  });
  return s / Math.max(1, data.examples.length);
}

/**
 * Examples from the dev prose articles whose text is cached. Table and attachment cases (`isTableCase`) are left out:
 * ingestion reads them through the table reader, whose figures do not take this model's confidence, and their labels
 * would otherwise count as misses the prose engine is not meant to find (and move the chosen threshold).
 */
export function loadDevExamples(labelsPath: string, textsDir: string, subjectCounts = false, exclude: ReadonlySet<string> = new Set(), scope: ScopeRule = 'strict'): { data: FitData; articles: number; missing: string[] } {
  const { labels } = parseLabelLines(readFileSync(labelsPath, 'utf8'));
  const examples: Example[] = [];
  let requiredCore = 0;
  let articles = 0;
  const missing: string[] = [];
  for (const label of labels.filter((l) => l.split === 'dev' && !isTableCase(l) && !exclude.has(l.id))) {
    const path = join(textsDir, `${label.id}.txt`);
    if (!existsSync(path)) {
      missing.push(label.id);
      continue;
    }
    articles++;
    const { result, signals } = extractWithSignals(readFileSync(path, 'utf8'), realContext(label));
    settleAgenciesForScoring(result.figures, label); // as the store files them (stop 30)
    requiredCore += addExamples(examples, label, result.figures, (i) => featureVector(signals[i]), subjectCounts, 'dev', scope);
  }
  return { data: { examples, requiredCore }, articles, missing };
}

/**
 * The examples of one article's core figures, scored against its labels (right = matched, and with its subject unless
 * `subjectCounts` is off), appended to `examples`; returns the article's required core labels (found or missed).
 */
function addExamples(examples: Example[], label: RealLabel, figures: ExtractedFigure[], xOf: (i: number) => number[], subjectCounts: boolean, source: string, scope: ScopeRule = 'strict'): number {
  const publisher = realContext(label).publisher?.name ?? null;
  const score = scoreRealArticle(label.id, figures, label.figures, publisher);
  figures.forEach((f, i) => {
    if (CORE_EXCLUDED.has(f.metric)) return;
    const l = score.matchedLabel[i];
    // Strict scopes: a unit's whole-area total filed as the unit (or the other way) is a wrong example here, though the
    // scorer and compare take the two alike. The stricter target is the conservative one for serving: fit on the
    // lenient one (stop 24), the fallback chose t = 0.79, which served 0.87 right on held-out unseen figures.
    const subjectRight = l !== null && subjectAgrees(f, l, publisher, { strictScope: true });
    const subjectRightLenient = l !== null && subjectAgrees(f, l, publisher, { strictScope: false });
    const right = scope === 'strict' ? subjectRight : subjectRightLenient;
    // The fold is the article's id: an article's dev examples and its unseen snapshot are held out together.
    examples.push({
      article: label.id, x: xOf(i), y: (subjectCounts ? right : l !== null) ? 1 : 0, requiredHit: l !== null && l.required !== false,
      subjectRight, subjectRightLenient, matched: l !== null, source, held: heldWhateverConfidence(f),
    });
  });
  return [...score.matchedLabel.filter((l) => l !== null && l.required !== false), ...score.missed].filter((l) => l && !CORE_EXCLUDED.has(l.metric)).length;
}

/**
 * Examples from snapshots of unseen batches (unseen-snapshot.ts): each snapshot figure scored against the current
 * labels of its article with the current scorer, its features read by name. An article of a snapshot whose label is
 * gone or no longer in dev is skipped and reported; a feature name the current model does not know is an error (the
 * snapshot was written by an engine with other features: refit without it or write it again).
 */
export function loadUnseenExamples(snapshotContents: readonly string[], labelsPath: string, subjectCounts = true, scope: ScopeRule = 'strict'): { data: FitData; articles: number; problems: string[] } {
  const { labels } = parseLabelLines(readFileSync(labelsPath, 'utf8'));
  const byId = new Map(labels.filter((l) => l.split === 'dev').map((l) => [l.id, l]));
  const examples: Example[] = [];
  const problems: string[] = [];
  const unknownFeatures = new Set<string>();
  let requiredCore = 0;
  let articles = 0;
  for (const content of snapshotContents) {
    const { lines, errors } = parseSnapshotLines(content);
    problems.push(...errors);
    for (const line of lines) {
      const label = byId.get(line.article);
      if (!label) {
        problems.push(`${line.article}: no dev label (skipped)`);
        continue;
      }
      const unknown = [...new Set([...line.featureNames, ...line.figures.flatMap((f) => Object.keys(f.features))])].filter((n) => !FEATURE_NAMES.includes(n));
      if (unknown.length > 0) throw new Error(`${line.article} (engine ${line.engine}): unknown feature(s) ${unknown.join(', ')}`);
      for (const n of FEATURE_NAMES) if (!line.featureNames.includes(n) && !DERIVED_FEATURES.includes(n)) unknownFeatures.add(n);
      articles++;
      // Derived features are recomputed from the snapshot's figure list, whatever the engine that wrote it knew.
      const derived = derivedFeatures(line.figures);
      const xOf = (i: number): number[] => FEATURE_NAMES.map((n) => (n in derived[i] ? derived[i][n] : (line.figures[i].features[n] ?? 0)));
      // Snapshots written before the harness registered a portal's publisher by its unit (stop 29) name it as the label
      // describes it ("Cổng thông tin điện tử huyện X"); such a subject is the registered unit.
      const described = label.publisher?.name ?? null;
      const registered = realContext(label).publisher?.name ?? null;
      const figures = line.figures.map(asScoredFigure).map((f) => (described && registered && f.subject.name === described ? { ...f, subject: { ...f.subject, name: registered } } : f));
      // Read without a resolver: filed as the store would file them now, so that `held` means what it means for dev.
      settleSnapshotSubjects(figures, label);
      requiredCore += addExamples(examples, label, figures, xOf, subjectCounts, `unseen ${line.engine}`, scope);
    }
  }
  return { data: { examples, requiredCore, unknownFeatures }, articles, problems };
}

/** A part of the data: the examples of one source kind, with its own recall denominator. */
function part(data: FitData, keep: (e: Example) => boolean, requiredCore: number): { data: FitData; index: number[] } {
  const index = data.examples.map((_, i) => i).filter((i) => keep(data.examples[i]));
  return { data: { examples: index.map((i) => data.examples[i]), requiredCore }, index };
}

/** One row of a threshold table: what is served at `t`, its precision by value and with subject both ways, and recall. */
function thresholdRow(data: FitData, p: readonly number[], t: number, chosen: number): string {
  const s = servedAt(data, p, t);
  const right = subjectPrecision(data, p, t);
  return `  t=${t.toFixed(2)}  served ${String(s.served).padStart(4)}  P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  (matched ${right.matched.toFixed(3)}, with subject ${right.withSubject.toFixed(3)}, lenient ${right.withSubjectLenient.toFixed(3)})${t === chosen ? '   <- chosen' : ''}`;
}

function main(argv: string[]): number {
  let texts = resolve(REPO_ROOT, '.cache/real-texts');
  let labels = resolve(REPO_ROOT, 'eval/real/labels.jsonl');
  let unseenDir: string | null = resolve(REPO_ROOT, 'eval/real/unseen');
  let unseenWeight = DEFAULT_UNSEEN_WEIGHT;
  let validate: string | null = null;
  let target = 0.95;
  let dryRun = false;
  let subjectCounts = true;
  let scope: ScopeRule = 'strict';
  let minServed = MIN_SERVED_FOR_THRESHOLD;
  let selection: 'stable' | 'greedy' | 'keep' = 'greedy';
  let resamples = 10;
  let keepThreshold: number | null = CONFIDENCE_MODEL.threshold;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (a === '--dry-run') dryRun = true;
    else if (a === '--match-only') subjectCounts = false;
    else if (a === '--subject') subjectCounts = true;
    else if (a === '--no-unseen') unseenDir = null;
    else if (a === '--fresh-threshold') keepThreshold = null;
    else if (a === '--texts' || a === '--labels' || a === '--target-precision' || a === '--unseen' || a === '--unseen-weight' || a === '--validate' || a === '--scope' || a === '--min-served' || a === '--selection' || a === '--resamples') {
      const v = argv[++i];
      if (v === undefined) {
        process.stderr.write(`${a} needs a value\n${USAGE}\n`);
        return 2;
      }
      if (a === '--texts') texts = resolve(v);
      else if (a === '--labels') labels = resolve(v);
      else if (a === '--unseen') unseenDir = resolve(v);
      else if (a === '--unseen-weight') unseenWeight = Number(v);
      else if (a === '--validate') validate = resolve(v);
      else if (a === '--min-served') minServed = Number(v);
      else if (a === '--resamples') resamples = Number(v);
      else if (a === '--selection') {
        if (v !== 'stable' && v !== 'greedy' && v !== 'keep') {
          process.stderr.write(`--selection must be stable, greedy or keep\n${USAGE}\n`);
          return 2;
        }
        selection = v;
      }
      else if (a === '--scope') {
        if (v !== 'strict' && v !== 'lenient') {
          process.stderr.write(`--scope must be strict or lenient\n${USAGE}\n`);
          return 2;
        }
        scope = v;
      } else target = Number(v);
    } else {
      process.stderr.write(`unknown argument ${a}\n${USAGE}\n`);
      return 2;
    }
  }
  if (!Number.isInteger(resamples) || resamples < 1) {
    process.stderr.write(`--resamples must be a positive whole number\n${USAGE}\n`);
    return 2;
  }
  if (!Number.isInteger(minServed) || minServed < 1) {
    process.stderr.write(`--min-served must be a positive whole number\n${USAGE}\n`);
    return 2;
  }
  if (!existsSync(labels) || !existsSync(texts)) {
    process.stderr.write(`needs ${labels} and the text cache ${texts} (npm run eval:real:cache)\n`);
    return 1;
  }
  if (!(unseenWeight > 0)) {
    process.stderr.write(`--unseen-weight must be a positive number\n`);
    return 2;
  }
  if (validate && !existsSync(validate)) {
    process.stderr.write(`no snapshot at ${validate} (--validate)\n`);
    return 1;
  }
  const out = (s: string): void => {
    process.stdout.write(`${s}\n`);
  };
  // A validation batch is kept out of the fit entirely: its articles' dev examples too.
  const validateContent = validate ? readFileSync(validate, 'utf8') : null;
  const heldOut = new Set(validateContent ? parseSnapshotLines(validateContent).lines.map((l) => l.article) : []);
  const dev = loadDevExamples(labels, texts, subjectCounts, heldOut, scope);
  if (heldOut.size > 0) out(`kept out of the fit for validation: ${heldOut.size} article(s)`);
  if (dev.missing.length > 0) process.stderr.write(`no cached text for ${dev.missing.length} dev article(s): ${dev.missing.join(', ')}\n`);
  const snapshotFiles = unseenDir && existsSync(unseenDir) ? readdirSync(unseenDir).filter((f) => f.endsWith('.jsonl')).sort() : [];
  if (validate && snapshotFiles.some((f) => unseenDir && resolve(unseenDir, f) === validate)) {
    process.stderr.write(`--validate ${validate} is also in --unseen: it would be judged on what it was fit on\n`);
    return 2;
  }
  let unseen: ReturnType<typeof loadUnseenExamples>;
  try {
    unseen = loadUnseenExamples(snapshotFiles.map((f) => readFileSync(join(unseenDir as string, f), 'utf8')), labels, subjectCounts, scope);
  } catch (e) {
    process.stderr.write(`unseen snapshots in ${unseenDir}: ${(e as Error).message}\n`);
    return 1;
  }
  if (unseen.problems.length > 0) process.stderr.write(`unseen snapshots: ${unseen.problems.join('; ')}\n`);
  for (const e of unseen.data.examples) e.weight = unseenWeight;
  const data: FitData = { examples: [...dev.data.examples, ...unseen.data.examples], requiredCore: dev.data.requiredCore + unseen.data.requiredCore, unknownFeatures: unseen.data.unknownFeatures };
  if (unseen.data.unknownFeatures?.size) out(`not selectable (unknown to an unseen snapshot's engine): ${[...unseen.data.unknownFeatures].join(', ')}`);
  if (data.examples.length < 50) {
    process.stderr.write(`only ${data.examples.length} examples: not enough to fit\n`);
    return 1;
  }
  const devPart = part(data, (e) => e.source === 'dev', dev.data.requiredCore);
  const unseenPart = part(data, (e) => e.source !== 'dev', unseen.data.requiredCore);
  const positives = (d: FitData): number => d.examples.reduce((s, e) => s + e.y, 0);
  out(`dev: ${dev.articles} articles, ${dev.data.examples.length} core figures (${positives(dev.data)} right), ${dev.data.requiredCore} required core labels`);
  out(
    `unseen snapshots (${snapshotFiles.length === 0 ? 'none' : snapshotFiles.join(', ')}): ${unseen.articles} articles, ${unseen.data.examples.length} core figures (${positives(unseen.data)} right), ${unseen.data.requiredCore} required core labels, weight ${unseenWeight}`,
  );
  // Users meet the engine on text it was not tuned on: when there is enough of it, the threshold is chosen on the
  // unseen snapshots' held-out predictions, and the model reports its served precision there.
  const judgeOnUnseen = unseenPart.data.examples.length >= MIN_UNSEEN_FOR_THRESHOLD;
  let used: number[];
  if (selection === 'stable') {
    const stable = stableFeatures(data, 1, resamples);
    used = stable.used;
    const often = [...stable.frequency].sort((a, b) => b[1] - a[1]).map(([i, f]) => `${FEATURE_NAMES[i]} ${f.toFixed(1)}`);
    out(`features chosen in ≥ 60% of ${resamples} article resamples: ${used.map((i) => FEATURE_NAMES[i]).join(', ')}`);
    out(`  how often each was chosen: ${often.join(', ')}`);
  } else if (selection === 'keep') {
    try {
      used = keptFeatures(CONFIDENCE_MODEL.weights, data.unknownFeatures ?? new Set());
    } catch (err: unknown) {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      return 2;
    }
    out(`features kept from the committed model: ${used.map((i) => FEATURE_NAMES[i]).join(', ')}`);
  } else {
    used = selectFeatures(data, 1);
    out(`features chosen by held-out log-loss: ${used.map((i) => FEATURE_NAMES[i]).join(', ')}`);
  }
  let best = { l2: L2_GRID[0], loss: Infinity, p: [] as number[] };
  for (const l2 of L2_GRID) {
    const p = outOfFold(data, l2, used);
    const loss = logLoss(data, p);
    out(`  l2=${l2}: held-out log-loss ${loss.toFixed(4)}, Brier ${brier(data, p).toFixed(4)}`);
    if (loss < best.loss) best = { l2, loss, p };
  }
  const judged = judgeOnUnseen ? unseenPart : devPart;
  const judgedP = judged.index.map((i) => best.p[i]);
  const { threshold, reached, kept } = chooseThreshold(judged.data, judgedP, target, minServed, keepThreshold);
  const cv = servedAt(judged.data, judgedP, threshold);
  out(`chosen l2=${best.l2}; threshold chosen on the ${judgeOnUnseen ? 'unseen snapshots' : `dev examples (unseen snapshots hold fewer than ${MIN_UNSEEN_FOR_THRESHOLD} figures)`}`);
  for (const [name, pt] of [['dev', devPart], ['unseen', unseenPart]] as const) {
    if (pt.data.examples.length === 0) continue;
    const pp = pt.index.map((i) => best.p[i]);
    out(`held-out on ${name} (${pt.data.examples.length} figures) — reliability:`);
    for (let b = 0; b < 10; b++) {
      const idx = pt.data.examples.map((_, i) => i).filter((i) => Math.min(9, Math.floor(pp[i] * 10)) === b);
      if (idx.length === 0) continue;
      const right = idx.reduce((s, i) => s + pt.data.examples[i].y, 0);
      const mean = idx.reduce((s, i) => s + pp[i], 0) / idx.length;
      out(`  [${(b / 10).toFixed(1)}, ${((b + 1) / 10).toFixed(1)})  n=${String(idx.length).padStart(4)}  mean p ${mean.toFixed(2)}  right ${(right / idx.length).toFixed(2)}`);
    }
    out(`  served precision / recall by threshold:`);
    const committed = keepThreshold === null ? [] : [keepThreshold];
    for (const t of [...new Set([0.3, 0.4, 0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, threshold, ...committed])].sort((a, b) => a - b)) {
      out(thresholdRow(pt.data, pp, t, threshold));
    }
  }
  if (kept) {
    const fresh = chooseThreshold(judged.data, judgedP, target, minServed).threshold;
    const bound = (t: number): string => servedBound(judged.data, judgedP, t).bound.toFixed(3);
    out(`threshold ${threshold} kept from the committed model: its 95 % lower bound ${bound(threshold)} is within ${THRESHOLD_TOLERANCE} of the best, ${bound(fresh)} at ${fresh} (--fresh-threshold takes that)`);
  }
  out(`threshold ${threshold}: held-out served precision ${cv.precision.toFixed(3)}, recall ${cv.recall.toFixed(3)} on ${judgeOnUnseen ? 'unseen' : 'dev'}${reached ? '' : ` (target ${target} not reachable with ≥ ${MIN_RECALL_SHARE * 100}% recall)`}`);
  const w = fitLogistic(data.examples.map((e) => project(e.x, used)), data.examples.map((e) => e.y), best.l2, 50, data.examples.map((e) => e.weight ?? 1));
  const weights = weightsOf(w, used);
  if (validate) {
    // A batch kept out of the fit: how the final model and its threshold serve text neither the engine nor the model saw.
    const v = loadUnseenExamples([validateContent as string], labels, subjectCounts, scope);
    if (v.problems.length > 0) process.stderr.write(`validation snapshot: ${v.problems.join('; ')}\n`);
    const pv = v.data.examples.map((e) => probabilityWith(weights, e.x));
    out(`validation snapshot ${validate}: ${v.articles} articles, ${v.data.examples.length} core figures (${positives(v.data)} right), ${v.data.requiredCore} required core labels`);
    for (const t of [...new Set([0.5, 0.6, 0.7, 0.8, 0.85, 0.9, threshold])].sort((a, b) => a - b)) {
      out(thresholdRow(v.data, pv, t, threshold));
    }
  }
  const model = {
    fittedOn: `dev split: ${dev.articles} articles, ${dev.data.examples.length} core figures${unseen.articles > 0 ? `; unseen snapshots: ${unseen.articles} articles, ${unseen.data.examples.length} core figures (weight ${unseenWeight})` : ''}${scope === 'lenient' ? '; a unit and its whole area as one subject' : ''}`,
    l2: best.l2,
    weights,
    threshold,
    crossValidated: {
      folds: FOLDS,
      figures: judged.data.examples.length,
      on: judgeOnUnseen ? 'unseen' : 'dev',
      servedPrecision: Math.round(cv.precision * 1000) / 1000,
      servedRecall: Math.round(cv.recall * 1000) / 1000,
      brier: Math.round(brier(judged.data, judgedP) * 10000) / 10000,
    },
  };
  const source = `/**
 * GENERATED by \`npm run fit:confidence\` (ingest/extract/fit-confidence-cli.ts) from eval/real/labels.jsonl (split dev),
 * the cached texts and the unseen snapshots in eval/real/unseen. Do not edit by hand: re-fit after any change of the
 * engine's output.
 */
export const CONFIDENCE_MODEL = {
  fittedOn: ${JSON.stringify(model.fittedOn)},
  l2: ${model.l2},
  weights: {
${FEATURE_NAMES.filter((n) => weights[n] !== 0).map((n) => `    ${n}: ${weights[n]},`).join('\n')}
  } as Readonly<Record<string, number>>,
  threshold: ${model.threshold},
  crossValidated: ${JSON.stringify(model.crossValidated).replace(/"(\w+)":/g, '$1: ').replace(/,/g, ', ').replace(/^\{/, '{ ').replace(/\}$/, ' }')} as null | { folds: number; figures: number; on: string; servedPrecision: number; servedRecall: number; brier: number },
};
`;
  if (dryRun) out(source);
  else {
    writeFileSync(MODEL_FILE, source);
    out(`wrote ${MODEL_FILE}`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
