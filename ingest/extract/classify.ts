/**
 * Metric classification: which catalogued metric a candidate number measures, from the lexicon cues around it.
 *
 * A cue may sit before the number ("tỷ lệ hài lòng đạt 92%") or after it ("98% hồ sơ … được giải quyết đúng
 * hạn"). Each number owns the text between it and its neighbours (split at the first separator), so in
 * "mức độ 3 đối với 33 thủ tục và mức độ 4 đối với 5 thủ tục" each count gets its own level. Cues further away in
 * the clause or earlier in the sentence count for less.
 *
 * Public surface: `findCues`, `classifyCandidate`, `metricAccepts`, `cueMetrics`, `namesOwnShare`, `CueHit`, `Classification`, `CandidateZones`.
 */
import type { Candidate } from './candidates';
import { levelMentions } from './candidates';
import { COMPLETION_CUES, METRIC_CUES, type MetricCueEntry, type NounClass } from './lexicon';
import { NOUN_ALTERNATION, nounClassOf } from './nouns';
import { matchesOf } from './regex';
import type { Span } from './sentences';

export interface CueHit extends Span {
  cue: string;
}

export interface CandidateZones {
  /** Text this number owns before it (after the previous number's phrase). */
  ownLeft: Span;
  /** Text this number owns after it (up to the next number's share). */
  ownRight: Span;
  clause: Span;
  sentence: Span;
}

export interface Classification {
  metric: string;
  score: number;
  /** Score of the best other metric (0 when none): a small margin means an ambiguous figure. */
  runnerUp: number;
  /** Where the deciding cue was: its own context, elsewhere in the clause, or earlier in the sentence. */
  zone: 'own' | 'clause' | 'sentence';
  /** true when some metric cue sits in the number's own context (false: it was read from further away). */
  ownCue?: boolean;
  /** Read from the article's topic (the index it last named), not from a cue of the figure's own sentence. */
  fromTopic?: boolean;
}

/**
 * Desk, portal and agency names contain cue words ("tiếp nhận", "trả kết quả"; the inspectorate "Thanh tra tỉnh" holds
 * "thanh tra"; a director, "Giám đốc", folds to the cut "giam") that say nothing about the number; so do "giám sát"
 * (oversight) and "giám định" (appraisal); a tax office's division "Phòng Kiểm tra 1", "Phòng Kiểm tra thuế số 2" holds
 * "kiểm tra" (d7654); "đến thời điểm kiểm tra" (at the time of the inspection) dates a result (d1644).
 */
const MASK_RE = /bo phan (?:tiep nhan va tra ket qua|tn ?& ?tkq|mot cua)(?: [a-z ]{0,40}?(?:hanh chinh|ho so))?|trung tam (?:phuc vu )?hanh chinh cong|cong thong tin dien tu|trang thong tin dien tu|thanh tra (?:tinh|thanh pho|huyen|quan|thi xa|chinh phu|bo|so)(?![a-z])|(?<![a-z])giam (?:doc|sat|dinh)(?![a-z])|he thong thong tin giai quyet (?:thu tuc hanh chinh|tthc)(?![a-z])|(?<![a-z])phong (?:kiem tra|thanh tra)(?: thue)?(?: so)?(?= \d)|(?<![a-z])(?:den|tai|vao) thoi diem (?:kiem tra|thanh tra)(?![a-z])/g;

/** Every {@link MASK_RE} match contains one of these: without them the mask is not run. */
const MASK_LEADS = ['bo phan ', 'trung tam ', 'thong tin dien tu', 'thanh tra ', 'giam ', 'thong tin giai quyet ', 'phong ', 'thoi diem '];

/** How far back "tỷ lệ X"/"số lượng X" may sit; also keeps the lookup O(1) per number on huge clauses. */
const NOUN_BEFORE_WINDOW = 160;
/** Below this score no cue is close enough to say what the number measures. */
const MIN_SCORE = 1.6;
/** Distance (chars) at which a cue's pull halves. */
const DECAY_CHARS = 60;
const ZONE_FACTOR = { left: 1, right: 0.85, clause: 0.35, sentence: 0.15 } as const;

const ENTRIES_BY_CUE = new Map<string, MetricCueEntry[]>();
for (const entry of METRIC_CUES) {
  for (const cue of [...entry.cues, ...(entry.requires ?? [])]) {
    const list = ENTRIES_BY_CUE.get(cue) ?? [];
    if (entry.cues.includes(cue) && !list.includes(entry)) list.push(entry);
    ENTRIES_BY_CUE.set(cue, list);
  }
}
for (const cue of COMPLETION_CUES) if (!ENTRIES_BY_CUE.has(cue)) ENTRIES_BY_CUE.set(cue, []);

