/** Labels and number formats in both languages (web/i18n.js), and the CSV the page downloads (web/export.js). */
import { loadWebModule } from './load-web-module';

const { t, metricName, formatValue, formatChange, formatDate, levelName } = loadWebModule('i18n.js');
const { csvCell, toCsv, compareRows, seriesRows, fileName } = loadWebModule('export.js');

describe('i18n', () => {
  it('translates with placeholders, Vietnamese first', () => {
    expect(t('vi', 'missingHeading', { n: 3 })).toBe('Không có số liệu (3 đơn vị)');
    expect(t('en', 'missingHeading', { n: 3 })).toBe('No data: 3');
    expect(t('xx', 'noData')).toBe('không có số liệu');
    expect(t('en', 'no-such-key')).toBe('no-such-key');
  });

  it('picks the metric name by language', () => {
    const m = { code: 'on_time_rate', nameVi: 'Tỷ lệ hồ sơ giải quyết đúng hạn', nameEn: 'Dossiers resolved on time' };
    expect(metricName(m, 'vi')).toBe('Tỷ lệ hồ sơ giải quyết đúng hạn');
    expect(metricName(m, 'en')).toBe('Dossiers resolved on time');
    expect(metricName({ ...m, nameEn: '' }, 'en')).toBe('Tỷ lệ hồ sơ giải quyết đúng hạn');
    expect(levelName('DISTRICT', 'vi')).toBe('Quận, huyện');
  });

  it('formats numbers, values, changes and dates per language; missing is empty, never 0', () => {
    expect(formatValue(98.75, 'percent', 'vi')).toBe('98,75%');
    expect(formatValue(98.75, 'percent', 'en')).toBe('98.75%');
    expect(formatValue(12, 'day', 'vi')).toBe('12 ngày');
    expect(formatValue(null, 'percent', 'vi')).toBe('');
    expect(formatChange(1.5, 'percent', 'en')).toBe('+1.5 pp');
    expect(formatChange(-0.25, 'count', 'vi')).toBe('−0,25');
    expect(formatChange(null, 'count', 'vi')).toBe('');
    // Midnight in Hồ Chí Minh City is the previous day in UTC: dates are shown in Vietnam's time zone.
    expect(formatDate('2019-09-30T17:30:00Z', 'vi')).toBe('01/10/2019');
    expect(formatDate('2019-10-01T00:00:00+07:00', 'en')).toBe('1 Oct 2019');
    expect(formatDate('not a date', 'en')).toBe('');
  });
});

describe('CSV export', () => {
  const unit = (id: string, name: string, code: string) => ({ id, name, code });
  const source = { figureId: '41', url: 'http://example.test/a?x=1', title: 'Sơ kết "9 tháng", CCHC', publishedAt: '2019-10-01T03:00:00Z', sentence: '=Tỷ lệ đúng hạn đạt 98,5%.' };

  it('quotes, neutralises formulas and keeps numbers as numbers', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1+2')).toBe("'-1+2");
    expect(csvCell(-1.5)).toBe('-1.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('starts with a BOM and ends lines with CRLF', () => {
    const csv = toCsv([['Đơn vị', 'Giá trị'], ['Quận 1', 98.5]]);
    expect(csv).toBe('\uFEFFĐơn vị,Giá trị\r\nQuận 1,98.5\r\n');
  });

  it('writes the ranking with the units without data as empty values, labelled, not zero', () => {
    const model = {
      metricCode: 'on_time_rate', year: 2019,
      rows: [{ rank: 1, unit: unit('1', 'Quận 1', '760'), value: 98.5, previousValue: 97, change: 1.5, definitionChanged: false, periodLabel: '9 tháng năm 2019', source }],
      missing: [unit('2', 'Quận 3', '770')],
    };
    const rows = compareRows(model, 'vi');
    expect(rows[0].slice(0, 6)).toEqual(['Hạng', 'Đơn vị', 'Mã đơn vị', 'Chỉ số', 'Năm', 'Giá trị']);
    expect(rows[1]).toEqual([1, 'Quận 1', '760', 'on_time_rate', 2019, 98.5, 97, 1.5, '9 tháng năm 2019', '', 'Sơ kết "9 tháng", CCHC', '2019-10-01', 'http://example.test/a?x=1', '=Tỷ lệ đúng hạn đạt 98,5%.', '41']);
    expect(rows[2]).toEqual([null, 'Quận 3', '770', 'on_time_rate', 2019, null, null, null, '', 'không có số liệu', '', '', '', '', '']);
    const csv = toCsv(rows).split('\r\n');
    expect(csv[2]).toBe(',Quận 3,770,on_time_rate,2019,,,,,không có số liệu,,,,,');
    expect(csv[1]).toBe(`1,Quận 1,760,on_time_rate,2019,98.5,97,1.5,9 tháng năm 2019,,"Sơ kết ""9 tháng"", CCHC",2019-10-01,http://example.test/a?x=1,"'=Tỷ lệ đúng hạn đạt 98,5%.",41`);
  });

  it('writes the time series one row per unit and year, in English when asked', () => {
    const model = {
      metricCode: 'satisfaction_rate',
      series: [{ unit: unit('1', 'Quận 1', '760'), points: [
        { year: 2018, value: 95, periodLabel: 'năm 2018', partialYear: false, source },
        { year: 2019, value: 96.2, periodLabel: '6 tháng đầu năm 2019', partialYear: true, source: null },
      ] }],
      missing: [unit('2', 'Quận 3', '770')],
    };
    const rows = seriesRows(model, 'en');
    expect(rows[0].slice(0, 7)).toEqual(['Unit', 'Unit code', 'Metric', 'Year', 'Value', 'Period', 'Part year']);
    expect(rows[1].slice(0, 7)).toEqual(['Quận 1', '760', 'satisfaction_rate', 2018, 95, 'năm 2018', 'no']);
    expect(rows[2].slice(0, 7)).toEqual(['Quận 1', '760', 'satisfaction_rate', 2019, 96.2, '6 tháng đầu năm 2019', 'yes']);
    expect(rows[3].slice(0, 8)).toEqual(['Quận 3', '770', 'satisfaction_rate', null, null, '', '', 'no data']);
  });

  it('makes safe file names', () => {
    expect(fileName(['on_time_rate', 2019], 'csv')).toBe('cchc-on_time_rate-2019.csv');
    expect(fileName(['a/b', null, 'c d'], 'png')).toBe('cchc-a_b-c_d.png');
  });
});
