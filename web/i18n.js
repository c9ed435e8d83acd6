/**
 * UI strings in Vietnamese (first) and English, and locale-aware formatting of numbers and dates.
 * Pure module: no DOM access, so it can be unit-tested in Node.
 */
import { MORE_STRINGS } from './i18n-more.js';

export const LANGS = ['vi', 'en'];

const STRINGS = {
  vi: {
    title: 'Atlas CCHC',
    subtitle: 'So sánh số liệu cải cách hành chính giữa các đơn vị và qua các năm. Mỗi con số đều dẫn nguồn.',
    langToggle: 'English',
    langToggleLabel: 'Switch to English',
    tabCompare: 'Xếp hạng theo năm',
    tabSeries: 'Diễn biến qua các năm',
    tabsLabel: 'Chọn kiểu biểu đồ',
    unitsLegend: 'Đơn vị',
    scopeParent: 'Các đơn vị trực thuộc',
    scopeLevel: 'Theo cấp hành chính',
    scopeUnits: 'Chọn từng đơn vị',
    parentLabel: 'Đơn vị cấp trên',
    searchLabel: 'Tìm đơn vị (có dấu hoặc không dấu)',
    searchPlaceholder: 'vd. binh thanh, Quận 11, Đồng Tháp',
    searchNone: 'Không tìm thấy đơn vị nào.',
    searchPick: 'Chọn',
    levelLabel: 'Cấp',
    remove: 'Bỏ {name}',
    noUnitsChosen: 'Chưa chọn đơn vị nào.',
    validUntil: 'đến {date}',
    validFrom: 'từ {date}',
    metricLabel: 'Chỉ số',
    yearLabel: 'Năm',
    yearFromLabel: 'Từ năm',
    yearToLabel: 'Đến năm',
    anyYear: 'Tất cả',
    periodLabel: 'Kỳ',
    wholeYear: 'Cả năm',
    periodMonth: 'Tháng {n}',
    periodQuarter: 'Quý {n}',
    halfFirst: '6 tháng đầu năm',
    halfSecond: '6 tháng cuối năm',
    grainLabel: 'Theo',
    grainYEAR: 'Năm',
    grainHALF: '6 tháng',
    grainQUARTER: 'Quý',
    grainMONTH: 'Tháng',
    kindLabel: 'Loại số liệu',
    kindActual: 'Thực hiện',
    kindTarget: 'Chỉ tiêu',
    unreviewedLabel: 'Gồm cả số liệu chưa kiểm duyệt',
    show: 'Xem biểu đồ',
    loading: 'Đang tải…',
    downloadCsv: 'Tải CSV',
    downloadPng: 'Tải ảnh PNG',
    copyLink: 'Sao chép liên kết',
    linkCopied: 'Đã sao chép liên kết.',
    noData: 'không có số liệu',
    missingHeading: 'Không có số liệu ({n} đơn vị)',
    missingNone: 'Tất cả đơn vị đều có số liệu.',
    compareEmpty: 'Không có đơn vị nào có số liệu cho chỉ số và năm đã chọn.',
    seriesEmpty: 'Không có số liệu cho chỉ số và các đơn vị đã chọn.',
    partialNote: 'Số liệu chưa trọn năm (vd. 6 hoặc 9 tháng)',
    partialInRanking: 'Đơn vị có dấu △ chỉ có số liệu chưa trọn năm.',
    fullNote: 'Số liệu cả năm',
    clickHint: 'Bấm vào một điểm hoặc một cột để xem nguồn: bài viết và câu trích dẫn.',
    toggleSeries: 'Bấm để ẩn hoặc hiện đường này',
    seriesLegend: 'Chú giải: các đơn vị',
    dataTable: 'Bảng số liệu',
    colRank: 'Hạng',
    colUnit: 'Đơn vị',
    colCode: 'Mã đơn vị',
    colValue: 'Giá trị',
    colPrevious: 'Năm trước',
    colChange: 'Thay đổi',
    colYear: 'Năm',
    colPeriod: 'Kỳ số liệu',
    colPartial: 'Chưa trọn năm',
    colSource: 'Nguồn',
    colTitle: 'Tiêu đề bài viết',
    colPublished: 'Ngày đăng',
    colEvidence: 'Câu trích dẫn',
    colStatus: 'Ghi chú',
    colMetric: 'Chỉ số',
    colFigure: 'Mã số liệu',
    yes: 'có',
    no: 'không',
    showSource: 'Xem nguồn',
    sourceHeading: 'Nguồn của số liệu',
    sourceEmpty: 'Chọn một điểm trên biểu đồ để xem bài viết và câu có con số đó.',
    sourceArticle: 'Bài viết',
    sourcePublished: 'Đăng ngày {date}',
    sourceSentence: 'Câu trích dẫn',
    sourceCell: 'Bảng {table}, dòng {row}, cột {column}',
    sourcePage: 'trang {page}',
    checkFailed: 'Số liệu không khớp',
    sourceFigure: 'Mã số liệu {id}',
    sourceMissing: 'Không có thông tin nguồn cho điểm này.',
    definitionChanged: 'Định nghĩa chỉ số thay đổi giữa hai năm: không nên so sánh trực tiếp.',
    errorPrefix: 'Lỗi',
    barAria: 'Biểu đồ cột xếp hạng {metric} năm {year}: {n} đơn vị có số liệu, {m} đơn vị không có số liệu.',
    lineAria: 'Biểu đồ đường {metric} qua các năm cho {n} đơn vị.',
    footer: 'Dữ liệu lấy từ API GraphQL công khai tại /graphql. Số liệu trích tự động từ cổng thông tin điện tử; hãy kiểm tra câu trích dẫn trước khi sử dụng.',
    rankOf: 'Hạng {rank}',
    previousValue: 'Năm trước: {value}',
    change: 'Thay đổi: {value}',
  },
  en: {
    title: 'CCHC Atlas',
    subtitle: 'Compare administrative-reform figures across units and over the years. Every number is cited.',
    langToggle: 'Tiếng Việt',
    langToggleLabel: 'Chuyển sang tiếng Việt',
    tabCompare: 'Ranking for a year',
    tabSeries: 'Over the years',
    tabsLabel: 'Choose a chart',
    unitsLegend: 'Units',
    scopeParent: 'Units under a parent',
    scopeLevel: 'By administrative level',
    scopeUnits: 'Pick units',
    parentLabel: 'Parent unit',
    searchLabel: 'Find a unit (with or without diacritics)',
    searchPlaceholder: 'e.g. binh thanh, Quận 11, Đồng Tháp',
    searchNone: 'No unit found.',
    searchPick: 'Choose',
    levelLabel: 'Level',
    remove: 'Remove {name}',
    noUnitsChosen: 'No unit chosen yet.',
    validUntil: 'until {date}',
    validFrom: 'from {date}',
    metricLabel: 'Metric',
    yearLabel: 'Year',
    yearFromLabel: 'From',
    yearToLabel: 'To',
    anyYear: 'All',
    periodLabel: 'Period',
    wholeYear: 'Whole year',
    periodMonth: 'Month {n}',
    periodQuarter: 'Quarter {n}',
    halfFirst: 'January-June',
    halfSecond: 'July-December',
    grainLabel: 'By',
    grainYEAR: 'Year',
    grainHALF: 'Half-year',
    grainQUARTER: 'Quarter',
    grainMONTH: 'Month',
    kindLabel: 'Kind of figure',
    kindActual: 'Achieved',
    kindTarget: 'Target',
    unreviewedLabel: 'Include figures awaiting review',
    show: 'Show chart',
    loading: 'Loading…',
    downloadCsv: 'Download CSV',
    downloadPng: 'Download PNG',
    copyLink: 'Copy link',
    linkCopied: 'Link copied.',
    noData: 'no data',
    missingHeading: 'No data: {n}',
    missingNone: 'Every unit has data.',
    compareEmpty: 'No unit has data for the chosen metric and year.',
    seriesEmpty: 'No data for the chosen metric and units.',
    partialNote: 'Part-year figure (e.g. 6 or 9 months)',
    partialInRanking: 'Units marked △ have only a part-year figure.',
    fullNote: 'Full-year figure',
    clickHint: 'Click a point or a bar to see its source: the article and the sentence.',
    toggleSeries: 'Click to hide or show this line',
    seriesLegend: 'Legend: units',
    dataTable: 'Data table',
    colRank: 'Rank',
    colUnit: 'Unit',
    colCode: 'Unit code',
    colValue: 'Value',
    colPrevious: 'Previous year',
    colChange: 'Change',
    colYear: 'Year',
    colPeriod: 'Period',
    colPartial: 'Part year',
    colSource: 'Source',
    colTitle: 'Article title',
    colPublished: 'Published',
    colEvidence: 'Evidence sentence',
    colStatus: 'Note',
    colMetric: 'Metric',
    colFigure: 'Figure id',
    yes: 'yes',
    no: 'no',
    showSource: 'Show source',
    sourceHeading: 'Source of the figure',
    sourceEmpty: 'Select a point on the chart to see the article and the sentence the number came from.',
    sourceArticle: 'Article',
    sourcePublished: 'Published {date}',
    sourceSentence: 'Evidence sentence',
    sourceCell: 'Table {table}, row {row}, column {column}',
    sourcePage: 'page {page}',
    checkFailed: 'Failed a consistency check',
    sourceFigure: 'Figure {id}',
    sourceMissing: 'No source information for this point.',
    definitionChanged: 'The metric\'s definition changed between the two years: do not compare directly.',
    errorPrefix: 'Error',
    barAria: 'Bar chart ranking {metric} in {year}: {n} units with data, {m} units without data.',
    lineAria: 'Line chart of {metric} over the years for {n} units.',
    footer: 'Data from the public GraphQL API at /graphql. Figures are extracted automatically from government portals; check the evidence sentence before using one.',
    rankOf: 'Rank {rank}',
    previousValue: 'Previous year: {value}',
    change: 'Change: {value}',
  },
};

