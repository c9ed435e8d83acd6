/**
 * Numbers that are not figures: dates, years, times, document numbers, standards, hotlines, designators
 * ("Quận 11", "mức độ 3"), durations and anniversaries, frequencies, money and physical units.
 * Each rule reads the folded text right before or after the number (bounded slices, so every test is O(1)).
 *
 * Public surface: `reasonBefore`, `reasonAfter`, `slashReason`, `isYear`, the `*_RE` constants used elsewhere.
 */

/**
 * The word before is a date/period word: "ngày 25", "tháng 5", "năm 2021", "quý 2", "tuần 3". Not the "nam" of a place
 * ("Quảng Nam 90,5%", "Hà Nam", "Việt Nam") nor the "lục" of a record ("đạt mức cao kỷ lục 88,37%").
 */
const DATE_WORD_BEFORE_RE = /(?:^|[^a-z0-9])(?:ngay|thang|(?<!(?:viet|ha|quang) )nam|quy|tuan|hom|(?<!ky )luc|gio)\s*$/;

/**
 * The word before names a document, a legal article or an ordinal: "Nghị quyết số 54", "Điều 5", "lần thứ 3",
 * "đợt 2". "số" alone is a document or house number, but "tổng số 1.300" / "con số 98%" are figures, and so are
 * "đạt chỉ số 87,02%" / "với điểm số 81,83 điểm" (an index's value, not its number), and "trong số 6.348 hồ sơ" is
 * "among 6,348 dossiers" (d4002).
 */
const REFERENCE_BEFORE_RE =
  /(?:(?:^|[^a-z0-9])(?:quyet dinh|nghi dinh|nghi quyet|thong tu|cong van|chi thi|ke hoach|luat|dieu|khoan|chuong|phu luc|khoa|lan thu|buoc|dot|ky hop|hoi nghi lan|so hieu|ma so)|(?:^|[^a-z0-9])(?<!tong |con |voi |cac |nhung |mot |ho |co |chi |diem |trong )so)\s*:?\s*$/;

/**
 * The word before makes the number a name or a code: "Quận 11", "Q.11", "phường 5", "khu phố 3", "tổ 7",
 * "mức độ 3", "Cổng thông tin 1022" (hotline), but not "bình quân 70,5%" (on average), "ISO 9001", "TCVN 9001", "COVID-19". "ĐT" (phone) only on its own: after a
 * hyphen or "&" it closes a department's abbreviation ("Sở GD-ĐT 12 hồ sơ", "Sở KH&ĐT 9 hồ sơ").
 */
const DESIGNATOR_BEFORE_RE =
  /(?:^|[^a-z0-9])(?:(?<!binh )quan|phuong|q|p|kp|khu pho|to dan pho|to|ap|(?<!nong )thon|xom|khu|lo|(?<!tuong )duong|hem|kiet|phong so|cong thong tin|tong dai|duong day nong|hotline|dien thoai|sdt|(?<![-&]\s?)dt|fax|zalo|iso|tcvn|version|phien ban|muc do|cap do|nhom|lop|covid|kenh|trang|hinh|bieu mau|mau so|tieu muc|muc so)\s*[.\-]?\s*$/;

/** Ranks: "xếp thứ 5", "đứng thứ 2/63", "xếp hạng 12", "nằm vị trí số 44", "xếp hạng thứ tự 16/19" (d440), "xếp hạng: 9/20" (d406), "đứng số 2/19 Bộ" (d7861). */
export const RANK_BEFORE_RE = /(?:^|[^a-z0-9])(?:xep thu|dung thu|dung so|xep hang|xep vi tri|vi tri thu|vi tri|hang thu|hang|xep vi thu|vi thu|(?:len|xuong) thu|xep hang thu tu)(?: so)?\s*:?\s*$/;

/**
 * "xếp 52/63", "(năm 2020 đứng 19/63)", "xếp cuối 7/7": a bare rank verb before an X/Y pair makes it a rank (a single
 * number after it is not: "Xếp 3 vị trí cuối bảng"). Matched on the lower-cased text with accents: "đúng 1.200/1.250"
 * (on time) folds to the same letters as "đứng".
 */
