/**
 * Actual vs target, and levels vs changes.
 *
 * A figure is a target when a commitment word precedes it in its sentence ("phấn đấu", "cam kết", "yêu cầu …"),
 * when "trở lên"/"trở xuống" bounds it, when a modal follows it ("100% bộ phận … phải …"), or when it sits in a
 * list a commitment introduced ("ký cam kết thực hiện 9 chỉ tiêu, cụ thể:"). An achievement word closer to the
 * number ("đã đạt") wins over an earlier commitment word.
 *
 * "giảm từ 10,85% xuống 1,31%" states two levels, not a change: `levelRole` tells the earlier from the later.
 *
 * Public surface: `detectKind`, `detectChange`, `isExtremeMove`, `levelRole`, `opensTargetList`, `closesTargetList`,
 * `namesCommitment`, `detailsPrevious`, `DOSSIERS_DUE_RE`.
 */
import type { FigureKind } from '../types';
import type { Candidate } from './candidates';
import { ACTUAL_CUES, TARGET_CUES, TARGET_CUES_ACCENTED } from './lexicon';
import { COORDINATED_MOVE_BEFORE_RE } from './non-figures';
import { foldForMatching } from './normalize';
import { MEASURE_NAMED_AGAIN, type PeriodMention } from './periods';
import { matchesOf } from './regex';
import type { Span } from './sentences';

const phraseRe = (phrases: readonly string[], flags = 'g'): RegExp =>
  new RegExp(`(?<![a-z0-9])(?:${[...phrases].sort((a, b) => b.length - a.length).map((p) => p.replace(/ /g, '\\s+')).join('|')})(?![a-z0-9])`, flags);

const TARGET_RE = phraseRe(TARGET_CUES);
/** The accented cues as `foldForMatching` writes them ("đặt chỉ tiêu" → "dat chi tieu"). */
const TARGET_CUES_ACCENTED_FOLDED = TARGET_CUES_ACCENTED.map((c) => foldForMatching(c));
const TARGET_TEST_RE = phraseRe(TARGET_CUES, '');
/** How far before a number its sentence's commitment words are looked for. */
const KIND_WINDOW_CHARS = 400;
const ACTUAL_RE = phraseRe(ACTUAL_CUES);
/** "hồ sơ (thủ tục hành chính) đã được <verb>": a participle describing dossiers, results or data, not a result reached. Folded. */
const PARTICIPLE_AFTER_NOUN_RE = /(?<![a-z])(?:ho so|tthc|thu tuc hanh chinh|ket qua(?: giai quyet)?|du lieu)(?: [a-z]+){0,3} da duoc [a-z]+(?: [a-z]+)?$/;
/** "hồ sơ có yêu cầu nghĩa vụ tài chính": procedures that require fees, the whole of an e-payment share (d2310). */
const YEU_CAU_FEES_RE = /^yeu cau\s+(?:(?:thuc hien )?nghia vu tai chinh|thanh toan|nop phi|phi|le phi)(?![a-z])/;
/**
 * "đáp ứng yêu cầu", "đạt yêu cầu", "theo yêu cầu", "đảm bảo yêu cầu về chất lượng" (d5100), "11.400 yêu cầu cấp phiếu"
 * (requests counted, d4705): a noun, not the verb "requires".
 */
const YEU_CAU_NOUN_RE = /(?:dap ung|dat|theo|dung|dat duoc|chua dat|dam bao|bao dam|ho so|hs|ca nhan|to chuc|\d)\)?\s+$/;
/**
 * Right before "mục tiêu": the target met ("hoàn thành (sớm / vượt / trước thời hạn)", "đạt được", "vượt"). Folded; not a
 * bare "dat", which is also "đặt mục tiêu" (sets a target).
 */
/** Before "đạt được mục tiêu": a purpose ("để (có thể)"), the target still ahead. Folded. */
const PURPOSE_BEFORE_RE = /(?<![a-z])de (?:co the )?(?:dat duoc|hoan thanh)\s+$/;
const TARGET_MET_BEFORE_RE = /(?<![a-z])(?:hoan thanh(?: (?:som|vuot|truoc thoi han))?|dat duoc|vuot)\s+$/;
/** A modal right after the figure's noun phrase: "100% bộ phận … phải thực hiện khảo sát". */
const MODAL_AFTER_RE = /^[^,;()]{0,60}?(?<![a-z0-9])(?<!(?:do|khong) )(?:phai|can phai|se)(?![a-z0-9])/;
/** The dossiers due, a report's workload: "(tổng) số hồ sơ phải giải quyết", "20.415 hồ sơ phải giải quyết". Folded. */
export const DOSSIERS_DUE_RE = /(?:ho so|hs)\s+(?:can |con )?phai (?:xem xet,? )?(?:giai quyet|xu ly)(?![a-z])(?!\s+(?:dung|truoc|trong|xong|kip|dut))/;
const REQUIREMENT_HEDGE_RE = /(?<![a-z0-9])(?:toi thieu|it nhat|khong qua|toi da|khong vuot qua)(?![a-z0-9])/;
const BOUND_AFTER_RE = /^[^,;.()]{0,30}?(?<![a-z0-9])tro (?:len|xuong)(?![a-z0-9])/;
/**
 * A norm named right before the number, or before a list of levels' norms: "(chỉ tiêu 35%)", "chỉ tiêu là 80%", "được
 * quy định 50%", "được quy định cấp tỉnh 70%, cấp huyện 60% và cấp xã 55%", "vượt mục tiêu kế hoạch đề ra là 96%" (d2130).
 * ("đạt chỉ tiêu" alone meets one: no cue.)
 */
