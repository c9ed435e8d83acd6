/**
 * The Vietnamese vocabulary of the extraction engine, kept as data in one file so it can be reviewed and
 * extended like code: head nouns, metric cues, and the cues that make a figure a target.
 *
 * Every phrase is written FOLDED (lower case, no diacritics, "đ" → "d"), as `foldForMatching` produces, and is
 * matched at word boundaries. Metric codes must exist in src/modules/metric/metric-catalogue.ts (a unit test
 * checks this).
 *
 * Public surface: `HEAD_NOUNS`, `NounClass`, `METRIC_CUES`, `MetricCueEntry`, `TARGET_CUES`, `ACTUAL_CUES`,
 * `COMPLETION_CUES`, `SUBUNIT_LEVEL_WORDS`, `LOWER_IS_BETTER_METRICS`,
 * `OTHER_FIGURE_NOUNS`, `WORD_NUMBERS`, `TARGET_CUES_ACCENTED`, `PENDING_CUES`.
 */
import type { FigureUnit } from '../types';

/** What a number counts, read from the noun after it ("41 thủ tục") or after "tỷ lệ"/"số" before it. */
export type NounClass =
  | 'hoso' | 'thutuc' | 'dichvu' | 'sangkien' | 'bienche' | 'chitieu' | 'nhiemvu' | 'phananh' | 'donvi'
  | 'nguoi' | 'luot' | 'vanban' | 'cuoc' | 'tieuchi' | 'other';

/**
 * Head nouns, longest phrase first within a class. Classes decide which metrics a number may have: a
 * percentage of "bộ phận" (desks) is never a satisfaction rate, a count of "người" is attendance unless a
 * staff-cut cue says otherwise.
 */
export const HEAD_NOUNS: ReadonlyArray<{ noun: NounClass; phrases: string[] }> = [
  { noun: 'hoso', phrases: ['bo ho so', 'ho so', 'hs', 'ket qua giai quyet'] },
  { noun: 'thutuc', phrases: ['thu tuc hanh chinh', 'thu tuc', 'tthc'] },
  { noun: 'dichvu', phrases: ['dich vu cong truc tuyen', 'dich vu cong', 'dich vu', 'dvctt', 'dvc'] },
  { noun: 'sangkien', phrases: ['sang kien', 'giai phap cai tien', 'mo hinh moi', 'cach lam hay'] },
  { noun: 'bienche', phrases: ['bien che', 'chi tieu bien che'] },
  { noun: 'chitieu', phrases: ['chi tieu'] },
  { noun: 'nhiemvu', phrases: ['nhiem vu', 'dau viec', 'cong viec'] },
  { noun: 'phananh', phrases: ['phan anh kien nghi', 'phan anh', 'kien nghi', 'y kien phan anh', 'don thu'] },
  {
    noun: 'donvi',
    phrases: [
      'don vi su nghiep', 'don vi', 'co quan', 'phong ban', 'phong chuyen mon', 'phong', 'ban', 'bo phan', 'dia phuong',
      'so, ban, nganh', 'so, ban nganh', 'so ban nganh', 'so, nganh', 'so nganh', 'nganh', 'xa phuong thi tran', 'xa thi tran', 'xa phuong', 'xa', 'phuong', 'thi tran', 'huyen', 'quan',
      'truong', 'tram y te', 'cong so',
    ],
  },
  {
    noun: 'nguoi',
    phrases: [
      'nguoi dan', 'nguoi', 'dai bieu', 'can bo cong chuc', 'can bo', 'cong chuc', 'vien chuc', 'truong hop', 'ho gia dinh',
      'ho', 'hoc vien', 'doanh nghiep', 'to chuc', 'cong dan', 'ca nhan', 'dang vien', 'hoi vien', 'thi sinh',
    ],
  },
  { noun: 'luot', phrases: ['luot danh gia', 'luot', 'phieu khao sat', 'phieu danh gia', 'phieu', 'y kien danh gia'] },
  { noun: 'vanban', phrases: ['van ban', 'tai lieu', 'quyet dinh', 'bao cao'] },
  { noun: 'cuoc', phrases: ['cuoc kiem tra', 'cuoc', 'dot kiem tra', 'dot'] },
  { noun: 'tieuchi', phrases: ['tieu chi', 'chi so thanh phan', 'tieu chi thanh phan', 'linh vuc'] },
  { noun: 'other', phrases: ['san pham', 'chuong trinh', 'hoi nghi', 'lop', 'buoi', 'tin bai', 'bai viet', 'tin', 'ty dong', 'trieu dong', 'dong', 'may tinh', 'thiet bi'] },
];