/** All cue phrases, longest first, at word boundaries. Synthetic '@' cues come from `levelMentions`. */
const CUE_RE = new RegExp(
  `(?<![a-z0-9])(?:${[...ENTRIES_BY_CUE.keys()]
    .filter((c) => !c.startsWith('@'))
    .sort((a, b) => b.length - a.length)
    .map((c) => c.replace(/ /g, '\\s+'))
    .join('|')})(?![a-z0-9])`,
  'g',
);

/** "tỷ lệ hồ sơ …", "số lượng thủ tục …": the noun a percentage or count before the number is about. */
const NOUN_BEFORE_RE = new RegExp(`(?<![a-z0-9])(?:ty le|so luong|tong so|(?<!(?:ho|co) )so)\\s+(?:cac\\s+)?(${NOUN_ALTERNATION})(?![a-z0-9])`, 'g');

/**
 * "thẩm quyền giải quyết", "yêu cầu giải quyết", "đề nghị giải quyết", "đến hạn giải quyết": the verb names whose
 * competence it is, what is asked, or what is due — not dossiers resolved.
 */
const NOT_RESOLVING_BEFORE_RE = /(?:tham quyen|yeu cau|de nghi|den han)\s+$/;

/** Every cue in folded[span] (desk names masked), plus synthetic service-level cues. */
export function findCues(folded: string, span: Span): CueHit[] {
  let slice = folded.slice(span.start, span.end);
  if (MASK_LEADS.some((w) => slice.includes(w))) slice = slice.replace(MASK_RE, (m) => ' '.repeat(m.length));
  const hits: CueHit[] = [];
  for (const m of matchesOf(CUE_RE, slice)) {
    if (m[0].startsWith('giai quyet') && NOT_RESOLVING_BEFORE_RE.test(slice.slice(Math.max(0, (m.index ?? 0) - 12), m.index))) continue;
    const start = span.start + (m.index ?? 0);
    hits.push({ start, end: start + m[0].length, cue: m[0].replace(/\s+/g, ' ') });
  }
  for (const level of levelMentions(folded, span.start, span.end)) {
    const set = new Set(level.levels);
    const cue = set.has(3) && set.has(4) ? '@l34' : set.has(3) ? '@l3' : set.has(4) ? '@l4' : '@l12';
    hits.push({ start: level.start, end: level.end, cue });
  }
  return hits.sort((a, b) => a.start - b.start);
}

/**
 * A clause whose grammatical subject is dossiers ("Hồ sơ tiếp nhận qua dịch vụ công trực tuyến mức độ 3, 4 đạt
 * 20,43%", "Số hồ sơ … đạt 61%"): a share in it with no noun of its own is a share of dossiers, not of services.
 */
const DOSSIER_SUBJECT_RE = /^[\s\-–•*+]*(?:(?:tong )?so (?:luong )?|cac |toan bo )?(?:ho so|hs)(?![a-z0-9])/;

/** The noun a number is about when none follows it: the last "tỷ lệ X"/"số lượng X" in its own left context. */
function nounBefore(folded: string, from: number, to: number): NounClass | null {
  let noun: NounClass | null = null;
  const slice = folded.slice(from, to);
  if (!slice.includes('ty le') && !slice.includes('so ')) return null; // cheap test before the big alternation
  let after = '';
  for (const m of matchesOf(NOUN_BEFORE_RE, slice)) {
    noun = nounClassOf(m[1]);
    after = slice.slice((m.index ?? 0) + m[0].length);
  }
  // "tỷ lệ người dân, doanh nghiệp nộp hồ sơ trực tuyến đạt 70,5%": the share of filers is the share of dossiers filed.
  if (noun === 'nguoi' && PEOPLE_FILING_AFTER_RE.test(after)) return 'hoso';
  return noun;
}

/** After "tỷ lệ người dân …": the people file dossiers ("… nộp hồ sơ trực tuyến", "… sử dụng dịch vụ công trực tuyến"). Folded. */
const PEOPLE_FILING_AFTER_RE = /^(?:\s*,?\s*(?:va\s+)?(?:nguoi dan|to chuc|ca nhan|doanh nghiep|cong dan))*\s+(?:da\s+)?(?:nop ho so|nop truc tuyen|gui ho so|thuc hien thu tuc|su dung dich vu cong)(?![a-z])/;