const LEVELS = {
  PROVINCE: ['Tỉnh', 'Province'],
  CENTRAL_CITY: ['Thành phố trực thuộc trung ương', 'Centrally-run city'],
  DISTRICT: ['Quận, huyện', 'District'],
  PROVINCIAL_CITY: ['Thành phố thuộc tỉnh', 'Provincial city'],
  TOWN: ['Thị xã', 'Town'],
  WARD: ['Phường', 'Ward'],
  COMMUNE: ['Xã', 'Commune'],
  TOWNSHIP: ['Thị trấn', 'Township'],
  SPECIAL_ZONE: ['Đặc khu', 'Special zone'],
  DEPARTMENT: ['Sở, ban, ngành', 'Department'],
  OTHER: ['Khác', 'Other'],
};

/** Administrative levels in the order the level picker shows them. */
export const LEVEL_CODES = Object.keys(LEVELS);

const UNIT_SUFFIX = { percent: '%', score: '', count: '', rank: '', day: '' };
const UNIT_WORDS = {
  vi: { day: 'ngày', rank: 'hạng', score: 'điểm', count: '', percent: '%' },
  en: { day: 'days', rank: 'rank', score: 'points', count: '', percent: '%' },
};

function pickLang(lang) {
  return lang === 'en' ? 'en' : 'vi';
}

