/**
 * The extraction engine: cleaned article text + context → cited figures. Pure: no IO, no logger, no clock.
 *
 * Pipeline: normalise → prose paragraphs (page noise and repeated paragraphs skipped) → sentences → clauses →
 * number candidates → metric, kind, period, change, subject → one figure per distinct statement.
 *
 * Public surface: `figuresFromText`.
 */
import type { Comparator, DroppedCandidate, ExtractedFigure, ExtractionContext, ExtractionResult, FigurePeriod, FigureSubject } from '../types';
import { type Candidate, candidatesInSentence } from './candidates';
import { type CandidateZones, type CueHit, classifyCandidate, type Classification, findCues, metricAccepts } from './classify';
import { closesTargetList, detailsPrevious, detectChange, detectKind, isExtremeMove, levelRole, namesCommitment, opensTargetList } from './kind';
import { LOWER_IS_BETTER_METRICS, METRIC_CUES, OTHER_FIGURE_NOUNS, PENDING_CUES } from './lexicon';
import { type FigureSignals, probability } from './confidence';
import { foldForMatching, normalizeText } from './normalize';
import { readableParagraphs } from './page-noise';
import { matchesOf } from './regex';
import { documentPeriod, findPeriods, type PeriodMention, publicationParts } from './periods';
import { type Span, splitClauses, splitSentences } from './sentences';
import { articleUnit, continuesSubject, countNamedUnits, defaultProvinceTotal, isAgencyPublisher, isSubjectUncertain, NATIONAL_ARTICLE_SUBJECT, NATIONAL_SUBJECT, nationalArticle, publisherProvince, subjectFor, trailingScope } from './subjects';
import { EXTRACTOR_VERSION } from './version';

/** Where one number's context ends and the next one's begins: a comma, a bracket, or a joining word. */
const SEPARATOR_RE = /[,(]|\s(?:va|con|trong do|dong thoi|nhung|cung nhu)\s/;
/** A sentence can hold a figure only with a digit or a hedged number word ("ít nhất một"). */
const HAS_NUMBER_RE = /\d|(?:it nhat|toi thieu|toi da|khong qua) [a-z]|khong (?:co|de xay ra|phat sinh) (?:ho so|hs)/;
/** A paragraph opening with a list marker ("1. ", "2) "): the document numbers its items. */
const LIST_MARKER_RE = /^\s*(\d{1,2})[.)]\s/;
/**
 * Index names: a score or rank with no cue of its own ("Sở Nội vụ đạt 92,15 điểm, xếp thứ 3/20") belongs to the
 * index the article last named. Scores and ranks are rare enough outside index articles to allow this.
 */
const INDEX_TOPIC_RE = /chi so cai cach hanh chinh|par ?index|chi so cchc|(bo chi so phuc vu|chi so phuc vu nguoi dan)|(sipas|chi so hai long)/g;
/** A backlog named before its count: "đang giải quyết: 51.957 hồ sơ". */
const PENDING_BEFORE_RE = new RegExp(`(?<![a-z])(?:${PENDING_CUES.join("|")})(?![a-z])[^,;.]{0,20}$`);
/** A backlog count: "437 hồ sơ đang giải quyết", "còn 12 hồ sơ tồn đọng". */
const PENDING_AFTER_RE = new RegExp(`^[^,;.]{0,12}?(?<![a-z])(?:${PENDING_CUES.join('|')})(?![a-z])`);
/**
 * The index a score or rank is about, from the last index named before it in its sentence: PAR INDEX (1), another
 * index the catalogue does not hold — PCI, PAPI, DTI, ICT, digital transformation (2), SIPAS / satisfaction (3), or
 * the Decision-766 service index (4).
 */
const INDEX_MENTION_RE = /(chi so (?:cai cach hanh chinh|cchc|par ?index|par)|par ?index)|(chi so (?:pci|papi|ict|dti|chuyen doi so|nang luc canh tranh|hieu qua quan tri|thanh phan|(?:ve )?cong tac chi dao)|(?<![a-z])(?:pci|papi|dti)(?![a-z]))|(sipas|chi so hai long|su hai long|muc do hai long)|(bo chi so phuc vu|chi so phuc vu nguoi dan)/g;
/** An annual index named with its edition's year: "Chỉ số CCHC năm 2023", "PAR INDEX 2021", "Chỉ số hài lòng (SIPAS) năm 2022". */
const INDEX_EDITION_RE = /(?:chi so (?:cai cach hanh chinh|cchc|hai long|sipas|par ?index)|par ?index|sipas)(?: ?\([^)]{0,30}\))?(?: (?:cua|ve) [a-z ]{0,40}?)?,? (?:nam )?(20\d\d)(?!\d)/g;
/** Regions of a regional ranking: "trong vùng", "khu vực Tây Nguyên", "tại ĐBSCL". */
const REGION_RE = /(?<![a-z])(?:trong vung|khu vuc|vung (?:dong bang|trung du|tay nguyen|dong nam|bac trung)|dbscl|dong bang song cuu long|tay nguyen|td&mnpb)(?![a-z])/;
/** A rank in a regional table: the region is named in its own text, or after it before any other ranking verb. */
function isRegionalRank(folded: string, zones: CandidateZones, c: Candidate): boolean {
  if (REGION_RE.test(folded.slice(zones.ownLeft.start, Math.max(zones.ownRight.end, c.end)))) return true;
  const tail = folded.slice(c.end, Math.min(zones.clause.end, c.end + 60));
  const stop = /[,;(]|\s(?:va|con|nhung)\s/.exec(tail);
  const after = stop ? tail.slice(0, stop.index) : tail;
  const m = REGION_RE.exec(after);
  return m !== null && !/(?:^|\s)(?:xep|dung thu|dung o)(?:\s|$)/.test(after.slice(0, m.index));
}
/** Economic and budget shares that are not reform figures. */
const NON_REFORM_SHARE_RE = /(?<![a-z])(?:tang truong|grdp|tong san pham|kinh te|ngan sach|thu nhap|doanh thu|giai ngan|dan so)(?![a-z])/;
/** Indices published once a year for the year before (PAR INDEX, SIPAS). */
const ANNUAL_INDEX_METRICS: ReadonlySet<string> = new Set(['par_index_score', 'par_index_rank', 'sipas_score']);
/** The provinces' average ("giá trị trung bình của các tỉnh"): the country's figure, as a guess between readings. */
const PROVINCES_AVERAGE_SUBJECT: FigureSubject = { ...NATIONAL_SUBJECT, uncertain: true };
/**
 * A unit referred back to ("Tỉnh này cũng …", "đơn vị này đã tiếp nhận …", "huyện này đạt …"): as spelt, since folded
 * "này" is also "nay" (now). "chỉ số này" (this index) names no unit.
 */
const DEMONSTRATIVE_UNIT_RE = /(?<![\p{L}\d])(?:[Tt]ỉnh|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Tt]hành phố|[Pp]hường|[Xx]ã|[Tt]hị trấn|[Đđ]ơn vị|[Đđ]ịa phương|[Ss]ở|[Bb]ộ) này(?![\p{L}\d])/u;
/** How far back (characters) the unit a demonstrative refers to may have been named. */
const DEMONSTRATIVE_REACH = 600;
const INDEX_METRICS: ReadonlySet<string> = new Set(['par_index_score', 'par_index_rank', 'service_index_score', 'service_index_rank']);

