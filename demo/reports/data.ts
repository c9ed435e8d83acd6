/**
 * SAMPLE DATA written by the team (not copied from any portal): report tables used by the demo mirror, the tests
 * and the benchmarks, each renderable as HTML, flattened text, DOCX, XLSX and PDF (./formats.ts).
 */
import type { RawCell } from '../../ingest/tables/grid';

export interface ReportTable {
  caption: string;
  /** Header rows with spans, then data rows. */
  rows: RawCell[][];
  notes: string[];
}

const h = (text: string, colspan = 1, rowspan = 1): RawCell => ({ text, colspan, rowspan, header: true });
const d = (...cells: string[]): RawCell[] => cells.map((text) => ({ text }));

/** Ward ranking of Quận 3 (PAR INDEX of the wards, 2023): 5 rows × (score, rank) = 10 figures. */
export const WARD_RANKING: ReportTable = {
  caption: 'Bảng 1: Kết quả xác định Chỉ số cải cách hành chính năm 2023 của UBND các phường',
  rows: [
    [h('STT'), h('Đơn vị'), h('Tổng điểm'), h('Xếp loại'), h('Xếp hạng')],
    d('1', 'UBND Phường 4', '92,35', 'Xuất sắc', '1'),
    d('2', 'UBND Phường Võ Thị Sáu', '90,10', 'Xuất sắc', '2'),
    d('3', 'UBND Phường 11', '88,75', 'Tốt', '3'),
    d('4', 'UBND Phường 1', '86,20', 'Tốt', '4'),
    d('5', 'UBND Phường 14', '84,05', 'Tốt', '5'),
  ],
  notes: ['Ghi chú: điểm tối đa là 100 (DỮ LIỆU MẪU).'],
};

/** Dossiers per ward, first half of 2024, with a two-row header and a totals row: 4 rows × 5 metric columns. */
export const DOSSIER_TABLE: ReportTable = {
  caption: 'Bảng 2: Tình hình tiếp nhận và giải quyết hồ sơ 6 tháng đầu năm 2024',
  rows: [
    [h('STT', 1, 2), h('Đơn vị', 1, 2), h('Tiếp nhận', 1, 2), h('Đã giải quyết', 3), h('Tỷ lệ đúng hạn (%)', 1, 2)],
    [h('Tổng số'), h('Đúng hạn'), h('Trễ hạn')],
    d('1', 'UBND Phường 4', '1.250', '1.240', '1.236', '4', '99,68'),
    d('2', 'UBND Phường 11', '980', '975', '975', '0', '100'),
    d('3', 'UBND Phường 14', '1.105', '1.100', '1.090', '10', '99,09'),
    [{ text: 'Tổng cộng', colspan: 2 }, ...d('3.335', '3.315', '3.301', '14', '99,58')],
  ],
  notes: [],
};

/** Every (row, metric column) the ward ranking yields: what a reader must find in every format. */
export const WARD_RANKING_EXPECTED: ReadonlyArray<{ row: string; score: number; rank: number }> = [
  { row: 'UBND Phường 4', score: 92.35, rank: 1 },
  { row: 'UBND Phường Võ Thị Sáu', score: 90.1, rank: 2 },
  { row: 'UBND Phường 11', score: 88.75, rank: 3 },
  { row: 'UBND Phường 1', score: 86.2, rank: 4 },
  { row: 'UBND Phường 14', score: 84.05, rank: 5 },
];

/** The same wards a year earlier (for a series over the years). */
export const WARD_RANKING_2022: ReportTable = {
  caption: 'Bảng 1: Kết quả xác định Chỉ số cải cách hành chính năm 2022 của UBND các phường',
  rows: [
    WARD_RANKING.rows[0],
    d('1', 'UBND Phường Võ Thị Sáu', '89,40', 'Tốt', '1'),
    d('2', 'UBND Phường 4', '88,15', 'Tốt', '2'),
    d('3', 'UBND Phường 14', '85,60', 'Tốt', '3'),
    d('4', 'UBND Phường 11', '83,90', 'Khá', '4'),
    d('5', 'UBND Phường 1', '81,25', 'Khá', '5'),
  ],
  notes: ['Ghi chú: DỮ LIỆU MẪU.'],
};

/** Satisfaction survey per ward, 2023 (the "Số phiếu" column is not a metric of the catalogue and is not read). */
export const SATISFACTION_TABLE: ReportTable = {
  caption: 'Bảng 3: Kết quả khảo sát sự hài lòng của người dân năm 2023',
  rows: [
    [h('STT'), h('Đơn vị'), h('Số phiếu khảo sát'), h('Tỷ lệ hài lòng (%)')],
    d('1', 'UBND Phường 4', '320', '98,4'),
    d('2', 'UBND Phường Võ Thị Sáu', '295', '97,9'),
    d('3', 'UBND Phường 11', '310', '96,5'),
    d('4', 'UBND Phường 1', '280', '97,2'),
    d('5', 'UBND Phường 14', '305', '95,8'),
  ],
  notes: ['Ghi chú: DỮ LIỆU MẪU.'],
};

/** Tables the demo articles and attachments name. */
export const REPORT_TABLES: Readonly<Record<string, ReportTable>> = {
  'ward-ranking-2023': WARD_RANKING,
  'ward-ranking-2022': WARD_RANKING_2022,
  'dossiers-2024h1': DOSSIER_TABLE,
  'satisfaction-2023': SATISFACTION_TABLE,
};
