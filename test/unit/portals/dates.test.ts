/** Every date form of DOMAIN.md and portals.md §4, read as Vietnam time (UTC+7). */
import { findVietnameseDate, parseVietnameseDate, vietnamTime } from '../../../ingest/portals/dates';
import { vn } from './fixture';

describe('parseVietnameseDate', () => {
  it.each([
    // .NET vi-VN full pattern (HCMC SharePoint): SA = AM, CH = PM, 12 CH = noon, 12 SA = midnight
    ['30 Tháng Mười Một 2018 5:25:00 CH', '2018-11-30T17:25:00'],
    ['26 Tháng Sáu 2019 2:15:00 CH', '2019-06-26T14:15:00'],
    ['31 Tháng Năm 2021 9:20:00 SA', '2021-05-31T09:20:00'],
    ['05 Tháng Giêng 2020 12:05:00 CH', '2020-01-05T12:05:00'],
    ['05 Tháng Giêng 2020 12:05:00 SA', '2020-01-05T00:05:00'],
    ['01 Tháng Mười Hai 2019 8:00:00 SA', '2019-12-01T08:00:00'],
    ['15 Tháng Mười 2019 8:00:00 SA', '2019-10-15T08:00:00'],
    ['Hoạt động Đảng 30 Tháng Mười Một 2018 5:25:00 CH', '2018-11-30T17:25:00'],
    // ICU / CLDR forms: lower case, numeric months, "Thg", "Tháng Một", "Tháng Bốn"
    ['30 tháng 11 2018', '2018-11-30T00:00:00'],
    ['3 thg 4, 2020', '2020-04-03T00:00:00'],
    ['2 tháng mười một 2018 lúc 14:30', '2018-11-02T14:30:00'],
    ['7 Tháng Một 2021', '2021-01-07T00:00:00'],
    ['7 Tháng Bốn 2021', '2021-04-07T00:00:00'],
    ['ngày 07 tháng 5 năm 2021', '2021-05-07T00:00:00'],
    // numeric: dd/MM/yyyy with time, weekday prefixes, Bkav, VCMS, listing dd-MM-yyyy, WordPress dd.MM.yyyy
    ['Thứ Hai, ngày 03/12/2018', '2018-12-03T00:00:00'],
    ['Thứ Bẩy, ngày 20/06/2020 09:30', '2020-06-20T09:30:00'],
    ['Chủ nhật, 07/06/2020 - 16:45', '2020-06-07T16:45:00'],
    ['03/12/2018 09:05', '2018-12-03T09:05:00'],
    ['Ngay dang: 5/03/2012', '2012-03-05T00:00:00'],
    ['20-06-2020', '2020-06-20T00:00:00'],
    ['20.03.2018', '2018-03-20T00:00:00'],
    ['Cập nhật lúc 14h30 ngày 02/01/2022', '2022-01-02T14:30:00'],
    ['(12/06/2019)', '2019-06-12T00:00:00'],
    ['3/2/1930', '1930-02-03T00:00:00'],
  ])('%s', (input, expected) => {
    expect(parseVietnameseDate(input)?.toISOString()).toBe(vn(expected));
  });

  it.each([
    ['2017-01-24T08:00:51+00:00', '2017-01-24T08:00:51.000Z'],
    ['2021-11-25T17:12:40+07:00', '2021-11-25T10:12:40.000Z'],
    ['2020-06-19', new Date('2020-06-19T00:00:00+07:00').toISOString()],
    ['2020-06-19T09:05:00', new Date('2020-06-19T09:05:00+07:00').toISOString()],
  ])('ISO %s keeps its offset (or Vietnam time without one)', (input, expected) => {
    expect(parseVietnameseDate(input)?.toISOString()).toBe(expected);
  });

  it('reads NFD input like NFC', () => {
    expect(parseVietnameseDate('30 Tháng Mười Một 2018 5:25:00 CH'.normalize('NFD'))?.toISOString()).toBe(vn('2018-11-30T17:25:00'));
  });

  it('Bkav HH:ss bug: keeps the hour only and says so', () => {
    const found = findVietnameseDate('Mon, 03/12/2018 09:47 | GMT +7', { hourSecondBug: true });
    expect(found?.date.toISOString()).toBe(vn('2018-12-03T09:00:00'));
    expect(found?.precision).toBe('hour');
    expect(findVietnameseDate('Mon, 03/12/2018 09:47 | GMT +7')?.precision).toBe('minute');
  });

  it('"(dd/MM)" takes its year from the reference date, the previous year when it would be in the future', () => {
    const ref = new Date(vn('2020-01-10T10:00:00'));
    expect(parseVietnameseDate('Tiếp xúc cử tri (03/01)', { referenceDate: ref })?.toISOString()).toBe(vn('2020-01-03T00:00:00'));
    expect(parseVietnameseDate('Hội nghị dân vận (15/12)', { referenceDate: ref })?.toISOString()).toBe(vn('2019-12-15T00:00:00'));
    expect(parseVietnameseDate('(15/12)')).toBeNull();
  });

  it.each(['', 'không có ngày', '31/02/2020', '54/2017/QH14', '158/2007/NĐ-CP', 'TCVN 9001:2015', '7/8 chỉ tiêu'])('finds no date in %j', (input) => {
    expect(parseVietnameseDate(input)).toBeNull();
  });

  it('ignores an impossible time but keeps the date next to it', () => {
    expect(parseVietnameseDate('25:61 01/01/2020')?.toISOString()).toBe(vn('2020-01-01T00:00:00'));
  });

  it('vietnamTime rejects impossible wall-clock times', () => {
    expect(vietnamTime(2020, 2, 30)).toBeNull();
    expect(vietnamTime(2020, 13, 1)).toBeNull();
    expect(vietnamTime(2020, 2, 29, 23, 59)?.toISOString()).toBe(vn('2020-02-29T23:59:00'));
  });
});