/** The channel named right after a dossier count: online ("trực tuyến", "qua mạng") or in person ("trực tiếp"). */
const CHANNEL_AFTER_RE = /^\s*(?:duoc |da )?(?:tiep nhan |nop |gui )?(truc tuyen|qua mang|truc tiep)(?![a-z])/;
/** The channel right before it: "tiếp nhận trực tiếp (7,7 ngàn HS)", "nộp trực tuyến 1.200 hồ sơ". */
const CHANNEL_BEFORE_RE = /(?:tiep nhan|nop) (truc tuyen|truc tiep)\s*(?:\(|la|:)?\s*$/;

/** A total broken down right after into new dossiers and those carried over ("trong đó … tiếp nhận mới …, số còn lại từ kỳ trước chuyển sang"). */
const WITH_CARRIED_OVER_RE = /^[^;]{0,12}?(?:\(|,)\s*(?:trong do|bao gom)[^;]{0,120}?(?:ky truoc|tu truoc|thang truoc|nam truoc) chuyen (?:sang|qua)/;

/** A sentence opened on online dossiers: "Về hồ sơ trực tuyến, …", "Về tiếp nhận hồ sơ trực tuyến: …". */
const ONLINE_TOPIC_RE = /^\W*ve (?:tiep nhan |ty le |so )?(?:ho so|hs) (?:nop |tiep nhan |xu ly )?(?:truc tuyen|qua mang)\s*[,:]/;

/** A capitalised name right before an opening bracket: "Đà Nẵng (", "Bộ Tài chính (". */
const NAME_BRACKET_BEFORE_RE = /\p{Lu}[\p{L}.-]*\s*\(\s*$/u;

/** Usual unit per metric, to raise confidence when the figure agrees with it. */
const USUAL_UNIT = new Map(METRIC_CUES.map((e) => [e.metric, e.units[0]]));

interface DocState {
  text: string;
  folded: string;
  ctx: ExtractionContext;
  sticky: FigurePeriod;
  /** Without a publication date: the year the article names most often (the year of phrases naming none). */
  undatedYear: number | null;
  /** Whether `sticky` is still the article's own default (no leading period read yet). */
  stickyIsDocument: boolean;
  /** Whether the article's default period came from its title. */
  titled: boolean;
  /** Per sentence start: units named in it (for the confidence model). */
  unitsNamed: Map<number, number>;
  /** Candidates of the sentence being read. */
  sentenceNumbers: number;
  /** What the engine knew about each figure, for its confidence (and the model fit). */
  signals: Map<ExtractedFigure, FigureSignals>;
  inTargetList: boolean;
  /** The previous sentence named a commitment; a sentence opening "Cụ thể, …" details it. */
  previousCommits: boolean;
  /** The sentence being read details the commitment of the one before. */
  detailsTarget: boolean;
  /** Numbers of the paragraphs that open with a list marker ("1. ", "2) "). */
  listNumbers: Set<number>;
  /** A scope ("toàn tỉnh", "cấp xã") the previous sentence named, for a sentence that continues it ("Trong đó, …"). */
  inheritedScope: FigureSubject | null;
  /** The scope the last sentence named, if any. */
  lastScope: FigureSubject | null;
  /** Figures whose period was not named in their sentence (the document's default): headline restatements. */
  defaulted: Set<ExtractedFigure>;
  /** The last unit named as a figure's subject, and the sentence it was named in. */
  lastNamed: { subject: FigureSubject; sentenceStart: number } | null;
  /** Editions of annual indices the article names ("Chỉ số CCHC năm 2023", "PAR INDEX 2021"), in order. */
  indexEditions: Array<{ at: number; year: number }>;
  /** Start of the sentence that stated a national average: its changes are the country's too. */
  nationalSentence: number;
  /** The article is about the country though its source is a province's (see `nationalArticle`). */
  national: boolean;
  /** Last period named anywhere in the current paragraph: the year of targets stated without one. */
  paragraphPeriod: FigurePeriod | null;
  /** Positions of index names in the folded text, and whether each is the service index (else PAR INDEX). */
  indexTopics: Array<{ at: number; service: boolean; satisfaction: boolean }>;
  /** Metric of the last share read in the sentence (paragraph-local): "Đà Nẵng (58,89%)" next continues it. */
  lastShareMetric: string | null;
  /** The paragraph follows a heading naming one component of an index ("- Lĩnh vực Cải cách thể chế"). */
  componentSection: boolean;
  figures: ExtractedFigure[];
  dropped: DroppedCandidate[];
  seen: Set<string>;
}

/**
 * Read every figure of one article. Never throws on text: empty, binary or huge input gives what it can
 * (usually no figures), in time linear in its length.
 */
export function figuresFromText(raw: string, ctx: ExtractionContext): ExtractionResult {
  return extractWithSignals(raw, ctx).result;
}

/** {@link figuresFromText}, with what the engine knew about each figure (same order): the confidence model's inputs. */
export function extractWithSignals(raw: string, ctx: ExtractionContext): { result: ExtractionResult; signals: FigureSignals[] } {
  const text = normalizeText(typeof raw === 'string' ? raw : '');
  const folded = foldForMatching(text);
  const { paragraphs, skipped } = readableParagraphs(text, folded);
  // An article whose title names a unit below its publisher is about that unit: it is the default subject.
  const about = articleUnit(ctx);
  if (about) ctx = { ...ctx, publisher: about };
  // A national article on a province's source: what it does not attribute is the country's (a guess).
  const national = !about && nationalArticle(ctx, folded);
  // An undated article's period phrases without a year ("6 tháng đầu năm") are of the year the article names.
  const undatedYear = ctx.publishedAt ? null : documentPeriod(null, folded).year;
  const title = titlePeriod(ctx, undatedYear);
  const state: DocState = {
    text,
    folded,
    ctx,
    sticky: title ?? documentPeriod(ctx.publishedAt, folded),
    stickyIsDocument: true,
    titled: title !== null,
    undatedYear,
    unitsNamed: new Map(),
    sentenceNumbers: 0,
    signals: new Map(),
    inTargetList: false,
    previousCommits: false,
    detailsTarget: false,
    inheritedScope: null,
    lastScope: null,
    lastNamed: null,
    defaulted: new Set(),
    paragraphPeriod: null,
    nationalSentence: -1,
    national,
    indexEditions: matchesOf(INDEX_EDITION_RE, folded).map((m) => ({ at: m.index ?? 0, year: Number(m[1]) })).filter((e) => e.year >= 2010 && e.year <= 2040),
    indexTopics: matchesOf(INDEX_TOPIC_RE, `${foldForMatching(ctx.title ?? '')} ${folded}`).map((m) => ({ at: (m.index ?? 0) - (ctx.title ?? '').length - 1, service: m[1] !== undefined, satisfaction: m[2] !== undefined })),
    componentSection: false,
    lastShareMetric: null,
    listNumbers: new Set(paragraphs.map((p) => LIST_MARKER_RE.exec(text.slice(p.start, p.start + 6))?.[1]).filter((n) => n !== undefined).map(Number)),
    figures: [],
    dropped: skipped.map((s) => ({ text: text.slice(s.start, Math.min(s.end, s.start + 80)), start: s.start, end: s.end, reason: s.reason })),
    seen: new Set(),
  };
  let previous: Span | null = null;
  for (const paragraph of paragraphs) {
    state.componentSection = previous !== null && isComponentHeading(folded.slice(previous.start, previous.end));
    previous = paragraph;
    if (state.inTargetList && closesTargetList(folded.slice(paragraph.start, paragraph.start + 40))) state.inTargetList = false;
    state.paragraphPeriod = null;
    // lastScope is kept: a paragraph opening "Trong đó, …" breaks down the total the previous paragraph ended on.
    state.lastShareMetric = null;
    for (const sentence of splitSentences(text, paragraph.start, paragraph.end)) readSentence(state, sentence, paragraph.start);
  }
  dropRestatements(state);
  state.dropped.sort((a, b) => a.start - b.start);
  const signals = state.figures.map((f) => state.signals.get(f) as FigureSignals);
  return { result: { figures: state.figures, dropped: state.dropped, text, extractorVersion: EXTRACTOR_VERSION }, signals };
}

/**
 * A headline or lead restating a figure the body gives with its own period ("Bắc Giang xếp thứ 4 cả nước …" above
 * "Năm 2023, … xếp thứ 4/63"): the copy with the document's default period is dropped.
 */
function dropRestatements(state: DocState): void {
  if (state.defaulted.size === 0) return;
  const sig = (f: ExtractedFigure): string => [f.metric, f.value, f.kind, f.change, f.unit].join('|');
  const dated = new Set(state.figures.filter((f) => !state.defaulted.has(f)).map(sig));
  // "… giữ vị trí thứ 9" above "… xếp thứ 9/63": the copy without the total restates the one with it.
  const withTotal = new Set(state.figures.filter((f) => f.total !== null).map((f) => `${sig(f)}|${f.period.year}|${f.subject.name}`));
  state.figures = state.figures.filter((f) => {
    const restatesTotal = f.total === null && withTotal.has(`${sig(f)}|${f.period.year}|${f.subject.name}`);
    if (!state.defaulted.has(f) || !(dated.has(sig(f)) || restatesTotal)) return true;
    state.dropped.push({ text: state.text.slice(f.evidence.numberStart, f.evidence.numberEnd), start: f.evidence.numberStart, end: f.evidence.numberEnd, reason: 'restated_with_period' });
    return false;
  });
}

function titlePeriod(ctx: ExtractionContext, undatedYear: number | null): FigurePeriod | null {
  if (!ctx.title) return null;
  const title = normalizeText(ctx.title);
  const mentions = findPeriods(title, foldForMatching(title), { start: 0, end: title.length }, ctx.publishedAt, undatedYear).filter((m) => !m.baseline && !m.local);
  return mentions.length > 0 ? mentions[mentions.length - 1].period : null;
}

function readSentence(state: DocState, sentence: Span, paragraphStart: number): void {
  const { text, folded } = state;
  state.inheritedScope = continuesSubject(folded.slice(sentence.start, sentence.start + 20)) ? state.lastScope : null;
  state.detailsTarget = state.previousCommits && detailsPrevious(folded.slice(sentence.start, sentence.start + 20));
  const carriedShare = state.lastShareMetric;
  state.lastShareMetric = null;
  const periods = findPeriods(text, folded, sentence, state.ctx.publishedAt, state.undatedYear);
  if (!HAS_NUMBER_RE.test(folded.slice(sentence.start, sentence.end))) {
    updateDocState(state, sentence, periods);
    return;
  }
  const { candidates, dropped } = candidatesInSentence({ text, folded, sentence, paragraphStart, listNumbers: state.listNumbers });
  state.dropped.push(...dropped);
  state.sentenceNumbers = candidates.length;
  if (candidates.length > 0) {
    const hits = findCues(folded, sentence);
    const onlineTopic = ONLINE_TOPIC_RE.test(folded.slice(sentence.start, sentence.start + 50));
    let previous: { metric: string; fromTopic?: boolean } | null = null;
    for (const clause of splitClauses(text, sentence)) {
      const inClause = candidates.filter((c) => c.start >= clause.start && c.start < clause.end);
      inClause.forEach((c, k) => {
        const zones: CandidateZones = {
          ownLeft: { start: k === 0 ? clause.start : splitPoint(folded, inClause[k - 1], c), end: c.hedgeStart },
          ownRight: { start: c.end, end: k === inClause.length - 1 ? tailEnd(folded, c, clause.end) : splitPoint(folded, c, inClause[k + 1]) },
          clause,
          sentence,
        };
        let cls = classifyCandidate(folded, c, zones, hits) ?? indexFallback(state, c) ?? satisfactionRank(folded, sentence, c);
        // "… đạt 46,3%, trong khi cấp phường mới đạt khoảng 20%", "kiểm tra 15/42 cơ quan, đạt 35,7%": a number with
        // no cue of its own continues the previous figure of its sentence when that metric fits its unit and noun.
        if ((!cls || !cls.ownCue) && previous && metricAccepts(previous.metric, c)) {
          // A figure read from the article's topic passes that on: it too must name whose figure it is.
          cls = { metric: previous.metric, score: 0, runnerUp: 0, zone: 'clause', fromTopic: previous.fromTopic };
        }
        if (cls) cls = checkIndex(folded, sentence, c, cls);
        // "… trực tuyến 67,2% trong tổng số 151.302 hồ sơ": the total is all dossiers, not the online ones.
        if (cls?.metric === 'online_dossiers' && /(?:trong|tren) tong so\s*$/.test(folded.slice(Math.max(clause.start, c.hedgeStart - 16), c.hedgeStart))) {
          cls = { ...cls, metric: /(?:^|\s)(?:xu ly|giai quyet)(?:\s|$)/.test(folded.slice(clause.start, c.hedgeStart)) ? 'dossiers_resolved' : 'dossiers_received' };
        }
        // "2.007 hồ sơ trực tuyến", "60.000 hồ sơ tiếp nhận trực tuyến": the channel right after the noun decides;
        // "258 hồ sơ trực tiếp", "(7,7 ngàn HS)" after "tiếp nhận trực tiếp" are the in-person share ('other').
        if (cls && (cls.metric === 'dossiers_received' || cls.metric === 'dossiers_resolved' || cls.metric === 'online_dossiers') && c.unit === 'count') {
          const channel = CHANNEL_AFTER_RE.exec(folded.slice(c.nounEnd, c.nounEnd + 40)) ?? CHANNEL_BEFORE_RE.exec(folded.slice(Math.max(clause.start, c.hedgeStart - 30), c.hedgeStart));
          if (channel) cls = { ...cls, metric: channel[1] === 'truc tiep' ? 'other' : 'online_dossiers' };
        }
        // "2,95% hồ sơ nộp trực tiếp": the in-person share is no online rate.
        if (cls?.metric === 'online_dossier_rate' && c.unit === 'percent' && CHANNEL_AFTER_RE.exec(folded.slice(c.nounEnd, c.nounEnd + 40))?.[1] === 'truc tiep') {
          cls = { ...cls, metric: 'other' };
        }
        // "trước hạn 48,2%; đúng hạn 51,2%": shares reported apart are parts of the on-time rate, not the rate.
        if (cls?.metric === 'on_time_rate' && c.unit === 'percent' && isSplitOnTimeShare(folded, hits, sentence, c, candidates)) cls = { ...cls, metric: 'other' };
        // "Về hồ sơ trực tuyến, … tiếp nhận 581 hồ sơ, đạt 28,91%": a sentence opened on online dossiers is about them.
        if (onlineTopic && c.unit === 'count' && cls?.metric === 'dossiers_received') cls = { ...cls, metric: 'online_dossiers' };
        if (onlineTopic && !cls && c.unit === 'percent' && c.noun === null) cls = { metric: 'online_dossier_rate', score: 0, runnerUp: 0, zone: 'sentence' };
        // "… 68,54%. Đà Nẵng (58,89%), Hà Giang (55,76%) … xếp sau": units listed with bare shares in brackets, right
        // after a sentence that read a share, continue its metric.
        if (!cls && carriedShare && c.unit === 'percent' && c.noun === null && NAME_BRACKET_BEFORE_RE.test(text.slice(Math.max(sentence.start, c.hedgeStart - 30), c.hedgeStart))) {
          cls = { metric: carriedShare, score: 0, runnerUp: 0, zone: 'sentence' };
        }
        if (cls) previous = { metric: cls.metric, fromTopic: cls.fromTopic };
        else cls = otherFallback(c);
        if (!cls) {
          state.dropped.push({ text: text.slice(c.start, c.nounEnd), start: c.start, end: c.nounEnd, reason: c.noun === 'nguoi' ? 'people_count' : 'unclassified' });
          return;
        }
        addFigure(state, c, cls, zones, periods);
      });
    }
  }
  updateDocState(state, sentence, periods);
}

/** After a sentence: its leading period governs what follows, and a commitment ending in ':' opens a target list. */
function updateDocState(state: DocState, sentence: Span, periods: PeriodMention[]): void {
  const { folded } = state;
  state.lastScope = trailingScope(folded, sentence, state.ctx) ?? state.inheritedScope;
  const leading = periods.filter((p) => p.leading && !p.baseline && !p.local && p.until === null);
  if (leading.length > 0) {
    state.sticky = leading[leading.length - 1].period;
    state.stickyIsDocument = false;
  }
  const named = periods.filter((p) => !p.baseline && !p.local && p.until === null);
  if (named.length > 0) state.paragraphPeriod = named[named.length - 1].period;
  if (opensTargetList(folded.slice(sentence.start, sentence.end))) state.inTargetList = true;
  state.previousCommits = namesCommitment(folded.slice(sentence.start, sentence.end));
}

/**
 * An index figure must be about the index last named before it in its sentence: "chỉ số PCI đạt 69,03 điểm" is no
 * PAR INDEX score (dropped), "Chỉ số hài lòng … 91,17%; xếp thứ 5/63" is a satisfaction rate and a rank the
 * catalogue files as 'other'.
 */
function checkIndex(folded: string, sentence: Span, c: Candidate, cls: Classification): Classification | null {
  if (!INDEX_METRICS.has(cls.metric)) return cls;
  let last: RegExpExecArray | null = null;
  for (const m of matchesOf(INDEX_MENTION_RE, folded.slice(sentence.start, c.hedgeStart))) last = m;
  // "xếp thứ 1 trong bảng Chỉ số hài lòng": an index named right after a rank is the rank's index.
  const after = folded.slice(c.end, Math.min(sentence.end, c.end + 45));
  const next = /^\s*(?:\/\s*\d+\s*)?(?:trong|ve|cua|o|tai)? ?(?:bang |bang xep hang |xep hang )?/.exec(after);
  if (next) {
    INDEX_MENTION_RE.lastIndex = 0;
    const m = INDEX_MENTION_RE.exec(after.slice(next[0].length, next[0].length + 30));
    INDEX_MENTION_RE.lastIndex = 0;
    if (m && m.index === 0) last = m;
  }
  if (!last || last[1] !== undefined || last[4] !== undefined) return cls;
  if (last[2] !== undefined) return null;
  if (c.unit === 'rank') return { ...cls, metric: 'other' };
  if (c.unit === 'percent') return { ...cls, metric: 'satisfaction_rate' };
  return { ...cls, metric: 'sipas_score' };
}

/** Words that name a part of an index: its criteria, fields, sub-indices and the points each part scored. */
const INDEX_COMPONENT_RE = /(?<![a-z])(?:tieu chi|linh vuc|noi dung|chi so thanh phan|diem thanh phan|nhom chi so|chi so ve|diem danh gia|diem tham dinh|diem khao sat|diem do bo|diem dieu tra|(?:cai cach|xay dung) (?:thu tuc hanh chinh|to chuc|che do|tai chinh|va nang cao)|cai cach tai chinh cong|hien dai hoa)(?![a-z])/;

/**
 * A short heading naming one component of an index ("- Lĩnh vực Cải cách thể chế", "2. Cải cách thủ tục hành chính"):
 * the paragraph under it gives that component's points, share and rank.
 */
function isComponentHeading(foldedParagraph: string): boolean {
  const t = foldedParagraph.trim();
  return t.length <= 90 && !/\d{2}/.test(t.replace(/^\d{1,2}[.)]\s*/, '')) && /^(?:[-+•*]\s*|\d{1,2}[.)]\s*|[a-z][.)]\s*)?(?:linh vuc|tieu chi|chi so thanh phan|nhom chi so|noi dung)\b/.test(t) && INDEX_COMPONENT_RE.test(t);
}

