/**
 * The vocabulary of table headers, kept as data like ingest/extract/lexicon.ts: which header words make a column a
 * metric, which make it the row label, which columns carry no figure, and which row labels are totals.
 *
 * Every phrase is FOLDED (lower case, no diacritics, "đ" → "d", as `foldVietnamese` writes it) and matched at word
 * boundaries. Metric codes must exist in src/modules/metric/metric-catalogue.ts (a unit test checks this).
 * `@index_score` / `@index_rank` are resolved from the table's context: the service index ("Bộ chỉ số phục vụ người
 * dân, doanh nghiệp") when the caption, heading or title names it, SIPAS when they name SIPAS, else PAR INDEX.
 *
 * Public surface: {@link HEADER_METRICS}, {@link HeaderMetric}, {@link LABEL_HEADERS}, {@link SKIP_HEADERS},
 * {@link TOTAL_ROW_LABELS}, {@link OTHER_HEADERS}, {@link AVERAGE_ROW_LABELS}, {@link RATE_WORDS}, {@link TARGET_HEADERS},
 * {@link SERVICE_INDEX_CUES}, {@link SIPAS_CUES}, {@link COMPONENT_SCORE_HEADERS}, {@link NOT_TOTAL_ROW_LABELS}, {@link COUNTED_UNIT_WORDS},
 * {@link MAXIMUM_SCORE_HEADERS}, {@link GRADE_HEADERS}.
 */

/** One family of columns. The variant is chosen by the header's unit: a rate ("Tỷ lệ", "%"), a score, a rank or a count. */
export interface HeaderMetric {
  cues: string[];
  count?: string;
  rate?: string;
  score?: string;
  rank?: string;
}

/** In priority order: the first family with a cue in the header's most specific line wins ("Đã giải quyết / Đúng hạn"). */
export const HEADER_METRICS: readonly HeaderMetric[] = [
  { cues: ['dung han', 'truoc han', 'dung va truoc han', 'truoc va dung han', 'dung hen', 'som han'], count: 'on_time_rate', rate: 'on_time_rate' },
  { cues: ['tre han', 'qua han', 'tre hen', 'cham tra'], count: 'late_dossiers', rate: 'late_dossiers' },
  { cues: ['hai long', 'sipas', 'muc do hai long'], rate: 'satisfaction_rate', score: 'sipas_score' },
  { cues: ['truc tuyen', 'qua mang', 'dich vu cong truc tuyen'], count: 'online_dossiers', rate: 'online_dossier_rate' },
  { cues: ['buu chinh', 'buu chinh cong ich'], rate: 'postal_rate' },
  { cues: ['so hoa'], rate: 'digitisation_rate' },
  { cues: ['thanh toan', 'khong dung tien mat'], rate: 'e_payment_rate' },
  { cues: ['tiep nhan', 'ho so nhan', 'nhan moi', 'tong so ho so', 'so ho so'], count: 'dossiers_received' },
  { cues: ['da giai quyet', 'giai quyet', 'da xu ly', 'tra ket qua'], count: 'dossiers_resolved', rate: 'on_time_rate' },
  { cues: ['phan anh', 'kien nghi'], rate: 'feedback_handled_rate' },
  { cues: ['sang kien'], count: 'initiatives' },
  { cues: ['xep hang', 'thu hang', 'hang', 'vi thu', 'thu tu xep hang', 'xep thu'], rank: '@index_rank' },
  { cues: ['tong diem', 'diem', 'diem dat', 'diem dat duoc', 'diem so', 'chi so', 'ket qua'], score: '@index_score', rate: '@index_score' },
];

/** Headers of the column that names each row's unit. */
export const LABEL_HEADERS = [
  'don vi', 'ten don vi', 'co quan', 'ten co quan', 'co quan, don vi', 'phuong', 'xa', 'phuong, xa', 'xa, phuong',
  'xa, phuong, thi tran', 'phuong, xa, thi tran', 'dia phuong', 'dia ban', 'quan, huyen', 'ubnd', 'don vi hanh chinh',
  'huyen', 'cac bo', 'bo, nganh', 'bo, co quan', 'so, nganh', 'so, ban, nganh', 'cac so',
];

