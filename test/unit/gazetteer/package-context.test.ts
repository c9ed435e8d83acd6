/**
 * The gazetteer read from its packages (no database): the publisher and resolver the real-text scorer gives the engine,
 * as ingestion would for a source registered with that publisher. Parity with the database is checked in
 * test/integration/spine/gazetteer-history.test.ts.
 */
import { packageGazetteerRows, packageSubjectContext } from '../../../ingest/gazetteer-packages';

const IN_2020 = new Date('2020-01-10T12:00:00+07:00');
const IN_2025 = new Date('2025-09-10T12:00:00+07:00');

describe('packageSubjectContext', () => {
  it('registers a provincial paper with its province and resolves the province\'s districts and communes', () => {
    const ctx = packageSubjectContext({ name: 'Tỉnh Đồng Nai', level: 'tinh', province: 'Tỉnh Đồng Nai', on: IN_2020 });
    expect(ctx?.publisher).toMatchObject({ name: 'Tỉnh Đồng Nai', level: 'tinh' });
    expect(ctx?.resolver.resolve('huyện Định Quán', ctx.publisher, IN_2020)).toMatchObject({ name: 'Huyện Định Quán', level: 'huyen' });
    expect(ctx?.resolver.resolve('xã Phú Ngọc', ctx.publisher, IN_2020)).toMatchObject({ name: 'Xã Phú Ngọc', level: 'xa' });
    // Another province's district is not this publisher's.
    expect(ctx?.resolver.resolve('huyện Củ Chi', ctx.publisher, IN_2020)).toBeNull();
  });

  it('registers a source after 1 July 2025 in the two-tier system, and still reads older articles\' units', () => {
    const ctx = packageSubjectContext({ name: 'Tỉnh Đồng Nai', level: 'tinh', province: 'Tỉnh Đồng Nai', on: IN_2025 });
    expect(ctx?.publisher).toMatchObject({ name: 'Tỉnh Đồng Nai', level: 'tinh' });
    const rows = packageGazetteerRows();
    expect(rows.find((r) => r.id === ctx?.publisher.id)?.code_set).toBe('nq202_2025');
    expect(ctx?.resolver.resolve('phường Trấn Biên', ctx.publisher, IN_2025)).toMatchObject({ name: 'Phường Trấn Biên', level: 'phuong' });
    // The old district, and a district of Bình Phước, which went into the new Đồng Nai.
    expect(ctx?.resolver.resolve('huyện Định Quán', ctx.publisher, IN_2020)).toMatchObject({ name: 'Huyện Định Quán', level: 'huyen' });
    expect(ctx?.resolver.resolve('huyện Bù Đăng', ctx.publisher, IN_2020)).toMatchObject({ name: 'Huyện Bù Đăng', level: 'huyen' });
  });

  it('resolves other provinces, not their districts', () => {
    const ctx = packageSubjectContext({ name: 'Tỉnh Đồng Nai', level: 'tinh', province: 'Tỉnh Đồng Nai', on: IN_2020 });
    expect(ctx?.resolver.resolve('Tỉnh Quảng Ninh', ctx.publisher, IN_2020)).toMatchObject({ name: 'Tỉnh Quảng Ninh', level: 'tinh' });
    expect(ctx?.resolver.resolve('huyện Củ Chi', ctx.publisher, IN_2020)).toBeNull();
  });

  it('reads a bare name a province shares with its city as the province, the city only with its level word (stop 39)', () => {
    // "Sở Xây dựng Bắc Ninh", "Sở VHTTDL Sơn La": the province, on its own paper too (d1310, d1370).
    for (const [province, city] of [['Tỉnh Bắc Ninh', 'Thành phố Bắc Ninh'], ['Tỉnh Sơn La', 'Thành phố Sơn La']]) {
      const ctx = packageSubjectContext({ name: province, level: 'tinh', province, on: IN_2020 });
      const bare = province.replace(/^Tỉnh /, '');
      expect(ctx?.resolver.resolve(bare, ctx.publisher, IN_2020)).toMatchObject({ name: province, level: 'tinh' });
      expect(ctx?.resolver.resolve(`thành phố ${bare}`, ctx.publisher, IN_2020)).toMatchObject({ name: city, level: 'thanh_pho' });
      expect(ctx?.resolver.resolve(`TP ${bare}`, ctx.publisher, IN_2020)).toMatchObject({ name: city, level: 'thanh_pho' });
    }
  });

  it("tells a district's or a commune's province, and a province its own (stop 38)", () => {
    const district = packageSubjectContext({ name: 'Huyện Định Quán', level: 'huyen', province: 'Tỉnh Đồng Nai', on: IN_2020 });
    expect(district?.resolver.publisherProvince?.()).toMatchObject({ name: 'Tỉnh Đồng Nai', level: 'tinh' });
    const commune = packageSubjectContext({ name: 'Xã Phú Ngọc', level: 'xa', province: 'Tỉnh Đồng Nai', on: IN_2020 });
    expect(commune?.resolver.publisherProvince?.()).toMatchObject({ name: 'Tỉnh Đồng Nai', level: 'tinh' });
    const province = packageSubjectContext({ name: 'Tỉnh Đồng Nai', level: 'tinh', province: 'Tỉnh Đồng Nai', on: IN_2020 });
    expect(province?.resolver.publisherProvince?.()).toMatchObject({ name: 'Tỉnh Đồng Nai', level: 'tinh' });
  });

  it('finds a district publisher by name and level within its province', () => {
    const ctx = packageSubjectContext({ name: 'Huyện Định Quán', level: 'huyen', province: 'Tỉnh Đồng Nai', on: IN_2020 });
    expect(ctx?.publisher).toMatchObject({ name: 'Huyện Định Quán', level: 'huyen' });
    expect(ctx?.resolver.resolve('xã Phú Ngọc', ctx.publisher, IN_2020)?.name).toBe('Xã Phú Ngọc');
  });

  it('registers a department and a ministry below their province, with their own level', () => {
    expect(packageSubjectContext({ name: 'Sở Tư pháp tỉnh Bắc Kạn', level: 'so', province: 'Tỉnh Bắc Kạn', on: IN_2020 })?.publisher)
      .toMatchObject({ name: 'Sở Tư pháp tỉnh Bắc Kạn', level: 'so' });
    expect(packageSubjectContext({ name: 'Bộ Tư pháp', level: 'bo', province: 'Thành phố Hà Nội', on: IN_2020 })?.publisher)
      .toMatchObject({ name: 'Bộ Tư pháp', level: 'bo' });
  });

  it('tells a ward of a common name apart only by the words that locate it', () => {
    expect(packageSubjectContext({ name: 'Phường 4', level: 'phuong', province: 'Thành phố Hồ Chí Minh', on: IN_2020 })).toBeNull();
    const ctx = packageSubjectContext({ name: 'Phường 4', level: 'phuong', province: 'Thành phố Hồ Chí Minh', on: IN_2020, locatedBy: 'Cổng thông tin điện tử Phường 4, Quận 3' });
    expect(ctx?.publisher).toMatchObject({ name: 'Phường 04', level: 'phuong' });
    const rows = packageGazetteerRows();
    const parent = rows.find((r) => r.id === ctx?.data.publisher.parent_id);
    expect(parent?.name).toBe('Quận 3');
  });

  it('says null for a province or unit the gazetteer does not hold', () => {
    expect(packageSubjectContext({ name: 'Huyện Không Có', level: 'huyen', province: 'Tỉnh Đồng Nai', on: IN_2020 })).toBeNull();
    expect(packageSubjectContext({ name: 'Tỉnh Atlantis', level: 'tinh', province: 'Tỉnh Atlantis', on: IN_2020 })).toBeNull();
  });

  it('numbers every row once, with parents among the rows', () => {
    const rows = packageGazetteerRows();
    const ids = new Set(rows.map((r) => r.id));
    expect(ids.size).toBe(rows.length);
    expect(rows.every((r) => /^\d+$/.test(String(r.id)) && (r.parent_id === null || ids.has(r.parent_id)))).toBe(true);
  });
});