/** Whether an index score or rank is about one of the index's components rather than the index. */
function isIndexComponent(folded: string, zones: CandidateZones, c: Candidate): boolean {
  // Index scores run to 100: "5,32/6,5 điểm" or "18,29/22 điểm" is a component's share of its maximum.
  if (c.unit === 'score' && c.total !== null && c.total < 100) return true;
  const lead = folded.slice(Math.max(zones.sentence.start, zones.ownLeft.start - 40, c.hedgeStart - 90), c.hedgeStart);
  return INDEX_COMPONENT_RE.test(lead);
}

/** On-time cues that name one part of the on-time rate: early only, or on time only (the rest are the whole rate). */
const EARLY_ONLY_CUES: ReadonlySet<string> = new Set(['truoc han', 'som han', 'truoc thoi han', 'truoc hen', 'som hon thoi gian']);
const ON_TIME_ONLY_CUES: ReadonlySet<string> = new Set(['dung han', 'dung thoi han', 'dung hen', 'dung thoi gian quy dinh']);
/** "trước hạn và đúng hạn", "đúng hạn, sớm hạn": two part cues joined are the whole rate. */
const JOINED_PARTS_RE = /^\s*(?:va|,|hoac)\s*$/;

/**
 * Whether an on-time share is one part of a split ("… trước hạn đạt 48,2%; … đúng hạn đạt 51,2%"): its nearest
 * on-time cue names early dossiers and a separate on-time-only cue follows in the sentence, or it names on-time
 * dossiers and an early-only cue with a share of its own precedes it. "đúng và trước hạn", and an early share with no on-time share
 * after it ("2.041 hồ sơ trước hạn, đạt 99%"), stay the rate.
 */