/**
 * Noun classes whose percentages and X/Y ratios are reform figures even when no metric fits ("100% văn bản quy
 * phạm pháp luật được rà soát", "13/13 phòng chuyên môn công bố quy trình"): kept as metric 'other' for review.
 */
export const OTHER_FIGURE_NOUNS: ReadonlySet<NounClass> = new Set(['vanban', 'donvi', 'thutuc', 'hoso', 'nhiemvu', 'dichvu']);

/** Small numbers written as words, accepted only after a hedge ("ít nhất một sáng kiến"): elsewhere "một" is "a". */
export const WORD_NUMBERS: Readonly<Record<string, number>> = { mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10 };

/** One metric's cues. A figure gets the metric whose cue sits nearest it, weighted by `weight`. */
export interface MetricCueEntry {
  metric: string;
  /** Units a figure of this metric may have. */
  units: FigureUnit[];
  /** Head-noun classes accepted; `null` in the list accepts a figure with no head noun. */
  nouns: ReadonlyArray<NounClass | null>;
  /** Folded cue phrases (or the synthetic level cues `@l12`, `@l3`, `@l4`, `@l34`). */
  cues: string[];
  /** Relative strength when cues of several metrics are near one number (specific beats generic). */
  weight: number;
  /** When set, one of these cues must also be in the figure's own context (e.g. a completion verb). */
  requires?: string[];
  /** Head nouns that are themselves a cue for this metric ("93 sáng kiến"). */
  nounIsCue?: NounClass[];
}

/** Verbs that turn a count of targets or tasks into an achievement ("hoàn thành 6 chỉ tiêu", "30/31 … được hoàn thành"). */
export const COMPLETION_CUES = ['hoan thanh', 'dat', 'vuot', 'thuc hien xong', 'thuc hien dat', 'hoan tat', 'dat va vuot'];

/**
 * Dossiers handled fully online ("xử lý trực tuyến toàn trình 68,54%", "1,4 triệu hồ sơ trực tuyến toàn trình"): a
 * share or count of dossiers, not of services offered "toàn trình". Longer than "toàn trình", so they win the match.
 */
const DOSSIERS_FULLY_ONLINE = ['xu ly truc tuyen toan trinh', 'ho so truc tuyen toan trinh', 'nop truc tuyen toan trinh', 'tiep nhan truc tuyen toan trinh', 'giai quyet truc tuyen toan trinh'];

/** The Decision 766 service index's names, cues of its score and its rank alike. */
const SERVICE_INDEX_CUES = ['bo chi so phuc vu', 'chi so phuc vu nguoi dan', 'phuc vu nguoi dan, doanh nghiep', 'chi so phuc vu hanh chinh cong', 'theo thoi gian thuc', 'bo chi so 766', 'chi so 766',
  // The index by what it measures: "chỉ số thực hiện thủ tục hành chính, dịch vụ công phục vụ người dân và doanh
  // nghiệp" (d131), "chất lượng phục vụ giải quyết thủ tục hành chính công" (d1888); by the start of its official name,
  // "Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ …" (d131).
  'chi so thuc hien thu tuc hanh chinh', 'chat luong phuc vu giai quyet thu tuc hanh chinh', 'chi so chi dao, dieu hanh', 'chi so chi dao dieu hanh'];

/**
 * Each cue that spells out "dịch vụ công trực tuyến" also stands with its abbreviation "DVCTT" ("tỷ lệ hồ sơ giải quyết
 * qua DVCTT mức độ 4 đạt 79,38%"; d1055): the abbreviation replaces the phrase, so what the phrase alone does not cue
 * ("DVCTT mức 4" is a service, not a dossier) the abbreviation does not either.
 */
function withAbbreviatedCues(entries: MetricCueEntry[]): MetricCueEntry[] {
  const abbreviate = (cues: string[]): string[] => [...cues, ...cues.filter((c) => c.includes('dich vu cong truc tuyen') && c !== 'dich vu cong truc tuyen').map((c) => c.replace('dich vu cong truc tuyen', 'dvctt'))];
  return entries.map((e) => ({ ...e, cues: abbreviate(e.cues) }));
}

