/**
 * Scoring the engine on the real-text corpus (`eval/real/labels.jsonl`, format in docs/real-eval.md). Pure: the
 * CLI reads the files, this module only compares figures with labels.
 *
 * Matching rule (one figure matches at most one label, maximum matching as in `evaluate.ts`): same metric, kind,
 * change flag, value within rounding (0.05 absolute, or 0.5 % of the value for counts of 1,000 or more), total where the
 * label has one, comparator for targets, and the same period year (when the label names one). Months and the
 * subject are NOT part of the match: they are reported separately as period accuracy and subject accuracy among
 * matched figures (a label about the figure's own subject is preferred when several fit). Labels with `required: false` are not counted as misses, and a figure that matches one is not
 * a false figure.
 *
 * Public surface: `RealLabel`, `RealLabelFigure`, `realMatches`, `subjectAgrees`, `periodAgrees`,
 * `realContext`, `scoreReal`, `RealReport`, `CORE_EXCLUDED`, `parseLabelLines`, and for the table and attachment
 * cases `TABLE_STYLES`, `isTableCase`, `hasStyle`, `inLabelledScope`, `summariseByGroup`; `idsFrom` (a batch's ids),
 * `articleBootstrap` (intervals); `describeFigure`, `describeLabel` (one line each, for reports).
 */
import { mulberry32 } from '../../src/random';
import { foldVietnamese } from '../../src/text/vi-fold';
import { departmentsNamed } from '../agency-subjects';
import { packageSubjectContext } from '../gazetteer-packages';
import { OWN_SUBJECT_SCOPES, type ExtractedFigure, type ExtractionContext } from '../types';
import { heldWhateverConfidence, unresolvedNamedSubject } from './serving';
import { maxMatching } from './evaluate';
import { centralCity } from './subjects';
import { dateFromUrl } from './url-date';

export interface RealLabelFigure {
  metric: string;
  value: number;
  total?: number | null;
  unit?: string;
  kind: 'actual' | 'target';
  comparator?: string;
  approximate?: boolean;
  change?: boolean;
  period: { year: number | null; from_month?: number | null; to_month?: number | null } | null;
  subject?: { name?: string | null; scope?: string | null; level?: string | null } | null;
  required?: boolean;
}

export interface RealLabel {
  id: string;
  split: 'dev' | 'test' | string;
  url?: string;
  query?: string;
  title?: string | null;
  published?: string | null;
  publisher?: { name: string; level: string; province?: string | null } | null;
  style?: string[];
  figures: RealLabelFigure[];
  notes?: string;
  /** Attachment format when the text is that of an attached file (pdf, docx, xlsx, doc, xls). */
  format?: string;
  /**
   * A large table labelled partly: the row subjects that ARE labelled. Table-cell figures about any other row
   * are out of scope (neither matched nor false); prose figures and the publisher's own rows always count.
   */
  scope?: { subjects: string[] } | null;
}

/** Metrics left out of the "core" numbers: 'other' is a bucket for review, not a meaning. */
export const CORE_EXCLUDED: ReadonlySet<string> = new Set(['other']);

const VALUE_ABS_TOLERANCE = 0.05;
const VALUE_REL_TOLERANCE = 0.005;

function valuesAgree(a: number | null | undefined, b: number | null | undefined): boolean {
  if (typeof a !== 'number' || typeof b !== 'number') return false;
  // Large counts are often rounded in one place and exact in another ("43 nghìn"); rates and scores are not.
  const relative = Math.abs(b) >= 1000 ? Math.abs(b) * VALUE_REL_TOLERANCE : 0;
  return Math.abs(a - b) <= Math.max(VALUE_ABS_TOLERANCE, relative);
}

/** Whether a figure satisfies a label under the matching rule (period months and subject excluded). */
export function realMatches(f: ExtractedFigure, l: RealLabelFigure): boolean {
  if (f.metric !== l.metric || f.kind !== l.kind) return false;
  if ((l.change ?? false) !== f.change) return false;
  if (!valuesAgree(f.value, l.value)) return false;
  if (l.total !== undefined && l.total !== null && !valuesAgree(f.total, l.total)) return false;
  if (l.kind === 'target' && (l.comparator ?? 'eq') !== f.comparator) return false;
  const year = l.period?.year ?? null;
  if (year !== null && year !== f.period.year) return false;
  return true;
}

/** Months of a period with "whole year" written out: null months mean January to December. */
function months(from: number | null | undefined, to: number | null | undefined): string {
  return `${from ?? 1}-${to ?? 12}`;
}

/** Period accuracy: year and months agree (a label without a period accepts any). */
export function periodAgrees(f: ExtractedFigure, l: RealLabelFigure): boolean {
  if (!l.period) return true;
  if ((l.period.year ?? null) !== f.period.year) return false;
  return months(l.period.from_month, l.period.to_month) === months(f.period.fromMonth, f.period.toMonth);
}