const NORM_BEFORE_RE = /(?:^|[\s(,;:])(?:\(\s*chi tieu|\(\s*theo ke hoach(?: la)?|chi tieu (?:la|giao|de ra|dat ra)|muc tieu(?: ke hoach)? (?:de ra|dat ra|duoc giao) (?:la|:)|duoc quy dinh(?: (?:la|o muc))?|(?<!(?:dung|theo|voi|so voi) )quy dinh (?:la|o muc))\s*:?\s*(?:cap (?:tinh|huyen|xa)\s*\d[\d.,]*\s*%\s*(?:,|va|,\s*va)\s*)*(?:cap (?:tinh|huyen|xa)\s*)?$/;

/**
 * The target a result passed or is set against, its number right after it: "đạt 71%, … vượt mục tiêu tối thiểu 65%"
 * (d2655; the floor is within the number's hedge), "so với chỉ tiêu 90%", "vượt kế hoạch đề ra là 35%" (d2753), "vượt chỉ
 * tiêu toàn quốc là 60%" (d2406). Not "hoàn thành vượt mục tiêu tinh giản biên
 * chế (10%)": a target named by its topic and met is a result (d1035). Folded.
 */
const TARGET_PASSED_BEFORE_RE = /(?<![a-z])(?:vuot|so voi) (?:muc tieu|chi tieu|ke hoach)(?: (?:ke hoach|de ra|dat ra|duoc giao|toan quoc|ca nuoc|nam \d{4}))*\s*(?:la\s*)?$/;

/**
 * A verb that aims at the number right before it: "hướng đến 100% thủ tục …" (d3206), "nâng mức hài lòng của người dân
 * lên 95%" (d3206), "cần đưa tỷ lệ hồ sơ … đạt 55%" (d4757), "… cần đạt được trong năm nay là 30%" (d5003; a bare "cần" is
 * no cue: folded it is also Cần Thơ's), "đảm bảo tỷ lệ hồ sơ giải quyết đúng hạn trên 95%" (d1853: a floor to keep). A
 * bare "đảm bảo 100% thủ tục …" is not: it reports as often as it promises (d1552, d3106); nor "nâng tổng số hồ sơ … lên
 * 7.634", a total brought up (d4855). Only where no achievement word comes before it in the sentence: "đã triển khai …,
 * nâng tổng số … lên 391 dịch vụ" reports what the rollout brought (d4001). Folded, the end of the text before the number.
 */
const AIM_BEFORE_RE = /(?<![a-z])(?:huong (?:den|toi)|can (?:dua|nang) (?:[a-z,]+ ){0,10}?(?:len|dat)(?: muc)?|can dat(?: duoc)?(?: [a-z0-9]+){0,5}? la|(?:nang|dua) (?!tong )(?:[a-z,]+ ){0,10}?len(?: muc| thanh)?|(?:dam bao|bao dam) (?:ty le|muc) (?:[a-z,]+ ){0,10}?(?:tren|tu|o muc))\s*$/;

/**
 * The rate a higher level assigned, in brackets after naming it: "đảm bảo tỷ lệ được Chính phủ giao tại Nghị quyết số
 * 02/NQ-CP ngày 05/01/2024 (tỷ lệ 50%)", "vượt chỉ tiêu được giao (45%)" (d2060), "vượt chỉ tiêu HĐND tỉnh giao (98%)"
 * (d2133). Folded.
 */
const ASSIGNED_NORM_BEFORE_RE = /(?:(?:ty le|chi tieu|muc)\s+(?:duoc|do)\s+(?:[a-z]+\s+){0,4}?|chi tieu\s+(?:[a-z]+\s+){0,3}?)giao(?![a-z])[^;()]{0,100}\(\s*(?:ty le|chi tieu|muc)?\s*:?\s*$/;
/** The earlier period a comparison verb names before its number: "(so với) năm 2022 là", "cùng kỳ (năm 2022) là". Folded, a regex source. */
// "cao hơn tỷ lệ đánh giá hài lòng chung của tỉnh năm 2018 là 4,11%": the measure may be named again before its year
// (see MEASURE_NAMED_AGAIN).
// "cao hơn so với kết quả đánh giá năm 2018 của tỉnh là 4,11%": the holder may follow the period (d6801).
const PERIOD_HOLDER = String.raw`(?: cua (?:tinh|huyen|xa|quan|phuong|thanh pho|so|bo|don vi))?`;
const COMPARED_PERIOD = String.raw`(?:so voi )?${MEASURE_NAMED_AGAIN}(?:nam \d{4}|cung ky(?: nam \d{4})?)${PERIOD_HOLDER} la`;
/** "tăng 28 thủ tục", "giảm 5%", "cao hơn 2%", "giảm nhẹ, gần 1 điểm" (d122), "cao hơn năm 2022 là 1,12%" (d1848), "cao hơn năm trước đó 8,39 điểm" (d7857): the number is a difference… */
const CHANGE_BEFORE_RE = new RegExp(String.raw`(?:^|[\s(,;:])(?:(?:tang|giam)(?: (?:nhe|manh|sau|dang ke|toi),?)?|cao hon|thap hon|nhieu hon|it hon|tang them|giam them|tang hon|giam hon|giam duoc|tang duoc|tut|len|xuong|tang len|giam xuong|tut xuong|tut giam|(?:cao|thap) hon ${COMPARED_PERIOD}|(?:cao|thap) hon (?:so voi )?(?:nam truoc(?: do)?|nam ngoai|ky truoc)(?: la)?)\s*$`);
/** A comparison verb naming the earlier period it compares with: "cao hơn năm 2022 là ", "thấp hơn cùng kỳ là ". Folded. */
// "giảm so với năm 2017 là 1,79%": a rise or fall whose comparison comes between its verb and its number (d6057).
// "tăng hơn so với năm 2019 2,34%": the same with no "là" between the period and the number (d6555).
const MOVED_SINCE_PERIOD = String.raw`(?:tang|giam)(?: hon)? so voi ${MEASURE_NAMED_AGAIN}(?:nam \d{4}|cung ky(?: nam \d{4})?)${PERIOD_HOLDER}(?: la)?`;
export const COMPARED_IN_VERB_BEFORE_RE = new RegExp(String.raw`(?<![a-z])(?:(?:cao|thap) hon ${COMPARED_PERIOD}|${MOVED_SINCE_PERIOD})\s*$`);
/** The verbs of {@link CHANGE_BEFORE_RE} that state a fall: the difference is negative ("giảm 12 hồ sơ" = −12). */
const FALL_BEFORE_RE = new RegExp(String.raw`(?:^|[\s(,;:])(?:giam(?: (?:nhe|manh|sau|dang ke|toi),?)?|thap hon|it hon|giam them|giam hon|giam duoc|tut|xuong|giam xuong|tut xuong|tut giam|thap hon ${COMPARED_PERIOD})\s*$`);
/**
 * A percentage moved by a verb right after the level it qualifies: "đạt 75,62% tăng 65,29%", "đạt 57,6%, tăng 46,25%",
 * "85,25% (giảm 5,92%)".
 * The level is already stated, so the second number is its change even with no "so với".
 */
const LEVEL_THEN_MOVE_RE = /(?:(?<![a-z])dat\s*\d[\d.,]*\s*%\s*,?|\d\s*%\s*\()\s*(?:tang|giam)(?: them| hon)?\s*$/;
/** A rank or index score moved by a verb is a change even without "so với": "tăng 5 bậc", "tăng 1,59 điểm". */
const INHERENT_CHANGE_UNITS: ReadonlySet<string> = new Set(['rank', 'score']);
/** …when it is compared with something ("so với năm 2017", "so cùng kỳ"). */
// "so với tổng biên chế", "so với tổng số hồ sơ": a share of a whole, no comparison with an earlier level.
const COMPARED_RE = /(?<![a-z0-9])so (?:voi(?! (?:tong|toan bo)(?![a-z]))|cung ky|nam|ky|thang|quy)(?![a-z0-9])/;
/** Right after a level, the other level it is compared with: " điểm so với 88,40", "% so với mức 86". Folded. */
const LEVEL_AGAINST_LEVEL_RE = /^\s*(?:diem|%)?\s*so voi\s+(?:muc\s+)?\d+(?:[.,]\d+)?\s*(?:diem|%)/;
const COMPARED_AFTER_RE = /^\s*(?:%\s*)?so (?:voi(?! (?:tong|toan bo)(?![a-z]))|cung ky|nam|ky|thang|quy)(?![a-z0-9])/;
/** Verbs that make a later "X% so với …" a difference: increases, cuts, shortenings. */
const CHANGE_VERB_RE = /(?<![a-z0-9])(?:tang|giam|tinh gian|cat giam|rut ngan)(?![a-z0-9])/;
/**
 * "tăng cao nhất là Bình Thuận (+6,39%)", "có mức tăng thấp nhất là 0,19%", "giảm nhiều nhất với …": the extreme move
 * among units of an index (no other number in between).
 */
const EXTREME_MOVE_RE = /(?<![a-z])(tang|giam)(?: diem| chi so)? (?:manh|cao|nhieu|thap|it|sau|nhe|lon)? ?nhat(?: la| voi| o)?[^\d;.]{0,40}[(+\s]*$/;
const EXTREME_LEAD_CHARS = 70;

/** Whether the text before a number (its last 70 characters) names the extreme move of an index ("tăng cao nhất là …"). */
export function isExtremeMove(lead: string): boolean {
  return EXTREME_MOVE_RE.test(lead.slice(-EXTREME_LEAD_CHARS));
}
const BASELINE_YEAR_RE = /(?<![a-z0-9])so (?:voi )?(?:cung ky )?(?:(?:thoi diem )?(?:cuoi|dau) )?(?:nam |giai doan |ca nam )?(\d{4})(?!\d)/;
const BASELINE_PREVIOUS_RE = /(?<![a-z0-9])so (?:voi )?(?:cung ky|nam truoc|nam ngoai|nam \d{4} truoc)/;

/** A sentence that introduces a list of commitments: a target cue and a trailing ':' / "cụ thể" / "như sau". */
export function opensTargetList(foldedSentence: string, sentenceText: string): boolean {
  if (TARGET_LIST_OPENS_RE.test(foldedSentence)) return true;
  return /(?::|cu the|nhu sau)\s*[.]?\s*$/.test(foldedSentence) && (namesCommitment(foldedSentence, sentenceText) || /chi tieu[a-z ]{0,20} sau\s*:?\s*$/.test(foldedSentence));
}

/**
 * A list of targets that opens inside its sentence: "Chỉ tiêu đề ra: Phấn đấu 100% … . Từ 95% - 100% số hồ sơ … . 100%
 * hồ sơ … được số hóa" (d4760): the sentences after it go on listing targets.
 */
const TARGET_LIST_OPENS_RE = /(?:^|[\s,;.])(?:cac )?(?:chi tieu|muc tieu)(?: cu the| chu yeu| de ra| dat ra)?\s*:\s*\S/;

/** A sentence naming a commitment ("một trong những mục tiêu đến năm 2025 là …", "tỉnh sẽ tiếp tục …"), for a next one opening "Cụ thể, …". */
export function namesCommitment(foldedSentence: string, sentenceText: string): boolean {
  if (TARGET_TEST_RE.test(foldedSentence)) return true;
  if (!TARGET_CUES_ACCENTED_FOLDED.some((f) => foldedSentence.includes(f))) return false;
  const lower = sentenceText.toLowerCase();
  return TARGET_CUES_ACCENTED.some((cue) => lastWordIndex(lower, cue) >= 0);
}

/** "Cụ thể, 100% thủ tục …" after a sentence naming a commitment: the details of that commitment. */
export function detailsPrevious(foldedSentenceStart: string): boolean {
  return /^\W*cu the\s*[,:]/.test(foldedSentenceStart);
}

/** A topic a commitment is stated for: "về hạ tầng số, …", "Về chính quyền số, …". */
const TOPIC_CLAUSE_RE = /(?:^|[\s,;:])ve [a-z]+(?: [a-z]+){0,3},/;
const TOPIC_OPENS_RE = /^\W*ve [a-z]+(?: [a-z]+){0,3},/;

/** Whether a commitment sentence states its targets topic by topic ("mục tiêu năm 2023 về hạ tầng số, … phấn đấu …"). */
export function listsByTopic(foldedSentence: string): boolean {
  return TOPIC_CLAUSE_RE.test(foldedSentence);
}

/** "Về chính quyền số, 100% thủ tục …" after targets stated topic by topic: the next topic's targets. */
export function opensNextTopic(foldedSentenceStart: string): boolean {
  return TOPIC_OPENS_RE.test(foldedSentenceStart);
}

/** A paragraph that reports results again ("Kết quả …", "đã đạt") ends an inherited target list. */
export function closesTargetList(foldedParagraphStart: string): boolean {
  return /^(?:ket qua|nhin chung|tinh den|nam \d{4},? (?:da|dat))/.test(foldedParagraphStart);
}

/** Where `word` last occurs in `haystack` as whole words (no letter right before or after it), or -1. */
function lastWordIndex(haystack: string, word: string): number {
  for (let at = haystack.lastIndexOf(word); at >= 0; at = at > 0 ? haystack.lastIndexOf(word, at - 1) : -1) {
    if (!/\p{L}/u.test(haystack[at - 1] ?? '') && !/\p{L}/u.test(haystack[at + word.length] ?? '')) return at;
  }
  return -1;
}

/** Target or actual for one candidate; `explicit` is false when only an inherited list context decided. */
export function detectKind(text: string, folded: string, sentence: Span, c: Candidate, inTargetList: boolean): { kind: FigureKind; explicit: boolean } {
  // Commitment words govern a whole sentence, but a window keeps the work per number bounded.
  const from = Math.max(sentence.start, c.hedgeStart - KIND_WINDOW_CHARS);
  const before = folded.slice(from, c.hedgeStart);
  let lastTarget = -1;
  // An accented cue lowers to itself only from letters that fold to its folded form, so without that form in the
  // folded window there is nothing to find (and no need to lower-case the window).
  if (TARGET_CUES_ACCENTED_FOLDED.some((f) => before.includes(f))) {
    const beforeLower = text.slice(from, c.hedgeStart).toLowerCase();
    for (const cue of TARGET_CUES_ACCENTED) {
      const at = lastWordIndex(beforeLower, cue);
      if (at >= 0) lastTarget = Math.max(lastTarget, at + cue.length);
    }
  }
  for (const m of matchesOf(TARGET_RE, before)) {
    const idx = m.index ?? 0;
    if (m[0].startsWith('yeu cau') && (YEU_CAU_NOUN_RE.test(before.slice(Math.max(0, idx - 20), idx)) || YEU_CAU_FEES_RE.test(before.slice(idx, idx + 40)))) continue;
    // "tổng số hồ sơ phải giải quyết là 52.310 hồ sơ": the dossiers due (a workload), no commitment.
    if (m[0] === 'phai' && DOSSIERS_DUE_RE.test(before.slice(Math.max(0, idx - 30), idx + 20))) continue;
    // "hoàn thành sớm mục tiêu cung cấp 100% DVCTT", "hoàn thành vượt mục tiêu tinh giản biên chế (10%)": a target met is a result.
    // ("Để (có thể) đạt được mục tiêu cung cấp 100% …" is the purpose of what follows, the target still ahead; d6156.)
    if (m[0] === 'muc tieu' && TARGET_MET_BEFORE_RE.test(before.slice(Math.max(0, idx - 30), idx)) && !PURPOSE_BEFORE_RE.test(before.slice(Math.max(0, idx - 30), idx))) continue;
    // "đã hoàn thành 32/35 mục tiêu về chuyển đổi số; hoàn thành 101/111 nhiệm vụ": goals counted are a noun, no commitment (d2159).
    if (m[0] === 'muc tieu' && /\d\s*$/.test(before.slice(Math.max(0, idx - 3), idx))) continue;
    // "qua 01 năm nỗ lực phấn đấu, … tăng từ hạng Tám lên hạng Nhất": the striving that brought a result (d4850).
    if (m[0] === 'phan dau' && /(?:^|\s)(?:no luc|su)\s$/.test(before.slice(Math.max(0, idx - 7), idx))) continue;
    lastTarget = idx + m[0].length;
  }
  let lastActual = -1;
  // An achievement word counts in the number's own part of the sentence: "… mà người dùng đã cung cấp …; tối thiểu 80%
  // hồ sơ …" is still a requirement.
  const ownPart = Math.max(before.lastIndexOf(';'), before.lastIndexOf(':'));
  for (const m of matchesOf(ACTUAL_RE, before)) {
    const at = m.index ?? 0;
    // "… tái sử dụng hồ sơ thủ tục hành chính đã được số hóa đạt 50%": "đã được" describing a noun is no achievement (d5804).
    if (m[0] === 'da' && PARTICIPLE_AFTER_NOUN_RE.test(before.slice(Math.max(0, at - 40), at + 12))) continue;
    // "cần đạt được …", "phải đạt được …": a requirement, not an achievement (d5003).
    if (at > ownPart && !REQUIRED_BEFORE_RE.test(before.slice(Math.max(0, at - 6), at))) lastActual = at + m[0].length;
  }
  const afterText = folded.slice(c.end, Math.min(sentence.end, c.end + 90));
  if (BOUND_AFTER_RE.test(afterText)) return { kind: 'target', explicit: true };
  // "(chỉ tiêu 35%)", "được quy định 50%", "được quy định cấp tỉnh 70%, cấp huyện 60%": the norm beside a result.
  if (NORM_BEFORE_RE.test(before.slice(-120)) || ASSIGNED_NORM_BEFORE_RE.test(before.slice(-160)) || TARGET_PASSED_BEFORE_RE.test(before.slice(-40))) {
    return { kind: 'target', explicit: true };
  }
  if (lastTarget >= 0 && lastTarget > lastActual) return { kind: 'target', explicit: true };
  // The aim's bound word ("đảm bảo tỷ lệ … trên 95%") is the number's hedge, so the aim is read up to the number itself.
  if (lastActual < 0 && AIM_BEFORE_RE.test(folded.slice(Math.max(from, c.start - 120), c.start))) return { kind: 'target', explicit: true };
  // "Tây Ninh tiếp tục rà soát, đảm bảo 100% thủ tục … được cung cấp …": ensuring a level with no "đã" in its clause is a
  // commitment (d3102, d2706); "đảm bảo 100% thủ tục … đã được cung cấp" reports one (d1552).
  if (lastActual < 0 && /(?<![a-z])(?:dam bao|bao dam)\s*$/.test(before) && !/(?<![a-z])da(?![a-z])/.test(afterText.split(/[;.]/)[0])) return { kind: 'target', explicit: true };
  // "tối thiểu 25%", "ít nhất 01 sáng kiến", "không quá 2%": floors and ceilings are requirements, not results; after a
  // target cue even past "đạt" ("giao chỉ tiêu tỷ lệ hồ sơ …, theo đó năm 2022 đạt tối thiểu 50%", d4204).
  if ((lastActual < 0 || lastTarget >= 0) && REQUIREMENT_HEDGE_RE.test(folded.slice(c.hedgeStart, c.start))) return { kind: 'target', explicit: true };
  let modal = MODAL_AFTER_RE.exec(folded.slice(c.nounEnd, Math.min(sentence.end, c.nounEnd + 90)));
  // "se" is "sẽ" (will) only with its accent: "đứng thứ 2 là huyện Chư Sê" names a place (folding keeps offsets).
  if (modal && modal[0].endsWith('se')) {
    const at = c.nounEnd + modal[0].length - 2;
    if (text.slice(at, at + 2).toLowerCase() !== 'sẽ') modal = null;
  }
  // "đã thực hiện cắt giảm được 3.090 biên chế … và dự kiến sẽ tiếp tục …": the modal opens the next predicate.
  const nextPredicate = modal !== null && lastActual >= 0 && /(?<![a-z])va(?![a-z])/.test(modal[0]);
  if (modal && !nextPredicate && !(c.unit === 'count' && DOSSIERS_DUE_RE.test(folded.slice(c.end, c.nounEnd + 20)))) return { kind: 'target', explicit: true };
  if (inTargetList && lastActual < 0) return { kind: 'target', explicit: false };
  if (lastActual < 0 && inTargetColonList(folded, sentence, c)) return { kind: 'target', explicit: false };
  return { kind: 'actual', explicit: lastActual >= 0 };
}

/**
 * The lead-in of a list of targets, right before its colon: "UBND tỉnh đề ra một số mục tiêu:", "Các tiêu chí … theo Nghị
 * quyết 57 của Trung ương gồm:".
 */
const TARGET_LIST_LEAD_RE = /(?:(?:de ra|dat ra|xac dinh)[^:;.]{0,30}(?:muc tieu|chi tieu)|tieu chi[^:;.]{0,80}(?:theo|cua) (?:nghi quyet|chinh phu|trung uong|quyet dinh))[^:;.]{0,60}$/;
/** A lead-in that reports results ("kết quả thực hiện các mục tiêu:"): its list is no list of targets. */
const RESULT_LEAD_RE = /(?<![a-z])(?:ket qua|da dat|dat duoc|hoan thanh)(?![a-z])/;

/**
 * Whether the number is an item of a list after a colon whose lead-in names targets (see {@link TARGET_LIST_LEAD_RE}),
 * however far the list runs in its sentence ("…: tỷ lệ … đạt 100%; …; tỷ lệ … đạt 70%").
 */
function inTargetColonList(folded: string, sentence: Span, c: Candidate): boolean {
  // Searched within the sentence only (at most MAX_SENTENCE_CHARS): `lastIndexOf` from the number would scan back to
  // the text's start when no colon precedes it, once per number (quadratic on a long report).
  const within = folded.slice(sentence.start, c.hedgeStart).lastIndexOf(':');
  if (within < 0) return false;
  const colon = sentence.start + within;
  const lead = folded.slice(Math.max(sentence.start, colon - 160), colon);
  return TARGET_LIST_LEAD_RE.test(lead) && !RESULT_LEAD_RE.test(lead);
}

/** Whether a candidate is a change against a baseline, and the baseline year when the text gives one. */
export function detectChange(
  folded: string,
  clause: Span,
  c: Candidate,
  periodYear: number | null,
  periods: readonly PeriodMention[],
  indexShare = false,
): { change: boolean; baselineYear: number | null; fall: boolean } {
  // A rank in words ("lên ngôi vị quán quân", "vươn lên đứng đầu bảng xếp hạng") is a place held, never a move
  // ("lên một bậc" is one).
  if (c.unit === 'rank' && !/\d/.test(folded[c.start] ?? '') && !/(?:bac|hang)$/.test(folded.slice(c.start, c.end))) return { change: false, baselineYear: null, fall: false };
  const before = folded.slice(Math.max(clause.start, c.hedgeStart - 30), c.hedgeStart);
  const clauseText = folded.slice(clause.start, clause.end);
  // "tinh giản biên chế bảo đảm tối thiểu 10% so với năm 2015": a cut verb earlier and the comparison right after.
  const comparedRightAfter = COMPARED_AFTER_RE.test(folded.slice(c.end, Math.min(clause.end, c.end + 12)));
  const changeVerbEarlier = CHANGE_VERB_RE.test(folded.slice(clause.start, c.hedgeStart));
  // "giảm 1,4 điểm và 5 bậc": the verb before the score moves the rank too.
  const coordinated = c.unit === 'rank' ? COORDINATED_MOVE_BEFORE_RE.exec(before) : null;
  // "cao hơn năm 2022 là 1,12%": the verb names the period it compares with itself (d1848), the measure perhaps again
  // before the year ("cao hơn tỷ lệ … của tỉnh năm 2018 là 4,11%", d2199).
  const comparedInVerb = COMPARED_IN_VERB_BEFORE_RE.exec(folded.slice(Math.max(clause.start, c.hedgeStart - 90), c.hedgeStart));
  const verbBefore = CHANGE_BEFORE_RE.test(before) || coordinated !== null || comparedInVerb !== null;
  // "tăng 5 bậc", "tăng 1,59 điểm" move a rank or score; "giảm từ 10,85% xuống còn 1,31%" is two levels, not a change.
  // "lên một bậc", "lên 3 bậc" count places moved: a move, unlike "lên 18".
  const steps = c.unit === 'rank' && /(?:bac|hang)$/.test(folded.slice(c.start, c.end));
  const inherent = verbBefore && (INHERENT_CHANGE_UNITS.has(c.unit) || indexShare) && (steps || !/(?:^|\s)(?:tu|con|xuong con|len)\s*$/.test(before));
  // "tăng cao nhất là Bình Thuận (+6,39%)", "tăng mạnh nhất với 6,39%", "giảm điểm nhiều nhất (với 5,14 điểm": the largest
  // or smallest move of an index, in per cent or in points.
  const extreme = indexShare || c.unit === 'score' ? EXTREME_MOVE_RE.exec(folded.slice(Math.max(0, c.hedgeStart - EXTREME_LEAD_CHARS), c.hedgeStart)) : null;
  if (extreme) return { change: true, baselineYear: null, fall: extreme[1] === 'giam' };
  // "(89,12 điểm so với 88,40 điểm)": a level set beside the level it is compared with is no move, whatever verb precedes.
  if (LEVEL_AGAINST_LEVEL_RE.test(folded.slice(c.end, Math.min(clause.end, c.end + 24)))) return { change: false, baselineYear: null, fall: false };
  // "… xếp thứ 10/63 tỉnh, thành phố (tăng 0,86% và 5 hạng)": a move in a bracket of its own, after the level it moves (d3851).
  const afterLevel = c.unit === 'percent' && (LEVEL_THEN_MOVE_RE.test(before) || BRACKETED_MOVE_BEFORE_RE.test(before));
  // "rút ngắn xuống còn 8 ngày làm việc so với trước là 20 ngày", "giảm còn 1,2%": the level reached, not the move (d5002).
  if (!steps && DOWN_TO_BEFORE_RE.test(before)) return { change: false, baselineYear: null, fall: false };
  if (!(verbBefore && (COMPARED_RE.test(clauseText) || comparedInVerb)) && !(comparedRightAfter && changeVerbEarlier) && !inherent && !afterLevel) {
    return { change: false, baselineYear: null, fall: false };
  }
  const fall = coordinated ? coordinated[1] !== 'tang' : comparedInVerb ? /^\s*(?:thap|giam)/.test(comparedInVerb[0]) : FALL_BEFORE_RE.test(before);
  const rest = folded.slice(c.end, clause.end);
  // "so với quý IV/2025", "so với 6 tháng đầu năm 2022": the period reader already marked these as baselines.
  const baseline = periods.find((p) => p.baseline && p.start >= clause.start && p.end <= clause.end);
  if (baseline?.period.year) return { change: true, baselineYear: baseline.period.year, fall };
  const year = BASELINE_YEAR_RE.exec(rest) ?? BASELINE_YEAR_RE.exec(clauseText);
  if (year) return { change: true, baselineYear: Number(year[1]), fall };
  if (BASELINE_PREVIOUS_RE.test(rest) && periodYear !== null) return { change: true, baselineYear: periodYear - 1, fall };
  return { change: true, baselineYear: null, fall };
}

/** A bracket opening on a move's verb, right before the number: "(tăng 0,86%", "(giảm 1,2%". Folded. */
const BRACKETED_MOVE_BEFORE_RE = /\(\s*(?:tang|giam)\s*$/;
/** "cần", "phải" right before an achievement word, which then states a requirement. Folded. */
const REQUIRED_BEFORE_RE = /(?:^|\s)(?:can|phai)\s$/;
/** "xuống còn", "còn", "xuống" right before a number: the level a fall reached. Folded. */
const DOWN_TO_BEFORE_RE = /(?:^|\s)(?:xuong con|xuong|con)\s*$/;
/** What may sit between "từ"/"lên"/"xuống" and a level: "mức", "vị trí (thứ)", "thứ", "hạng", the measure ("từ chỉ số 78,29 %", d1197). */
const LEVEL_WORD = '(?: (?:muc|vi tri thu|vi tri|vi thu|hang thu|thu hang|hang|thu|chi so|diem so|ty le))?';
/** A rank's field between it and its year (its size too when not read as the total): "thứ hạng 11 trên 19 đơn vị được xếp hạng năm 2016" (d1824). Folded, a regex source. */
export const RANK_FIELD_GAP = '(?:(?:(?:tren|trong(?: tong so)?)\\s+\\d+\\s+)?(?:don vi|bo|co quan|tinh|dia phuong|so|huyen|quan|xa|phuong)(?:,?\\s+[a-z]+){0,5}?\\s+)?';
/** "từ 88,05%", "từ vị trí 21": the number opens a move from one level to another… */
// (also inside a bracket: "tăng cao nhất (từ 71,91% năm 2016 lên 80% năm 2017)")
const FROM_BEFORE_RE = new RegExp(`(?:^|[\\s(])tu${LEVEL_WORD}\\s*$`);
/** The move's verb: "xuống (còn)", "lên", "vươn lên (xếp)", "tụt xuống". */
const MOVE_TO = '(?:(?:vuon|tut|giam|tang|nhay) )?(?:xuong|len)(?: con)?(?: xep)?';
/**
 * …when "xuống"/"lên" and a number follow it ("… (2021) xuống còn 82,18%", "… lên 18", "… vươn lên xếp thứ 3"); group 1: a
 * year in brackets, group 2: one written after it ("từ 4,55% năm 2018 lên 10,76% năm 2019").
 */
const FROM_AFTER_RE = new RegExp(`^\\s*(?:\\/\\s*\\d+\\s*)?(?:%|diem)?\\s*${RANK_FIELD_GAP}(?:(?:duoc )?xep hang\\s+)?(?:\\(\\s*(?:nam\\s*)?(\\d{4})\\s*\\)\\s*|(?:cua\\s+)?nam\\s+(\\d{4})\\s*)?${MOVE_TO}${LEVEL_WORD}\\s*\\d`);
/** "… từ 88,05% xuống (còn)": the number closes such a move. */
const TO_BEFORE_RE = new RegExp(`(?:^|[\\s(])tu${LEVEL_WORD}\\s*\\d[\\d.,]*\\s*(?:\\/\\s*\\d+\\s*)?(?:%|diem)?\\s*${RANK_FIELD_GAP}(?:(?:duoc )?xep hang\\s+)?(?:\\(\\s*(?:nam\\s*)?\\d{4}\\s*\\)\\s*|(?:cua\\s+)?nam\\s+\\d{4}\\s*)?${MOVE_TO}${LEVEL_WORD}\\s*$`);

/**
 * A number in "từ X xuống/lên Y": 'from' for X (the level before, with the year in brackets after it when given),
 * 'to' for Y (the level reached); null elsewhere. Both are levels: the change is the difference, stated apart or not.
 */
export function levelRole(folded: string, clause: Span, c: Candidate): { role: 'from' | 'to'; year: number | null } | null {
  const before = folded.slice(Math.max(clause.start, c.start - 90), c.start);
  if (TO_BEFORE_RE.test(before)) return { role: 'to', year: null };
  if (!FROM_BEFORE_RE.test(before)) return null;
  const m = FROM_AFTER_RE.exec(folded.slice(c.end, Math.min(clause.end, c.end + 80)));
  const year = m?.[1] ?? m?.[2];
  return m ? { role: 'from', year: year ? Number(year) : null } : null;
}
