/** Sub-year periods in the charts page state (web/state.js): the ranking period and the series grain survive a link. */
import { loadWebModule } from './load-web-module';

const { parseState, toQuery, periodArgs, periodChoices, pointSlot, slotSpan } = loadWebModule('state.js');

describe('ranking period and series grain in the link', () => {
  it('round-trips period and grain, and drops invalid ones', () => {
    const s = parseState('?metric=dvc_index_total&year=2025&period=M10&level=PROVINCE&grain=MONTH');
    expect(s).toMatchObject({ period: 'M10', grain: 'MONTH', level: 'PROVINCE', scope: 'level' });
    expect(parseState(toQuery(s))).toEqual(s);
    expect(parseState('?period=M13&grain=WEEK')).toMatchObject({ period: '', grain: 'YEAR' });
    expect(parseState('?period=Q5')).toMatchObject({ period: '' });
  });

  it('turns a period into compare arguments', () => {
    expect(periodArgs('M10')).toEqual({ month: 10 });
    expect(periodArgs('Q3')).toEqual({ quarter: 3 });
    expect(periodArgs('H1')).toEqual({ half: 1 });
    expect(periodArgs('')).toEqual({});
    expect(periodChoices()).toHaveLength(1 + 12 + 4 + 2);
  });

  it('lays out an axis of months with gaps for months without a figure', () => {
    expect(pointSlot({ year: 2025, fromMonth: 9 }, 'MONTH')).toBe('2025-09');
    expect(pointSlot({ year: 2025, fromMonth: null }, 'YEAR')).toBe('2025');
    expect(slotSpan(['2025-12', '2025-10', '2026-02'], 'MONTH')).toEqual(['2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    expect(slotSpan(['2025-07', '2025-01'], 'QUARTER')).toEqual(['2025-01', '2025-04', '2025-07']);
    expect(slotSpan(['2019', '2021'], 'YEAR')).toEqual(['2019', '2020', '2021']);
    expect(slotSpan([], 'MONTH')).toEqual([]);
  });
});