function isSplitOnTimeShare(folded: string, hits: readonly CueHit[], sentence: Span, c: Candidate, candidates: readonly Candidate[]): boolean {
  const parts: Array<{ start: number; end: number; part: 'early' | 'on_time' | 'both' }> = [];
  for (const h of hits) {
    if (h.start < sentence.start || h.end > sentence.end) continue;
    const part = EARLY_ONLY_CUES.has(h.cue) ? 'early' : ON_TIME_ONLY_CUES.has(h.cue) ? 'on_time' : null;
    if (!part) continue;
    const prev = parts[parts.length - 1];
    if (prev && prev.part !== 'both' && prev.part !== part && JOINED_PARTS_RE.test(folded.slice(prev.end, h.start))) {
      parts[parts.length - 1] = { start: prev.start, end: h.end, part: 'both' };
    } else parts.push({ start: h.start, end: h.end, part });
  }
  let own = -1;
  parts.forEach((p, i) => {
    if (p.end <= c.hedgeStart) own = i;
  });
  if (own < 0) return false;
  if (parts[own].part === 'early') return parts.slice(own + 1).some((p) => p.part === 'on_time');
  // "2.904 hồ sơ trước hạn và 580 hồ sơ đúng hạn, đạt 99,2%": an early part without a share of its own is summed in.
  if (parts[own].part === 'on_time') {
    return parts.slice(0, own).some((p) => p.part === 'early' && candidates.some((o) => o.unit === 'percent' && o.start > p.end && o.start < c.start));
  }
  return false;
}