export const RANK_PAIR_BEFORE_RE = /(?:^|[^\p{L}\d])(?:xếp|đứng|giữ)(?:\s+(?:cuối|chót))?\s*$/u;

/** "tăng 3,3 điểm và 8 bậc", "giảm 1,4 điểm, 5 bậc": one verb moves a score and a rank together (group 1: the verb). */
export const COORDINATED_MOVE_BEFORE_RE = /(?:^|[\s(])(tang|giam|tut)(?: them)? \d{1,3}(?:[.,]\d{1,3})? ?(?:diem|%) ?(?:va|,) ?$/;

/**
 * Durations, ages and period phrases after the number: "89 năm", "9 tháng", "3 tuần", "15 phút". Not "năm" naming a year
 * ("từ 82,90% năm 2016 tăng lên 83,93 năm 2017": the value, then its year; d3403) — "3 năm 2018 - 2020" still is one.
 */
const DURATION_AFTER_RE = /^\s*(?:nam(?!\s+(?:19|20)\d\d(?!\d|\s*[-–]))|thang|tuan|gio|phut|giay|quy|tuoi|thap ky|the ky)(?![a-z0-9])/;

/** "3 lần", "03 tháng/lần": frequencies. */
const FREQUENCY_AFTER_RE = /^\s*(?:lan(?![a-z0-9])|[a-z ]{1,12}\/\s*lan(?![a-z0-9]))/;

/** Money and physical units: no catalogued metric is measured in them. */
const MONEY_AFTER_RE = /^\s*(?:(?:nghin|ngan|trieu|ty|ti)\s+)?(?:dong|vnd|d(?![a-z0-9])|usd|ha|m2|km|tan|kg|lit|mw|kwh)(?![a-z0-9])/;

/** "ngày" after a number: a processing time only when a processing cue is near, else a date or duration. */
export const DAY_AFTER_RE = /^\s*ngay(?: lam viec)?(?![a-z0-9])/;

/** Cues that make "N ngày" a processing time ("rút ngắn … còn 5 ngày", "thời gian giải quyết 3 ngày"). */
export const PROCESSING_CUE_RE = /thoi gian giai quyet|thoi han giai quyet|rut ngan|giam thoi gian|ngay lam viec|trung binh/;

/** Reason a number is not a figure, from the folded words just before it; null when none applies. */
export function reasonBefore(foldedBefore: string): string | null {
  if (DATE_WORD_BEFORE_RE.test(foldedBefore)) return 'date_or_period';
  if (DESIGNATOR_BEFORE_RE.test(foldedBefore)) return 'name_or_code';
  if (REFERENCE_BEFORE_RE.test(foldedBefore)) return 'reference_number';
  return null;
}

/** Reason a number is not a figure, from the folded words just after it (after any '%'); null when none. */
export function reasonAfter(foldedAfter: string, isPercent: boolean): string | null {
  if (isPercent) return null;
  if (DURATION_AFTER_RE.test(foldedAfter)) return 'duration_or_period';
  if (FREQUENCY_AFTER_RE.test(foldedAfter)) return 'frequency';
  if (MONEY_AFTER_RE.test(foldedAfter)) return 'money_or_physical_unit';
  return null;
}

/** A bare four-digit 19xx/20xx integer is a year, not a count (counts that large are written "2.018"). */
export function isYear(raw: string, value: number): boolean {
  return /^\d{4}$/.test(raw) && value >= 1900 && value <= 2100;
}

/**
 * Decide what an X/Y pair is when it is not followed by a head noun: a date ("25/11", "3/2", "5/2021"), or
 * nothing usable. Returns the drop reason.
 */
export function slashReason(x: number, y: number): string {
  if (y >= 1900 && y <= 2100 && x >= 1 && x <= 12) return 'date';
  if (x >= 1 && x <= 31 && y >= 1 && y <= 12) return 'date';
  return 'ambiguous_slash';
}