/** Columns that carry no figure: row numbers, classifications in words, notes. */
/** Headers of a column holding the most points a row could reach ("Điểm tối đa"): never a result. */
export const MAXIMUM_SCORE_HEADERS = ['diem toi da', 'tong diem toi da', 'diem chuan', 'thang diem'];

/** Headers of a column that grades each row in words ("Xếp loại": "Tốt", "Khá"): no figure. */
export const GRADE_HEADERS = ['xep loai', 'muc xep loai', 'danh gia', 'phan loai'];

export const SKIP_HEADERS = ['stt', 'tt', 'so tt', 'so thu tu', 'ghi chu', ...GRADE_HEADERS, ...MAXIMUM_SCORE_HEADERS];

/**
 * Headers of a column holding a part of an index score ("Điểm đánh giá trực tiếp", "Điểm điều tra XHH", "Điểm tự
 * đánh giá", "Điểm thẩm định"): never the index itself, whether or not the table also prints the total.
 */
export const COMPONENT_SCORE_HEADERS = [
  'danh gia truc tiep', 'dieu tra xhh', 'dieu tra xa hoi hoc', 'xa hoi hoc', 'tu danh gia', 'tu cham', 'tham dinh',
  'diem thuong', 'diem tru', 'thanh phan', 'diem khao sat', 'dtxhh', 'tai lieu kiem chung',
];

/**
 * Row labels that start like a totals row but name an agency or a company ("Công an quận", "Tổng cục Thuế", "Công ty
 * …"): matched before {@link TOTAL_ROW_LABELS}.
 */
export const NOT_TOTAL_ROW_LABELS = ['cong an', 'cong ty', 'cong doan', 'cong thuong', 'tong cuc', 'tong cong ty', 'tong lien doan'];

/** Header words that name a column without making it a metric or a label ("Tổng số" under "Đã giải quyết"). */
export const OTHER_HEADERS = ['tong so', 'so luong', 'so phieu', 'so phieu khao sat', 'trong do', 'so', 'ty le', 'ket qua', 'noi dung', 'chi tieu', 'ke hoach'];

/** Row labels of a totals row: its figures are the publishing unit's, and the checks compare them with row sums. */
export const TOTAL_ROW_LABELS = ['tong cong', 'tong so', 'tong', 'cong', 'toan quan', 'toan huyen', 'toan thi xa', 'toan thanh pho', 'chung toan', 'tong chung'];

/** Row labels of an average row: the publishing unit's too, but not a sum. */
export const AVERAGE_ROW_LABELS = ['binh quan', 'trung binh', 'binh quan chung', 'trung binh chung'];

/** Words that make a column a rate. */
export const RATE_WORDS = ['ty le', 'phan tram'];

/** Header words that make a column a commitment rather than a result. */
export const TARGET_HEADERS = ['chi tieu', 'ke hoach', 'muc tieu', 'phan dau', 'cam ket'];

/** Context words that make "Điểm" the service index score. */
export const SERVICE_INDEX_CUES = ['bo chi so phuc vu', 'chi so phuc vu nguoi dan', 'phuc vu nguoi dan, doanh nghiep', 'phuc vu nguoi dan doanh nghiep'];

/** Context words that make "Điểm" a SIPAS score. */
export const SIPAS_CUES = ['sipas', 'chi so hai long', 'muc do hai long'];

/**
 * Words that count the units a ranking ranks, after a number in the words above a table ("đối với 14 phường", "của
 * 20 sở, ban, ngành"): when the count equals the ranked rows, each rank is out of that many.
 */
export const COUNTED_UNIT_WORDS = [
  'phuong', 'xa', 'thi tran', 'huyen', 'quan', 'thi xa', 'thanh pho', 'don vi', 'co quan', 'so', 'dia phuong',
  'tinh', 'xa, phuong', 'phuong, xa', 'co quan, don vi', 'so, ban, nganh', 'so, nganh', 'co quan nganh doc',
];