/** Translate `key`, replacing `{name}` placeholders from `params`. Unknown keys come back as the key itself. */
export function t(lang, key, params = {}) {
  const table = STRINGS[pickLang(lang)];
  const text = table[key] ?? MORE_STRINGS[pickLang(lang)][key] ?? STRINGS.vi[key] ?? MORE_STRINGS.vi[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** The metric's name in the chosen language (Vietnamese when the English name is missing). */
export function metricName(metric, lang) {
  if (!metric) return '';
  return pickLang(lang) === 'en' ? metric.nameEn || metric.nameVi || metric.code : metric.nameVi || metric.code;
}

export function levelName(level, lang) {
  const names = LEVELS[level];
  if (!names) return level;
  return pickLang(lang) === 'en' ? names[1] : names[0];
}

function locale(lang) {
  return pickLang(lang) === 'en' ? 'en-GB' : 'vi-VN';
}

/** A number as people read it: "99,5" in Vietnamese, "99.5" in English; null → "" (never "0"). */
export function formatNumber(value, lang, maximumFractionDigits = 2) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '';
  return new Intl.NumberFormat(locale(lang), { maximumFractionDigits }).format(Number(value));
}

/** A value with its unit ("98,7%", "12 ngày"). */
export function formatValue(value, unit, lang) {
  const text = formatNumber(value, lang);
  if (!text) return '';
  if (unit === 'percent') return `${text}${UNIT_SUFFIX.percent}`;
  const word = UNIT_WORDS[pickLang(lang)][unit];
  return word ? `${text} ${word}` : text;
}

/** A signed change ("+1,2", "−0,5"); percent changes are in percentage points. */
export function formatChange(value, unit, lang) {
  if (value === null || value === undefined || Number.isNaN(Number(value))) return '';
  const n = Number(value);
  const text = formatNumber(Math.abs(n), lang);
  const sign = n > 0 ? '+' : n < 0 ? '−' : '±';
  const suffix = unit === 'percent' ? (pickLang(lang) === 'en' ? ' pp' : ' điểm %') : '';
  return `${sign}${text}${suffix}`;
}

/** A date (ISO string or Date) as "21/11/2026" or "21 Nov 2026"; "" when missing or invalid. */
export function formatDate(value, lang) {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '';
  const options = pickLang(lang) === 'en'
    ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' }
    : { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Asia/Ho_Chi_Minh' };
  return new Intl.DateTimeFormat(locale(lang), options).format(date);
}
