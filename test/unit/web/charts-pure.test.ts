/** The pure parts of the charts page added for issue 14: fitted axes, change marks, same-name labels, translated errors, asOf in the URL. */
import { loadWebModule } from './load-web-module';

const { fittedAxis, changeMarks } = loadWebModule('scale.js');
const { labeller, nameWithParent } = loadWebModule('names.js');
const { explainError, errorKey } = loadWebModule('errors.js');
const { parseState, toQuery, parseAsOf, unitPageQuery } = loadWebModule('state.js');

describe('fittedAxis', () => {
  it('cuts the axis close to the data when values are far from zero, and says so', () => {
    const axis = fittedAxis([98.9, 99.8, 99.1, null], 'percent');
    expect(axis.broken).toBe(true);
    expect(axis.min).toBeGreaterThan(95);
    expect(axis.min).toBeLessThanOrEqual(98.9);
    expect(axis.max).toBe(100);
    // 98.9 and 99.8 now sit at least a fifth of the axis apart.
    expect((99.8 - 98.9) / (axis.max - axis.min)).toBeGreaterThan(0.2);
  });
  it('keeps zero when the data reach near it, and never cuts below a negative value', () => {
    expect(fittedAxis([5, 40, 80], 'percent')).toMatchObject({ min: 0, broken: false });
    expect(fittedAxis([-3, 4], 'count')).toMatchObject({ broken: false });
    expect(fittedAxis([-3, 4], 'count').min).toBeLessThanOrEqual(-3);
    expect(fittedAxis([], 'percent')).toEqual({ min: 0, max: 100, broken: false });
  });
  it('lets a percentage above 100 show instead of clipping it', () => {
    expect(fittedAxis([99, 104], 'percent').max).toBeGreaterThanOrEqual(104);
  });
});

describe('changeMarks', () => {
  it('gives ▲/▼ for the value and the rank move (up = smaller rank number)', () => {
    expect(changeMarks({ change: 0.9, rank: 2, previousRank: 5 })).toEqual({ arrow: '▲', rankMove: 3 });
    expect(changeMarks({ change: -1.2, rank: 7, previousRank: 4 })).toEqual({ arrow: '▼', rankMove: -3 });
    expect(changeMarks({ change: null, rank: 1, previousRank: null })).toEqual({ arrow: '', rankMove: null });
  });
});

describe('labeller', () => {
  const u = (id: string, name: string, parent: string) => ({ id, name, parentName: `Thành phố ${parent}`, parentShortName: `TP ${parent}` });
  it('adds the parent only to names that repeat', () => {
    const units = [u('1', 'Phường 1', 'Cao Lãnh'), u('2', 'Phường 1', 'Sa Đéc'), u('3', 'Phường 2', 'Cao Lãnh')];
    const label = labeller(units);
    expect(units.map(label)).toEqual(['Phường 1 – TP Cao Lãnh', 'Phường 1 – TP Sa Đéc', 'Phường 2']);
    expect(nameWithParent({ name: 'Tỉnh Đồng Tháp', parentName: null })).toBe('Tỉnh Đồng Tháp');
  });
});

describe('explainError', () => {
  it('translates API errors into what to do, in both languages, never the raw English message', () => {
    const tooMany = { code: 'BAD_USER_INPUT', message: 'the units asked for are more than 3000: narrow them with parentId or unitIds' };
    expect(errorKey(tooMany)).toBe('errTOO_MANY');
    expect(explainError(tooMany, 'vi')).toBe('Quá nhiều đơn vị để vẽ một biểu đồ. Hãy chọn một đơn vị cấp trên hoặc chọn từng đơn vị. (mã lỗi BAD_USER_INPUT)');
    expect(explainError(tooMany, 'en')).toContain('Choose a parent unit');
    expect(explainError({ code: 'NOT_FOUND', message: 'unit 99 does not exist' }, 'vi')).not.toContain('does not exist');
    expect(errorKey({ code: 'NETWORK', message: 'network error: Failed to fetch' })).toBe('errNETWORK');
    expect(errorKey(new Error('boom'))).toBe('errINTERNAL');
  });
});

describe('asOf and embed in the URL', () => {
  it('round-trips asOf (normalised to ISO) and embed; drops an invalid asOf', () => {
    const s = parseState('?metric=on_time_rate&year=2019&parent=5&asOf=2026-12-01T10:00:00Z&embed=1');
    expect(s).toMatchObject({ asOf: '2026-12-01T10:00:00.000Z', embed: true });
    const q = new URLSearchParams(toQuery(s));
    expect([q.get('asOf'), q.get('embed')]).toEqual(['2026-12-01T10:00:00.000Z', '1']);
    expect(parseState('?asOf=yesterday').asOf).toBeNull();
    expect(parseAsOf('2026-13-45')).toBeNull();
    expect(parseState('?unit=123').unit).toBe('123');
    expect(unitPageQuery('123', { lang: 'en', asOf: null })).toBe('?unit=123&lang=en');
  });
});

describe('i18n-more', () => {
  it('has every string in both languages, and t() finds them', () => {
    const { MORE_STRINGS } = loadWebModule('i18n-more.js');
    expect(Object.keys(MORE_STRINGS.en).sort()).toEqual(Object.keys(MORE_STRINGS.vi).sort());
    const { t } = loadWebModule('i18n.js');
    expect(t('en', 'sampleBanner')).toMatch(/^Sample data/);
    expect(t('vi', 'alternatives', { n: 2 })).toBe('2 số liệu khác bị gác lại theo quy tắc chọn');
  });
});