export const METRIC_CUES: readonly MetricCueEntry[] = withAbbreviatedCues([
  { metric: 'satisfaction_rate', units: ['percent'], nouns: [null, 'luot', 'nguoi', 'hoso', 'thutuc'], weight: 10,
    cues: ['hai long', 'su hai long', 'muc do hai long', 'ty le hai long', 'chi so hai long', 'danh gia tot', 'rat hai long', 'sipas', 'doi voi su phuc vu cua co quan hanh chinh nha nuoc'] },
  { metric: 'sipas_score', units: ['score'], nouns: [null], weight: 12, cues: ['sipas'] },
  { metric: 'sipas_score', units: ['score'], nouns: [null], weight: 6, cues: ['chi so hai long', 'hai long'] },
  { metric: 'on_time_rate', units: ['percent', 'count'], nouns: [null, 'hoso', 'thutuc'], weight: 10,
    cues: ['dung han', 'truoc han', 'dung va truoc han', 'som han', 'dung va som han', 'truoc va dung han', 'dung thoi han', 'truoc thoi han', 'som hon thoi gian', 'dung thoi gian quy dinh', 'dung va truoc thoi gian quy dinh', 'truoc va dung thoi gian quy dinh', 'dung va truoc thoi han', 'dung hen', 'truoc hen', 'som so voi thoi han', 'giai quyet som'] },
  { metric: 'late_dossiers', units: ['count', 'percent'], nouns: [null, 'hoso'], weight: 12,
    cues: ['tre han', 'qua han', 'cham tra', 'tre hen', 'cham giai quyet', 'chua dung han', 'khong dung han', 'khong dung thoi han', 'khong dung hen', 'cham han', 'cham muon', 'ho so cham', 'giai quyet cham'] },
  { metric: 'online_dossiers', units: ['count'], nouns: ['hoso'], weight: 8,
    // Every longer online phrase the share below knows, too: the cue regex takes the longest phrase, so one missing here
    // leaves a count under it with no online cue at all ("hồ sơ được xử lý trực tuyến … là 36.680 hồ sơ").
    cues: ['truc tuyen', 'qua mang', 'nop truc tuyen', 'nop qua mang', 'xu ly truc tuyen', 'qua cong dich vu cong', 'dich vu cong truc tuyen', 'ho so dich vu cong truc tuyen', 'su dung dich vu cong truc tuyen', 'ho so su dung dich vu cong truc tuyen', 'moi truong mang', 'tren moi truong mang', 'qua moi truong mang', 'qua dich vu cong truc tuyen', 'tren cong dich vu cong', 'tiep nhan tren cong dich vu cong', 'nop tren cong dich vu cong', 'ho so thuc hien dich vu cong truc tuyen', ...DOSSIERS_FULLY_ONLINE] },
  { metric: 'dossiers_received', units: ['count'], nouns: ['hoso'], weight: 7, cues: ['tiep nhan', 'nhan duoc', 'da nhan', 'thu ly', 'tiep nhan moi', 'nhan moi', 'phat sinh', 'gui den', 'ghi nhan', 'yeu cau giai quyet'] },
  { metric: 'dossiers_resolved', units: ['count'], nouns: ['hoso'], weight: 6,
    // "hồ sơ đã có kết quả trả cho cá nhân, tổ chức đạt 5.656/5.656 hồ sơ": dossiers with a result are resolved (d541).
    cues: ['giai quyet', 'xu ly', 'tra ket qua', 'giai quyet xong', 'da giai quyet', 'hoan thanh', 'co ket qua'] },
  { metric: 'online_dossier_rate', units: ['percent'], nouns: [null, 'hoso'], weight: 7,
    cues: ['truc tuyen', 'qua mang', 'nop truc tuyen', 'nop qua mang', 'xu ly truc tuyen', 'qua cong dich vu cong', 'tiep nhan tren cong dich vu cong', 'nop tren cong dich vu cong', 'ho so dich vu cong truc tuyen', 'moi truong mang', 'tren moi truong mang', 'qua moi truong mang', 'qua dich vu cong truc tuyen', 'ho so su dung dich vu cong truc tuyen', 'ho so thuc hien dich vu cong truc tuyen', ...DOSSIERS_FULLY_ONLINE] },
  { metric: 'online_services_l12', units: ['count', 'percent'], nouns: [null, 'thutuc', 'dichvu'], weight: 9, cues: ['@l12'] },
  { metric: 'online_services_l3', units: ['count', 'percent'], nouns: [null, 'thutuc', 'dichvu'], weight: 9, cues: ['@l3'] },
  { metric: 'online_services_l4', units: ['count', 'percent'], nouns: [null, 'thutuc', 'dichvu'], weight: 9, cues: ['@l4'] },
  { metric: 'online_services_l34', units: ['count', 'percent'], nouns: [null, 'thutuc', 'dichvu'], weight: 9, cues: ['@l34'] },
  { metric: 'online_services_full', units: ['count', 'percent'], nouns: [null, 'thutuc', 'dichvu'], weight: 10, cues: ['toan trinh'] },
  { metric: 'online_services_partial', units: ['count', 'percent'], nouns: [null, 'thutuc', 'dichvu'], weight: 10, cues: ['mot phan'] },
  { metric: 'postal_rate', units: ['percent'], nouns: [null, 'hoso', 'thutuc'], weight: 11, cues: ['buu chinh', 'buu chinh cong ich', 'qua buu dien', 'qua duong buu dien', 'buu cuc', 'bcci'] },
  { metric: 'e_payment_rate', units: ['percent'], nouns: [null, 'hoso', 'donvi', 'thutuc', 'luot'], weight: 11,
    cues: ['thanh toan phi, le phi', 'phi, le phi', 'le phi', 'thanh toan dien tu', 'thanh toan truc tuyen', 'khong dung tien mat', 'thanh toan khong dung tien mat', 'thanh toan phi', 'thanh toan qua', 'thanh toan'] },
  { metric: 'digitisation_rate', units: ['percent'], nouns: [null, 'hoso', 'thutuc'], weight: 11, cues: ['so hoa'] },
  { metric: 'iso_rate', units: ['percent', 'count'], nouns: [null, 'thutuc', 'donvi', 'hoso'], weight: 11, cues: ['iso', 'tcvn', 'he thong quan ly chat luong', 'htqlcl'] },
  { metric: 'procedures_published_rate', units: ['percent'], nouns: [null, 'thutuc'], weight: 8,
    cues: ['cong khai', 'niem yet', 'cong bo cong khai', 'cong bo', 'cap nhat', 'cong bo dung han', 'cong khai dung han'] },
  { metric: 'feedback_handled_rate', units: ['percent'], nouns: [null, 'phananh'], weight: 10, nounIsCue: ['phananh'],
    cues: ['phan anh', 'kien nghi', 'phan anh kien nghi', 'tra loi dung han'] },
  { metric: 'targets_met', units: ['count', 'percent'], nouns: ['chitieu'], weight: 9, nounIsCue: ['chitieu'], cues: [], requires: COMPLETION_CUES },
  { metric: 'tasks_completed', units: ['count', 'percent'], nouns: ['nhiemvu'], weight: 9, nounIsCue: ['nhiemvu'], cues: [], requires: COMPLETION_CUES },
  { metric: 'initiatives', units: ['count'], nouns: ['sangkien'], weight: 10, nounIsCue: ['sangkien'], cues: [] },
  { metric: 'staff_reduction', units: ['count', 'percent'], nouns: [null, 'bienche', 'nguoi'], weight: 10,
    cues: ['tinh gian', 'giam', 'cat giam', 'tinh gian bien che', 'giam bien che'], requires: ['tinh gian', 'giam', 'cat giam', 'giam bien che'] },
  // Units inspected, not inspection rounds: "14 đợt kiểm tra", "08 cuộc thanh tra" count sessions, which no label files
  // as inspections (d2755, d4206, d7901).
  { metric: 'inspection_rate', units: ['percent', 'count'], nouns: [null, 'donvi'], weight: 9,
    cues: ['kiem tra', 'thanh tra', 'kiem tra cong vu'] },
  { metric: 'par_index_score', units: ['score', 'percent'], nouns: [null], weight: 10,
    cues: ['par index', 'chi so cai cach hanh chinh', 'chi so cchc', 'par', 'chi so par', 'cham diem cai cach hanh chinh', 'cham diem cchc', 'diem so cai cach hanh chinh', 'diem so cchc'] },
  { metric: 'par_index_rank', units: ['rank'], nouns: [null, 'donvi'], weight: 10,
    cues: ['par index', 'chi so cai cach hanh chinh', 'chi so cchc', 'par', 'cai cach hanh chinh', 'cchc', 'chi so par', 'cham diem cai cach hanh chinh', 'cham diem cchc', 'diem so cai cach hanh chinh', 'diem so cchc'] },
  { metric: 'service_index_score', units: ['score', 'percent'], nouns: [null], weight: 12,
    cues: SERVICE_INDEX_CUES },
  { metric: 'service_index_rank', units: ['rank'], nouns: [null, 'donvi'], weight: 12,
    cues: SERVICE_INDEX_CUES },
  { metric: 'processing_days', units: ['day'], nouns: [null], weight: 10,
    cues: ['thoi gian giai quyet', 'rut ngan', 'thoi han giai quyet', 'ngay lam viec', 'giam thoi gian'] },
]);

