/**
 * Periods: the phrase a figure is stated for ("9 tháng năm 2018", "6 tháng đầu năm", "quý II/2023",
 * "11 tháng qua", "tính đến nay", "năm 2021", "giai đoạn 2016–2020"), or the publication date.
 *
 * Public surface: `findPeriods`, `defaultPeriod`, `publicationParts`, `statesBaselineLevel`, `PeriodMention`.
 */
import type { FigurePeriod } from '../types';
import { matchesOf } from './regex';
import type { Span } from './sentences';

export interface PeriodMention extends Span {
  period: FigurePeriod;
  /** Opens its sentence ("Trong 9 tháng năm 2018, …"): governs the following sentences too. */
  leading: boolean;
  /** Follows "so với" (the baseline of a change) or precedes "chuyển sang" (where a backlog came from): not the period of a figure. */
  baseline: boolean;
  /** A span of years ("giai đoạn 2016-2020"): applies to its own clause only. */
  local: boolean;
  /** Inside brackets ("(năm 2022 chỉ số này là 77,95%)"): an aside that governs nothing after its closing bracket. */
  until: number | null;
}

/** Vietnam is UTC+7 all year: the publication date's year and month are read in that zone. */
const VN_OFFSET_MS = 7 * 3600 * 1000;

/** Year and month (1-12) of a publication instant in Vietnam time, or nulls. */
export function publicationParts(published: Date | null): { year: number | null; month: number | null } {
  if (!published || Number.isNaN(published.getTime())) return { year: null, month: null };
  const local = new Date(published.getTime() + VN_OFFSET_MS);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1 };
}

/** The period of a figure whose text names none: the publication year. */
export function defaultPeriod(published: Date | null): FigurePeriod {
  const { year } = publicationParts(published);
  return { year, fromMonth: null, toMonth: null, label: year === null ? '' : `năm ${year}` };
}

/**
 * A year written on its own ("năm 2019", "2019", "PAR INDEX 2021"): not part of a longer number or a date's digits, nor
 * a standard's edition ("ISO 9001:2008", which dated an undated article 2008, d2755).
 */
const BARE_YEAR_RE = /(?<![\d.,/:-])(20[0-3]\d)(?![\d.,]\d|\d)/g;
/** The year of a date or a month ("ngày 31/3/2020", "2.1.2018", "tháng 8/2025", "tháng 11-2022"); not a document's number ("Nghị định 43/2011/NĐ-CP", d1991). */
const DATE_YEAR_RE = /(?<![\d.,/-])\d{1,2}\s?[/.-]\s?(?:\d{1,2}\s?[/.-]\s?)?(20[0-3]\d)(?![\d.,]\d|\d)(?!\s?\/\s?[a-z])/g;

/** A comparison's baseline right before a year: "so với năm 2022", "so với cùng kỳ năm 2020", "so với cuối năm 2022", "so với 2021". */
const BASELINE_LEAD_RE = /(?<![a-z])(?<!(?:ho|co) )so (?:voi )?(?:cung ky )?(?:(?:thoi diem )?(?:cuoi|dau) )?(?:(?:gia tri )?(?:trung binh|binh quan) (?:chung )?(?:cua )?(?:ca nuoc )?)?(?:nam )?$/;
/** The whole a share is of, before its year: "so với tổng biên chế của tỉnh năm 2015", "so với số giao năm 2015" (d2291). Folded text. */
const WHOLE_OF_BEFORE_RE = /(?<![a-z])so voi (?:tong|toan bo|so (?:bien che |luong )?(?:duoc )?giao|bien che (?:duoc )?giao)(?![a-z])[^.;\d]{0,50}$/;
/** Right after a year: dossiers carried over from it ("năm 2018 chuyển sang", "… chuyển qua"). Folded text. */
const CARRIED_FROM_AFTER_RE = /^\s*chuyen (?:sang|qua)(?![a-z])/;
/**
 * The same before a period phrase: "so với năm 2019" ends right before "năm 2019", as do "so với giá trị trung bình",
 * "so với kết quả năm 2021", "so với xếp hạng năm 2023" and "so với kết quả của năm 2013" (d808, d3908); so does "bằng thứ
 * hạng năm 2022" (the same place as in 2022, d5153), "so với cuộc khảo sát năm 2016" (an earlier survey, d6458) and "so
 * với kết quả đánh giá năm 2018" (d6801), "so với kết quả Par Index 2013" (the index named before its year, d7861).
 * Never the last syllable of "hồ sơ" or "cơ sở" ("tiếp nhận hồ sơ từ ngày 1 đến 30-9" names the period of the dossiers).
 */
const BASELINE_BEFORE_RE = /(?<![a-z])bang (?:voi )?(?:thu hang|xep hang|ket qua|muc)(?: cua)? $|(?<![a-z])(?<!(?:ho|co) )so (?:voi )?(?:(?:cuoc|ky|dot|lan) (?:khao sat|danh gia|dieu tra) )?(?:(?:ket qua|chi so|muc|diem so)(?: (?:danh gia|khao sat))? )?(?:(?:par ?index|sipas|cai cach hanh chinh|cchc) )?(?:xep hang )?(?:cua )?(?:cung ky )?(?:(?:thoi diem )?(?:cuoi|dau) )?(?:(?:gia tri )?(?:trung binh|binh quan) (?:chung )?(?:cua )?(?:ca nuoc )?)?$/;
/** A level compared right before a period phrase: "(năm 2023) cao hơn năm 2022", "thấp hơn năm 2021". Folded. */
/**
 * The measure named again between "cao/thấp hơn" and the year it is compared with: "cao hơn tỷ lệ đánh giá hài lòng
 * chung của tỉnh năm 2018" (d2199) — not another unit or an average ("cao hơn bình quân cả nước năm 2018"). Folded, a
 * regex source (shared with the kind module's comparison verbs).
 */
export const MEASURE_NAMED_AGAIN = String.raw`(?:(?!(?:ca|toan|trung|binh|cac|tinh|huyen|xa|quan|phuong|so|bo|don)\s)[a-z]+ ){0,8}?(?:cua (?:tinh|huyen|xa|quan|phuong|thanh pho|so|bo|don vi) )?`;
const COMPARED_LEVEL_BEFORE_RE = new RegExp(String.raw`(?<![a-z])(?:cao|thap) hon ${MEASURE_NAMED_AGAIN}$`);