/** A percentage or X/Y ratio of a reform noun that fits no metric is kept as 'other' for a reviewer to classify. */
function otherFallback(c: Candidate): Classification | null {
  if (c.noun === null || !OTHER_FIGURE_NOUNS.has(c.noun) || (c.unit !== 'percent' && !c.ratio)) return null;
  return { metric: 'other', score: 0, runnerUp: 0, zone: 'sentence' };
}

/** "Chỉ số SIPAS 2021 đạt 88,1%, xếp thứ 15/63": a rank after the satisfaction index is its rank (filed as 'other'). */
function satisfactionRank(folded: string, sentence: Span, c: Candidate): Classification | null {
  if (c.unit !== 'rank') return null;
  const probe: Classification = { metric: 'par_index_rank', score: 0, runnerUp: 0, zone: 'sentence' };
  const checked = checkIndex(folded, sentence, c, probe);
  return checked?.metric === 'other' ? checked : null;
}

/** A sentence or paragraph break: a satisfaction index named after one is named on its own, not beside the PAR INDEX. */
const SENTENCE_BREAK_RE = /[.!?]\s|\n/;

/** A score or rank without its own cue takes the index the article named last before it. */
function indexFallback(state: DocState, c: Candidate): Classification | null {
  // "Quảng Ninh dẫn đầu với 90,8%" in an article about the index: a bare share after "đạt"/"với" is a unit's score
  // (kept only when its sentence names the unit: see addFigure).
  // So is a bare move: "Tuyên Quang đạt 86,57%, …, tăng 2,76%", "tăng điểm cao nhất là Bến Tre (9,42%)".
  const lead = state.folded.slice(Math.max(0, c.hedgeStart - 70), c.hedgeStart);
  const bareShare = c.unit === 'percent' && c.noun === null && (/(?:^|\s)(?:dat|voi|tang|giam)\s*$/.test(lead) || isExtremeMove(lead));
  if (c.unit !== 'score' && c.unit !== 'rank' && !bareShare) return null;
  const topic = state.indexTopics.filter((t) => t.at < c.start).pop() ?? state.indexTopics[0];
  if (!topic) return null;
  // "Chỉ số SIPAS … giảm. Thứ hạng … giảm 11 bậc, từ vị trí thứ 6 xuống 17": the satisfaction index's rank ('other').
  // Only a satisfaction index named in a sentence of its own: "… Chỉ số CCHC … và Chỉ số hài lòng … (SIPAS). Theo đó,
  // Nam Định đạt 87,32" is still about the PAR INDEX named first. Its points keep the PAR INDEX reading (components, see addFigure).
  if (topic.satisfaction && c.unit !== 'score') {
    const before = state.indexTopics.filter((t) => t.at < c.start);
    const lastOther = before.filter((t) => !t.satisfaction).pop();
    const firstAfter = lastOther ? before.find((t) => t.satisfaction && t.at > lastOther.at) : undefined;
    if (!lastOther || !firstAfter || SENTENCE_BREAK_RE.test(state.folded.slice(Math.max(0, lastOther.at), firstAfter.at))) {
      if (c.unit === 'rank') return { metric: 'other', score: 0, runnerUp: 0, zone: 'sentence' };
      return { metric: 'satisfaction_rate', score: 0, runnerUp: 0, zone: 'sentence', fromTopic: true };
    }
  }
  const index = topic.satisfaction ? state.indexTopics.filter((t) => t.at < c.start && !t.satisfaction).pop() ?? state.indexTopics.find((t) => !t.satisfaction) : topic;
  if (!index) return null;
  return indexTopicFigure(index, c, bareShare);
}