/**
 * Words before a number (in its sentence) that make it a commitment rather than a result. "yêu cầu" counts
 * only as a verb: the caller ignores it after "đáp ứng"/"đạt"/"theo".
 */
export const TARGET_CUES = [
  'phan dau', 'cam ket', 'muc tieu', 'chi tieu de ra la', 'yeu cau', 'phai', 'dam bao dat', 'du kien', 'dinh huong',
  'thoi gian toi', 'nam toi', 'can phai', 'ke hoach dat', 'chi tieu dat', 'chi tieu giao', 'giao chi tieu', 'quyet tam',
  'nhiem vu trong tam', 'toi thieu', 'de ra cac chi tieu', 'chi tieu cu the', 'chi tieu chu yeu', 'cac chi tieu sau',
  'dat ra chi tieu', 'kien quyet', 'khuyen khich', 'huong den dua', 'huong toi dua', 'huong den dat', 'huong toi dat',
  'xay dung lo trinh',
];

/**
 * Target cues that folding would confuse ("đặt chỉ tiêu" sets a target, "đạt chỉ tiêu" meets one; "sẽ" (will) and the
 * place name "Chư Sê"): matched with accents, as whole words.
 */
export const TARGET_CUES_ACCENTED = ['đặt chỉ tiêu', 'đặt ra chỉ tiêu', 'đặt mục tiêu', 'sẽ'];