/** Whether `ch` occurs in folded[from, to) (no slice). */
function charIn(folded: string, ch: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (folded[i] === ch) return true;
  return false;
}
/** A rank's field written as a list of unit kinds ("14/63 tỉnh, thành phố", "3/20 sở, ban, ngành"). Folded. */
const RANK_FIELD_LIST_RE = /^\s*(?:tinh, thanh(?: pho)?|huyen, thi xa, thanh pho|huyen, thanh pho|xa, phuong(?:, thi tran)?|so, ban, nganh|so, nganh|bo, nganh|bo, co quan ngang bo)(?![a-z])/;
/**
 * Whether a comma stands between a number and a cue after it, not counting the commas of a rank's field: in "xếp thứ
 * 14/63 tỉnh, thành phố về chỉ số chỉ đạo, điều hành …" the index named after the field is the rank's (d131).
 */
function commaBetween(folded: string, c: Candidate, to: number): boolean {
  const field = c.unit === 'rank' ? RANK_FIELD_LIST_RE.exec(folded.slice(c.end, Math.min(to, c.end + 40))) : null;
  return charIn(folded, ',', field ? c.end + field[0].length : c.end, to);
}
/** A standard's name and number ("TCVN ISO 9001:2015", "ISO 9001"): no figure of its own. Folded. */
const STANDARD_NUMBER_RE = /(?:iso|tcvn)\s*\d{4,5}(?:\s*:\s*\d{4})?/g;
/** {@link digitIn}, not counting a standard's number: "… áp dụng hệ thống quản lý chất lượng theo TCVN ISO 9001:2015". */
function figureDigitIn(folded: string, from: number, to: number): boolean {
  if (!digitIn(folded, from, to)) return false;
  return /\d/.test(folded.slice(from, to).replace(STANDARD_NUMBER_RE, ''));
}
/** Whether a digit occurs in folded[from, to) (no slice; the clause bounds the scan). */
function digitIn(folded: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = folded.charCodeAt(i);
    if (code >= 48 && code <= 57) return true;
  }
  return false;
}
/** Words that may stand between a count's noun and the qualifier that says what it counts: "hồ sơ bị trễ hạn". */
export const QUALIFIER_GAP_RE = /^\s*(?:(?:bi|duoc|da|deu|van|con) ){0,2}$/;

/** A cue before a comma that precedes the number usually describes another phrase ("… hồ sơ tiếp nhận, có 1.004 …"). */
const COMMA_BETWEEN_FACTOR = 0.7;
/** Completion verbs must sit close to a count they qualify ("hoàn thành 6 chỉ tiêu", "30/31 đầu việc … hoàn thành"). */
const REQUIRES_AFTER_CHARS = 25;

function placeHit(folded: string, hit: CueHit, c: Candidate, z: CandidateZones): { factor: number; dist: number; zone: Classification['zone'] } | null {
  if (hit.end <= c.hedgeStart && hit.start >= z.ownLeft.start) {
    const comma = folded.slice(hit.end, c.hedgeStart).includes(',');
    return { factor: ZONE_FACTOR.left * (comma ? COMMA_BETWEEN_FACTOR : 1), dist: c.hedgeStart - hit.end, zone: 'own' };
  }
  // After the number, distance counts from the end of its noun phrase: "76 dịch vụ công trực tuyến mức độ 4".
  if (hit.start >= c.end && hit.end <= Math.max(z.ownRight.end, c.nounEnd)) return { factor: ZONE_FACTOR.right, dist: Math.max(0, hit.start - c.nounEnd), zone: 'own' };
  // "đạt tỷ lệ 98,8%, tỷ lệ hồ sơ trực tuyến đạt 85,7%": a cue past a comma after the number, with a number after it
  // in the clause, is that number's own cue, not this one's — unless it qualifies this number's noun right after it
  // ("625 hồ sơ bị trễ hạn chiếm 7,76%").
  if (hit.start >= c.end && hit.start >= z.ownRight.end && z.ownRight.end > c.end && hit.end < z.clause.end && commaBetween(folded, c, hit.start) && figureDigitIn(folded, hit.end, z.clause.end) &&
    !(c.noun !== null && hit.start <= c.nounEnd + 12 && QUALIFIER_GAP_RE.test(folded.slice(c.nounEnd, hit.start)))) return null;
  if (hit.start >= z.clause.start && hit.end <= z.clause.end) {
    const dist = hit.end <= c.start ? c.start - hit.end : Math.max(0, hit.start - c.end);
    return { factor: ZONE_FACTOR.clause, dist, zone: 'clause' };
  }
  if (hit.end <= z.clause.start && hit.start >= z.sentence.start) return { factor: ZONE_FACTOR.sentence, dist: z.clause.start - hit.end, zone: 'sentence' };
  return null;
}

