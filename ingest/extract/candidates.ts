/**
 * Turning number tokens of one sentence into figure candidates: value, total (X/Y), range, unit, head noun,
 * hedges. Numbers that cannot be figures are returned as dropped with a reason code.
 *
 * Public surface: `candidatesInSentence`, `Candidate`, `levelMentions`, `LevelMention`.
 */
import type { Comparator, DroppedCandidate, FigureUnit } from '../types';
import { type NounClass, PAR_INDEX_NAME, WORD_NUMBERS } from './lexicon';
import { COORDINATED_MOVE_BEFORE_RE, DAY_AFTER_RE, isYear, RANK_PAIR_BEFORE_RE, PROCESSING_CUE_RE, RANK_BEFORE_RE, reasonAfter, reasonBefore, slashReason } from './non-figures';
import { NOUN_ALTERNATION, nounClassOf } from './nouns';
import type { Span } from './sentences';
import { matchesOf } from './regex';
import { type NumberToken, parseViNumber, scaleMultiplier, scanNumberTokens } from './vi-number';

export interface Candidate {
  /** [start, end): the number with its unit ("98,7 %", "7/8", "20 - 30%", "1,2 triệu"). */
  start: number;
  end: number;
  /** Where hedge words before the number begin ("ít nhất 30%" → at "ít"). */
  hedgeStart: number;
  /** End of the head noun phrase after the number, or `end` when there is none. */
  nounEnd: number;
  value: number;
  total: number | null;
  upperBound: number | null;
  unit: FigureUnit;
  noun: NounClass | null;
  comparator: Comparator;
  approximate: boolean;
  /** true for X/Y read as a ratio with a head noun ("30/31 đầu việc"). */
  ratio: boolean;
}

/** Dossiers named in the clause, then a lateness word right before a bare number: "… hồ sơ, …, quá hạn ". Folded. */
const LATE_BARE_COUNT_BEFORE_RE = /(?<![a-z])(?:ho so|hs)(?![a-z])[^;]*?[,;]\s*(?:qua han|tre han|tre hen)\s*:?\s*$/;

/**
 * "hồ sơ … trễ hạn là", "số hồ sơ tiếp nhận:", "… đã giải quyết là hơn", "số hồ sơ giải quyết trễ hạn", "số hồ sơ quá hạn
 * còn": a dossier count stated after its noun phrase (no comma between; "số hồ sơ …", the number of dossiers, needs no "là").
 */
/** Words of the units a number may count, folded (a regex source): "tỉnh", "thành phố", "sở", "đơn vị", "huyện" … */
const UNIT_WORDS = 'tinh|thanh pho|so|don vi|co quan|huyen|quan|xa|phuong|dia phuong';
/**
 * Right after a number: the units it counts ("34 tỉnh, thành phố", "12 huyện", "20 sở"); not "bộ", a set of dossiers too
 * ("57.028 bộ", t007). Folded.
 */
const UNITS_NAMED_AFTER_RE = new RegExp(`^\\s+(?:${UNIT_WORDS}|thi xa|thi tran)(?![a-z])`);
/** Right after a bare number: things counted that are no dossiers ("3,8 triệu giao dịch thanh toán", d2297). Folded. */
const OTHER_THINGS_AFTER_RE = /^\s+(?:giao dich|tai khoan|cuoc goi)(?![a-z])/;
const BARE_COUNT_AFTER_RE = /(?:^|\s)(?:ho so|hs)(?: [a-z]+){0,6} (?:la|:)\s*(?:(?:khoang|gan|hon|tren|xap xi|chi|con)\s+)?$|(?:^|\s)(?:ho so|hs)(?: [a-z]+){0,6}:\s*$|(?:^|[\s,;:])(?:tong )?so (?:luong )?(?:ho so|hs)(?: [a-z]+){0,6}?\s+(?:(?:khoang|gan|hon|tren|con|chi)\s+)?$/;

/**
 * "mức độ 3", "mức độ 3, 4", "(mức độ 1,2)", "mức độ 3, mức độ 4", "cấp độ 4", "DVCTT mức 4": service levels, never
 * figures themselves. A level is one digit, not the start of a number ("mức độ 3, 4.000 hồ sơ"); a full stop after it
 * ends the sentence. Without "độ" only the levels 1–4 right after the services, procedures or dossiers they qualify
 * ("trực tuyến mức 4", "DVCTT mức 3", "329 thủ tục mức 3"): "mức 5 triệu đồng", "định danh điện tử mức 2" and a
 * table's row label "Mức 1, 2" are no levels.
 */
const LEVEL_LIST_RE = /(?:(?:muc|cap) do\s*\d|(?<=(?:truc tuyen|dvctt|dvc|dich vu|dich vu cong|thu tuc|tthc|ho so|hs|nam 20\d\d|(?<![a-z])o) )muc [1-4](?!\d|[.,]\d|\s*%))(?:\s*(?:,|va|-|\/|hoac)\s*(?:(?:muc|cap)(?: do)?\s*)?\d(?!\d|[.,]\d))*/g;
/** A cheap test before {@link LEVEL_LIST_RE}. */
const LEVEL_WORD_RE = /(?:muc|cap) (?:do ?)?\d/;
/** A level written as a word: "mức độ bốn", "dịch vụ công trực tuyến mức độ ba" (d4400, d2210); not "mức độ hài lòng". */
const LEVEL_IN_WORDS_RE = /(?<![a-z])(?:muc|cap) do (mot|hai|ba|bon)(?![a-z])(?!\s+(?:long|phan)(?![a-z]))/g;
const LEVEL_WORDS: Readonly<Record<string, number>> = { mot: 1, hai: 2, ba: 3, bon: 4 };

const SCALE_AFTER_POINTS_RE = /diem\s*\/\s*$/;
/** "72,45 trên tổng số 100 điểm", "trên 100 điểm": the scale a score is out of (group 1), right after it. Folded. */
const OUT_OF_POINTS_AFTER_RE = /^\s*(?:diem\s+)?tren\s+(?:tong\s+(?:so\s+)?(?:diem\s+)?)?(\d{2,3})\s*diem(?![a-z0-9])/;

/** "/năm", "/ngày" right after a count's noun: a volume per period. */
const PER_PERIOD_AFTER_RE = /^\s*\/\s*(?:nam|ngay|thang|tuan|quy)(?![a-z])/;

/**
 * An item of a list of units after a rank verb named once for the list: "xếp trên các tỉnh: Lâm Đồng (46/63), …",
 * "(Kon Tum: xếp thứ 43; Lâm Đồng: 46; …)". The number right after a short name that follows a list separator
 * (and a ":" or "(" after the name) is that unit's rank when the sentence put a rank verb before it.
 */
const RANK_LIST_ITEM_BEFORE_RE = /[;:,(]\s*[a-z][a-z'-]*(?: [a-z][a-z'-]*){0,4}\s*(?::|\()\s*$/;
/** What may follow a listed rank: the item's end. */
const RANK_LIST_ITEM_AFTER_RE = /^\s*(?:[;,.)]|$)/;
/** A rank verb (not a band or a score): "xếp thứ", "xếp hạng", "đứng thứ", "vị trí thứ", "xếp trên/sau/dưới". */
const RANK_VERB_RE = /(?:^|[^a-z])(?:xep thu|xep hang|dung thu|xep vi tri|vi tri thu|xep vi thu|(?:xep|dung) (?:tren|sau|duoi|truoc))(?![a-z])/;

/**
 * "thứ" right before a number, not after a word that makes it another ordinal ("lần thứ 4", "năm thứ 6", "khóa thứ
 * 2", "ngày thứ 3"): with {@link RANK_WORD_EARLIER_RE} a place in a ranking listed without its verb ("…, Sở Xây dựng thứ
 * 18, Sở Lao động … thứ 17"). Folded.
 */
const BARE_ORDINAL_BEFORE_RE = /(?<![a-z])(?<!(?:lan|nam|ngay|khoa|ky|dot|phien|tuan|thang|quy|lop|muc|cap|buoc|so|nhiem ky|hoi nghi|dai hoi|the he|chuong|dieu|khoan|phan) )thu\s*$/;
/** The next place of a list of places: "xếp thứ 2, " before "3", "đứng thứ 4 và " before "5". Folded. */
const RANK_LIST_NEXT_BEFORE_RE = /(?<![a-z])(?:xep|dung|vi tri)(?: hang)? thu \d{1,2}\s*(?:,\s*(?:va\s+)?|\s+va\s+)$/;
/** "từ 82,90% năm 2016 tăng lên ": a move from a level with its unit, up to the level it reaches (group 1: the unit). Folded. */
const MOVE_FROM_UNIT_BEFORE_RE = /(?<![a-z])tu (?:muc )?\d{1,3}[.,]\d+\s*(%|diem)(?:\s*(?:\(\s*)?(?:nam\s+)?20\d\d\)?)?\s*(?:,\s*)?(?:(?:tang|giam|nang|tut)\s+)?(?:len|xuong)(?: con)?(?: muc)?\s*$/;
/** After a value, the rest of its list and the unit its last value writes: " và 90,92 điểm", ", 88,1 và 86,4%". Folded. */
const LISTED_VALUES_UNIT_AFTER_RE = /^\s*(?:(?:,\s*(?:va\s+)?|\s+va\s+)\d{1,3}[.,]\d+)+\s*(diem|%)(?![a-z])/;
/** A ranking named earlier in the sentence: "xếp", "đứng", "vị trí", "thứ hạng", "bảng xếp hạng". Folded. */
const RANK_WORD_EARLIER_RE = /(?<![a-z])(?:xep|dung thu|vi tri|thu hang|bang xep hang)(?![a-z])/;

/** "số TTHC … là ", "số lượng dịch vụ công … là ": procedures or services named before a bare count (group 1: the noun). Folded. */
const BARE_PROCEDURE_COUNT_BEFORE_RE = /(?:^|[\s,;:])(?:tong )?so (?:luong )?(thu tuc hanh chinh|tthc|thu tuc|dich vu cong truc tuyen|dich vu cong|dvctt|dvc)(?: [a-z0-9,]+){0,8} (?:la|:)\s*$/;
/**
 * A dossier verb right before a bare count (its hedge included): "đã giải quyết gần ", "tiếp nhận được ", "tiếp nhận mới là ",
 * "số mới tiếp nhận trong kỳ: " (d4300, d1375). Folded.
 */