/** Words close before a number that mark an achieved result even inside a target paragraph. */
export const ACTUAL_CUES = ['da dat', 'da', 'dat duoc', 'ket qua dat', 'vuot', 'tinh den nay', 'den nay', 'hien nay', 'duoc rut ngan', 'nho do', 'nho vay'];

/** Level words of sub-units, folded, with the level code the resolver uses. */
export const SUBUNIT_LEVEL_WORDS: ReadonlyArray<{ word: string; level: string }> = [
  { word: 'xa, phuong, thi tran', level: 'xa' }, { word: 'xa, thi tran', level: 'xa' }, { word: 'phuong, xa', level: 'phuong' },
  { word: 'xa, phuong', level: 'xa' }, { word: 'phuong', level: 'phuong' }, { word: 'xa', level: 'xa' },
  { word: 'thi tran', level: 'thi_tran' }, { word: 'quan, huyen', level: 'huyen' }, { word: 'huyen', level: 'huyen' },
  { word: 'quan', level: 'quan' },
];

/**
 * Metrics where smaller is better. A target stated as a bare number ("phấn đấu 98% hồ sơ đúng hạn") means "at
 * least" for the others and "at most" for these ("hồ sơ trễ hạn 2%").
 */
export const LOWER_IS_BETTER_METRICS: ReadonlySet<string> = new Set(['late_dossiers', 'processing_days', 'par_index_rank', 'service_index_rank']);

/**
 * Words right after a dossier count that make it a backlog, not dossiers received or resolved ("còn 437 hồ sơ đang
 * giải quyết trong hạn"): the catalogue has no backlog metric, so such counts are dropped. Each entry is a regular
 * expression over folded text (most are plain words; "năm 2018 chuyển sang" needs a year).
 */
export const PENDING_CUES = [
  'dang giai quyet', 'dang xu ly', 'dang thu ly giai quyet', 'dang thu ly', 'dang duoc giai quyet', 'dang duoc xu ly', 'dang thuc hien xu ly', 'dang thuc hien giai quyet', 'dang tiep tuc giai quyet', 'dang tiep tuc xu ly', 'chua giai quyet', 'ton dong', 'dang trong han', 'chua den han', 'dang trong thoi han',
  'chuyen tiep', 'tu ky truoc', 'ky truoc chuyen sang', 'ky truoc chuyen qua', 'nam truoc chuyen sang', 'nam truoc chuyen qua', 'nam \\d{4} chuyen (?:sang|qua)', 'ton truoc chuyen (?:sang|qua)', 'ton ky truoc', 'tra khong giai quyet', 'tra lai', 'bo sung',
];

/** The PAR index by name, folded: "chỉ số cải cách hành chính", "chỉ số CCHC", "chỉ số PAR INDEX" (regex source). */
export const PAR_INDEX_NAME = 'chi so (?:cai cach hanh chinh|cchc|par ?index)';

/**
 * Verbs after which a unit or agency written without its name is the actor of its sentence ("sở đã …", "xã vẫn …"), as
 * spelt (regex source); each pattern that uses them adds its own.
 */
export const ACTOR_VERBS = 'đã|đang|vẫn|luôn|cũng|tiếp tục|đạt|có';
