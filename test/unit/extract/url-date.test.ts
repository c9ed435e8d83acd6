import { dateFromUrl } from '../../../ingest/extract/url-date';

const NOW = new Date('2026-12-07T00:00:00Z');
const day = (d: Date | null): string | null => (d ? new Date(d.getTime() + 7 * 3600_000).toISOString().slice(0, 10) : null);

describe('dateFromUrl', () => {
  it('reads a month or a day filed in the path', () => {
    expect(day(dateFromUrl('https://baodanang.vn/channel/5399/200911/426-ho-so-hanh-chinh-tre-hen-1992411/', NOW))).toBe('2009-11-01');
    expect(day(dateFromUrl('https://chicuc.example.gov.vn/News/ketquacongtac/2018/06/490.aspx', NOW))).toBe('2018-06-01');
    expect(day(dateFromUrl('https://blog.example.com/2018/01/25/trien-khai.html', NOW))).toBe('2018-01-25');
    expect(day(dateFromUrl('http://xa.example.gov.vn/portal/pages/2022-06-1/Ha-Tinh-ho-so-45.aspx', NOW))).toBe('2022-06-01');
    expect(day(dateFromUrl('https://vpub.example.gov.vn/portal/pages/2025-05-09/Day-nhanh.aspx', NOW))).toBe('2025-05-09');
  });

  it('reads nothing from ids, slugs, hosts, queries, impossible or future dates', () => {
    expect(dateFromUrl('https://znews.example.vn/bo-gtvt-doi-so-post20200519092523.html', NOW)).toBeNull();
    expect(dateFromUrl('https://example.vn/tin-tuc/201813/bai-viet', NOW)).toBeNull();
    expect(dateFromUrl('https://201803.example.vn/bai-viet', NOW)).toBeNull();
    expect(dateFromUrl('https://example.vn/bai-viet?d=2018/06/', NOW)).toBeNull();
    expect(dateFromUrl('https://example.vn/pages/2021-02-31/bai', NOW)).toBeNull();
    expect(dateFromUrl('https://example.vn/xa-hoi/202712/bai-viet', NOW)).toBeNull();
    expect(dateFromUrl('https://example.vn/so/1990/05/bai', NOW)).toBeNull();
    expect(dateFromUrl('not a url', NOW)).toBeNull();
    expect(dateFromUrl(null, NOW)).toBeNull();
  });
});
