/** The view ⇄ query string round trip (web/state.js): a link must reproduce the view, and garbage must not break it. */
import { loadWebModule } from './load-web-module';

const { parseState, toQuery, unitScope, DEFAULTS, MAX_UNITS } = loadWebModule('state.js');

describe('parseState', () => {
  it('gives the defaults for an empty query', () => {
    expect(parseState('')).toEqual({ ...DEFAULTS, unitIds: [] });
  });

  it('reads every key of a full link', () => {
    const s = parseState('?tab=series&lang=en&metric=satisfaction_rate&year=2019&smetric=on_time_rate&from=2018&to=2021&kind=TARGET&units=12,7,12');
    expect(s).toMatchObject({
      tab: 'series', lang: 'en', metric: 'satisfaction_rate', year: 2019, seriesMetric: 'on_time_rate', yearFrom: 2018, yearTo: 2021,
      kind: 'TARGET', scope: 'units', unitIds: ['12', '7'],
    });
  });

  it('takes the scope from the unit key present: units, then parent, then level', () => {
    expect(parseState('?parent=5&level=WARD')).toMatchObject({ scope: 'parent', parentId: '5', level: 'WARD' });
    expect(parseState('?level=WARD')).toMatchObject({ scope: 'level', level: 'WARD', parentId: null });
    expect(parseState('?units=3&parent=5')).toMatchObject({ scope: 'units', unitIds: ['3'] });
  });

  it.each([
    ['tab=admin', { tab: 'compare' }],
    ['lang=fr', { lang: 'vi' }],
    ['metric=on_time_rate;drop table', { metric: 'on_time_rate' }],
    ['metric=%3Cscript%3E', { metric: 'on_time_rate' }],
    ['year=19', { year: null }],
    ['year=3019', { year: null }],
    ['year=2019abc', { year: null }],
    ['kind=actual', { kind: 'ACTUAL' }],
    ['parent=abc', { parentId: null, scope: 'parent' }],
    ['level=PLANET', { level: 'DISTRICT', scope: 'parent' }],
    ['units=1,x,-2,3', { unitIds: ['1', '3'] }],
  ])('ignores the invalid value in %s', (query, expected) => {
    expect(parseState(query)).toMatchObject(expected);
  });

  it('swaps a reversed year range and caps the number of units', () => {
    expect(parseState('?from=2022&to=2019')).toMatchObject({ yearFrom: 2019, yearTo: 2022 });
    const many = Array.from({ length: 200 }, (_, i) => i + 1).join(',');
    expect(parseState(`?units=${many}`).unitIds).toHaveLength(MAX_UNITS);
  });
});

describe('toQuery', () => {
  it('round-trips a view', () => {
    const state = parseState('?tab=series&lang=en&metric=on_time_rate&year=2019&smetric=satisfaction_rate&from=2018&to=2021&units=4,9');
    expect(toQuery(state)).toBe('?tab=series&metric=on_time_rate&year=2019&smetric=satisfaction_rate&from=2018&to=2021&units=4,9&lang=en');
    expect(parseState(toQuery(state))).toEqual(state);
  });

  it('writes only the active unit scope and leaves out default lang and kind', () => {
    const state = { ...parseState('?parent=79'), level: 'WARD', unitIds: ['1'] };
    expect(toQuery(state)).toBe('?tab=compare&metric=on_time_rate&smetric=satisfaction_rate&parent=79');
    expect(toQuery({ ...state, scope: 'level' })).toContain('&level=WARD');
    expect(toQuery({ ...state, scope: 'units' })).toContain('&units=1');
  });
});

describe('figures awaiting review', () => {
  it('are left out unless the link asks for them, and the choice survives the round trip', () => {
    expect(parseState('').includeUnreviewed).toBe(false);
    expect(parseState('?unreviewed=yes').includeUnreviewed).toBe(false);
    const state = parseState('?parent=79&unreviewed=1');
    expect(state.includeUnreviewed).toBe(true);
    expect(toQuery(state)).toContain('&unreviewed=1');
    expect(parseState(toQuery(state))).toEqual(state);
    expect(toQuery({ ...state, includeUnreviewed: false })).not.toContain('unreviewed');
  });
});

describe('unitScope', () => {
  it('maps the scope to the compare arguments', () => {
    expect(unitScope(parseState('?units=1,2'))).toEqual({ unitIds: ['1', '2'] });
    expect(unitScope(parseState('?parent=7'))).toEqual({ parentId: '7' });
    expect(unitScope(parseState('?level=PROVINCE'))).toEqual({ level: 'PROVINCE' });
    expect(unitScope(parseState(''))).toBeNull();
    expect(unitScope({ ...parseState(''), scope: 'units', unitIds: [] })).toBeNull();
  });
});