/** Right after a count's noun: what is still to be done ("nhiệm vụ cần …", "phải …", "chưa …"). Folded. */
const PENDING_AFTER_NOUN_RE = /^\s*(?:can|phai|chua|dang)(?![a-z])/;

/** Pick the metric for one candidate, or null when no cue is close enough. */
export function classifyCandidate(folded: string, c: Candidate, zones: CandidateZones, hits: readonly CueHit[]): Classification | null {
  // Days, scores and ranks are never "of" a noun; "tỷ lệ hồ sơ" earlier in the clause says nothing about them.
  const nounless = c.unit === 'day' || c.unit === 'score' || c.unit === 'rank';
  const noun = nounless
    ? c.noun
    : c.noun ??
    nounBefore(folded, Math.max(zones.ownLeft.start, c.hedgeStart - NOUN_BEFORE_WINDOW), c.hedgeStart) ??
    // "tỷ lệ thủ tục … đạt 100%, hồ sơ tiếp nhận trực tuyến đạt 96%": a share whose own part opens with dossiers is theirs,
    // not of the procedures the clause named first (d2451).
    (c.unit === 'percent' && zones.ownLeft.start > zones.clause.start &&
      DOSSIER_SUBJECT_RE.test(folded.slice(zones.ownLeft.start, Math.min(c.hedgeStart, zones.ownLeft.start + 24))) ? 'hoso' : null) ??
    nounBefore(folded, Math.max(zones.clause.start, c.hedgeStart - NOUN_BEFORE_WINDOW), c.hedgeStart) ??
    (c.unit === 'percent' && DOSSIER_SUBJECT_RE.test(folded.slice(zones.clause.start, Math.min(c.hedgeStart, zones.clause.start + 24))) ? 'hoso' : null);
  const best = new Map<string, { score: number; zone: Classification['zone'] }>();
  /** Cues close enough to satisfy a metric's `requires`. */
  const present: string[] = [];
  let ownCue = false;
  const consider = (entry: MetricCueEntry, score: number, zone: Classification['zone']): void => {
    if (!entry.units.includes(c.unit) || !entry.nouns.includes(noun)) return;
    const prev = best.get(entry.metric);
    if (!prev || prev.score < score) best.set(entry.metric, { score, zone });
  };
  // "Tỷ lệ thanh toán trực tuyến khi người dân … thực hiện thủ tục trực tuyến đạt 68,14%": the measure a share names at
  // its head is what it measures, however long the clause that qualifies it (d3106).
  const head = c.unit === 'percent' && c.noun === null ? shareHead(folded, zones.ownLeft.start, c.hedgeStart) : null;
  for (const hit of hits) {
    const found = placeHit(folded, hit, c, zones);
    if (!found) continue;
    const place = head && found.zone === 'own' && hit.start >= head.start && hit.start < head.end ? { ...found, dist: 0 } : found;
    // A percentage of tasks may put its verb further on ("100% nhiệm vụ … được triển khai và hoàn thành").
    if (place.zone === 'own' && (c.unit === 'percent' || hit.end <= c.hedgeStart || hit.start - c.nounEnd <= REQUIRES_AFTER_CHARS)) present.push(hit.cue);
    if (place.zone === 'own' && (ENTRIES_BY_CUE.get(hit.cue)?.length ?? 0) > 0) ownCue = true;
    for (const entry of ENTRIES_BY_CUE.get(hit.cue) ?? []) {
      consider(entry, (entry.weight * place.factor) / (1 + place.dist / DECAY_CHARS), place.zone);
    }
  }
  for (const entry of METRIC_CUES) {
    if (c.noun && entry.nounIsCue?.includes(c.noun)) consider(entry, entry.weight, 'own');
  }
  const ranked = [...best.entries()]
    .filter(([metric]) => {
      // "cập nhật được 99,5% thông tin của công dân", "100% kết quả xử lý hồ sơ … được đồng bộ và công khai", the PAPI
      // dimension 'Công khai, minh bạch': a publication verb makes a share the procedures published only when procedures
      // are what it is a share of ("100% thủ tục hành chính được công khai", "Tỷ lệ TTHC công bố đúng hạn: 73,91%").
      if (metric === 'procedures_published_rate') return noun === 'thutuc';
      // "giảm" alone cuts anything ("hồ sơ chậm hạn giảm 3,86%"): a staff cut needs staff, or a cut verb of its own, or
      // "giảm" with the staff right after it ("thực hiện giảm biên chế công chức đạt 11,43%", d6553).
      if (metric === 'staff_reduction' && c.noun !== 'bienche' && c.noun !== 'nguoi') {
        return present.some((p) => p === 'tinh gian' || p === 'cat giam' || p === 'tinh gian bien che' || p === 'giam bien che');
      }
      const entry = METRIC_CUES.find((e) => e.metric === metric && e.requires);
      // A ratio "7/8 chỉ tiêu" is itself an achievement; a plain count needs its completion verb. Not tasks still to do
      // ("208/401 nhiệm vụ cần phân cấp, phân quyền … đã được giao cho các địa phương"; d1812).
      if (c.ratio && (metric === 'targets_met' || metric === 'tasks_completed') && PENDING_AFTER_NOUN_RE.test(folded.slice(c.nounEnd, c.nounEnd + 12))) return false;
      if (!entry?.requires || (c.ratio && (metric === 'targets_met' || metric === 'tasks_completed'))) return true;
      return entry.requires.some((r) => present.some((p) => p === r || p.startsWith(`${r} `) || p.endsWith(` ${r}`)));
    })
    .sort((a, b) => b[1].score - a[1].score);
  if (ranked.length === 0 || ranked[0][1].score < MIN_SCORE) return null;
  return { metric: ranked[0][0], score: ranked[0][1].score, runnerUp: ranked[1]?.[1].score ?? 0, zone: ranked[0][1].zone, ownCue };
}