/**
 * What may stand between a baseline ("so với năm 2020") and the baseline's own level: an opening bracket, with or without
 * a verb ("(83,72%)", "(đạt 83,72%)", "(chỉ đạt …)", "(là …)"), or a bare "là" ("tăng 3 bậc so với năm 2013 là 19/19
 * đơn vị"), a hedge after either ("(khoảng 79,42%)", d2170). The number right after is of the baseline's period, not of
 * the sentence's.
 */
const BASELINE_LEVEL_GAP_RE = /^\s*(?:\(\s*(?:(?:chi |moi )?(?:dat|la))?|(?:chi |moi )?la)\s*(?:(?:khoang|gan|xap xi)\s*)?$/;
/** The baseline's own place in brackets: "tăng 4 bậc so với năm 2021 (hạng 38)", "(đứng thứ 32)", "(xếp hạng 23)" (d758, d2554). */
const BASELINE_RANK_GAP_RE = /^\s*\(\s*(?:(?:dung|xep|o)\s+)?(?:hang|thu|vi tri(?: thu)?)\s*$/;

/** Whether the folded text between a baseline period and a number (`gap`) makes the number the baseline's own level. */
export function statesBaselineLevel(gap: string): boolean {
  return (gap.length <= 16 && BASELINE_LEVEL_GAP_RE.test(gap)) || (gap.length <= 20 && BASELINE_RANK_GAP_RE.test(gap));
}

/** Whether `text` writes the word "so" at `at` (not "sở", "sơ" or "số", which fold to the same letters). */
function writesSo(text: string, at: number): boolean {
  return /^so(?![\p{L}])/iu.test(text.slice(at, at + 3).normalize('NFC'));
}

/**
 * What leads a year that bounds a plan rather than dates a result, folded: "giai đoạn 2021 - 2025", "tầm nhìn đến năm
 * 2030", "phấn đấu đến năm 2025" (both years of the span), and the year whose tasks a review sets out ("đánh giá … năm
 * 2025 và triển khai những nhiệm vụ trọng tâm trong năm 2026"; d3207).
 */
const HORIZON_BEFORE_RE = /(?:tam nhin|giai doan(?: tu)?(?: nam)?(?: 20\d\d\s*(?:-|–|den)\s*)?|phan dau|(?:trien khai|phuong huong),? (?:(?:nhung|cac) )?nhiem vu(?: (?:trong tam|chu yeu|trong diem))?(?: (?:trong|cua))?)\s*(?:den\s*)?(?:(?:het|cuoi)\s*)?(?:nam\s*)?$/;

/** Whether the year or period mention starting at `start` of `folded` is a plan's span or horizon, or the year of tasks ahead. */
export function namesHorizon(folded: string, start: number): boolean {
  return HORIZON_BEFORE_RE.test(folded.slice(Math.max(0, start - 64), start) + (folded.startsWith('nam ', start) ? 'nam ' : ''));
}

/**
 * The year an undated article names most often, on its own or in dates (ties: the latest), or null. A baseline
 * ("tăng 1 bậc so với năm 2020") speaks for the year after it: the figures compared with 2020 are 2021's.
 */
/** The rest of a span of years after its first: " - 2020", " đến năm 2020". Folded. */
const SPAN_END_AFTER_RE = /^\s*(?:-|–|den (?:nam )?)\s*(20[0-3]\d)(?!\d)/;

function mostNamedYear(folded: string, text?: string): number | null {
  const counts = new Map<number, number>();
  // A plan's span or horizon ("giai đoạn 2021 - 2025, tầm nhìn đến năm 2030") says when it ends, not what year the
  // results are of; those years count only where the text names no other (d3106).
  const horizons = new Map<number, number>();
  for (const re of [BARE_YEAR_RE, DATE_YEAR_RE]) {
    for (const m of matchesOf(re, folded)) {
      const at = (m.index ?? 0) + m[0].length - m[1].length;
      if (namesHorizon(folded, at)) {
        horizons.set(Number(m[1]), (horizons.get(Number(m[1])) ?? 0) + 1);
        continue;
      }
      // "Từ năm 2011-2020, …": a span of years reports on its last (d1991); a term of office ("nhiệm kỳ 2020 - 2025") does
      // not (d974, d1524).
      const spanEnd = SPAN_END_AFTER_RE.exec(folded.slice(at + 4, at + 20));
      if (spanEnd && !/nhiem ky\s*$/.test(folded.slice(Math.max(0, at - 10), at))) {
        counts.set(Number(spanEnd[1]), (counts.get(Number(spanEnd[1])) ?? 0) + 1);
        continue;
      }
      const from = Math.max(0, at - 24);
      const b = BASELINE_LEAD_RE.exec(folded.slice(from, at));
      // Only where the text writes "so" ("cấp sở năm 2020" is the departments' index of 2020, not a comparison).
      const compared = b !== null && (text === undefined || writesSo(text, from + (b.index ?? 0)));
      const year = Number(m[1]) + (compared ? 1 : 0);
      counts.set(year, (counts.get(year) ?? 0) + 1);
    }
  }
  // "Sau hai tuần triển khai mô hình chính quyền địa phương 2 cấp" names a date: July 2025 and the time since.
  for (const m of folded.includes('chinh quyen') ? matchesOf(TWO_TIER_RE, folded) : []) {
    const year = m[1] ? twoTierPeriod(m, null)?.year : undefined;
    if (year) counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  if (counts.size === 0) for (const [year, n] of horizons) counts.set(year, n);
  let best: number | null = null;
  for (const [year, n] of counts) if (best === null || n > (counts.get(best) ?? 0) || (n === counts.get(best) && year > best)) best = year;
  return best;
}

/** How far into the text the lead reaches (the first lines after the title): for the year it reports on, the unit it is about. */
export const LEAD_CHARS = 600;
/** A review of a year or part of it and its year: "sơ kết công tác cải cách hành chính … năm 2022", "tổng kết 6 tháng đầu năm 2021". Folded. */
const LEAD_REVIEW_RE = /(?<![a-z])(?:so ket|tong ket)(?![a-z])[^.;]{0,120}?(?<![a-z])nam (20\d\d)(?!\d)/g;
/** "Năm qua", "trong năm qua": the past year. Folded. */
const PAST_YEAR_RE = /(?<![a-z])nam qua(?![a-z])/;
/** A year-end review and its year: "tổng kết công tác cải cách hành chính năm 2022", "tổng kết … năm 2022". Folded. */
const YEAR_END_REVIEW_RE = /(?<![a-z])tong ket(?! \d)[^.;\d]{0,80}?nam (20\d\d)(?!\d)/;

/**
 * The period of a figure whose text names none, for the whole article. Without a publication date, the year the
 * article names most often, on its own or in its dates (ties: the latest) — an undated page about "năm 2017 … năm
 * 2016" reports on 2017, one whose only years are in "ngày 12/2/2019" and "tháng 5-2019" on 2019. An
 * article published in January reports on the year just ended ("Huyện … giải quyết 49 ngàn hồ sơ", dated 2020-01,
 * is 2019's total), and so does one of February or March on a year-end review of that year ("hội nghị tổng kết … năm
 * 2022"). Otherwise the publication year.
 */
export function documentPeriod(published: Date | null, folded: string, text?: string): FigurePeriod {
  const pub = publicationParts(published);
  if (pub.year === null) {
    // "Hội nghị sơ kết công tác cải cách hành chính … năm 2022" opening an undated page: the year it reports on, however
    // often older years are named further down (d3705).
    // Not a year of tasks ahead ("Sơ kết 2 năm … và triển khai các nhiệm vụ trọng tâm năm 2024").
    const review = matchesOf(LEAD_REVIEW_RE, folded.slice(0, LEAD_CHARS)).find((m) => !namesHorizon(folded, (m.index ?? 0) + m[0].length - `nam ${m[1]}`.length));
    if (review) return { year: Number(review[1]), fromMonth: null, toMonth: null, label: `năm ${review[1]}` };
    const best = mostNamedYear(folded, text);
    return { year: best, fromMonth: null, toMonth: null, label: best === null ? '' : `năm ${best}` };
  }
  if (pub.month === 1) return { year: pub.year - 1, fromMonth: null, toMonth: null, label: `năm ${pub.year - 1}` };
  // "hội nghị tổng kết … năm 2022 và phát động … năm 2023" in February or March: a year-end review reports on the year
  // just ended.
  if (pub.month !== null && pub.month <= 3 && YEAR_END_REVIEW_RE.exec(folded.slice(0, 1200))?.[1] === String(pub.year - 1)) {
    return { year: pub.year - 1, fromMonth: null, toMonth: null, label: `năm ${pub.year - 1}` };
  }
  // "Năm qua, công tác cải cách hành chính ở xã …" in February or March: the past year is the one just ended (d3703).
  if (pub.month !== null && pub.month <= 3 && PAST_YEAR_RE.test(folded.slice(0, LEAD_CHARS))) {
    return { year: pub.year - 1, fromMonth: null, toMonth: null, label: `năm ${pub.year - 1}` };
  }
  return defaultPeriod(published);
}

/** "9 tháng năm 2018", "9 tháng của năm 2019", "6 tháng đầu năm 2020", "6 tháng cuối năm", "11 tháng qua", "trong 11 tháng,". */
const MONTHS_RE = /(?<![a-z0-9])(\d{1,2}|ba|sau|chin|muoi mot|muoi hai|muoi) thang( dau| cuoi)?((?: cua)? nam)?(?:\s*(?:\/|-)?\s*(\d{4})(?!\d))?( vua qua| qua)?(?![a-z0-9])/g;
/** Month counts written as words ("Sáu tháng đầu năm", "chín tháng"); "năm" (five/year) and "tư" are left out. */
const MONTH_WORDS: Record<string, number> = { ba: 3, sau: 6, chin: 9, muoi: 10, 'muoi mot': 11, 'muoi hai': 12 };
const INDEX_YEAR_RE = /(?<![a-z0-9])(?:sipas|par ?index|papi|pci|dti)\s*(\d{4})(?!\d)/g;
/** "trong tháng 10", "Tháng 10, …", "tháng 8 vừa qua": one month of the publication year (or the year before). */
const MONTH_ONLY_RE = /(?<![a-z0-9])thang (\d{1,2})(?!\d)(?!\s*(?:\/|-|nam)\s*\d|\.20\d\d(?!\d))/g;
/** "quý I", "quý 2/2023", "quý III năm 2020", "quý III.2019" (a dotted year, as "tháng 8.2024"; d5551), "quý I năm nay" (d752). */
const QUARTER_RE = /(?<![a-z0-9])quy (iv|iii|ii|i|[1-4])(?![a-z0-9])(?:\s*(?:\/|-|nam)\s*(\d{4})(?!\d)|\.(20\d\d)(?![\d.,]\d)|\s+nam nay(?![a-z0-9]))?/g;
/** "năm 2021", "năm nay", "năm ngoái" (the year before the publication's: "tụt 2 bậc so với năm ngoái (xếp thứ 2)", d2907). */
const YEAR_RE = /(?<![a-z0-9])nam (\d{4}|nay|ngoai)(?![a-z0-9])/g;
/** A year named without "năm" after "đến", "tới": "đến 2025, số hồ sơ … chiếm 80%", "đến hết 2025" (d2151). Folded. */
const BY_YEAR_RE = /(?<![a-z0-9])(?:den|toi)(?: (?:het|cuoi))? (20\d\d)(?!\d|[.,/-]\d)/g;
/** "giai đoạn 2016-2020", "Từ năm 2015-2020", "trong ba năm 2016 - 2018", "từ năm 2016 đến năm 2020": a span, of its last year. */
const SPAN_RE = /(?<![a-z0-9])(?:giai doan|nam) (20\d\d)\s*(?:-|den (?:nam )?)\s*(20\d\d)(?!\d)/g;
/** "từ năm 2018 đến 31/3/2020", "từ năm 2019 đến hết tháng 6/2021": from a year to a date in a later one. Folded. */
const YEAR_TO_DATE_RE = /(?<![a-z0-9])tu nam (20\d\d)\s*den (?:(?:het|cuoi) )?(?:(?:ngay )?\d{1,2}\s*[/.-]\s*|thang )\d{1,2}\s*[/.-]\s*(20\d\d)(?!\d)/g;
/** "tính đến nay", "từ đầu năm đến nay": up to the publication month. */
const TO_DATE_RE = /(?<![a-z0-9])(?:tinh den nay|tu dau nam den nay|tinh tu dau nam den nay|tu dau nam|den nay|hien nay|den thoi diem nay)(?![a-z0-9])/g;
/** "tính đến ngày 30/9/2023", "tính đến tháng 10/2023", "từ đầu năm (2023) đến hết tháng 9/2023", "đến hết tháng 1-2022", "đến hết tháng 9", "đến (đầu) tháng 4/2023". */
const TO_MONTH_RE = /(?<![a-z0-9])(?:(?:tinh den|den het|den cuoi|(?:tinh )?tu dau nam(?: 20\d\d)?,? den(?: het| cuoi)?) (?:ngay \d{1,2}\s*\/\s*|thang )|(?:(?:tinh )?tu dau nam(?: 20\d\d)?,? )?den (?:dau )?thang )(\d{1,2})(?:\s*(?:\/|-|nam)\s*(\d{4})|\.(20\d\d))?(?!\d)/g;
/**
 * A range of dates or months: "từ ngày 1/7 đến cuối tháng 10/2025", "từ (đầu) tháng 7-2025 đến nay", "từ ngày 21/7 đến 20/8/2021", "từ ngày 2.1.2018
 * đến 17.5.2018", "từ tháng 7 đến tháng 9/2025", "từ ngày 1/7 đến nay", "từ tháng 8/2021 cho đến nay", "Từ 27/6 đến 14/12/2025" (without "ngày"
 * only with a year: "từ 5/9 đến 9/9 huyện" is a count). Groups: "ngày", from day, from month (date), from month
 * ("tháng"), from year, to day, to month (date), to month ("tháng"), "nay", to year ("/2025", "năm 2025").
 */
const RANGE_RE = /(?<![a-z0-9])tu (?:dau |giua )?(ngay |thoi diem (?:ngay )?)?(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})|thang (\d{1,2}))(?:\s*[/.-]\s*(20\d\d))?\s*(?:cho )?(?:den|toi) (?:het |cuoi |giua |dau )?(?:(?:ngay )?(\d{1,2})\s*[/.-]\s*(\d{1,2})|thang (\d{1,2})|(nay))(?:\s*[/.-]\s*(20\d\d)|\s+nam (20\d\d))?(?!\d)/g;
/**
 * A to-date bound written as a day without a year: "Tính đến ngày 30-1", "đến ngày 22/01", "Tính đến 25/8" — January
 * to that month (of the publication year, or of the year before when the month is still ahead of the publication).
 * Without "tính" only after "đến ngày" ("đến 5/9" alone may be a count).
 */
/**
 * "Đến ngày 31/3/2022", "đến hết ngày 30.6.2020": a dated day ends a period that runs from the start of its year. After
 * "từ đầu năm" the day needs no "ngày": "Từ đầu năm đến 31/8/2022" (d7800).
 */
const TO_DATED_DAY_RE = /(?<![a-z0-9])(?:(?:den|toi) (?:het )?ngay |tu dau nam (?:20\d\d )?(?:den|toi) (?:het )?)(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(20\d\d)(?!\d)/g;
const TO_DAY_RE = /(?<![a-z0-9])(?:tinh den (?:het )?(?:ngay )?|den (?:het )?ngay )(\d{1,2})\s*[/.-]\s*(\d{1,2})(?!\s*[/.-]?\s*\d)/g;
/**
 * Two dates joined by a dash after "từ ngày" or "từ thời điểm": "Từ ngày 1/7 - 18/10" (d4000). Groups: from day, from month,
 * from year, to day, to month, to year.
 */
const DASH_RANGE_RE = /(?<![a-z0-9])tu (?:ngay|thoi diem(?: ngay)?) (\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(20\d\d))?\s*[-–]\s*(?:ngay )?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(20\d\d))?(?![\d/.-]*\d)/g;
/** From a date to the end of a year: "Từ 1/7 đến hết năm 2025", "từ ngày 1/7/2025 đến cuối năm 2025" (d2136). */
const TO_YEAR_END_RE = /(?<![a-z0-9])tu (?:ngay |thoi diem (?:ngay )?)?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(20\d\d))?\s*(?:den|toi) (?:het|cuoi) nam (20\d\d)(?!\d)/g;
/** A range of days inside one month, the month written once at its end: "từ ngày 1 - 14/7", "từ ngày 1 đến 31-7/2025". */
const DAY_RANGE_RE = /(?<![a-z0-9])tu ngay (\d{1,2})\s*(?:-|–|den|toi)\s*(?:ngay )?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(20\d\d)|\s+nam (20\d\d))?(?![\d/.-]*\d)/g;
/**
 * One day opening its clause: "Trong ngày 1/7/2025 …", "Riêng ngày 14/7, …", "Tính riêng trong ngày 29/4" — the figures
 * of that day, filed under its month (d1797, d2402). Not a deadline after a verb ("mở tài khoản trong ngày 21/7/2025").
 */