const BARE_COUNT_VERB_BEFORE_RE = /(?<![a-z])(?:giai quyet|tiep nhan|xu ly)(?: (?:duoc|xong)| moi(?: la)?| trong ky:?)?\s*(?:(?:khoang|gan|hon|tren|xap xi)\s+)?$/;
/** A dossier verb in the passive right after a bare count: " đã được giải quyết", " được tiếp nhận". Folded. */
const BARE_COUNT_VERB_AFTER_RE = /^\s*(?:da\s+)?duoc\s+(?:giai quyet|tiep nhan|xu ly)(?![a-z])/;
/** "hồ sơ … trên", "hồ sơ đúng hạn là gần": dossiers named shortly before a count in thousands, no number between. */
const SCALED_COUNT_AFTER_RE = /(?:^|\s)(?:ho so|hs)(?![a-z])[^\d;:()%]{0,45}$/;

export interface LevelMention extends Span {
  levels: number[];
}

/** Service-level mentions in folded[from, to), with the levels they name. */
export function levelMentions(folded: string, from: number, to: number): LevelMention[] {
  const out: LevelMention[] = [];
  const slice = folded.slice(from, to);
  if (slice.includes(' do ')) {
    for (const m of matchesOf(LEVEL_IN_WORDS_RE, slice)) out.push({ start: from + (m.index ?? 0), end: from + (m.index ?? 0) + m[0].length, levels: [LEVEL_WORDS[m[1]]] });
  }
  if (!LEVEL_WORD_RE.test(slice)) return out;
  for (const m of matchesOf(LEVEL_LIST_RE, slice)) {
    const levels: number[] = [];
    for (const ch of m[0]) if (ch >= '0' && ch <= '9') levels.push(Number(ch));
    out.push({ start: from + (m.index ?? 0), end: from + (m.index ?? 0) + m[0].length, levels });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The head noun right after a number, after fillers such as "các", "tổng số", "trên tổng số". */
const NOUN_AFTER_RE = new RegExp(`^\\s*(?:(?:cac|tong so|toan bo|nhung|trong tong so|tren tong so|tren|moi|trong so|so)\\s+){0,2}(${NOUN_ALTERNATION})(?![a-z0-9])`);

/** "98%", "98,7 %", "98 phần trăm". */
const PERCENT_AFTER_RE = /^\s?(?:%|phan tram(?![a-z]))/;
/** Scale words; "tỷ lệ" (rate) is not "tỷ" (billion). */
const SCALE_AFTER_RE = /^\s*(nghin|ngan|trieu|ty|ti)(?![a-z0-9])(?!\s+le(?![a-z]))/;
// "56 điểm nhận hồ sơ", "71 điểm bưu điện văn hóa xã": places, not points (d1260).
/** Points named right before a pair: "điểm thẩm định là 75/80", "tổng điểm đạt 64,6/70". */
const POINTS_BEFORE_PAIR_RE = /(?<![a-z])diem(?: tham dinh| danh gia| so| dat duoc)?(?: (?:dat|la|dat duoc))?\s*$/;
const SCORE_AFTER_RE = /^\s*diem(?![a-z0-9])(?!\s+(?:nhan|tiep nhan|phuc vu|giao dich|buu dien|buu chinh|cau|tiep dan|mot cua|ho tro|dich vu|truc|wifi|ket noi)(?![a-z]))/;
/** "tăng 5 bậc", "giảm 7 bậc", "(thấp hơn 16 bậc": places moved in a ranking (a change of rank; the verb gives the sign). */
const RANK_STEPS_AFTER_RE = /^\s*(?:bac|hang|vi tri|vi thu)(?![a-z0-9])/;
const RANK_STEP_VERB_BEFORE_RE = /(?:^|[\s(])(?:tang|giam|len|xuong|tut|thang|vuot|cao hon|thap hon)(?: them| len| xuong)?\s*$/;
/** One to three digits, a dot and three: thousands in Vietnamese, a decimal in English ("91.651"). */
const DOT_THREE_DECIMALS_RE = /^\d{1,3}\.\d{3}$/;

/**
 * "Chỉ số cải cách hành chính (của huyện X) là …", "chỉ số CCHC là", "có chỉ số cải cách hành chính cao nhất với": the index
 * named as what the number is. Folded.
 */
const INDEX_IS_BEFORE_RE = new RegExp(`(?:${PAR_INDEX_NAME}|par ?index)(?: \\(par ?index\\))?(?: (?:nam \\d{4}|cua [^,;.\\d()]{1,40}?)){0,2}(?: la|:| (?:cao nhat|thap nhat) (?:voi|la|dat))\\s*$`);

/**
 * "Tổng điểm của huyện X là 84,75", "có tổng số điểm (tính đến ngày 21/8) là 94.25", "(với số điểm 88,02)", "đạt tổng
 * điểm 78,96": the total
 * points named as what the bare number is. A component's points ("điểm thẩm định là 55,10") are not the total. Folded.
 */
const TOTAL_POINTS_IS_BEFORE_RE = /(?:^|[\s(,;])(?:(?:voi|co|dat) (?:(?:tong )?so diem|tong diem)(?: la)?|tong (?:so )?diem(?: (?!diem )[^,;.:]{0,60}?)? (?:la|dat|:))\s*$/;

/**
 * "đứng đầu với chỉ số là 89,42", "với chỉ số 93,31", "với kết quả là 74,99", "(chỉ số 72,42)", "đạt chỉ số cao nhất với
 * giá trị 89,42": a bare decimal that an index's value names, in a sentence about the index. Folded.
 */
const INDEX_VALUE_IS_BEFORE_RE = /(?:^|[\s,;])(?:voi|co) (?:chi so|gia tri|ket qua)(?: la)?\s*$|\((?:chi so|diem so)\s*$/;

/** "từ vị trí 21 lên 18", "từ vị trí thứ 6 xuống 17": the bare number a rank moved to is a rank too. */
const RANK_MOVE_TO_RE = /(?:^|\s)tu (?:vi tri thu|vi tri|vi thu|hang thu|hang|thu) \d{1,3}(?:\/\d{2,3})? (?:xuong|len)(?: (?:vi tri thu|vi tri|vi thu|hang thu|hang|thu))?\s*$/;
/** Between the two ends of a range: "20 - 30%", "20% - 30%", "từ 20% đến 30%", "từ 79% đến hơn 80%". */
const RANGE_GAP_RE = /^\s*%?\s*(?:-|den|toi)\s*(?:(?:hon|tren|duoi|gan|khoang)\s*)?$/;
/** A list member's bracket that writes its unit: "(tổng điểm đạt 95,77)", "(90,27 điểm)", "(85,2%)"; group 1: a share. Folded. */
const BRACKETED_MEMBER_UNIT_RE = /\((?:[^()]{0,24}diem[^()]{0,12}\d[\d.,]*|\s*\d[\d.,]*\s*(?:diem|(%)))\s*\)/;
/** Right after a number: the indices or fields it counts ("3 chỉ số uy tín", "2 bộ chỉ số"). Folded. */
const INDICES_COUNTED_AFTER_RE = /^\s*(?:chi so|bo chi so|linh vuc|tieu chi)(?![a-z])/;
/** A scale in brackets right after a bare number: " (thang điểm tối đa là 100)"; group 1 the scale. Folded. */
const BRACKETED_SCALE_AFTER_RE = /^\s*\(\s*thang diem(?: toi da)?(?: la)?\s*(\d{2,3})(?: diem)?\s*\)/;
/** A move in points compared with a year, and the bracket opening that year's level: "tăng 2,82 điểm so với năm 2020 (". Folded. */
const BASELINE_YEAR_BRACKET_BEFORE_RE = /\d[\d.,]*\s*diem\s+so voi (?:nam |cung ky (?:nam )?)?(?:19|20)\d\d\s*\(\s*$/;
/** A level right after a bare number: " mức độ 3", " mức 4". Folded. */
const LEVEL_RIGHT_AFTER_RE = /^\s*muc(?: do)?\s*[1-4](?![\d.,]\d|\d)/;
/** Before it, a count of services or procedures and the bracket or colon opening its levels, earlier levels listed. Folded. */
const LEVEL_LIST_BEFORE_RE = /\d[\d.,]*\s*(?:dich vu(?: cong)?(?: truc tuyen)?|dvc(?:tt)?|thu tuc(?: hanh chinh)?|tthc)(?![a-z])[^.;()\d]{0,40}(?:\(|:)\s*(?:(?:trong do|gom)\s*:?\s*)?(?:\d[\d.,]*\s*muc(?: do)?\s*[1-4]\s*(?:;|,|va)\s*)*$/;
/** Units a leading group counts ("nhóm 5 tỉnh", "top 10 địa phương"). Folded. */
const GROUP_UNITS = '(?:tinh(?:, thanh(?: pho)?)?|thanh pho|dia phuong|bo(?:, nganh| nganh)?|co quan|don vi|quan|huyen|phuong|xa|so(?:, nganh| nganh)?|cong an(?: tinh)?|cuc)';
/**
 * A place within a leading group, group 1 its size: "nằm trong top 20 của cả nước", "top 3 địa phương dẫn đầu", "thuộc nhóm 5
 * tỉnh dẫn đầu", "nhóm dẫn đầu tốp 3 các địa phương". "nhóm N" needs the units it counts ("nhóm 2" alone names a group).
 * Folded ("tốp" folds to "top").
 */
const TOP_GROUP_RE = new RegExp(`(?<![a-z])(?:(?:dan|dung) dau\\s+top\\s+(\\d{1,3})(?!\\d|[.,]\\d)|top\\s+(\\d{1,3})(?!\\d|[.,]\\d)(?=\\s+(?:cac\\s+)?${GROUP_UNITS}?[^.;]{0,30}?(?:dan dau|dung dau|hang dau|cao nhat|tot nhat|ca nuoc|toan quoc))|nhom\\s+(\\d{1,3})(?!\\d|[.,]\\d)(?=\\s+(?:cac\\s+)?${GROUP_UNITS}(?![a-z])[^.;]{0,30}?(?:dan dau|dung dau|hang dau|cao nhat|tot nhat)))`, 'g');
/** "từ 1 đến 32 ngày", "từ 5 - 7 hồ sơ", "(từ 85 đến 100 điểm)": a range of whole numbers opens with "từ" (its unit stands after the second end). */
const RANGE_FROM_BEFORE_RE = /(?:^|[\s(])(?<!dau )tu\s*$/;
/** "nằm trong khoảng 87,59% - 72,54%" (d758, d2292), "dao động 95% - 80%": a range of shares from the top down opens so too. Folded. */
const RANGE_SPAN_BEFORE_RE = /(?:^|\s)(?:(?:nam )?trong khoang|dao dong(?: trong khoang)?)\s*$/;
/** "đạt tối thiểu tương ứng 40%, 30%, 20%": a floor stated once for the values listed after it (each is a floor). */
const FLOOR_RESPECTIVELY_BEFORE_RE = /(?:^|\s)(?:it nhat|toi thieu|khong duoi|khong thap hon)\s+(?:tuong ung|lan luot)(?:\s+(?:la|dat|o muc))?\s*:?\s*(?:\d[\d.,]*\s*%\s*(?:,|;|va|,\s*va)\s*)*$/;
/** Right before a value that may be a later item of a list or pair ("40%, ", "… và ", "tương ứng "): a cheap test before the floor tests around it. */
const LISTED_VALUE_BEFORE_RE = /%\s*(?:,|va)\s*$|tuong ung\s*:?\s*$|lan luot(?:\s+(?:la|dat|o muc))?\s*:?\s*$|(?:^|\s)(?:va|,)\s*$/;
/** "kiểm tra tối thiểu 30% cơ quan chuyên môn … và 40% UBND xã": the second share of a pair shares the first one's floor. */
const FLOOR_SHARED_BEFORE_RE = /(?:^|\s)(?:it nhat|toi thieu|khong duoi|khong thap hon)\s+\d[\d.,]*\s*%[^.;:%\d]{0,80}\s(?:va|,)\s*$/;
/** "từ 98% trở lên" / "trở xuống": the comparator comes after the number. */
const AT_LEAST_AFTER_RE = /^[^,;.()]{0,30}?(?:^|\s)tro len(?![a-z])/;
const AT_MOST_AFTER_RE = /^[^,;.()]{0,30}?(?:^|\s)tro xuong(?![a-z])/;

/**
 * The whole after a count's noun: "/41.501", "/382 hồ sơ", "… trực tuyến/tổng số hơn 166.200", "(trong tổng số 107 thủ
 * tục)", "275 dịch vụ công trực tuyến mức độ 3 và 4 (trong tổng số 486 thủ tục hành chính)" (d7258). Folded; group 1 the whole.
 */
const WHOLE_AFTER_NOUN_RE = /^(?:[a-z ]|(?<=(?:muc do|cap do|muc)(?: [1-4](?:,| va))? )[1-4]){0,50}?\s*(?:\/\s*(?:tong so\s+)?|\(\s*trong (?:tong )?so\s+)(?:(?:hon|gan|khoang|tren)\s+)?(\d{1,3}(?:\.\d{3})+|\d+)(?![\d.,]*\s*(?:%|ngay|thang|nam))/;

/**
 * A comparison sign right before a number, in the original text: ">90%", "< 2%", "≥ 95%"; not an arrow ("từ 80% ->
 * 90%", "=> 90%"). ("<=" and ">=" read as a formula, whose numbers are dropped.)
 */
const COMPARISON_SIGN_BEFORE_RE = /(?<![-=])([><≥≤])\s?$/;
const SIGN_COMPARATORS: Readonly<Record<string, Comparator>> = { '>': 'gt', '<': 'lt', '≥': 'gte', '≤': 'lte' };

/** Hedge words immediately before a number. Checked repeatedly so "khoảng hơn 90%" gets both. */
const HEDGES: ReadonlyArray<{ re: RegExp; comparator?: Comparator; approximate?: boolean }> = [
  { re: /(?:^|\s)(?:it nhat|toi thieu|khong duoi|khong it hon|khong thap hon)\s*$/, comparator: 'gte' },
  { re: /(?:^|\s)(?:khong qua|toi da|khong vuot qua|khong nhieu hon|khong cao hon)\s*$/, comparator: 'lte' },
  // "cao hơn 2%" / "tăng hơn" are changes, handled by the kind module; only a bare "hơn"/"trên" is a comparator.
  // "tăng cao trên 10 điểm" (d2197): "cao" before "trên" is no comparison verb.
  { re: /(?:^|\s)(?:tren|(?<!(?:cao|thap|nhieu|it) )hon)\s*$/, comparator: 'gt' },
  { re: /(?:^|\s)(?:duoi|chua den|chua toi)\s*$/, comparator: 'lt' },
  // A bare "quá 3%" is "more than"; readHedges turns it into a ceiling after "không" ("không để … quá 3%").
  // "kỳ trước chuyển qua 3.303 hồ sơ": "chuyển qua" is a verb (carried over), not "more than"; "trả kết quả 640 hồ sơ":
  // "quả" (result) folds to it too.
  { re: /(?:^|\s)(?<!(?:thong|vuot|di|trai|bo|chuyen|ket) )qua\s*$/, comparator: 'gt' },
  { re: /(?:^|\s)(?:khoang|gan|xap xi|chung|uoc|uoc tinh|uoc dat|gan nhu)\s*$/, approximate: true },
  // "từ 98%" is a floor; "Sở Kế hoạch và Đầu tư 1,6 ngàn" is a name ("đầu tư" folds to "dau tu").
  { re: /(?:^|\s)(?<!dau )tu\s*$/, comparator: 'gte' },
];

/** A capitalised word right before a position: the position continues a name. */
const NAME_WORD_BEFORE_RE = /\p{Lu}\p{Ll}*\s+$/u;
/** A number written with a decimal part: "92,26", "91.5". */
const DECIMAL_RE = /^\d{1,3}[.,]\d{1,2}$/;
/** An ordinal or place word right before a number: "thứ 5", "hạng 48", "vị trí số 58". Folded. */
const ORDINAL_BEFORE_RE = /(?<![a-z])(?:thu|hang|vi tri(?: so)?)\s*$/;
/** A year named right after a number: "năm 2015". Folded. */
const YEAR_AFTER_RE = /^\s*nam\s+(?:19|20)\d\d(?!\d)/;
/** Words before a count of administrative units that make it an enumeration ("UBND 16 phường", "và 13 phường"). */
const UNIT_ENUMERATION_BEFORE_RE = /(?:^|\s)(?:ubnd|uy ban nhan dan|cac|toan bo|ca|va|gom|voi)\s*$/;

/** "ít nhất một sáng kiến": a number word after a hedge; anywhere else "một" means "a" ("một cửa", "một phần"). */
const WORD_NUMBER_RE = new RegExp(`(?<![a-z0-9])(it nhat|toi thieu|toi da|khong qua) (${Object.keys(WORD_NUMBERS).join('|')})(?![a-z0-9])`, 'g');

/** Words one of which {@link WORD_NUMBER_RE} needs: without them the regex is not run. */
const WORD_NUMBER_LEADS = ['it nhat ', 'toi thieu ', 'toi da ', 'khong qua '];
const LETTER_RE = /\p{L}/u;
const LIST_SPLIT_RE = /^(\d{1,2})\.(\d+(?:,\d+)?)$/;
const LIST_MARKER_AFTER_RE = /^[.)]\s/;
const DIGIT_RE = /\d/;
const LEADING_NUMBER_RE = /^[\d.,\s]+/;
const QUA_END_RE = /qua\s*$/;
const KHONG_BEFORE_RE = /(?:^|\s)khong\s/;

/** "không có hồ sơ trễ hạn", "không để xảy ra hồ sơ quá hạn": group 1 is the "none", group 2 the noun up to the cue. */
/** A theme or slogan opened right before a statement: "với chủ đề “", "khẩu hiệu:", "phương châm". Folded (quotes fold to spaces). */
const SLOGAN_BEFORE_RE = /(?<![a-z])(?:chu de|khau hieu|phuong cham|thong diep)(?: (?:nam|la|cua nam)(?: \d{4})?)?\s*[:"“'‘]?\s*$/;
const ZERO_LATE_RE = /(?<![a-z0-9])(khong (?:co|de xay ra|phat sinh))( (?:ho so|hs)(?: nao)?)(?= (?:bi )?(?:(?:tre|qua|cham) (?:han|hen)|cham muon|cham tre)(?!\s*(?:qua|vuot qua|tren|hon)?\s*\d))/g;

/** A lone digit and a comma with a space on one side only, right before a number: "9 ,2%", "(8, 12%)". */
const BROKEN_DECIMAL_BEFORE_RE = /(?:^|[^\d.,])\d{1,2}(?: ,|, )$/;
const BROKEN_PERCENT_AFTER_RE = /^\s?(?:%|điểm)/u;
/** A count of units right before "không phát sinh …": "9 đơn vị", "12 xã, phường đã". */
const UNITS_COUNT_BEFORE_RE = /(?:^|\s)\d+ (?:don vi|co quan|dia phuong|xa|phuong|thi tran|so|nganh|huyen)(?![a-z])[^.;\d]{0,25}$/;
/** Ordinals written as words after a rank verb ("thứ năm" is left out: "năm" is also "year"). */
const ORDINAL_WORDS: Readonly<Record<string, number>> = { nhat: 1, mot: 1, nhi: 2, hai: 2, ba: 3, tu: 4 };
/**
 * A rank in words: an ordinal after a rank verb ("xếp vị trí thứ nhất", "xếp thứ hai là …", "giữ vị trí số một"; group
 * 1), or first place ("ngôi vị quán quân"; "dẫn đầu" / "đứng đầu" only before the ranking or the index they lead ("dẫn đầu bảng,", d7160), or the
 * field they lead with the clause going on: "dẫn đầu (trong) bảng xếp hạng …", "đứng đầu bảng Chỉ số …", "dẫn đầu toàn
 * tỉnh với 95,86 điểm", "đứng đầu các huyện, thành phố", "đứng đầu cả nước (trong bảng xếp hạng) về chỉ số …", "dẫn đầu huyện Kim Thành về chỉ số …" (d3956), "PAR Index 2024: Hải Phòng dẫn
 * đầu cả nước, …", "đứng đầu trong 63 tỉnh, thành phố" (group 2: the field's size), or with the score it leads
 * with ("thành phố Việt Trì dẫn đầu với 89,3 điểm", "đứng đầu với chỉ số là 89,42", "dẫn đầu chỉ số cải cách hành chính với tổng số
 * điểm 92,86", d5152), the block or group it leads ("dẫn đầu khối này", "đứng đầu nhóm
 * các bộ"; not "dẫn đầu khối … là X", whose holder follows), or the units it is first of ("đứng đầu 17 bộ, ngành";
 * group 3: how many) — "dẫn đầu về chỉ số …" alone is left: on dev it also matched related-article titles and the
 * field's size went unread — "5 địa phương dẫn đầu", "lọt vào nhóm 10 tỉnh, thành phố dẫn đầu" (d3307), "nằm trong nhóm các tỉnh, thành
 * phố dẫn đầu" (d4152), "là 2 đơn vị dẫn đầu", "các tỉnh đứng đầu gồm", "6 lần đứng
 * đầu" name no one's rank, "người đứng đầu các sở" is their heads, and "… dẫn đầu cả nước." may be a component's).
 */
const RANK_WORD_RE = /(?<![a-z])(?:(?:(?:(?:xep|dung|giu)(?: o)?(?: vi tri| hang| vi)?|(?:voi|o|giu|dat|len) vi tri) thu|(?:xep|dung|giu)(?: o)? vi tri so) (nhat|nhi|hai|ba|tu|mot)(?!\s*\d)|(?:ngoi vi|vi tri) quan quan|(?<!lan |nguoi |\d (?:don vi|dia phuong|tinh|co quan|so|huyen|bo|nganh) )(?<!(?:nhom|top)(?: \d{1,3})?(?: cac)?(?: (?:tinh, thanh pho|tinh thanh|tinh|don vi|dia phuong|so, nganh|so|huyen|xa|phuong|bo|co quan))? )(?:dan dau|dung dau)(?= (?:(?:trong |tren )?bang (?:xep hang|chi so)|bang\s*[,;.]|(?:huyen|tinh|thanh pho|thi xa|quan)(?: [a-z]+){1,3} ve (?:chi so|cai cach|cchc|par)|(?:ca nuoc|toan quoc)(?: trong bang xep hang)?(?: ve (?:(?:viec )?thuc hien )?(?:bo )?(?:chi so|cai cach)|\s*[,;])|toan tinh(?: ve (?:chi so|cai cach)| voi \d[\d.,]* diem)|cac (?:huyen|quan|so|xa|phuong|tinh|bo|don vi|dia phuong|co quan)(?![a-z])|trong (\d{2}) tinh|voi \d[\d.,]*(?:\/\d{2,3})? diem|voi chi so (?:la |dat )?\d|chi so (?:cai cach hanh chinh|cchc)(?: nam \d{4})? voi (?:tong )?(?:so )?diem (?:la |dat )?\d|(?:khoi|nhom (?:cac )?(?:bo|tinh|so|huyen|quan|xa|phuong|dia phuong|don vi|co quan))(?![a-z])(?![^,;.]{0,40} la )|(\d{1,3}) (?:bo|tinh|so|huyen|xa|phuong|don vi|co quan|dia phuong)(?![a-z]))))(?![a-z])/g;
/** Places after the first written in words, as a ranking's list names them. */
const LISTED_PLACE_WORDS: Readonly<Record<string, number>> = { hai: 2, nhi: 2, ba: 3, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };
/**
 * A later place of a list before its holder, after a separator: ", thứ ba là Ngân hàng Nhà nước", "và thứ năm là Bộ Nội vụ".
 * The holder must be a unit or a name ({@link LISTED_HOLDER_WORD_RE}; "Thứ hai là, …" opening an argument is no place). Folded.
 */
const LISTED_PLACE_NAMED_AFTER_RE = /(?:[,;(]|(?<![a-z])va)\s+(?:(?:xep|dung)\s+)?thu (hai|nhi|ba|tu|nam|sau|bay|tam|chin|muoi) la (?=[a-z])/g;
/** A unit's word opening the holder after "là" (folded), or else a capitalised name ("thứ ba là Đồng Tháp", d7160; original text). */
const LISTED_HOLDER_WORD_RE = /^(?:bo|so|tinh|thanh pho|tp|huyen|quan|thi xa|xa|phuong|ngan hang|ubnd|uy ban|van phong|thanh tra|ban|cuc|tong cuc|cong an|bao hiem|kho bac|truong|dai hoc)(?![a-z])/;
/** After a count: its share in brackets, then the dossiers it counts (" (chiếm 22,16%) hồ sơ"). Folded. */
const SHARE_THEN_DOSSIERS_AFTER_RE = /^\s*\(\s*(?:chiem\s+)?(?:(?:ty|ti) le\s+)?\d[\d.,]*\s*%\s*\)\s*(?:ho so|hs)(?![a-z])/;
/** Between a count and its whole written in words: " trên ", " trên tổng số " (original text). */
const RATIO_IN_WORDS_BETWEEN_RE = /^\s+trên\s+(?:tổng\s+số\s+)?$/u;
/** A capitalised ordinal after "hạng", and its value: "hạng Nhất", "xếp hạng Nhì", "hạng Tám". Original text. */
const CAPITAL_ORDINALS: Readonly<Record<string, number>> = { Nhất: 1, Nhì: 2, Ba: 3, Tư: 4, Năm: 5, Sáu: 6, Bảy: 7, Tám: 8, Chín: 9, Mười: 10 };
const CAPITAL_ORDINAL_RE = new RegExp(`(?<![\\p{L}])hạng\\s+(${Object.keys(CAPITAL_ORDINALS).join('|')})(?![\\p{L}])`, 'gu');
/**
 * First place named before its holder: "đứng đầu (bảng xếp hạng) (vẫn)" before "là", "xếp thứ nhất" before "là", "đứng đầu về
 * CCHC trong khối các địa phương là Đà Nẵng" (d7857). Folded, global.
 */
// Not a head of people: "Lãnh đạo Bộ Công Thương, đứng đầu là đ/c Bộ trưởng" (d7151).
const LEADER_NAMED_AFTER_RE = /(?<![a-z])(?:(?:dung|xep) (?:dau|thu nhat)|dan dau)(?: (?:bang(?: xep hang)?|danh sach))?(?: ve (?:cchc|cai cach hanh chinh|chi so (?:cai cach hanh chinh|cchc|par ?index)))?(?: (?:trong|o) (?:khoi|nhom) [a-z ,]{0,40}?)?(?: (?:van|tiep tuc))?(?= la [a-z])(?! la (?:d\/c|dong chi|ong|ba|bo truong|thu truong|giam doc|chu tich|bi thu|pho|lanh dao|nguoi)(?![a-z]))/g;
/** Words one of which {@link RANK_WORD_RE} needs: without them the regex is not run. */
const RANK_WORD_LEADS = [' thu ', 'vi tri so', 'quan quan', 'dan dau', 'dung dau'];
/**
 * After a rank: the field it is counted in, "trong (tổng) số 34 tỉnh", "trong 18 huyện", "trên 19 đơn vị", "khối 18
 * huyện", "trong tổng số 35 Cục Hải quan" (group 1: how many).
 */
const RANK_FIELD_AFTER_RE = /^\s*(?:(?:trong|tren) (?:tong )?so|trong|tren|(?:cua |trong )?khoi) (\d{1,3})(?= (?:cac )?(?:tinh|dia phuong|bo|co quan|don vi|so|huyen|xa|quan|phuong|(?:chi |tong )?cuc)(?![a-z]))/;
/**
 * Last place in a field whose size the sentence gives: "xếp cuối trong 45 phường", "đứng vị trí (thứ) cuối bảng trong
 * tổng số 20 sở, ban, ngành", "nằm ở vị trí cuối bảng trong tổng số 20 đơn vị là …", "đứng cuối bảng xếp hạng chỉ số …
 * trong 17 bộ" (group 1: the field's size, which is also the rank). Not "nhóm cuối bảng" (a group), and no number or
 * bracket between the place and its field ("xếp cuối (81,98%) của khối 5 cơ quan" names a score first).
 */
const LAST_PLACE_RE = /(?<![a-z])(?:xep|dung|nam o|o)(?: o)?(?: vi tri| vi thu)?(?: thu)? cuoi(?: cung| bang)?(?: xep hang)?(?=[ ,])[^\d.;:()]{0,60}? (?:trong|cua)(?: tong so| so)? (\d{1,3}) (?=(?:cac )?(?:tinh|dia phuong|bo|co quan|don vi|so|huyen|xa|quan|phuong|thi xa)(?![a-z]))/g;
/** "vươn lên một bậc", "tụt hai bậc": a rank move counted in words (group 1), after a move verb. */
const RANK_STEP_WORD_RE = /(?<![a-z])(?:tang|giam|len|xuong|tut)(?: them)? (mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) (?:bac|hang)(?![a-z])/g;

/** More numbers than this in one sentence (≤ 2,000 chars) is not prose: a dense real sentence has about a dozen. */
const MAX_NUMBERS_PER_SENTENCE = 60;

/** Noun classes a count may have; 'other' nouns (money, events, products) never make a reform figure. */
const NON_FIGURE_NOUNS: ReadonlySet<NounClass> = new Set(['other', 'tieuchi']);

interface SentenceInput {
  text: string;
  folded: string;
  sentence: Span;
  paragraphStart: number;
  /** Numbers of the document's list-marker paragraphs: "5.98%" after items 4 or 6 is item 5 + 98%. */
  listNumbers: ReadonlySet<number>;
}

type Reading = Omit<Candidate, 'hedgeStart' | 'comparator' | 'approximate'>;

/** `{ ...reading, ...hedges }` with one fixed shape (spreading readings of several shapes is slow). */
function withHedges(r: Reading, h: { hedgeStart: number; comparator: Comparator; approximate: boolean }): Candidate {
  return {
    start: r.start, end: r.end, hedgeStart: h.hedgeStart, nounEnd: r.nounEnd, value: r.value, total: r.total, upperBound: r.upperBound,
    unit: r.unit, noun: r.noun, comparator: h.comparator, approximate: h.approximate, ratio: r.ratio,
  };
}

/** "xếp hạng" right before a number, with no ordinal word ("thứ", "vị trí"). Folded. */
const RANKS_UNITS_BEFORE_RE = /(?:^|[^a-z0-9])xep hang\s*$/;
/** The ranked units counted after the number: "63 UBND tỉnh, thành phố", "19 sở, ngành", "22 đơn vị". Folded. */
const RANKED_UNITS_AFTER_RE = new RegExp(`^\\s*(?:ubnd\\s+)?(?:cac\\s+)?(?:${UNIT_WORDS}|bo)(?![a-z])`);

/** The head of a respectively list before a bare value: "số điểm … lần lượt là 87,61 và " (1: points), "tỷ lệ … lần lượt là ". */
const RESPECTIVE_HEAD_BEFORE_RE = /(?:(so diem|diem so|tong diem|muc diem)|(?<![a-z])(?:ty le|ti le))[^.;:]{0,50}?lan luot(?: la| dat)?\s*:?\s*(?:\d[\d.,]*\s*(?:%|diem)?\s*(?:,|;|va|,\s*va)\s*)*$/;

/** Read the candidates of one sentence. Linear in the sentence length. */
export function candidatesInSentence(input: SentenceInput): { candidates: Candidate[]; dropped: DroppedCandidate[] } {
  const { text, folded, sentence } = input;
  const tokens = scanNumberTokens(text, sentence.start, sentence.end);
  const candidates: Candidate[] = [];
  const dropped: DroppedCandidate[] = [];
  const before = (pos: number, n = 40): string => folded.slice(Math.max(sentence.start, pos - n), pos);
  const after = (pos: number, n = 60): string => folded.slice(pos, Math.min(sentence.end, pos + n));
  const drop = (start: number, end: number, reason: string): void => {
    dropped.push({ text: text.slice(start, end), start, end, reason });
  };
  if (tokens.length > MAX_NUMBERS_PER_SENTENCE) {
    // Prose states a few numbers per sentence; a run of hundreds is a table, a counter or junk.
    for (const t of tokens) drop(t.start, t.end, 'number_run');
    return { candidates, dropped };
  }
  const levels = levelMentions(folded, sentence.start, sentence.end);

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.value === null) {
      drop(t.start, t.end, t.raw.length > 24 ? 'too_long' : 'malformed');
      continue;
    }
    // Only a few characters may precede a list marker, so the check stays O(1) on a huge paragraph.
    const atParagraphStart = t.start === sentence.start || (t.start - input.paragraphStart < 8 && text.slice(input.paragraphStart, t.start).trim() === '');
    const listSplit = LIST_SPLIT_RE.exec(t.raw);
    const item = listSplit ? Number(listSplit[1]) : NaN;
    if (atParagraphStart && listSplit && (input.listNumbers.has(item - 1) || input.listNumbers.has(item + 1))) {
      // "5.98% hồ sơ" in a numbered list: item 5, then 98%. Re-read the rest as its own token.
      drop(t.start, t.start + listSplit[1].length + 1, 'list_number');
      const rest = listSplit[2];
      const restStart = t.start + listSplit[1].length + 1;
      tokens[i] = { start: restStart, end: restStart + rest.length, raw: rest, value: parseViNumber(rest), leadingZero: false };
      i--;
      continue;
    }
    if (atParagraphStart && LIST_MARKER_AFTER_RE.test(text.slice(t.end, t.end + 2))) {
      drop(t.start, t.end + 1, 'list_number');
      continue;
    }
    if (levels.some((l) => t.start >= l.start && t.end <= l.end)) {
      drop(t.start, t.end, 'level_designator');
      continue;
    }
    const prevCh = text[t.start - 1] ?? ' ';
    const nextCh = text[t.end] ?? ' ';
    if (LETTER_RE.test(prevCh) || LETTER_RE.test(nextCh)) {
      drop(t.start, t.end, 'identifier');
      continue;
    }
    if ((nextCh === ':' && DIGIT_RE.test(text[t.end + 1] ?? '')) || (prevCh === ':' && DIGIT_RE.test(text[t.start - 2] ?? ''))) {
      let j = i;
      while (j + 1 < tokens.length && text[tokens[j].end] === ':' && tokens[j + 1].start === tokens[j].end + 1) j++;
      drop(t.start, tokens[j].end, 'time_or_standard');
      i = j;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && text[tokens[j].end] === '/' && tokens[j + 1].start === tokens[j].end + 1) j++;
    const slashLetter = text[tokens[j].end] === '/' && LETTER_RE.test(text[tokens[j].end + 1] ?? '');
    if (slashLetter || j - i >= 2) {
      drop(t.start, tokens[j].end, slashLetter ? 'document_number' : 'date');
      i = j;
      continue;
    }
    const foldedBefore = before(t.start);
    // "đạt 9 9 ,2%", "(8, 12%)", "với 80, 48 điểm": the decimal part of a number the page broke apart; refused rather than
    // repaired (d1887).
    if (BROKEN_DECIMAL_BEFORE_RE.test(foldedBefore) && BROKEN_PERCENT_AFTER_RE.test(text.slice(tokens[j].end, tokens[j].end + 6))) {
      drop(t.start, tokens[j].end, 'broken_number');
      i = j;
      continue;
    }
    // "đạt 80,18 điểm/100 điểm": the number after "điểm/" is the scale's maximum, nobody's score.
    if (SCALE_AFTER_POINTS_RE.test(foldedBefore)) {
      drop(t.start, t.end, 'scale_maximum');
      continue;
    }
    const isRank = RANK_BEFORE_RE.test(foldedBefore) || bareOrdinalRank(t.start, foldedBefore) || (j === i + 1 && rankListItem(t.start, tokens[j].end, foldedBefore));
    if (!isRank) {
      const reason = reasonBefore(foldedBefore);
      // "khối phường 92,26%", "khối xã, đặc khu 91,87%": a ward's or a zone's designator is a whole number, never a
      // decimal share — the word before names a group whose share this is (d751).
      const decimalShare = reason === 'name_or_code' && j === i && DECIMAL_RE.test(t.raw) && PERCENT_AFTER_RE.test(after(t.end));
      if (reason && !decimalShare) {
        drop(t.start, tokens[j].end, reason);
        i = j;
        continue;
      }
    }
    // "số hóa kết quả giải quyết cho 51.574 trên 58.202 hồ sơ", "11.241 trên tổng số 40.954 hồ sơ": a count out of a whole
    // written in words is the ratio "51.574/58.202 hồ sơ", not a part and a whole over 58.202 dossiers (d2050).
    const next = tokens[i + 1];
    if (j === i && !isRank && next && RATIO_IN_WORDS_BETWEEN_RE.test(text.slice(t.end, next.start))) {
      const pair = readPair(t, next, false);
      if (typeof pair !== 'string' && pair.ratio) {
        candidates.push(withHedges(pair, readHedges(foldedBefore, t.start)));
        i = i + 1;
        continue;
      }
    }
    if (j === i + 1) {
      const pair = readPair(t, tokens[j], isRank || RANK_PAIR_BEFORE_RE.test(text.slice(Math.max(sentence.start, t.start - 12), t.start).toLowerCase()));
      i = j;
      if (typeof pair === 'string') drop(t.start, tokens[j].end, pair);
      else candidates.push(withHedges(pair, readHedges(foldedBefore, t.start)));
      continue;
    }
    const single = readSingle(t, tokens[i + 1]);
    if (typeof single === 'string') drop(t.start, t.end, single);
    else {
      const hedge = readHedges(foldedBefore, t.start);
      if (single.upperBound !== null) {
        i++;
        hedge.comparator = 'eq';
      }
      candidates.push(withHedges(single, hedge));
      // A number the candidate took in ("trên tổng số 100 điểm") is not read again.
      while (tokens[i + 1] && tokens[i + 1].start < single.end) i++;
    }
  }
  const sentenceFolded = folded.slice(sentence.start, sentence.end);
  const wordNumbers = WORD_NUMBER_LEADS.some((w) => sentenceFolded.includes(w)) ? matchesOf(WORD_NUMBER_RE, sentenceFolded) : [];
  for (const m of wordNumbers) {
    const start = sentence.start + (m.index ?? 0) + m[0].length - m[2].length;
    const end = start + m[2].length;
    const { noun, nounEnd } = readNoun(end);
    if (noun === null || NON_FIGURE_NOUNS.has(noun) || noun === 'nguoi' || noun === 'donvi') continue;
    candidates.push({ start, end, nounEnd, value: WORD_NUMBERS[m[2]], total: null, upperBound: null, unit: 'count', noun, ratio: false, ...readHedges(before(start), start) });
  }
  // "không có hồ sơ trễ hạn": zero late dossiers, stated without a digit.
  if (sentenceFolded.includes('khong ')) {
    for (const m of matchesOf(ZERO_LATE_RE, sentenceFolded)) {
      const start = sentence.start + (m.index ?? 0);
      const end = start + m[1].length;
      // "9 đơn vị không phát sinh hồ sơ trễ hạn": none late in some units is no zero for the whole.
      if (UNITS_COUNT_BEFORE_RE.test(sentenceFolded.slice(Math.max(0, (m.index ?? 0) - 40), m.index))) {
        dropped.push({ text: text.slice(start, end), start, end, reason: 'zero_in_some_units' });
        continue;
      }
      // "… năm 2024, với chủ đề “Không có hồ sơ trễ hẹn, …”": a year's theme or slogan, no result (d7200).
      if (SLOGAN_BEFORE_RE.test(sentenceFolded.slice(Math.max(0, (m.index ?? 0) - 30), m.index))) {
        dropped.push({ text: text.slice(start, end), start, end, reason: 'slogan' });
        continue;
      }
      candidates.push({ start, end, hedgeStart: start, nounEnd: end + m[2].length, value: 0, total: null, upperBound: null, unit: 'count', noun: 'hoso', ratio: false, comparator: 'eq', approximate: false });
    }
  }
  if (sentenceFolded.includes(' bac') || sentenceFolded.includes(' hang')) {
    for (const m of matchesOf(RANK_STEP_WORD_RE, sentenceFolded)) {
      const start = sentence.start + (m.index ?? 0) + m[0].length - m[0].slice(m[0].indexOf(` ${m[1]} `) + 1).length;
      const end = sentence.start + (m.index ?? 0) + m[0].length;
      if (candidates.some((c) => c.start < end && c.end > start)) continue;
      candidates.push({ start, end, hedgeStart: start, nounEnd: end, value: WORD_NUMBERS[m[1]], total: null, upperBound: null, unit: 'rank', noun: null, ratio: false, comparator: 'eq', approximate: false });
    }
  }
  // "xếp vị trí thứ nhất", "giữ vị trí số một", "dẫn đầu bảng xếp hạng Chỉ số CCHC", "ngôi vị quán quân": a rank written in words.
  if (RANK_WORD_LEADS.some((w) => sentenceFolded.includes(w))) {
    for (const m of matchesOf(RANK_WORD_RE, sentenceFolded)) {
      const start = sentence.start + (m.index ?? 0);
      const end = start + m[0].length;
      if (candidates.some((c) => c.start < end && c.end > start)) continue;
      const value = m[1] ? ORDINAL_WORDS[m[1]] : 1;
      // "đứng đầu trong 63 tỉnh, thành phố": first of the field it names.
      const field = m[2] ?? m[3];
      const total = field ? Number(field) : null;
      candidates.push({ start, end, hedgeStart: start, nounEnd: end, value, total, upperBound: null, unit: 'rank', noun: null, ratio: false, comparator: 'eq', approximate: false });
    }
  }
  // "đứng đầu là huyện Sa Thầy với trên 86 điểm", "Đứng đầu vẫn là Ngân hàng Nhà nước với 90,57%", "đứng đầu bảng xếp hạng
  // là Sở Tài chính", "kết quả xếp hạng chỉ số CCHC 2021 dẫn đầu là TP Hải Phòng": first place, held by the unit named
  // after "là" (d2374, d3850, d6057, d7154).
  if (sentenceFolded.includes(' la ')) {
    for (const m of matchesOf(LEADER_NAMED_AFTER_RE, sentenceFolded)) {
      const start = sentence.start + (m.index ?? 0);
      const end = start + m[0].length;
      if (candidates.some((c) => c.start < end && c.end > start)) continue;
      candidates.push({ start, end, hedgeStart: start, nounEnd: end, value: 1, total: null, upperBound: null, unit: 'rank', noun: null, ratio: false, comparator: 'eq', approximate: false });
    }
  }
  // "được xếp hạng Nhất", "hạng Nhì", "tăng từ hạng Tám lên hạng Nhất": a place written as a capitalised ordinal after
  // "hạng" (accented: "hàng năm" is "every year"), as a ranking's places are named (d4850).
  if (sentenceFolded.includes('hang ')) {
    for (const m of matchesOf(CAPITAL_ORDINAL_RE, text.slice(sentence.start, sentence.end))) {
      const start = sentence.start + (m.index ?? 0) + m[0].length - m[1].length;
      const end = start + m[1].length;
      if (candidates.some((c) => c.start < end && c.end > start)) continue;
      candidates.push({ start, end, hedgeStart: start, nounEnd: end, value: CAPITAL_ORDINALS[m[1]], total: null, upperBound: null, unit: 'rank', noun: null, ratio: false, comparator: 'eq', approximate: false });
    }
  }
  // "xếp cuối trong 45 phường": the last place of a field of 45 is rank 45 of 45 (the count is no figure of its own).
  if (sentenceFolded.includes('cuoi')) {
    for (const m of matchesOf(LAST_PLACE_RE, sentenceFolded)) {
      const start = sentence.start + (m.index ?? 0) + m[0].length - m[1].length - 1;
      const end = start + m[1].length;
      const size = Number(m[1]);
      if (size < 2 || candidates.some((c) => c.unit === 'rank' && c.start < end && c.end > sentence.start + (m.index ?? 0))) continue;
      for (let o = candidates.length - 1; o >= 0; o--) if (candidates[o].start < end && candidates[o].end > start) candidates.splice(o, 1);
      candidates.push({ start, end, hedgeStart: start, nounEnd: end, value: size, total: size, upperBound: null, unit: 'rank', noun: null, ratio: false, comparator: 'eq', approximate: false });
    }
  }
  // "xếp hạng 1 trong số 34 tỉnh, thành", "đứng thứ hai trong tổng số 34 tỉnh": the field the rank is counted in is its
  // total (the count itself is no figure).
  if (sentenceFolded.includes(' trong ') || sentenceFolded.includes(' tren ') || sentenceFolded.includes(' khoi ')) {
    const fields: Span[] = [];
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k];
      if (c.unit !== 'rank' || c.total !== null) continue;
      const m = RANK_FIELD_AFTER_RE.exec(after(c.end, 40));
      if (!m || Number(m[1]) < c.value) continue;
      const end = c.end + m[0].length;
      candidates[k] = { ...c, total: Number(m[1]), end, nounEnd: Math.max(c.nounEnd, end) };
      fields.push({ start: c.end, end });
    }
    for (const f of fields) {
      for (let o = candidates.length - 1; o >= 0; o--) if (candidates[o].start >= f.start && candidates[o].start < f.end) candidates.splice(o, 1);
    }
  }
  // "(Đứng đầu là Bộ Giao thông Vận tải với 81,83 điểm, thứ ba là Ngân hàng Nhà nước …, thứ tư là Bộ Ngoại giao …)": the
  // later places of a ranking's list, written in words before their holders (d7861).
  if (sentenceFolded.includes(' la ')) {
    for (const m of matchesOf(LISTED_PLACE_NAMED_AFTER_RE, sentenceFolded)) {
      // The place's own words; its holder follows "là", where a rank's holder is looked for.
      const start = sentence.start + (m.index ?? 0) + m[0].lastIndexOf('thu ');
      const end = start + `thu ${m[1]}`.length;
      if (!RANK_WORD_EARLIER_RE.test(folded.slice(Math.max(sentence.start, start - 200), start)) && !/(?<![a-z])(?:dan|dung) dau(?![a-z])/.test(folded.slice(Math.max(sentence.start, start - 200), start))) continue;
      const holderAt = sentence.start + (m.index ?? 0) + m[0].length;
      if (!LISTED_HOLDER_WORD_RE.test(folded.slice(holderAt, holderAt + 12)) && !/^\p{Lu}/u.test(text.slice(holderAt, holderAt + 1))) continue;
      if (candidates.some((c) => c.start < end && c.end > start)) continue;
      candidates.push({ start, end, hedgeStart: start, nounEnd: end, value: LISTED_PLACE_WORDS[m[1]], total: null, upperBound: null, unit: 'rank', noun: null, ratio: false, comparator: 'eq', approximate: false });
    }
  }
  // "nằm trong top 20 của cả nước", "thuộc nhóm 5 tỉnh dẫn đầu", "tốp 10 địa phương dẫn đầu": a place within a leading
  // group is a rank of at most N (d2095, d1783); addFigure keeps it as a target only.
  if (sentenceFolded.includes('top ') || sentenceFolded.includes('nhom ')) {
    for (const m of matchesOf(TOP_GROUP_RE, sentenceFolded)) {
      const size = m[1] ?? m[2] ?? m[3];
      const start = sentence.start + (m.index ?? 0) + m[0].length - size.length;
      const end = start + size.length;
      const value = Number(size);
      if (value < 2 || value > 100) continue;
      for (let o = candidates.length - 1; o >= 0; o--) if (candidates[o].start < end && candidates[o].end > start) candidates.splice(o, 1);
      candidates.push({ start, end, hedgeStart: start, nounEnd: end, value, total: null, upperBound: null, unit: 'rank', noun: null, ratio: false, comparator: 'lte', approximate: false });
    }
  }
  candidates.sort((a, b) => a.start - b.start);
  return { candidates, dropped };

  /**
   * {@link RANK_LIST_ITEM_BEFORE_RE} after a rank verb earlier in the sentence (within 200 characters), the number
   * (folded[pos, end)) closing its item: nothing but a separator after it ("Lâm Đồng: 46;", "(46/63),").
   */
  function rankListItem(pos: number, end: number, foldedBefore: string): boolean {
    return RANK_LIST_ITEM_AFTER_RE.test(folded.slice(end, Math.min(sentence.end, end + 3))) && RANK_LIST_ITEM_BEFORE_RE.test(foldedBefore) &&
      RANK_VERB_RE.test(folded.slice(Math.max(sentence.start, pos - 200), pos));
  }

  /**
   * A bare ordinal ("Sở Xây dựng thứ 18", "xếp vị trí cao thứ 4") in a sentence that ranks something before it (see
   * {@link BARE_ORDINAL_BEFORE_RE}, {@link RANK_WORD_EARLIER_RE}).
   */
  function bareOrdinalRank(pos: number, foldedBefore: string): boolean {
    return BARE_ORDINAL_BEFORE_RE.test(foldedBefore) && RANK_WORD_EARLIER_RE.test(folded.slice(Math.max(sentence.start, pos - 200), pos));
  }

  function readNoun(pos: number): { noun: NounClass | null; nounEnd: number } {
    const m = NOUN_AFTER_RE.exec(after(pos));
    if (!m) return { noun: null, nounEnd: pos };
    return { noun: nounClassOf(m[1]), nounEnd: pos + m[0].length };
  }

  function readPair(a: NumberToken, b: NumberToken, isRank: boolean): Omit<Candidate, 'hedgeStart' | 'comparator' | 'approximate'> | string {
    const x = a.value ?? NaN;
    const y = b.value ?? NaN;
    if (!Number.isFinite(y) || y <= 0) return 'malformed';
    const base = { start: a.start, end: b.end, nounEnd: b.end, value: x, total: y, upperBound: null, noun: null, ratio: false };
    if (isRank) return x <= y ? { ...base, unit: 'rank' } : 'ambiguous_slash';
    const { noun, nounEnd } = readNoun(b.end);
    const score = SCORE_AFTER_RE.exec(after(b.end));
    if (noun && !NON_FIGURE_NOUNS.has(noun) && x <= y && Number.isInteger(x)) return { ...base, nounEnd, noun, unit: 'count', ratio: true };
    // "số lượng hồ sơ được giải quyết là 1.456/1.625": a ratio of whole numbers with no noun after it counts the dossiers
    // named just before it (d142).
    if (noun === null && x <= y && Number.isInteger(x) && Number.isInteger(y) && !SCORE_AFTER_RE.test(after(b.end)) && BARE_COUNT_AFTER_RE.test(before(a.start, 70)) &&
      /^\s*(?:[;,.)]|$)/.test(after(b.end))) return { ...base, noun: 'hoso', unit: 'count', ratio: true };
    if (noun === 'tieuchi') return 'criteria_count';
    // "điểm thẩm định là 75/80": points over their scale, named before them (d4804).
    if (score || y === 100 || POINTS_BEFORE_PAIR_RE.test(before(a.start))) return x <= y ? { ...base, end: b.end + (score?.[0].length ?? 0), unit: 'score' } : 'ambiguous_slash';
    return slashReason(x, y);
  }

  function readSingle(t: NumberToken, next: NumberToken | undefined): Omit<Candidate, 'hedgeStart' | 'comparator' | 'approximate'> | string {
    let value = t.value ?? NaN;
    let end = t.end;
    let scaled = false;
    let upperBound: number | null = null;
    let total: number | null = null;
    const pct = PERCENT_AFTER_RE.exec(after(end));
    let isPercent = pct !== null;
    if (pct) end += pct[0].length;
    // "98.725%", "91.651 điểm": a dot before three digits groups thousands, but no share or score exceeds 100 — an
    // English decimal point (d764).
    const dotDecimal = DOT_THREE_DECIMALS_RE.test(t.raw) ? Number(t.raw) : null;
    if (dotDecimal !== null && dotDecimal <= 100 && (isPercent || SCORE_AFTER_RE.test(after(end)))) value = dotDecimal;
    if (next && next.value !== null && next.start - t.end < 12 && RANGE_GAP_RE.test(folded.slice(end, next.start))) {
      const nextPct = PERCENT_AFTER_RE.exec(after(next.end));
      if (isYear(t.raw, value) && isYear(next.raw, next.value)) return 'year_range';
      if ((nextPct || isPercent) && next.value > value) {
        upperBound = next.value;
        isPercent = true;
        end = next.end + (nextPct?.[0].length ?? 0);
      } else if (nextPct && isPercent && next.value < value && (RANGE_FROM_BEFORE_RE.test(before(t.start)) || RANGE_SPAN_BEFORE_RE.test(before(t.start)))) {
        // "18 đơn vị xếp loại tốt với chỉ số từ 94,98% đến 85,12%": a range written from the top down (d3303).
        upperBound = value;
        value = next.value;
        end = next.end + nextPct[0].length;
      } else if (!nextPct && !isPercent && next.value > value && RANGE_FROM_BEFORE_RE.test(before(t.start)) && !isYear(next.raw, next.value)) {
        // "cắt giảm từ 1 đến 32 ngày": the unit after the second end is the range's; read as one range, not as 32 alone.
        upperBound = next.value;
        end = next.end;
      }
    }
    if (!isPercent && isYear(t.raw, value)) return 'year';
    const afterUnit = after(end);
    // "xếp thứ 5 năm 2015", "vị trí thứ 12 năm 2022", "hạng 48 năm 2012": an ordinal before a year, not five years.
    const ordinalBeforeYear = ORDINAL_BEFORE_RE.test(before(t.start)) && YEAR_AFTER_RE.test(afterUnit);
    const reason = ordinalBeforeYear ? null : reasonAfter(afterUnit, isPercent);
    if (reason) return reason;
    // "đứng đầu bảng xếp hạng 3 chỉ số uy tín": the indices a ranking's tables count, no place (d4402).
    if (!isPercent && /(?<![a-z])bang xep hang\s*$/.test(before(t.start, 20)) && INDICES_COUNTED_AFTER_RE.test(afterUnit)) return 'count_of_rankings';
    let unit: FigureUnit | null = isPercent ? 'percent' : null;
    if (!isPercent) {
      const scale = SCALE_AFTER_RE.exec(afterUnit);
      scaled = scale !== null;
      if (scale) {
        // 4,1 × 10⁶ is 4099999.9999999995 in binary: rounded to 15 significant digits, the decimal the text wrote.
        value = Number((value * scaleMultiplier(scale[1])).toPrecision(15));
        end += scale[0].length;
      }
      const score = SCORE_AFTER_RE.exec(after(end));
      const steps = RANK_STEPS_AFTER_RE.exec(after(end));
      // "72,45 trên tổng số 100 điểm": a score and the scale it is out of (d1725: the scale was read as the score).
      const outOf = score ? null : OUT_OF_POINTS_AFTER_RE.exec(after(end));
      if (score) {
        unit = 'score';
        end += score[0].length;
      } else if (outOf && Number(outOf[1]) >= value) {
        unit = 'score';
        total = Number(outOf[1]);
        end += outOf[0].length;
      } else if (steps && (RANK_STEP_VERB_BEFORE_RE.test(before(t.start)) || COORDINATED_MOVE_BEFORE_RE.test(before(t.start)))) {
        unit = 'rank';
        end += steps[0].length;
      } else if (RANK_BEFORE_RE.test(before(t.start)) || RANK_MOVE_TO_RE.test(before(t.start, 60)) ||
        (Number.isInteger(value) && value <= 100 && !scaled && (rankListItem(t.start, end, before(t.start)) || bareOrdinalRank(t.start, before(t.start)) || (RANK_LIST_NEXT_BEFORE_RE.test(before(t.start)) && readNoun(end).noun === null)))) unit = 'rank';
      // "từ 82,90% năm 2016 tăng lên 83,93 năm 2017": the level a move reaches takes the unit of the level it left (d3403).
      else if (!scaled && value > 0 && value <= 100 && /[.,]\d/.test(t.raw) && MOVE_FROM_UNIT_BEFORE_RE.test(before(t.start, 80))) {
        unit = MOVE_FROM_UNIT_BEFORE_RE.exec(before(t.start, 80))?.[1] === '%' ? 'percent' : 'score';
      }
      // "lần lượt xếp thứ 2, 3 với 91,53 và 90,92 điểm": a value listed before the last, which writes the unit for all (d2053).
      else if (!scaled && value > 0 && value <= 100 && /[.,]\d/.test(t.raw) && LISTED_VALUES_UNIT_AFTER_RE.test(after(end))) {
        unit = LISTED_VALUES_UNIT_AFTER_RE.exec(after(end))?.[1] === '%' ? 'percent' : 'score';
      }
      else if (DAY_AFTER_RE.test(after(end))) {
        if (!PROCESSING_CUE_RE.test(folded.slice(sentence.start, sentence.end))) return 'date_or_duration';
        unit = 'day';
        end += (DAY_AFTER_RE.exec(after(end)) ?? [''])[0].length;
      }
    }
    // "đánh giá, xếp hạng 63 UBND tỉnh, thành phố": the units a ranking ranks, counted, not a rank.
    if (unit === 'rank' && RANKS_UNITS_BEFORE_RE.test(before(t.start)) && RANKED_UNITS_AFTER_RE.test(after(end))) return 'unit_enumeration';
    const read = readNoun(end);
    // "tiếp nhận trực tuyến 376 (chiếm 22,16%) hồ sơ": the count's noun after the share that a bracket puts between (d6351).
    const bracketed = read.noun === null ? SHARE_THEN_DOSSIERS_AFTER_RE.exec(after(end)) : null;
    const noun = bracketed ? 'hoso' : read.noun;
    const nounEnd = bracketed ? end + bracketed[0].length : read.nounEnd;
    // "tối thiểu 1.000 hồ sơ/năm/tỉnh", "trên 4 hồ sơ/ngày": a dossier volume per period is a threshold, not a count
    // ("kiểm tra ít nhất 05 đơn vị/quý" is a commitment and stays).
    if (noun === 'hoso' && PER_PERIOD_AFTER_RE.test(folded.slice(nounEnd, Math.min(sentence.end, nounEnd + 12)))) return 'per_period_volume';
    // "UBND 16 phường", "các 13 xã": the number names how many units there are, not a result.
    if (unit === null && noun === 'donvi' && UNIT_ENUMERATION_BEFORE_RE.test(before(t.start))) return 'unit_enumeration';
    // "Theo đó, Nam Định đạt 87,32, tăng 2,46 điểm": a bare decimal after "đạt" in a sentence about an index is its score.
    // "với Chỉ số cải cách hành chính là 91,670": the same after "là" when the index's name is what it is (d1082).
    if (unit === null && noun === null && /[.,]\d/.test(t.raw) && value > 10 && value <= 100 && (/(?:^|\s)dat\s*$/.test(before(t.start)) || INDEX_IS_BEFORE_RE.test(before(t.start, 90))) &&
      /chi so|par ?index/.test(folded.slice(sentence.start, sentence.end))) {
      unit = 'score';
    }
    if (unit === null && noun === null && value > 10 && value <= 100 && TOTAL_POINTS_IS_BEFORE_RE.test(before(t.start, 90))) unit = 'score';
    if (unit === null && noun === null && /[.,]\d/.test(t.raw) && value > 10 && value <= 100 && INDEX_VALUE_IS_BEFORE_RE.test(before(t.start, 60)) &&
      /chi so|par ?index|cai cach hanh chinh|cchc/.test(folded.slice(Math.max(0, sentence.start - 400), sentence.end))) unit = 'score';
    // "đứng thứ ba là Sở KH&ĐT với số điểm lần lượt là 87,61 và 86,70", "với các tỷ lệ … lần lượt là 83,49; 78,44% và
    // 77,66%": bare values of a respectively list take the unit its head names (points or a share).
    if (unit === null && noun === null) {
      const head = RESPECTIVE_HEAD_BEFORE_RE.exec(before(t.start, 140));
      if (head) unit = head[1] ? 'score' : 'percent';
    }
    // "lần lượt là: Sở Nội vụ (tổng điểm đạt 95,77), Văn phòng UBND TP (95,15), Sở Tài chính (93,15)": a bare value in
    // brackets after a member of a respectively list takes the unit an earlier member's bracket wrote (d3256).
    if (unit === null && noun === null && value > 0 && value <= 100 && /\(\s*$/.test(before(t.start, 4)) && /^\s*\)/.test(after(end))) {
      const lead = folded.slice(sentence.start, t.start);
      const listed = lead.lastIndexOf('lan luot');
      const earlier = listed >= 0 ? BRACKETED_MEMBER_UNIT_RE.exec(lead.slice(listed)) : null;
      if (earlier) unit = earlier[1] ? 'percent' : 'score';
    }
    // "số hồ sơ giải quyết trễ hạn là 245 (chiếm 1%)": a bare whole number after "là" or ":" counts the dossiers named
    // just before it.
    let countNoun: NounClass | null = noun;
    // "tổng số hồ sơ giải quyết trên 83 ngàn", "hồ sơ đúng hạn là gần 82 ngàn": a count in thousands with no noun after it
    // counts the dossiers named just before it (no other number in between).
    // Not a count of the units it goes on to name: "tổng số hồ sơ tiếp nhận của 34 tỉnh, thành phố là 6,5 triệu" (d6300).
    // "… trong đó đúng hạn 10.557 hồ sơ, đạt tỷ lệ 99,98%, quá hạn 2; hồ sơ đang xử lý …": a bare whole number after a
    // lateness word, closed by punctuation, counts the dossiers of its clause (d1999).
    if (unit === null && noun === null && Number.isInteger(value) && !scaled && LATE_BARE_COUNT_BEFORE_RE.test(before(t.start, 80)) &&
      /^\s*(?:[;,.)]|$)/.test(after(end))) {
      unit = 'count';
      countNoun = 'hoso';
    }
    if (unit === null && noun === null && Number.isInteger(value) && !UNITS_NAMED_AFTER_RE.test(after(end)) && !OTHER_THINGS_AFTER_RE.test(after(end)) &&
      (BARE_COUNT_AFTER_RE.test(before(t.start, 70)) || (scaled && SCALED_COUNT_AFTER_RE.test(before(t.start, 60))))) {
      unit = 'count';
      countNoun = 'hoso';
    }
    // "số TTHC cung cấp trực tuyến mức 3 là 483, số TTHC cung cấp trực tuyến mức 4 là 72": a bare whole number after "là"
    // counts the procedures or services named just before it (d5551).
    if (unit === null && noun === null && Number.isInteger(value) && /^\s*(?:[;,.)]|$)/.test(after(end))) {
      const named = BARE_PROCEDURE_COUNT_BEFORE_RE.exec(before(t.start, 90));
      if (named) {
        unit = 'count';
        countNoun = named[1].startsWith('d') ? 'dichvu' : 'thutuc';
      }
    }
    // "tổng số hồ sơ tiếp nhận khoảng 100.000, đã giải quyết gần 93.000, đạt 93%", "gần 112.000 hồ sơ mới, trong đó hơn
    // 88.000 đã được giải quyết": a bare whole number right after or right before a dossier verb, in a sentence that named
    // dossiers just before it, counts those dossiers (d1086); after the verb it ends its clause or opens a bracket ("số mới
    // tiếp nhận trong kỳ: 139 (trực tuyến …)", d1375).
    if (unit === null && noun === null && Number.isInteger(value) && value >= 10 && /(?<![a-z])(?:ho so|hs)(?![a-z])/.test(before(t.start, 120)) &&
      !UNITS_NAMED_AFTER_RE.test(after(end)) && !OTHER_THINGS_AFTER_RE.test(after(end)) &&
      ((BARE_COUNT_VERB_BEFORE_RE.test(before(t.start, 40)) && /^\s*(?:[;,.()]|$)/.test(after(end))) || BARE_COUNT_VERB_AFTER_RE.test(after(end)))) {
      unit = 'count';
      countNoun = 'hoso';
    }
    // "điểm thẩm định là 92,85 (thang điểm tối đa là 100)": a bare number whose scale follows in brackets is points out of
    // that scale (d3454).
    if (unit === null && noun === null) {
      const scale = BRACKETED_SCALE_AFTER_RE.exec(after(end));
      if (scale && Number(scale[1]) >= value) {
        unit = 'score';
        total = Number(scale[1]);
        end += scale[0].length;
      }
    }
    // "tăng 2,82 điểm so với năm 2020 (83,93)": a bare level in brackets right after the year a move is compared with is
    // that year's, in the move's points (d2554).
    if (unit === null && noun === null && value <= 100 && BASELINE_YEAR_BRACKET_BEFORE_RE.test(before(t.start, 60)) && /^\s*\)/.test(after(end))) unit = 'score';
    // "1.150 dịch vụ công trực tuyến (210 mức độ 3; 940 mức độ 4)": a bare whole number right before a level, in a list
    // opened after a count of services or procedures, counts those at that level (d1892).
    if (unit === null && noun === null && Number.isInteger(value) && LEVEL_RIGHT_AFTER_RE.test(after(end)) && LEVEL_LIST_BEFORE_RE.test(before(t.start, 120))) {
      unit = 'count';
      countNoun = 'dichvu';
    }
    // "151.10 hồ sơ", "5.9123 hồ sơ": a count of dossiers written with a fraction is a misprint (dots group thousands by
    // threes), not a count.
    if (unit === null && noun === 'hoso' && !scaled && !Number.isInteger(value)) return 'malformed_count';
    if (unit === null) {
      if (noun === null) return 'no_unit';
      if (noun === 'tieuchi') return 'criteria_count';
      if (NON_FIGURE_NOUNS.has(noun)) return 'not_a_reform_noun';
      unit = 'count';
    }
    // "40.084 hồ sơ/41.501 (đạt 96,59%)", "99 hồ sơ/382 hồ sơ phát sinh", "75.800 hồ sơ … được thực hiện trực tuyến/tổng số
    // hơn 166.200 hồ sơ", "55 thủ tục hành chính cấp độ 4 (trong tổng số 107 thủ tục)": a count of dossiers or procedures over
    // the whole it is part of, written after its noun.
    if (unit === 'count' && total === null && (countNoun === 'hoso' || countNoun === 'thutuc' || countNoun === 'dichvu') && Number.isInteger(value)) {
      const whole = WHOLE_AFTER_NOUN_RE.exec(folded.slice(nounEnd, Math.min(sentence.end, nounEnd + 70)));
      const w = whole ? parseViNumber(whole[1]) : null;
      if (w !== null && Number.isInteger(w) && w > value && !/^(?:19|20)\d\d$/.test(whole![1])) total = w;
    }
    return { start: t.start, end, nounEnd: Math.max(nounEnd, end), value, total, upperBound, unit, noun: countNoun, ratio: false };
  }

  function readHedges(foldedBefore: string, numberStart: number): { hedgeStart: number; comparator: Comparator; approximate: boolean } {
    let slice = foldedBefore;
    let comparator: Comparator = 'eq';
    let approximate = false;
    for (let round = 0; round < 3; round++) {
      // The first hedge (in table order) that ends the slice; the regexes are not global, so order of trial is free.
      let h: (typeof HEDGES)[number] | null = null;
      let m: RegExpExecArray | null = null;
      for (const cand of HEDGES) {
        m = cand.re.exec(slice);
        if (m) {
          h = cand;
          break;
        }
      }
      if (!h || !m) break;
      // "Tân Ước đạt 93,6 điểm": "Ước" capitalised after a capitalised word ends a name, not the hedge "ước (đạt)".
      if (h.approximate) {
        const at = numberStart - foldedBefore.length + m.index + (m[0].length - m[0].trimStart().length);
        if (/^\p{Lu}/u.test(text.charAt(at)) && NAME_WORD_BEFORE_RE.test(text.slice(Math.max(sentence.start, at - 24), at))) break;
      }
      if (h.comparator && comparator === 'eq') {
        comparator = h.comparator;
        if (QUA_END_RE.test(m[0]) && KHONG_BEFORE_RE.test(slice.slice(0, m.index))) comparator = 'lte';
      }
      if (h.approximate) approximate = true;
      slice = slice.slice(0, m.index);
    }
    // "đạt kết quả chỉ số >90%", "trễ hạn < 2%", "≥ 95%": a comparison sign right before the number (folding drops it).
    if (comparator === 'eq') {
      const sign = COMPARISON_SIGN_BEFORE_RE.exec(text.slice(Math.max(sentence.start, numberStart - 4), numberStart));
      if (sign) comparator = SIGN_COMPARATORS[sign[1]];
    }
    const afterNumber = after(numberStart, 80).replace(LEADING_NUMBER_RE, '');
    if (comparator === 'eq' && AT_LEAST_AFTER_RE.test(afterNumber)) comparator = 'gte';
    if (comparator === 'eq' && LISTED_VALUE_BEFORE_RE.test(foldedBefore)) {
      const longBefore = before(numberStart, 160);
      if (FLOOR_RESPECTIVELY_BEFORE_RE.test(longBefore) || FLOOR_SHARED_BEFORE_RE.test(longBefore)) comparator = 'gte';
    }
    if (comparator === 'eq' && AT_MOST_AFTER_RE.test(afterNumber)) comparator = 'lte';
    return { hedgeStart: numberStart - (foldedBefore.length - slice.trimEnd().length), comparator, approximate };
  }
}