/** The metrics a cue phrase speaks for (empty for completion verbs and unknown phrases). */
export function cueMetrics(cue: string): string[] {
  return (ENTRIES_BY_CUE.get(cue) ?? []).map((e) => e.metric);
}

/** Whether a metric accepts a candidate's unit and head noun (used when a figure inherits its neighbour's metric). */
export function metricAccepts(metric: string, c: Candidate): boolean {
  return METRIC_CUES.some((e) => e.metric === metric && e.units.includes(c.unit) && (c.noun === null || e.nouns.includes(c.noun)));
}

/** What "tỷ lệ" may be followed by without naming a measure: a restatement, a verb or a comparison ("tỷ lệ này", "tỷ lệ đạt"). */
const NOT_A_MEASURE = String.raw`(?!(?:nay|tren|do|chung|tuong ung|la|dat|chi|chiem|cua|cao|thap|tang|giam|hon|so|khoang|gan|binh quan|trung binh|tong the|con|van|cung)(?![a-z]))`;

/**
 * A share whose own part of the clause opens by naming what it is a share of ("Tỉ lệ hồ sơ cấp kết quả điện tử … đạt
 * 78,87%", "tỷ lệ rút hồ sơ, trả lại chiếm trên 10%", "tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ đạt 80%"). Not a
 * restatement ("tỷ lệ này", "tỷ lệ chung", "tỷ lệ tương ứng") nor "tỷ lệ" with the number right after it ("với tỷ lệ
 * 74,84%", "chiếm tỷ lệ 3,26%").
 */
const NAMED_SHARE_RE = new RegExp(String.raw`^[\s\-–•*+]*(?:(?:con|va|nhung|trong do|ngoai ra|dong thoi|rieng|tuy nhien),?\s+)?t[iy] le\s+${NOT_A_MEASURE}[a-z]`);

/** "tỷ lệ" and the first words after it, where they name a measure; group 1: "tỷ lệ" and its space. */
const SHARE_HEAD_RE = new RegExp(String.raw`(?<![a-z])(t[iy] le\s+)${NOT_A_MEASURE}[a-z]{1,12}(?: [a-z]{1,12}){0,2}`, 'g');

/** The head of the last named share in `[from, to)`: where its measure words begin and end, or null. */
function shareHead(folded: string, from: number, to: number): Span | null {
  let last: RegExpExecArray | null = null;
  SHARE_HEAD_RE.lastIndex = 0;
  const slice = folded.slice(from, to);
  for (let m = SHARE_HEAD_RE.exec(slice); m; m = SHARE_HEAD_RE.exec(slice)) last = m;
  if (!last) return null;
  return { start: from + last.index + last[1].length, end: from + last.index + last[0].length };
}

/** Whether a percentage names its own measure with "tỷ lệ …" at the head of the text it owns (see {@link NAMED_SHARE_RE}). */
export function namesOwnShare(folded: string, c: Candidate, zones: CandidateZones): boolean {
  if (c.unit !== 'percent' || c.noun !== null) return false;
  return NAMED_SHARE_RE.test(folded.slice(zones.ownLeft.start, c.hedgeStart));
}