/** A unit name reduced for comparison: folded, without "UBND", abbreviations spelt out. */
function nameKey(name: string): string {
  return foldVietnamese(
    name
      .normalize('NFC')
      .replace(/^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+/i, '')
      // "Văn phòng Ủy ban nhân dân tỉnh X" is "Văn phòng UBND tỉnh X" (d113).
      .replace(/(?<=\s)(?:Ủy|Uỷ) ban nhân dân(?=\s)/giu, 'UBND')
      // Ho Chi Minh City's abbreviations anywhere in a name ("Trung tâm Phục vụ Hành chính công TP.HCM", "Sở Tư pháp TPHCM").
      .replace(/(^|\s)(?:TP\.?\s*HCM|TPHCM)(?=$|[\s,.;)])/giu, '$1thành phố Hồ Chí Minh')
      .replace(/^TP\.?\s*/i, 'thành phố ')
      .replace(/^Q\.\s*/i, 'quận ')
      .replace(/^P\.\s*/i, 'phường '),
  )
    .replace(/\s+/g, ' ')
    // The gazetteer writes numbered wards with a leading zero ("Phường 04"), texts and labels without.
    .replace(/(?<![0-9])0+(?=[0-9])/g, '')
    // "Trung tâm Phục vụ hành chính công tỉnh X" (or "thành phố X") = "Trung tâm Hành chính công X": one centre per province.
    .replace(/^trung tam (?:phuc vu )?hanh chinh cong (?:(?:tinh|thanh pho) )*/, 'ttpvhcc ')
    .trim();
}

/** Name keys of a province's agencies: departments, the police, offices, departments of central agencies, branches. */
const AGENCY_NAME_RE = /^(?:so|cong an|van phong|cuc|chi cuc|chi nhanh|ban|thanh tra|kho bac|bao hiem xa hoi|bhxh|ngan hang nha nuoc) /;

const LEVEL_WORD_RE = /^(?:quan|huyen|thi xa|thanh pho|phuong|xa|thi tran|tinh|so) /;