const ON_DAY_RE = /(?<![a-z0-9])(?:(?:rieng|chi) )?(?:trong|rieng) ngay (\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(20\d\d))?(?![\d/.-]*\d)/g;
/** "tháng 10/2023", "trong tháng 5 năm 2021". */
const MONTH_RE = /(?<![a-z0-9])thang (\d{1,2})(?:\s*(?:\/|-|nam)\s*|\.(?=20\d\d))(\d{4})(?!\d)/g;
/**
 * A bracket holding nothing but two dates, right after the phrase whose dates they are ("Sau một tháng hoạt động
 * (1-7 đến 31-7)"): groups as RANGE_RE's from day, from month, from year, to day, to month, to year.
 */
const BRACKET_RANGE_RE = /\(\s*(?:tu )?(?:ngay )?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(20\d\d))?\s*(?:den|toi|–|\s-\s)\s*(?:ngay )?(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(20\d\d))?\s*\)/g;
/**
 * The time phrase a bracket of dates may state the dates of ("trong tuần (", "trong tuần đầu tiên (", "4 tháng qua (",
 * "quý I năm 2023 (", "Sau một tháng hoạt động ("): after anything else ("tiếp nhận 300 hồ sơ (từ …)") the bracket stays an
 * aside.
 */
const TIME_BEFORE_BRACKET_RE = /(?:^|\s)(?:(?:tuan|thang)(?: dau(?: tien)?)?|quy [ivx1-4]+|nam|ky|qua|nay|hoat dong|van hanh|trien khai|20\d\d)\s*\(\s*$/;
/** What may stand inside such a bracket before its dates: "(từ …", "(tính từ …", "(ngày …" (RANGE_RE's match opens on "từ"). */
const BRACKET_OPENER_RE = /^\s*(?:tinh |ke )?(?:tu )?(?:ngay )?$/;
/** A change before a range of bare dates makes it a count ("tăng từ 5/9 đến 9/9, …"). */
const CHANGE_BEFORE_RE = /(?:^|\s)(?:tang|giam|nang|len|xuong)\s*$/;
/** Start of the two-tier local government (Law on the Organisation of Local Government, 2025): 1 July 2025. */
const TWO_TIER_START = { year: 2025, month: 7 };
/** Counts written as words before "tuần"/"tháng"/"ngày" ("hai tuần", "một tháng", "nửa tháng"). */
const COUNT_WORDS: Record<string, number> = { nua: 0.5, mot: 1, hai: 2, ba: 3, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };
/**
 * A time counted from the start of the two-tier local government: "Sau 1 tháng vận hành chính quyền địa phương 2
 * cấp", "sau hai tuần triển khai mô hình chính quyền địa phương 2 cấp", "Từ khi thực hiện mô hình chính quyền địa
 * phương 2 cấp (1/7/2025) đến ngày 28/10/2025". Groups: a count, its unit (tuần, tháng, ngày); the end bound's day,
 * month, year; or month and year after "tháng"; or "nay".
 */
const TWO_TIER_RE = /(?<![a-z0-9])(?:(?:sau|trong|qua) (?:(?:gan|hon|chua|khoang) )?(\d{1,2}|nua|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) (tuan|thang|ngay) |(?:ke )?tu khi )(?:[a-z]+,? ){0,4}?(?:mo hinh )?chinh quyen (?:dia phuong )?(?:theo )?(?:mo hinh )?(?:2|hai) cap(?![a-z0-9])(?:\s*\(\s*(?:tu )?(?:ngay )?0?1\s*[/.-]\s*0?7(?:\s*[/.-]\s*2025)?\s*\))?(?:,?\s*(?:den|toi) (?:(?:het )?ngay )?(?:(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(20\d\d))?(?![\d/.-]*\d)|(?:het |cuoi )?thang (\d{1,2})(?:\s*[/.-]\s*(20\d\d))?(?!\d)|(nay)(?![a-z])))?/g;

/**
 * "Sau hơn 1 tháng vận hành, …", "Sau gần 2 tháng đi vào hoạt động", "Trong 1 tháng vận hành": in an article of the
 * two-tier government's first year (July 2025 to June 2026) a time in operation counts from its start, as TWO_TIER_RE's
 * do (d950, d1287, d5305): the communes' and wards' service centres all opened on 1 July 2025. Groups as TWO_TIER_RE's
 * first two.
 */
const IN_OPERATION_RE = /(?<![a-z0-9])(?:sau|qua|trong) (?:(?:gan|hon|chua|khoang) )?(\d{1,2}|nua|mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi) (tuan|thang|ngay) (?:chinh thuc )?(?:van hanh|hoat dong|di vao hoat dong)(?![a-z])/g;
/** Whether a publication date falls in the two-tier government's first year (July 2025 to June 2026). */
function inTwoTierFirstYear(pub: { year: number | null; month: number | null }): boolean {
  if (pub.year === null || pub.month === null) return false;
  const at = pub.year * 12 + pub.month;
  return at >= TWO_TIER_START.year * 12 + TWO_TIER_START.month && at < (TWO_TIER_START.year + 1) * 12 + TWO_TIER_START.month;
}

/**
 * The period of a TWO_TIER_RE match: from July 2025 to the end bound it names, the publication ("từ khi …" alone, or
 * "đến nay") or the end of the time it counts ("sau 4 tháng" → October). A period past a year end is of its closing
 * year, from January. Null when the end is unknown or before the start.
 */
function twoTierPeriod(m: RegExpExecArray, dated: { year: number | null; month: number | null } | null): Omit<FigurePeriod, 'label'> | null {
  let year: number | null = null;
  let month: number | null = null;
  if (m[4] || m[6]) {
    month = Number(m[4] ?? m[6]);
    const stated = m[5] ?? m[7];
    year = stated ? Number(stated) : month >= TWO_TIER_START.month ? TWO_TIER_START.year : TWO_TIER_START.year + 1;
  } else if (m[1]) {
    const n = COUNT_WORDS[m[1]] ?? Number(m[1]);
    const months = m[2] === 'thang' ? n : m[2] === 'tuan' ? (n * 7) / 31 : n / 31;
    const last = TWO_TIER_START.month - 1 + Math.max(1, Math.ceil(months - 1e-9));
    year = TWO_TIER_START.year + Math.floor((last - 1) / 12);
    month = ((last - 1) % 12) + 1;
  } else if (dated) {
    ({ year, month } = dated);
  }
  if (year === null || month === null || month < 1 || month > 12) return null;
  if (year < TWO_TIER_START.year || (year === TWO_TIER_START.year && month < TWO_TIER_START.month)) return null;
  return { year, fromMonth: year === TWO_TIER_START.year ? TWO_TIER_START.month : 1, toMonth: month };
}

/**
 * The months of a range of dates, or null: a reporting period from the 15th counts from the next month ("từ ngày 21/7
 * đến 20/8" is August's); a range across a year end ("từ ngày 5-12-2020 đến 15-11-2021", "từ ngày 1/7/2025 đến nay"
 * in March 2026) is of its closing year, January to its closing month — when that year is stated and the range starts
 * in the year before it.
 */
function rangePeriod(fromDay: number, from: number, fromYear: number | null, toDay: number | null, to: number, toYear: number | null, otherwise: number | null): Omit<FigurePeriod, 'label'> | null {
  // "từ ngày 15/12/2020 đến ngày 15/6/2021" is the first half of 2021; "từ 27/6 đến 14/12" is June to December.
  if (fromDay >= 15 && toDay !== null && Math.abs(fromDay - 1 - toDay) <= 1) from = from === 12 ? 1 : from + 1;
  const year = toYear ?? fromYear ?? otherwise;
  if (year === null || from < 1 || to < 1 || to > 12) return null;
  if (from <= to) return { year, fromMonth: from, toMonth: to };
  if (toYear !== null && from <= 12 && (fromYear === null || fromYear === toYear - 1)) return { year: toYear, fromMonth: 1, toMonth: to };
  return null;
}

/** A real sentence names a handful of periods; more is junk, and capping keeps the overlap check cheap. */
const MAX_MENTIONS_PER_SENTENCE = 24;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
/** A leading phrase sits within this many characters of its sentence's start ("Theo báo cáo, 6 tháng đầu năm, …"). */
const LEADING_MAX_CHARS = 30;
/**
 * {@link BASELINE_BEFORE_RE} on the folded lead, where the text writes "so" itself: folding makes "cấp sở năm 2020" (the
 * departments' index of 2020) and "hồ sơ năm 2020" read as "so năm 2020" (compared with 2020). `leadText` is the
 * unfolded text of the same span (folding keeps lengths).
 */
function baselineBefore(leadFolded: string, leadText: string): boolean {
  if (COMPARED_LEVEL_BEFORE_RE.test(leadFolded)) return true;
  const m = BASELINE_BEFORE_RE.exec(leadFolded);
  return m !== null && (m[0].startsWith('bang') || writesSo(leadText, m.index ?? 0));
}

/**
 * A leading phrase may also follow the report it cites: "Theo báo cáo của UBND tỉnh Đắk Nông, trong 6 tháng đầu năm
 * 2021, …", "Trong báo cáo kết quả thực hiện cải cách hành chính 10 tháng đầu năm 2025 …", "Bộ … cho biết, tính từ
 * đầu năm đến đầu tháng 11-2022, …".
 */
const ATTRIBUTION_LEAD_RE = /^\s*(?:theo [^,;:()]{0,100}, (?:trong |tinh )?|(?:trong |theo )?bao cao (?:ket qua )?[^,;:()]{0,70}|[^;:()]{0,160}? (?:cho biet|cho hay|cho thay|thong tin),? (?:trong |tinh )?)$/;

/**
 * Where the bracket open at `from` closes, past brackets nested in it: "(… năm 2019: 62,15/70 điểm (đạt 88,8%), xếp thứ
 * hạng 7/20)" closes after the rank (d3254). -1 when it never does.
 */
function closingBracket(slice: string, from: number): number {
  let depth = 0;
  for (let i = from; i < slice.length; i++) {
    if (slice[i] === '(') depth++;
    else if (slice[i] === ')') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return -1;
}

/**
 * Every period phrase in folded[span], in order, without overlaps. A phrase without its own year ("6 tháng đầu năm",
 * "quý III", "trong tháng 8") is of the publication year; in an undated article, of `undatedYear` (the year the
 * article names: {@link documentPeriod}), else it has none.
 */
export function findPeriods(text: string, folded: string, span: Span, published: Date | null, undatedYear: number | null = null): PeriodMention[] {
  const dated = publicationParts(published);
  const pub = dated.year === null ? { year: undatedYear, month: null } : dated;
  const slice = folded.slice(span.start, span.end);
  // Every phrase needs a digit, "nay", "năm ngoái", "quý", "đầu năm" or the two-tier government: most sentences are ruled out
  // without running a regex.
  if (!/\d/.test(slice) && !slice.includes('nay') && !slice.includes('nam ngoai') && !slice.includes('quy ') && !slice.includes('dau nam') && !slice.includes('chinh quyen')) return [];
  const found: PeriodMention[] = [];
  const add = (index: number, length: number, p: Omit<FigurePeriod, 'label'>, local = false): void => {
    const start = span.start + index;
    const end = start + length;
    if (found.length >= MAX_MENTIONS_PER_SENTENCE || found.some((f) => start < f.end && end > f.start)) return;
    const lead = slice.slice(0, index);
    const open = lead.lastIndexOf('(');
    const close = open >= 0 && lead.indexOf(')', open) < 0 ? closingBracket(slice, index + length) : -2;
    found.push({
      start,
      end,
      period: { ...p, label: text.slice(start, end) },
      leading: index <= LEADING_MAX_CHARS || ATTRIBUTION_LEAD_RE.test(lead),
      // "116 hồ sơ năm 2018 chuyển sang": the year dossiers were carried over from is no period of the figures either.
      // "tương đương 6,75% so với tổng biên chế của tỉnh năm 2015": the year of the whole a share is of.
      baseline: baselineBefore(lead.slice(-64), text.slice(start - Math.min(64, lead.length), start)) || WHOLE_OF_BEFORE_RE.test(lead.slice(-60)) || CARRIED_FROM_AFTER_RE.test(slice.slice(index + length, index + length + 14)),
      local,
      until: close === -2 ? null : close < 0 ? span.end : span.start + close,
    });
  };
  for (const m of slice.includes('chinh quyen') ? matchesOf(TWO_TIER_RE, slice) : []) {
    const p = twoTierPeriod(m, dated.year === null ? null : dated);
    if (p) add(m.index ?? 0, m[0].length, p);
  }
  for (const m of (slice.includes('hoat dong') || slice.includes('van hanh')) && inTwoTierFirstYear(pub) ? matchesOf(IN_OPERATION_RE, slice) : []) {
    const p = twoTierPeriod(m, null);
    // "Sau hơn 1 tháng" runs into the month after, no later than the publication's.
    if (p && / hon /.test(m[0]) && p.toMonth !== null && p.toMonth < 12 && !(p.year === pub.year && pub.month !== null && p.toMonth >= pub.month)) p.toMonth += 1;
    if (p) add(m.index ?? 0, m[0].length, p);
  }
  for (const m of slice.includes('tu ') && slice.includes('den') ? matchesOf(RANGE_RE, slice) : []) {
    const idx = m.index ?? 0;
    // "từ 5/9 đến 9/9 huyện" is a count: bare dates need "ngày", a year, or a comma closing the phrase with no change
    // before it ("Riêng từ 1-7 đến 10-9, phường đã tiếp nhận …").
    const closed = /^\s*,/.test(slice.slice(idx + m[0].length)) && !CHANGE_BEFORE_RE.test(slice.slice(Math.max(0, idx - 12), idx));
    if (m[2] && !m[1] && !m[5] && !m[10] && !closed) continue;
    if (m[9] && dated.year === null) continue; // "đến nay" in an undated article ends in an unknown month
    const to = m[9] ? (dated.month as number) : Number(m[7] ?? m[8]);
    const toYear = m[10] || m[11] ? Number(m[10] ?? m[11]) : m[9] ? dated.year : null;
    // "Từ ngày 1/7/2025 đến nay" in an article of January 2026: "now" is the year just ended, as for an undated figure
    // in January (documentPeriod) — July to December 2025, not January 2026 (d701).
    const fromYear = m[5] ? Number(m[5]) : null;
    if (m[9] && dated.month === 1 && dated.year !== null && fromYear === dated.year - 1) {
      add(idx, m[0].length, { year: fromYear, fromMonth: Number(m[3] ?? m[4]), toMonth: 12 });
      continue;
    }
    const p = rangePeriod(Number(m[2] ?? 0), Number(m[3] ?? m[4]), fromYear, m[6] ? Number(m[6]) : null, to, toYear, pub.year);
    if (p) add(idx, m[0].length, p);
  }
  for (const m of slice.includes('tu ') ? matchesOf(DASH_RANGE_RE, slice) : []) {
    const p = rangePeriod(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, Number(m[4]), Number(m[5]), m[6] ? Number(m[6]) : null, pub.year);
    if (p) add(m.index ?? 0, m[0].length, p);
  }
  for (const m of slice.includes(' nam ') ? matchesOf(TO_YEAR_END_RE, slice) : []) {
    const [month, fromYear, year] = [Number(m[2]), m[3] ? Number(m[3]) : null, Number(m[4])];
    if (month >= 1 && month <= 12 && (fromYear === null || fromYear === year)) add(m.index ?? 0, m[0].length, { year, fromMonth: month, toMonth: 12 });
  }
  for (const m of slice.includes('(') ? matchesOf(BRACKET_RANGE_RE, slice) : []) {
    const open = m.index ?? 0;
    if (!TIME_BEFORE_BRACKET_RE.test(slice.slice(Math.max(0, open - 24), open + 1))) continue;
    const p = rangePeriod(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, Number(m[4]), Number(m[5]), m[6] ? Number(m[6]) : null, pub.year);
    const at = open + m[0].indexOf(m[1]);
    if (p) add(at, m[0].lastIndexOf(')') - (at - open), p);
  }
  for (const m of slice.includes('tu ngay ') ? matchesOf(DAY_RANGE_RE, slice) : []) {
    const [fromDay, toDay, month] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const year = m[4] || m[5] ? Number(m[4] ?? m[5]) : pub.year;
    if (year !== null && fromDay >= 1 && fromDay < toDay && toDay <= 31 && month >= 1 && month <= 12) add(m.index ?? 0, m[0].length, { year, fromMonth: month, toMonth: month });
  }
  for (const m of slice.includes('den ') ? matchesOf(TO_MONTH_RE, slice) : []) {
    const month = Number(m[1]);
    // A day without its year is a past date: "tính đến ngày 28/12" in January is December of the year before.
    const pastDay = !m[2] && m[0].includes('ngay ') && pub.year !== null && pub.month !== null && month > pub.month;
    const named = m[2] ?? m[3]; // "đến tháng 8/2024", "tính đến tháng 8.2024"
    if (month >= 1 && month <= 12) add(m.index ?? 0, m[0].length, { year: named ? Number(named) : pastDay ? (pub.year as number) - 1 : pub.year, fromMonth: 1, toMonth: month });
  }
  for (const m of slice.includes('ngay ') || slice.includes('tu dau nam') ? matchesOf(TO_DATED_DAY_RE, slice) : []) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12) add(m.index ?? 0, m[0].length, { year: Number(m[3]), fromMonth: 1, toMonth: month });
  }
  for (const m of slice.includes('den ') && pub.year !== null ? matchesOf(TO_DAY_RE, slice) : []) {
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    const year = pub.month !== null && month > pub.month ? (pub.year as number) - 1 : (pub.year as number);
    add(m.index ?? 0, m[0].length, { year, fromMonth: 1, toMonth: month });
  }
  for (const m of slice.includes('ngay ') ? matchesOf(ON_DAY_RE, slice) : []) {
    const idx = m.index ?? 0;
    const lead = slice.slice(Math.max(0, idx - 8), idx);
    if (!/(?:^|[,.;:(\n-]|(?:^|\s)tinh)\s*$/.test(lead)) continue;
    const [day, month] = [Number(m[1]), Number(m[2])];
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    const year = m[3] ? Number(m[3]) : pub.year === null ? null : pub.month !== null && month > pub.month ? pub.year - 1 : pub.year;
    // "Tính riêng trong ngày 29/4, …": a day singled out governs its own sentence only (d1438).
    if (year !== null) add(idx, m[0].length, { year, fromMonth: month, toMonth: month }, /rieng/.test(m[0]) || /tinh\s*$/.test(lead));
  }
  for (const m of slice.includes(' thang') ? matchesOf(MONTHS_RE, slice) : []) {
    const n = MONTH_WORDS[m[1]] ?? Number(m[1]);
    const before = slice.slice(Math.max(0, (m.index ?? 0) - 8), m.index);
    const bareAfterTrong = /trong $/.test(before) && /^[,.;:]/.test(slice.slice((m.index ?? 0) + m[0].length));
    if (n < 1 || n > 12 || !(m[2] || m[3] || m[4] || m[5] || bareAfterTrong)) continue;
    const late = m[2] === ' cuoi';
    add(m.index ?? 0, m[0].length, { year: m[4] ? Number(m[4]) : pub.year, fromMonth: late ? 13 - n : 1, toMonth: late ? 12 : n });
  }
  for (const m of slice.includes('quy ') ? matchesOf(QUARTER_RE, slice) : []) {
    const q = ROMAN[m[1]] ?? Number(m[1]);
    const year = m[2] ?? m[3];
    add(m.index ?? 0, m[0].length, { year: year ? Number(year) : pub.year, fromMonth: q * 3 - 2, toMonth: q * 3 });
  }
  for (const m of slice.includes('thang ') ? matchesOf(MONTH_RE, slice) : []) {
    if (/ngay \d{1,2}\s*$/.test(slice.slice(Math.max(0, (m.index ?? 0) - 10), m.index))) continue; // a full date
    const month = Number(m[1]);
    if (month >= 1 && month <= 12) add(m.index ?? 0, m[0].length, { year: Number(m[2]), fromMonth: month, toMonth: month });
  }
  for (const m of slice.includes('thang ') && pub.year !== null ? matchesOf(MONTH_ONLY_RE, slice) : []) {
    const idx = m.index ?? 0;
    const month = Number(m[1]);
    if (month < 1 || month > 12) continue;
    const lead = slice.slice(Math.max(0, idx - 12), idx);
    if (/ngay \d{1,2}\s*$|\d\s*$|(?:^|\s)(?:den|tu|sau|truoc|cuoi|dau|het)\s*$/.test(lead)) continue; // a date or a bound of a span
    const rest = slice.slice(idx + m[0].length, idx + m[0].length + 10);
    // Only a month stated as the period: after "trong", opening the sentence or a bracket, "vừa qua"/"qua"/"này" after
    // it, or a figure's verb right after it ("(tháng 9 đạt 88,1 điểm)", "tháng 9 xếp hạng thứ 5"; d2071).
    if (!(/(?:^|\s)trong\s*$|\(\s*$/.test(lead) || idx <= LEADING_MAX_CHARS || /^\s*(?:vua qua|qua|nay)(?![a-z])/.test(rest) ||
      /^\s*(?:dat|xep|dung)(?![a-z])/.test(rest))) continue;
    // The year of its sentence when an earlier phrase names one ("Tháng 10/2024, … (tháng 9 đạt …)"), else of publication.
    const sentenceYear = [...slice.slice(0, idx).matchAll(/(?<![\d.,])(20\d\d)(?!\d|[.,]\d)/g)].pop()?.[1];
    const year = sentenceYear ? Number(sentenceYear) : pub.month !== null && month > pub.month ? (pub.year as number) - 1 : (pub.year as number);
    add(idx, m[0].length, { year, fromMonth: month, toMonth: month });
  }
  // "Chỉ số SIPAS 2021", "PAR Index 2023": an index edition named by its year.
  for (const m of matchesOf(INDEX_YEAR_RE, slice)) {
    const year = Number(m[1]);
    if (year >= 2000 && year <= 2100) add((m.index ?? 0) + m[0].length - m[1].length, m[1].length, { year, fromMonth: null, toMonth: null });
  }
  for (const m of slice.includes('giai doan ') || slice.includes('nam ') ? matchesOf(SPAN_RE, slice) : []) add(m.index ?? 0, m[0].length, { year: Number(m[2]), fromMonth: null, toMonth: null }, true);
  // "Tính từ năm 2018 đến 31/3/2020 … tiếp nhận gần 260.000 hồ sơ": years up to a date, of the year they end in; unlike a
  // span of years it governs its sentence (d3354).
  for (const m of slice.includes('nam ') ? matchesOf(YEAR_TO_DATE_RE, slice) : []) add(m.index ?? 0, m[0].length, { year: Number(m[2]), fromMonth: null, toMonth: null });
  for (const m of slice.includes('nay') || slice.includes('tu dau nam') ? matchesOf(TO_DATE_RE, slice) : []) {
    // "cao nhất từ trước đến nay" compares with every year before: it names no period.
    if (/(?:^|\s)tu (?:truoc|xua)\s*$/.test(slice.slice(Math.max(0, (m.index ?? 0) - 10), m.index))) continue;
    // "từ ngày 1-7 đến ngày 5-9 thì hiện nay có …": "now" at the end of a dated range is that range's end, no period of
    // its own (d2134).
    const idx = m.index ?? 0;
    if (found.some((p) => p.end <= span.start + idx && /^\s*(?:thi|,)?\s*$/.test(folded.slice(p.end, span.start + idx)))) continue;
    // Undated: "đến nay" ends in an unknown month; the article's own default period stands.
    if (dated.year !== null) add(idx, m[0].length, { year: dated.year, fromMonth: 1, toMonth: dated.month });
  }
  for (const m of matchesOf(BY_YEAR_RE, slice)) add((m.index ?? 0) + m[0].length - 4, 4, { year: Number(m[1]), fromMonth: null, toMonth: null });
  for (const m of slice.includes('nam ') ? matchesOf(YEAR_RE, slice) : []) {
    const idx = m.index ?? 0;
    if (/thang \d{1,2}\s*$/.test(slice.slice(Math.max(0, idx - 10), idx))) continue; // "ngày 07 tháng 5 năm 2021"
    if (/(?:^|\s)luat [a-z ]{0,40}$/.test(slice.slice(Math.max(0, idx - 48), idx))) continue; // "Luật Lý lịch tư pháp năm 2009"
    // Folding makes "nằm ngoài" (lies outside) "nam ngoai" too: only "năm ngoái" is last year. In the first quarter an
    // article mostly reports on the year just ended, whose "năm ngoái" is the year before that ("Bộ Công an với 61,95
    // điểm, giảm 0,6% so với năm ngoái" in January 2025 compares 2024 with 2023, d2172): then it is left unread.
    if (m[1] === 'ngoai' && (!/^năm ngoái$/iu.test(text.slice(span.start + idx, span.start + idx + m[0].length)) || (dated.month !== null && dated.month <= 3))) continue;
    const year = m[1] === 'nay' ? pub.year : m[1] === 'ngoai' ? (pub.year === null ? null : pub.year - 1) : Number(m[1]);
    if (year !== null && year >= 1900 && year <= 2100) add(idx, m[0].length, { year, fromMonth: null, toMonth: null });
  }
  return found.length > 0 && slice.includes('(') ? datesOfTimePhrase(found, folded, span) : found.sort((a, b) => a.start - b.start);
}

/**
 * A bracket holding nothing but the dates of the time phrase right before it ("trong hơn 4 tháng qua (từ ngày 2.1.2018
 * đến 3.5.2018)", "Chỉ tính riêng trong tuần (từ ngày 11.5.2018 đến 17.5.2018)", "Sau một tháng hoạt động (1-7 đến
 * 31-7)") states that phrase's period, not an aside: it governs what follows as the phrase would (leading when the
 * phrase opens its sentence), and a period the phrase names itself ("4 tháng qua") gives way to the more precise one.
 */
function datesOfTimePhrase(found: PeriodMention[], folded: string, span: Span): PeriodMention[] {
  const superseded = new Set<PeriodMention>();
  for (const p of found) {
    if (p.until === null || p.until >= span.end || folded[p.until] !== ')' || !/^\s*$/.test(folded.slice(p.end, p.until))) continue;
    const open = folded.lastIndexOf('(', p.start);
    if (open < span.start || !BRACKET_OPENER_RE.test(folded.slice(open + 1, p.start))) continue;
    if (!TIME_BEFORE_BRACKET_RE.test(folded.slice(Math.max(span.start, open - 24), open + 1))) continue;
    const phrase = found.find((q) => q !== p && q.end <= open && /^\s*$/.test(folded.slice(q.end, open)));
    const lead = folded.slice(span.start, open);
    p.until = null;
    p.leading = phrase?.leading === true || lead.length <= LEADING_MAX_CHARS || ATTRIBUTION_LEAD_RE.test(lead);
    if (!phrase) continue;
    // "so với 6 tháng đầu năm 2020 (từ …)": the dates of a baseline are a baseline.
    superseded.add(phrase);
    p.baseline = phrase.baseline;
    p.local = phrase.local;
  }
  return found.filter((p) => !superseded.has(p)).sort((a, b) => a.start - b.start);
}