function indexTopicFigure(topic: { service: boolean }, c: Candidate, bareShare: boolean): Classification {
  if (bareShare) return { metric: topic.service ? 'service_index_score' : 'par_index_score', score: 0, runnerUp: 0, zone: 'sentence', fromTopic: true };
  if (c.unit === 'rank') return { metric: topic.service ? 'service_index_rank' : 'par_index_rank', score: 0, runnerUp: 0, zone: 'sentence' };
  return { metric: topic.service ? 'service_index_score' : 'par_index_score', score: 0, runnerUp: 0, zone: 'sentence' };
}

/** End of the last number's own text in a clause: its noun phrase and words up to the next separator. */
function tailEnd(folded: string, c: Candidate, clauseEnd: number): number {
  // Only punctuation ends a tail: "… được triển khai và hoàn thành" keeps its verb.
  const m = /[,(]/.exec(folded.slice(c.nounEnd, clauseEnd));
  return m ? c.nounEnd + m.index : clauseEnd;
}

/** First separator between two neighbouring numbers; failing that, the end of the first one's noun phrase. */
function splitPoint(folded: string, a: Candidate, b: Candidate): number {
  const gapStart = Math.min(a.nounEnd, b.hedgeStart);
  const m = SEPARATOR_RE.exec(folded.slice(gapStart, b.start));
  return m ? gapStart + m.index + 1 : gapStart;
}

/** The period of a figure: nearest phrase in its clause (before, then after), earlier in its sentence, or the document's. */
type PeriodSource = FigureSignals['periodSource'];

function periodFor(state: DocState, c: Candidate, zones: CandidateZones, periods: PeriodMention[], isTarget: boolean): FigurePeriod & { defaulted?: boolean; source: PeriodSource } {
  const { clause } = zones;
  // "tăng 2,58% so với năm 2022 (80,08%)": a bracketed number right after a baseline is the baseline's figure.
  const baseline = periods.find((p) => p.baseline && p.end <= c.hedgeStart && /^\s*\(\s*$/.test(state.folded.slice(p.end, c.hedgeStart)));
  if (baseline) return { ...baseline.period, source: 'clause' };
  // A bracketed aside's period governs only numbers inside its brackets.
  const usable = periods.filter((p) => !p.baseline && (p.until === null || c.start < p.until));
  const inClause = usable.filter((p) => p.start >= clause.start && p.end <= clause.end);
  const own =
    inClause.filter((p) => p.end <= c.hedgeStart).pop() ??
    inClause.find((p) => p.start >= c.end && p.start <= Math.max(zones.ownRight.end, c.nounEnd + 20) && !asideWithFigures(state.folded, p));
  const chosen = own ?? usable.filter((p) => p.end <= clause.start && !p.local).pop();
  // Commitments often name their year in the sentence before ("yêu cầu trong năm 2018 … Huyện phấn đấu …").
  if (!chosen) {
    if (isTarget && state.paragraphPeriod) return { ...state.paragraphPeriod, source: 'paragraph' };
    const source: PeriodSource = !state.stickyIsDocument ? 'earlier' : state.titled ? 'title' : state.sticky.year === null ? 'none' : state.ctx.publishedAt ? 'publication' : 'text_year';
    return { ...state.sticky, defaulted: true, source };
  }
  const period = chosen.period;
  const source: PeriodSource = own ? 'clause' : 'sentence';
  // "… 9 tháng năm 2018 … năm 2018 …": a bare year agrees with the more precise document period; keep the months.
  if (period.fromMonth === null && state.sticky.year === period.year && state.sticky.fromMonth !== null) return { ...state.sticky, source };
  return { ...period, source };
}

/** "81,24% (năm 2021 đạt 79,19%)": a bracket that states its own figures for its year is no period of the number before it. */
function asideWithFigures(folded: string, p: PeriodMention): boolean {
  return p.until !== null && /\d/.test(folded.slice(p.end, p.until));
}

function addFigure(state: DocState, c: Candidate, cls: Classification, zones: CandidateZones, periods: PeriodMention[]): void {
  const { text, folded } = state;
  const { kind, explicit } = detectKind(text, folded, zones.sentence, c, state.inTargetList || state.detailsTarget);
  const found = periodFor(state, c, zones, periods, kind === 'target');
  const periodDefaulted = found.defaulted === true;
  let period: FigurePeriod = { year: found.year, fromMonth: found.fromMonth, toMonth: found.toMonth, label: found.label };
  // No year anywhere, but "so với năm 2020": the figure is the year after its baseline.
  if (period.year === null) {
    const base = periods.find((p) => p.baseline && p.period.year !== null && p.period.fromMonth === null);
    if (base?.period.year) period = { year: base.period.year + 1, fromMonth: null, toMonth: null, label: '' };
  }
  // The PAR INDEX and SIPAS of a year are published in the spring of the next: an index figure with no year of its
  // own, in an article dated 2024, is the 2023 edition ("Bắc Giang xếp thứ 4 cả nước về chỉ số cải cách hành chính").
  let periodSource = found.source;
  // An index figure whose own sentence names no year is of the edition the article last named ("Chỉ số CCHC năm
  // 2023 … Bắc Giang xếp thứ 4"); failing that, of the year before publication.
  if (periodDefaulted && (ANNUAL_INDEX_METRICS.has(cls.metric) || (cls.metric === 'satisfaction_rate' && /sipas|chi so hai long/.test(folded.slice(zones.sentence.start, zones.sentence.end))))) {
    const named = state.indexEditions.filter((e) => e.at < c.start).pop() ?? state.indexEditions[0];
    const { year: pubYear } = publicationParts(state.ctx.publishedAt);
    const year = named?.year ?? (state.stickyIsDocument && !state.titled && pubYear !== null ? pubYear - 1 : null);
    if (year !== null && year !== period.year) {
      period = { year, fromMonth: null, toMonth: null, label: `năm ${year}` };
      periodSource = 'index_edition';
    }
  }
  // "Điểm đánh giá công khai, minh bạch đạt 2,2/18 điểm", "điểm thẩm định 57,92/61,5", "cải cách thủ tục hành chính
  // (giảm 0,52 điểm và giảm 31 bậc)": a component of an index (criterion, field, sub-index) is not the index itself.
  if (INDEX_METRICS.has(cls.metric) && (state.componentSection || isIndexComponent(folded, zones, c))) cls = { ...cls, metric: 'other' };
  // "điểm đánh giá tác động … đạt 31,19/38,5 điểm (gồm Chỉ số SIPAS đạt 8,5/10 điểm …)": only the points the satisfaction
  // index is named right before are its score.
  if (cls.metric === 'sipas_score' && isIndexComponent(folded, zones, c) && !/sipas|hai long/.test(folded.slice(zones.ownLeft.start, c.hedgeStart))) cls = { ...cls, metric: 'other' };
  // "giảm từ 88,05% xuống 86,93%": two levels, the earlier one of the period before (the year in brackets after it, the
  // year the sentence compares with, or the year before a whole year); none is read when that period is unknown.
  const role = levelRole(folded, zones.clause, c);
  if (role?.role === 'from') {
    const base = periods.find((p) => p.baseline && p.start >= zones.sentence.start && p.end <= zones.sentence.end && p.period.year !== null && p.period.fromMonth === null);
    const year = role.year ?? base?.period.year ?? (period.year !== null && period.fromMonth === null ? period.year - 1 : null);
    if (year === null) return void state.dropped.push({ text: text.slice(c.start, c.end), start: c.start, end: c.end, reason: 'earlier_level_no_period' });
    period = { year, fromMonth: null, toMonth: null, label: `năm ${year}` };
  }
  // An index's share moved by a verb ("tăng 2,76%") is a change in points, compared or not.
  const indexShare = c.unit === 'percent' && (cls.metric === 'par_index_score' || cls.metric === 'service_index_score');
  const detected = role ? { change: false, baselineYear: null, fall: false } : detectChange(folded, zones.clause, c, period.year, periods, indexShare);
  const { change, baselineYear, fall } = detected;
  // A fall keeps its sign: "giảm 12 hồ sơ" is −12, "giảm 7 bậc" is −7.
  const value = change && fall ? -c.value : c.value;
  const dropAs = (reason: string): void => {
    state.dropped.push({ text: text.slice(c.start, c.end), start: c.start, end: c.end, reason });
  };
  if (c.unit === 'percent' && !change && (c.upperBound ?? c.value) > 100) return dropAs('implausible_percent');
  // "84,79 (%/100 điểm tối đa)": the scale's maximum is nobody's score.
  if (c.unit === 'score' && /^\s*toi da(?![a-z])/.test(folded.slice(c.end, c.end + 12))) return dropAs('scale_maximum');
  // "bằng trên 90% số hồ sơ trực tuyến của cả năm 2021": one quantity as a share of another is no rate.
  if (c.unit === 'percent' && cls.metric !== 'other' && /(?:^|\s)bang\s*$/.test(folded.slice(Math.max(zones.ownLeft.start, c.hedgeStart - 8), c.hedgeStart))) cls = { ...cls, metric: 'other' };
  // "chỉ số CCHC trên 90%", "dưới 80%": a band of an index ranking, not anyone's score; nor is the average of all.
  // "giá trị trung bình chỉ số CCHC của các tỉnh, thành phố đạt 88,37%": the national average is the country's figure.
  const averageLead = folded.slice(Math.max(zones.sentence.start, c.hedgeStart - 120), c.hedgeStart);
  const nationalAverage = INDEX_METRICS.has(cls.metric) && /(?:trung binh|binh quan)/.test(averageLead) &&
    /(?:ca nuoc|toan quoc|cac tinh|tinh, thanh pho|63 tinh|34 tinh)/.test(averageLead) && !/(?:^|\s)(?:bo|co quan ngang bo)(?:,|\s|$)/.test(averageLead.slice(-60));
  if ((cls.metric === 'par_index_score' || cls.metric === 'service_index_score') && kind === 'actual' && !change) {
    if (c.comparator !== 'eq' && role?.role !== 'from') return dropAs('index_band');
    if (!nationalAverage && /(?:trung binh|binh quan)/.test(folded.slice(Math.max(zones.sentence.start, c.hedgeStart - 80), c.hedgeStart))) return dropAs('index_average');
  }
  // "trung bình cả nước là 87,16%, tỉnh cao nhất là 94,07%": statistics of a ranking, nobody's own figure.
  if ((INDEX_METRICS.has(cls.metric) || cls.metric === 'satisfaction_rate' || cls.metric === 'sipas_score') && !change && !nationalAverage &&
    /(?:trung binh(?: chung)?(?: cua)?(?: ca nuoc| cac tinh| toan quoc)?|binh quan|cao nhat|thap nhat) (?:la|dat|voi)?\s*$/.test(folded.slice(Math.max(zones.ownLeft.start, c.hedgeStart - 40), c.hedgeStart))) {
    return dropAs('ranking_statistic');
  }
  // "13.529 hồ sơ trước hạn": a count of dossiers on time is a share's numerator, not the rate; "5.171/5.208" is kept.
  if (cls.metric === 'on_time_rate' && c.unit === 'count' && !c.ratio && c.total === null) return dropAs('on_time_count');
  // "tiếp nhận tổng cộng 19.361 hồ sơ, trong đó có 16.041 hồ sơ tiếp nhận mới, số còn lại từ kỳ trước chuyển sang": the
  // total with the backlog carried over is not the dossiers received in the period ('other').
  if ((cls.metric === 'dossiers_received' || cls.metric === 'dossiers_resolved') && c.unit === 'count' && WITH_CARRIED_OVER_RE.test(folded.slice(c.nounEnd, zones.sentence.end))) {
    cls = { ...cls, metric: 'other' };
  }
  if ((cls.metric === 'dossiers_received' || cls.metric === 'dossiers_resolved' || cls.metric === 'online_dossiers') &&
    (PENDING_AFTER_RE.test(folded.slice(c.nounEnd, c.nounEnd + 40)) || PENDING_BEFORE_RE.test(folded.slice(Math.max(zones.ownLeft.start, c.hedgeStart - 30), c.hedgeStart)))) {
    return dropAs('pending_dossiers');
  }
  // "số hóa 57.877 hồ sơ đầu vào": dossiers digitised are not dossiers received or resolved (the catalogue has the share).
  if (c.unit === 'count' && /(?:^|\s)so hoa(?:\s|$)/.test(folded.slice(Math.max(zones.ownLeft.start, c.hedgeStart - 25), c.hedgeStart))) return dropAs('digitised_count');
  // "từ 88,05% xuống …" is a level, not "from 88,05% up".
  let comparator: Comparator = role?.role === 'from' ? 'eq' : c.comparator;
  // A bare target ("phấn đấu 98% hồ sơ đúng hạn", "tăng 3%") is a floor; for lower-is-better metrics a ceiling.
  if (kind === 'target' && comparator === 'eq' && c.upperBound === null && !c.approximate && (change || (c.unit === 'percent' && c.value < 100))) {
    comparator = LOWER_IS_BETTER_METRICS.has(cls.metric) && !change ? 'lte' : 'gte';
  }
  let subject = subjectFor(text, folded, zones.ownLeft, c, state.ctx, zones.sentence, state.inheritedScope);
  // A department's "Chỉ số CCHC của tỉnh đạt …" is the province's index; "của Sở" keeps the department.
  // An index component ("Chỉ đạo điều hành: đạt 7,25/9 điểm – xếp thứ 21/63", 'other' scores and ranks) likewise.
  const indexComponent = cls.metric === 'other' && (c.unit === 'score' || c.unit === 'rank') && isAgencyPublisher(state.ctx);
  if (!subject.explicit && (INDEX_METRICS.has(cls.metric) || cls.metric === 'sipas_score' || cls.metric === 'satisfaction_rate' || indexComponent)) {
    const ownClause = folded.slice(zones.sentence.start, c.hedgeStart);
    // A department's portal reports the province's indices unless the sentence speaks of the department ("của Sở").
    // "Sở" as spelt: folded, "chỉ số" (the index) would read as "số" = "sở".
    const ownClauseText = text.slice(zones.sentence.start, c.hedgeStart);
    if ((/(?:^|\s)tinh(?! uy)(?:\s|$)/.test(ownClause) || isAgencyPublisher(state.ctx)) && !/(?:^|\s)[Ss]ở(?:\s|$)/u.test(ownClauseText.slice(-60))) subject = publisherProvince(state.ctx) ?? subject;
  }
  if (cls.fromTopic && !subject.explicit && !nationalAverage) return dropAs('unattributed_index_share');
  if (state.national && !subject.explicit && subject.scope === 'unit') subject = NATIONAL_ARTICLE_SUBJECT;
  subject = defaultProvinceTotal(subject, cls.metric, state.ctx, text.slice(zones.sentence.start, c.hedgeStart)) ?? subject;
  // "tốc độ tăng trưởng kinh tế (GRDP) đạt 7,33%": economic shares in an index article are no index score.
  if (cls.fromTopic && NON_REFORM_SHARE_RE.test(folded.slice(zones.sentence.start, c.hedgeStart))) return dropAs('not_a_reform_share');
  // "trung bình … của các tỉnh, thành phố" is the country's figure or the provinces' average: the corpus labels it
  // both ways, so without "cả nước"/"toàn quốc" it is marked uncertain.
  if (nationalAverage || (change && zones.sentence.start === state.nationalSentence)) {
    subject = nationalAverage && !/(?:ca nuoc|toan quoc)/.test(averageLead) ? PROVINCES_AVERAGE_SUBJECT : NATIONAL_SUBJECT;
  }
  if (nationalAverage) state.nationalSentence = zones.sentence.start;
  // "… là Kiên Giang (đạt 79,97%). Tỉnh này cũng xếp hạng 63/63": the demonstrative is the unit last named.
  if (!subject.explicit && state.lastNamed && zones.sentence.start - state.lastNamed.sentenceStart <= DEMONSTRATIVE_REACH &&
    DEMONSTRATIVE_UNIT_RE.test(text.slice(zones.sentence.start, c.hedgeStart))) subject = state.lastNamed.subject;
  // "Phường 4 đạt 96 điểm, xếp thứ 1": in a ranking the rank belongs to the unit just named with its score.
  if (!subject.explicit && c.unit === 'rank' && state.lastNamed?.sentenceStart === zones.sentence.start) subject = state.lastNamed.subject;
  if (subject.explicit && subject.scope === 'unit' && subject.name !== state.ctx.publisher?.name) state.lastNamed = { subject, sentenceStart: zones.sentence.start };
  const key = [cls.metric, value, c.total, c.upperBound, c.unit, kind, comparator, change, period.year, period.fromMonth, period.toMonth, subject.name, subject.scope].join('|');
  if (state.seen.has(key)) return dropAs('duplicate_statement');
  state.seen.add(key);
  // "xếp thứ 2 khu vực Tây Nguyên", "thứ 5/14 tỉnh trong vùng": a regional rank is not the national one.
  if (c.unit === 'rank' && !change && /^[^,;.]{0,30}?(?:khu vuc|trong vung|vung |mien )/.test(folded.slice(c.end, c.end + 40))) return dropAs('regional_rank');
  // "tăng 1 bậc, từ thứ 5 lên thứ 4 trong vùng": a move in a regional ranking is not the national rank's ('other').
  if (c.unit === 'rank' && INDEX_METRICS.has(cls.metric) && isRegionalRank(folded, zones, c)) cls = { ...cls, metric: 'other' };
  const figure: ExtractedFigure = {
    metric: cls.metric,
    value,
    total: c.total,
    upperBound: c.upperBound,
    unit: c.unit,
    kind,
    comparator,
    approximate: c.approximate,
    change,
    baselineYear,
    period,
    subject,
    evidence: { sentence: text.slice(zones.sentence.start, zones.sentence.end), start: zones.sentence.start, end: zones.sentence.end, numberStart: c.start, numberEnd: c.end },
    confidence: 0,
  };
  const publisherName = state.ctx.publisher?.name ?? '';
  const signals: FigureSignals = {
    metric: cls.metric, unit: c.unit, cueZone: cls.zone, cueFallback: cls.fromTopic === true || cls.score === 0, cueScore: cls.score, runnerUp: cls.runnerUp,
    usualUnit: USUAL_UNIT.get(cls.metric) === c.unit, kind, kindExplicit: explicit, change, approximate: c.approximate,
    comparatorEq: comparator === 'eq', ratio: c.ratio,
    // The country by default in a national article is no mention: it counts as the publisher's default.
    subjectSource: subject === NATIONAL_ARTICLE_SUBJECT ? 'publisher' : subject === NATIONAL_SUBJECT || subject === PROVINCES_AVERAGE_SUBJECT ? 'national' : subject.scope !== 'unit' ? 'scope' : subject.explicit && subject.name !== publisherName ? 'named' : 'publisher',
    subjectUncertain: isSubjectUncertain(subject),
    periodSource: period.year === null ? 'none' : periodSource, periodMonths: period.fromMonth !== null,
    unitsInSentence: unitsNamedIn(state, zones.sentence), numbersInSentence: state.sentenceNumbers, sentenceChars: zones.sentence.end - zones.sentence.start,
    restated: isRestated(state, c), dated: state.ctx.publishedAt !== null, value: c.value,
    breakdown: /(?:^|\s)trong (?:do|so)(?:\s|,|:)/.test(folded.slice(zones.sentence.start, c.hedgeStart)),
  };
  figure.confidence = probability(signals);
  state.signals.set(figure, signals);
  state.figures.push(figure);
  if (c.unit === 'percent' && cls.metric !== 'other' && kind === 'actual' && !change) state.lastShareMetric = cls.metric;
  if (periodDefaulted) state.defaulted.add(figure);
}

/** Whether the number as written ("98,7%", "43.215") appears elsewhere in the article or its title. */
function isRestated(state: DocState, c: Candidate): boolean {
  const written = state.text.slice(c.start, c.end).replace(/\s+/g, ' ').trim();
  if (written.length < 2) return false;
  return state.text.indexOf(written) !== c.start || state.text.indexOf(written, c.end) >= 0 || (state.ctx.title ?? '').includes(written);
}

/** Units named in a sentence (cached per sentence): several mean a ranking or comparison, where subjects go wrong. */
function unitsNamedIn(state: DocState, sentence: Span): number {
  let n = state.unitsNamed.get(sentence.start);
  if (n === undefined) {
    n = countNamedUnits(state.text, state.folded, sentence, state.ctx);
    state.unitsNamed.set(sentence.start, n);
  }
  return n;
}