/** A parent named after a unit to locate it: "Phường IV, thành phố Tây Ninh", "phường Mỹ Long (thành phố Long Xuyên)". */
const LOCATOR_RE = /\s*(?:,\s*|\(\s*)(?:quận|huyện|thị xã|thành phố|tp\.?|tỉnh)\s+[^,()]+\)?\s*$/iu;
/** A single unit below the province, by its level word: what a locator may follow. */
const LOCATED_UNIT_RE = /^(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?(?:phường|xã|thị trấn|quận|huyện|thị xã|thành phố)\s+[^,()]+$/iu;

/**
 * Two unit names denote the same unit: {@link sameUnitKey}, or the same once one of them drops the parent it names to
 * locate the unit ("Phường IV, thành phố Tây Ninh" ≡ "phường IV"; "Phường 4, Quận 3" is still not "Phường 4, Quận 5").
 */
export function sameUnitName(a: string, b: string): boolean {
  if (sameUnitKey(a, b)) return true;
  const la = a.replace(LOCATOR_RE, '');
  const lb = b.replace(LOCATOR_RE, '');
  if (la !== a && lb === b && LOCATED_UNIT_RE.test(la)) return sameUnitKey(la, b);
  if (lb !== b && la === a && LOCATED_UNIT_RE.test(lb)) return sameUnitKey(a, lb);
  return false;
}

/** Two unit names denote the same unit: equal keys, or equal once the level word is dropped ("quận Bình Thạnh" ≡ "Bình Thạnh"). */
function sameUnitKey(a: string, b: string): boolean {
  const ka = nameKey(a);
  const kb = nameKey(b);
  if (ka === kb) return true;
  // "Sở Tư pháp tỉnh Bến Tre" = "Sở Tư pháp Bến Tre", "Công an tỉnh X" = "Công an X": an agency of a province, with or
  // without the level word before the province's name.
  // "Thanh tra tỉnh" (its level word alone) is the province's: the bare agency.
  const agencyKey = (k: string): string => (AGENCY_NAME_RE.test(k) ? k.replace(/ (?:tinh|thanh pho) /, ' ').replace(/ (?:tinh|thanh pho)$/, '').replace(/^ngan hang nha nuoc chi nhanh /, 'ngan hang nha nuoc ') : k);
  const ga = agencyKey(ka);
  const gb = agencyKey(kb);
  if (ga === gb) return true;
  // "Ban Quản lý Khu kinh tế Nghi Sơn" = "… Nghi Sơn tỉnh Thanh Hóa": an agency named without its province is of the
  // province a page is about; the other side names it (one to four words).
  if (AGENCY_NAME_RE.test(`${ga} `) && AGENCY_NAME_RE.test(`${gb} `)) {
    const [short, long] = ga.length < gb.length ? [ga, gb] : [gb, ga];
    const rest = long.slice(short.length + 1);
    // …but not an agency of a lower unit ("Thanh tra huyện Gò Dầu").
    if (long.startsWith(`${short} `) && !/^(?:huyen|quan|thi xa|xa|phuong|thi tran) /.test(rest) && /^(?:\S+ ){0,3}\S+$/.test(rest.replace(/^(?:tinh|thanh pho) /, ''))) return true;
  }
  const sa = ka.replace(LEVEL_WORD_RE, '');
  const sb = kb.replace(LEVEL_WORD_RE, '');
  // A numbered unit keeps its level word: "Phường 4" is not "Quận 4".
  if (/^\d+$/.test(sa) || /^\d+$/.test(sb)) return false;
  return sa === sb;
}

/** Names of the country as a subject. */
const NATIONAL_NAMES: readonly string[] = ['Việt Nam', 'Cả nước'];

/** Communes of any kind count as one level for sub-unit scopes ("các xã, thị trấn" vs "cấp xã"). */
const COMMUNE_LEVELS = new Set(['xa', 'phuong', 'thi_tran']);

/** Scopes whose figures `compare`, `timeSeries` and `figureStats` serve as the unit's own. */
const OWN_SCOPES: ReadonlySet<string> = new Set(OWN_SUBJECT_SCOPES);

/** The area words before a unit's name in a whole-area subject: "toàn tỉnh Đồng Nai", "toàn địa bàn Huyện X". */
const AREA_PREFIX_RE = /^(?:toàn|cả)\s+(?:tỉnh|thành phố|huyện|quận|thị xã|địa bàn)\s*/iu;

export interface SubjectAgreement {
  /**
   * Whether a unit's own figure and its whole-area total must be filed the same way. By default they agree when they
   * name the same unit: the API serves both as that unit's figure, and labellers split on which one "toàn tỉnh" is.
   */
  strictScope?: boolean;
}

/**
 * Subject accuracy: the scope agrees, and for a unit the name (the publisher when the label gives none), for
 * sub-units the level (any commune level matches another). The country agrees in either notation (see below), as do the
 * ministries as a group (sub-units or departments at ministry level); so do a
 * unit and its whole area, unless `strictScope`.
 */
export function subjectAgrees(f: ExtractedFigure, l: RealLabelFigure, publisherName: string | null, options: SubjectAgreement = {}): boolean {
  const scope = l.subject?.scope ?? 'unit';
  // The country has one aggregate, which labels write as the unit "Việt Nam" or as the whole country's area ("Cả nước",
  // province_wide at level quoc_gia); the engine names it Việt Nam.
  if (l.subject?.level === 'quoc_gia' && (f.subject.scope === 'unit' || f.subject.scope === 'province_wide')) {
    return NATIONAL_NAMES.some((n) => sameUnitName(f.subject.name, n));
  }
  // The ministries as a group: labels file them as sub-units or as "departments", either at ministry level.
  if (ministriesGroup(f.subject.scope, f.subject.subunitLevel) && ministriesGroup(scope, l.subject?.level ?? null)) return true;
  if (f.subject.scope !== scope) {
    if (options.strictScope || !OWN_SCOPES.has(f.subject.scope) || !OWN_SCOPES.has(scope)) return false;
    const name = l.subject?.name ?? publisherName;
    return name ? sameUnitName(f.subject.name.replace(AREA_PREFIX_RE, ''), name.replace(AREA_PREFIX_RE, '')) : true;
  }
  if (scope === 'unit') {
    const name = l.subject?.name ?? publisherName;
    return name ? sameUnitName(f.subject.name, name) : true;
  }
  if (scope === 'subunits') {
    const a = f.subject.subunitLevel;
    const b = l.subject?.level ?? null;
    if (!a || !b) return true;
    return a === b || (COMMUNE_LEVELS.has(a) && COMMUNE_LEVELS.has(b));
  }
  return true;
}

/** Whether a group subject is the ministries (sub-units or departments at ministry level). */
function ministriesGroup(scope: string, level: string | null): boolean {
  return (scope === 'subunits' || scope === 'departments') && level === 'bo';
}

/** The level words a unit of each publisher level is named with. */
const PUBLISHER_LEVEL_WORDS: Readonly<Record<string, string>> = {
  tinh: 'tỉnh|thành phố', thanh_pho: 'thành phố', huyen: 'huyện', quan: 'quận', thi_xa: 'thị xã', xa: 'xã', phuong: 'phường', thi_tran: 'thị trấn',
};
/** A party committee named by its unit ("Huyện ủy Tuy Phong"): the unit's level word it stands for. */
const PARTY_COMMITTEE_RE = /(^|\s)(Tỉnh|Thành|Huyện|Quận|Thị)\s+ủy(?=\s+\p{Lu})/gu;
const PARTY_LEVEL: Readonly<Record<string, string>> = { Tỉnh: 'tỉnh', Thành: 'thành phố', Huyện: 'huyện', Quận: 'quận', Thị: 'thị xã' };
/** A proper name: capitalised words or a number ("Trần Phú", "3", "Bà Rịa - Vũng Tàu"). */
const PROPER_NAME = '(?:\\p{Lu}[\\p{L}\\p{M}]*|\\d+)(?:(?:\\s+|\\s+-\\s+)(?:\\p{Lu}[\\p{L}\\p{M}]*|\\d+))*';

/**
 * The unit a labelled portal's publisher stands for, as ingestion registers a source: with the administrative unit it
 * belongs to, not the portal's title. Labels describe the publisher as the page shows it ("Cổng thông tin điện tử xã Trần
 * Phú, Hà Nội (tranphu.hanoi.gov.vn)", "Huyện ủy Tuy Phong"); the unit of the publisher's level named there is the
 * registered name ("xã Trần Phú"). A department, ministry or agency keeps its name; bracketed asides (addresses,
 * locating parents) go.
 */
function registeredPublisherName(name: string, level: string): string {
  const withoutAsides = name.replace(/\s*\([^()]*\)/g, '').trim();
  const words = PUBLISHER_LEVEL_WORDS[level];
  if (words) {
    // Level words in either case; the name after them must be capitalised (no `i` flag: it would let \p{Lu} match any letter).
    const anyCase = words.replace(/(^|\|)(\p{Ll})/gu, (_, bar: string, c: string) => `${bar}[${c.toUpperCase()}${c}]`);
    const unitRe = new RegExp(`(?:^|\\s)((?:${anyCase})\\s+${PROPER_NAME})`, 'u');
    const asides = [...name.matchAll(/\(([^()]*)\)/g)].map((m) => m[1]);
    for (const part of [withoutAsides, ...asides]) {
      const m = unitRe.exec(part.replace(PARTY_COMMITTEE_RE, (_, pre: string, w: string) => `${pre}${PARTY_LEVEL[w]}`));
      // Written as the gazetteer names units: the type word capitalised ("Xã Trần Phú").
      if (m) return m[1].charAt(0).toUpperCase() + m[1].slice(1);
    }
  }
  return withoutAsides.replace(/[\s,;]+$/, '') || name;
}

/**
 * A label's province as the gazetteer names it ("Tỉnh Đồng Nai"; a centrally run city "Thành phố Hà Nội"): what
 * ingestion passes.
 */
function provinceUnitName(province: string): string {
  if (/^(?:Tỉnh|Thành phố)\s+/u.test(province)) return province;
  return `${centralCity(province) ? 'Thành phố' : 'Tỉnh'} ${province}`;
}

/**
 * The context a labelled article implies: publication date (Vietnam noon), publisher and title. The publisher is named
 * as ingestion would pass it, by its unit in the gazetteer (stop 29): a newspaper's province ("Tỉnh Đồng Nai"), a
 * portal's unit ({@link registeredPublisherName}).
 */
export function realContext(label: RealLabel): ExtractionContext {
  let publishedAt: Date | null = null;
  const p = label.published ?? null;
  if (p && /^\d{4}-\d{2}(?:-\d{2})?$/.test(p)) {
    const d = new Date(`${p.length === 7 ? `${p}-01` : p}T12:00:00+07:00`);
    publishedAt = Number.isNaN(d.getTime()) ? null : d;
  }
  // A page that shows no date is read with the one its address carries, as ingestion reads it (url-date.ts).
  publishedAt ??= dateFromUrl(label.url);
  const pub = label.publisher;
  // A newspaper is no administrative unit: its source is registered with its province as publisher (a national
  // paper with none), and the article's own unit comes from its title.
  let publisher: ExtractionContext['publisher'] = pub?.name ? { id: `label:${pub.name}`, name: registeredPublisherName(pub.name, pub.level), level: pub.level } : null;
  if (pub?.level === 'newspaper') publisher = pub.province ? { id: `label:${pub.province}`, name: provinceUnitName(pub.province), level: 'tinh' } : null;
  // Ingestion resolves the units a text names in the publisher's province (stop 30): so does the scorer, with the
  // gazetteer read from its packages. A publisher the gazetteer cannot place keeps the label's name and no resolver.
  const registered = publisher && pub?.province
    ? packageSubjectContext({ name: publisher.name, level: publisher.level, province: provinceUnitName(pub.province), on: publishedAt, locatedBy: pub.name })
    : null;
  if (registered) return { publishedAt, publisher: registered.publisher, title: label.title ?? null, resolver: registered.resolver };
  return { publishedAt, publisher, title: label.title ?? null };
}

/**
 * What ingestion's store does with a figure about an agency of the publisher's province before it decides what to
 * serve (ingest/agency-subjects.ts): files it under the province's department. The scorer gives each department a
 * placeholder id of the database's form (in place). `label`'s province, by its gazetteer name, is the publisher's.
 */
export function settleAgenciesForScoring(figures: ExtractedFigure[], label: RealLabel): void {
  const province = label.publisher?.province ? provinceUnitName(label.publisher.province) : null;
  if (!province) return;
  departmentsNamed(figures, province).forEach((department, i) => {
    for (const f of department.figures) f.subject = { ...f.subject, unitId: String(900_000_000 + i) };
  });
}

/**
 * Figures an older engine read without a resolver (an unseen snapshot), filed as the store would file them now
 * (in place): a named unit the gazetteer of the registered publisher resolves takes its id, the publisher's
 * placeholder the publisher's id, and agencies of the province their department ({@link settleAgenciesForScoring}).
 */
export function settleSnapshotSubjects(figures: ExtractedFigure[], label: RealLabel): void {
  const ctx = realContext(label);
  const publisherId = ctx.publisher && /^\d+$/.test(ctx.publisher.id) ? ctx.publisher.id : null;
  for (const f of figures) {
    if (!unresolvedNamedSubject(f.subject)) continue;
    if (publisherId && f.subject.unitId?.startsWith('label:')) {
      f.subject = { ...f.subject, unitId: publisherId };
      continue;
    }
    const resolved = ctx.resolver?.resolve(f.subject.name, ctx.publisher, ctx.publishedAt) ?? null;
    if (resolved) f.subject = { ...f.subject, unitId: resolved.id };
  }
  settleAgenciesForScoring(figures, label);
}

/** One JSON object per non-empty line; a malformed line is reported with its number, the rest are kept. */
export function parseLabelLines(content: string): { labels: RealLabel[]; errors: string[] } {
  const labels: RealLabel[] = [];
  const errors: string[] = [];
  content.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      const obj = JSON.parse(line) as RealLabel;
      if (typeof obj.id !== 'string' || !Array.isArray(obj.figures)) throw new Error('needs an id and a figures array');
      labels.push(obj);
    } catch (err: unknown) {
      errors.push(`line ${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
    }
  });
  return { labels, errors };
}

export interface RealArticleScore {
  id: string;
  figures: ExtractedFigure[];
  /** For each figure: the label it matched, or null (a false figure). */
  matchedLabel: Array<RealLabelFigure | null>;
  /** Required labels no figure matched. */
  missed: RealLabelFigure[];
  required: number;
  publisherName: string | null;
}

/**
 * Maximum matching that first pairs figures with labels about the same subject, so that two near-equal values of a
 * table ("83,226" and "83,218", within rounding of each other) are not credited crosswise; then the rest. Never
 * matches fewer labels than the plain maximum matching (falls back to it if the two passes would).
 */
function subjectFirstMatching(figures: ExtractedFigure[], labels: RealLabelFigure[], taken: boolean[], publisherName: string | null): Map<number, number> {
  const plain = maxMatching(figures, labels, taken, realMatches);
  const first = maxMatching(figures, labels, taken, (f, l) => realMatches(f, l) && subjectAgrees(f, l, publisherName));
  const takenAfter = taken.map((t, fi) => t || [...first.values()].includes(fi));
  const restIdx = labels.map((_, li) => li).filter((li) => !first.has(li));
  const rest = maxMatching(figures, restIdx.map((li) => labels[li]), takenAfter, realMatches);
  const combined = new Map(first);
  for (const [ri, fi] of rest) combined.set(restIdx[ri], fi);
  return combined.size >= plain.size ? combined : plain;
}

/** Match one article's figures with its labels: required labels first, then optional ones absorb the rest. */
export function scoreRealArticle(id: string, figures: ExtractedFigure[], labels: RealLabelFigure[], publisherName: string | null): RealArticleScore {
  const required = labels.filter((l) => l.required !== false);
  const optional = labels.filter((l) => l.required === false);
  const taken = figures.map(() => false);
  const matchedLabel: Array<RealLabelFigure | null> = figures.map(() => null);
  const req = subjectFirstMatching(figures, required, taken, publisherName);
  for (const [li, fi] of req) {
    taken[fi] = true;
    matchedLabel[fi] = required[li];
  }
  for (const [li, fi] of maxMatching(figures, optional, taken, realMatches)) {
    taken[fi] = true;
    matchedLabel[fi] = optional[li];
  }
  return { id, figures, matchedLabel, missed: required.filter((_, i) => !req.has(i)), required: required.length, publisherName };
}

export interface Counts {
  extracted: number;
  matched: number;
  required: number;
  found: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface CalibrationRow {
  from: number;
  to: number;
  figures: number;
  correct: number;
  /** Share of figures in the bin that matched a label. */
  precision: number;
  meanConfidence: number;
}

export interface ThresholdRow extends Counts {
  threshold: number;
}

export interface RealReport {
  articles: number;
  all: Counts;
  core: Counts;
  perMetric: Array<{ metric: string } & Counts>;
  /** Among matched figures: share whose subject agrees, and whose period months agree. */
  subjectAccuracy: number;
  /** The same with a unit's own figure and its whole-area total told apart (`strictScope`). */
  subjectAccuracyStrict: number;
  /** Subject accuracy among matched figures of the core metrics only (an 'other' figure's subject is never served). */
  subjectAccuracyCore: number;
  matchedCoreForAccuracy: number;
  periodAccuracy: number;
  matchedForAccuracy: number;
  calibration: CalibrationRow[];
  thresholds: ThresholdRow[];
  /**
   * At the serving threshold (when one is given): core figures served, and those right including their subject (a
   * matched figure filed under the wrong unit is a wrong number for that unit).
   */
  servedWithSubject: { threshold: number; served: number; right: number; precision: number } | null;
  /**
   * Core figures at or above the serving threshold that ingestion would hold for review all the same, because they
   * name a unit the gazetteer did not resolve or have no year (`heldWhateverConfidence`), and how many of them were right with subject.
   */
  heldUnresolved: { figures: number; right: number } | null;
}

const ratio = (n: number, d: number): number => (d === 0 ? 1 : n / d);
const f1 = (p: number, r: number): number => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

function counts(extracted: number, matched: number, required: number, found: number): Counts {
  const precision = ratio(matched, extracted);
  const recall = ratio(found, required);
  return { extracted, matched, required, found, precision, recall, f1: f1(precision, recall) };
}

/** Whether a required label was found in an article score. */
function foundLabels(s: RealArticleScore): RealLabelFigure[] {
  return s.matchedLabel.filter((l): l is RealLabelFigure => l !== null && l.required !== false);
}

/** Totals over articles, restricted to figures/labels passing `keep` (by metric) and figures at or above `minConfidence`. */
function totals(scores: RealArticleScore[], keep: (metric: string) => boolean, minConfidence = 0): Counts {
  let extracted = 0;
  let matched = 0;
  let required = 0;
  let found = 0;
  for (const s of scores) {
    s.figures.forEach((f, i) => {
      if (!keep(f.metric) || f.confidence < minConfidence) return;
      extracted++;
      if (s.matchedLabel[i]) {
        matched++;
        if (s.matchedLabel[i]?.required !== false) found++;
      }
    });
    const labels = [...foundLabels(s), ...s.missed];
    required += labels.filter((l) => keep(l.metric)).length;
  }
  return counts(extracted, matched, required, found);
}

/** The whole report: totals, core totals, per metric, subject and period accuracy, calibration and thresholds. */
export function summariseReal(scores: RealArticleScore[], servingThreshold?: number): RealReport {
  const all = totals(scores, () => true);
  const core = totals(scores, (m) => !CORE_EXCLUDED.has(m));
  const metrics = new Set<string>();
  for (const s of scores) {
    for (const f of s.figures) metrics.add(f.metric);
    for (const l of [...foundLabels(s), ...s.missed]) metrics.add(l.metric);
  }
  const perMetric = [...metrics].sort().map((metric) => ({ metric, ...totals(scores, (m) => m === metric) }));
  let subjectOk = 0;
  let subjectStrictOk = 0;
  let subjectCoreOk = 0;
  let periodOk = 0;
  let matchedN = 0;
  let matchedCore = 0;
  const bins = Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: (i + 1) / 10, figures: 0, correct: 0, sum: 0 }));
  for (const s of scores) {
    s.figures.forEach((f, i) => {
      const l = s.matchedLabel[i];
      const bin = bins[Math.min(9, Math.max(0, Math.floor(f.confidence * 10)))];
      bin.figures++;
      bin.sum += f.confidence;
      if (!l) return;
      bin.correct++;
      matchedN++;
      const agrees = subjectAgrees(f, l, s.publisherName);
      if (agrees) subjectOk++;
      if (subjectAgrees(f, l, s.publisherName, { strictScope: true })) subjectStrictOk++;
      if (!CORE_EXCLUDED.has(f.metric)) {
        matchedCore++;
        if (agrees) subjectCoreOk++;
      }
      if (periodAgrees(f, l)) periodOk++;
    });
  }
  const calibration = bins
    .filter((b) => b.figures > 0)
    .map((b) => ({ from: b.from, to: b.to, figures: b.figures, correct: b.correct, precision: b.correct / b.figures, meanConfidence: b.sum / b.figures }));
  const grid = [0, 0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
  if (servingThreshold !== undefined && !grid.includes(servingThreshold)) grid.push(servingThreshold);
  const thresholds = grid.sort((a, b) => a - b).map((threshold) => ({ threshold, ...totals(scores, (m) => !CORE_EXCLUDED.has(m), threshold) }));
  let servedWithSubject: RealReport['servedWithSubject'] = null;
  let heldUnresolved: RealReport['heldUnresolved'] = null;
  if (servingThreshold !== undefined) {
    let served = 0;
    let right = 0;
    heldUnresolved = { figures: 0, right: 0 };
    for (const s of scores) {
      s.figures.forEach((f, i) => {
        if (CORE_EXCLUDED.has(f.metric) || f.confidence < servingThreshold) return;
        const l = s.matchedLabel[i];
        const ok = !!l && subjectAgrees(f, l, s.publisherName);
        // What ingestion stores as AUTO (ingest/extract/serving.ts), at the threshold given.
        if (heldWhateverConfidence(f)) {
          heldUnresolved!.figures++;
          if (ok) heldUnresolved!.right++;
          return;
        }
        served++;
        if (ok) right++;
      });
    }
    servedWithSubject = { threshold: servingThreshold, served, right, precision: ratio(right, served) };
  }
  return {
    articles: scores.length,
    all,
    core,
    perMetric,
    subjectAccuracy: ratio(subjectOk, matchedN),
    subjectAccuracyStrict: ratio(subjectStrictOk, matchedN),
    subjectAccuracyCore: ratio(subjectCoreOk, matchedCore),
    matchedCoreForAccuracy: matchedCore,
    periodAccuracy: ratio(periodOk, matchedN),
    matchedForAccuracy: matchedN,
    calibration,
    thresholds,
    servedWithSubject,
    heldUnresolved,
  };
}

/** Styles that mark a table or attachment case (scored apart from prose, through the document reader). */
export const TABLE_STYLES: readonly string[] = ['table', 'flattened-table', 'attachment'];

/** Whether a label carries any of the given styles. */
export function hasStyle(label: Pick<RealLabel, 'style'>, styles: readonly string[]): boolean {
  return (label.style ?? []).some((s) => styles.includes(s));
}

/** A table or attachment case. */
export function isTableCase(label: Pick<RealLabel, 'style'>): boolean {
  return hasStyle(label, TABLE_STYLES);
}

/**
 * Whether a figure is within what the article's labels cover. Without a `scope` everything is. With one, a figure
 * read from a table cell about a unit that is neither a labelled subject nor the publisher is out of scope.
 */
export function inLabelledScope(f: ExtractedFigure, label: Pick<RealLabel, 'scope'>, publisherName: string | null): boolean {
  const subjects = label.scope?.subjects;
  if (!subjects || !f.cell || f.subject.scope !== 'unit') return true;
  if (publisherName && sameUnitName(f.subject.name, publisherName)) return true;
  return subjects.some((s) => sameUnitName(f.subject.name, s));
}

/** Core-metric totals and subject accuracy of one group of articles (for the per-style breakdown). */
export interface GroupSummary {
  group: string;
  articles: number;
  core: Counts;
  subjectAccuracy: number;
  periodAccuracy: number;
  matched: number;
}

/** Summaries per named group; an article may sit in several groups (`groupsOf` names them). */
export function summariseByGroup(scores: RealArticleScore[], groupsOf: (id: string) => string[]): GroupSummary[] {
  const byGroup = new Map<string, RealArticleScore[]>();
  for (const s of scores) {
    for (const g of groupsOf(s.id)) byGroup.set(g, [...(byGroup.get(g) ?? []), s]);
  }
  return [...byGroup.entries()].map(([group, list]) => {
    const r = summariseReal(list);
    return { group, articles: list.length, core: r.core, subjectAccuracy: r.subjectAccuracy, periodAccuracy: r.periodAccuracy, matched: r.matchedForAccuracy };
  });
}

/** One saved answer of the search tool's `pages` corpus: the query as sent and its results. */
export interface SearchAnswer {
  query: string;
  results: Array<{ url: string; excerpt: string }>;
}

/**
 * The cached texts a saved search answer provides: for each label whose `query` is the answer's query, the excerpt
 * of the result with the label's URL, unchanged. Labels whose result is absent are not in the map.
 */
export function textsFromSearchAnswer(labels: readonly RealLabel[], answer: SearchAnswer): Map<string, string> {
  const out = new Map<string, string>();
  for (const l of labels) {
    if (!l.query || l.query !== answer.query || !l.url) continue;
    const hit = answer.results.find((r) => r.url === l.url);
    if (hit && typeof hit.excerpt === 'string') out.set(l.id, hit.excerpt);
  }
  return out;
}

/** One look-up of a cache rebuild: a label query and the label URLs whose texts its answer should hold. */
export interface CacheQuery {
  query: string;
  urls: string[];
  ids: string[];
  /** Required core labels of those articles: what the look-up is worth to the scores. */
  weight: number;
  split: string;
}

/**
 * The look-ups that rebuild the text cache, most useful first, when a session's look-ups cannot re-run them all (stop 52:
 * 1,593 distinct queries against 1,000 look-ups): one per distinct `query` among the labels whose texts are missing and
 * that carry a URL, the test split's first (it is small and must be whole), then the others by the required core labels
 * they hold. `budget` caps how many are returned. Labels in `skip` (never found again) are left out.
 */
export function planCacheQueries(labels: readonly RealLabel[], cached: ReadonlySet<string>, budget = Infinity, skip: ReadonlySet<string> = new Set()): CacheQuery[] {
  const byQuery = new Map<string, CacheQuery>();
  for (const l of labels) {
    if (!l.query || !l.url || cached.has(l.id) || skip.has(l.id)) continue;
    const q = byQuery.get(l.query) ?? { query: l.query, urls: [], ids: [], weight: 0, split: l.split };
    if (!q.urls.includes(l.url)) q.urls.push(l.url);
    q.ids.push(l.id);
    q.weight += l.figures.filter((f) => f.required !== false && !CORE_EXCLUDED.has(f.metric)).length;
    if (l.split === 'test') q.split = 'test';
    byQuery.set(l.query, q);
  }
  const ordered = [...byQuery.values()].sort((a, b) => Number(b.split === 'test') - Number(a.split === 'test') || b.weight - a.weight);
  return ordered.slice(0, Math.max(0, budget));
}

/**
 * 95 % intervals of report statistics by resampling whole articles with replacement (percentile bootstrap,
 * deterministic). Articles, not figures, are the unit: one article's figures err together (a wrong year for the whole
 * article, a subject convention), so intervals over figures would be too narrow. `stats` names the numbers to bound.
 */
export function articleBootstrap(
  scores: RealArticleScore[],
  stats: (r: RealReport) => Record<string, number>,
  servingThreshold?: number,
  resamples = 1000,
  seed = 1,
): Record<string, [number, number]> {
  const draws = new Map<string, number[]>();
  const random = mulberry32(seed);
  for (let b = 0; b < resamples; b++) {
    const sample = Array.from({ length: scores.length }, () => scores[Math.floor(random() * scores.length)]);
    for (const [k, v] of Object.entries(stats(summariseReal(sample, servingThreshold)))) {
      const list = draws.get(k) ?? [];
      list.push(v);
      draws.set(k, list);
    }
  }
  const q = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))];
  return Object.fromEntries([...draws].map(([k, v]) => {
    const sorted = [...v].sort((x, y) => x - y);
    return [k, [q(sorted, 0.025), q(sorted, 0.975)] as [number, number]];
  }));
}

/** Ids named by "d431-d470,d480": ranges keep their prefix and width. */
export function idsFrom(spec: string): Set<string> {
  const out = new Set<string>();
  for (const part of spec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([a-z]+)(\d+)-(?:[a-z]+)?(\d+)$/i.exec(part);
    if (!m) {
      out.add(part);
      continue;
    }
    const [, prefix, from, to] = m;
    for (let n = Number(from); n <= Number(to); n++) out.add(`${prefix}${String(n).padStart(from.length, '0')}`);
  }
  return out;
}

/** One figure on one line, as the scorer's reports print it. */
export function describeFigure(f: ExtractedFigure): string {
  const months = f.period.fromMonth ? ` m${f.period.fromMonth}-${f.period.toMonth}` : '';
  const subj = f.subject.scope === 'unit' ? f.subject.name : `${f.subject.scope}${f.subject.subunitLevel ? `:${f.subject.subunitLevel}` : ''}`;
  return `${f.metric} ${f.change ? 'Δ' : ''}${f.value}${f.total !== null ? `/${f.total}` : ''} ${f.kind} ${f.comparator} ${f.period.year ?? '-'}${months} [${subj}] c=${f.confidence}`;
}

/** One label on one line, in the same notation as `describeFigure`. */
export function describeLabel(l: RealLabelFigure): string {
  const p = l.period;
  const months = p?.from_month ? ` m${p.from_month}-${p.to_month}` : '';
  const s = l.subject;
  const subj = !s ? '' : s.scope && s.scope !== 'unit' ? `${s.scope}${s.level ? `:${s.level}` : ''}` : s.name ?? '';
  return `${l.metric} ${l.change ? 'Δ' : ''}${l.value}${l.total ? `/${l.total}` : ''} ${l.kind} ${l.comparator ?? 'eq'} ${p?.year ?? '-'}${months} [${subj}]`;
}
