import { CLASSIFICATION_TABLE, findClassification, proposeImpact, ROUTE_BY_IMPACT } from '../../../src/incidents/classification-table';
import { checkReport, proposalForReport } from '../../../src/incidents/incident-report';
import { IncidentError } from '../../../src/incidents/incident-error';
import { csvCell } from '../../../src/incidents/register-export';

describe('the BLNP table "incidentmeldingsniveau"', () => {
  it('has every row of both tables under a unique code', () => {
    expect(CLASSIFICATION_TABLE.filter((e) => e.table === 'gebruikers')).toHaveLength(32);
    expect(CLASSIFICATION_TABLE.filter((e) => e.table === 'beheer')).toHaveLength(41);
    expect(new Set(CLASSIFICATION_TABLE.map((e) => e.code)).size).toBe(CLASSIFICATION_TABLE.length);
  });

  it('keeps an exceptional level (X) apart from the regular ones', () => {
    expect(findClassification('gebruikers.niet-volgen-van-voorschriften')).toMatchObject({ levels: ['laag', 'midden'], exceptionalLevel: 'hoog' });
    expect(findClassification('beheer.storing-in-apparatuur')).toMatchObject({ levels: ['laag'], exceptionalLevel: 'midden' });
    expect(findClassification('beheer.diefstal-van-apparatuur')).toMatchObject({ levels: ['laag', 'midden', 'hoog'], exceptionalLevel: null });
  });

  it('proposes the lowest level, one higher when personal data may be involved, never the exceptional one', () => {
    const theft = findClassification('gebruikers.diefstal-van-gegevensdragers')!;
    expect(proposeImpact(theft, false).proposedImpact).toBe('laag');
    expect(proposeImpact(theft, true).proposedImpact).toBe('midden');
    const failure = findClassification('beheer.storing-in-apparatuur')!;
    expect(proposeImpact(failure, true).proposedImpact).toBe('laag');
    expect(proposeImpact(theft, true).route).toBe(ROUTE_BY_IMPACT.midden);
  });

  it('leaves the classification to the CISO when the reporter chose no row', () => {
    expect(proposalForReport({ classificationCode: null, personalDataSuspected: true })).toBeNull();
  });
});

describe('an incident report (OISZ items j–q)', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  const report = {
    whatHappened: 'Laptop gestolen',
    discoveredAt: new Date('2026-11-24T10:00:00Z'),
    discoveryMethod: 'Eigenaar merkte het',
    affected: 'Laptop met dossiers',
    possibleImpact: 'Inzage door derden',
  };

  it('is accepted when the required answers are there', () => {
    expect(() => checkReport(report, now)).not.toThrow();
  });

  it('is refused with every problem listed', () => {
    try {
      checkReport({ ...report, whatHappened: '', occurredAt: new Date('2026-11-24T11:00:00Z'), classificationCode: null }, now);
      throw new Error('not refused');
    } catch (err) {
      expect(err).toBeInstanceOf(IncidentError);
      expect((err as IncidentError).fieldErrors!.map((e) => e.field)).toEqual(['whatHappened', 'occurredAt']);
    }
  });

  it('refuses a classification code that is not in the table', () => {
    expect(() => checkReport({ ...report, classificationCode: 'gebruikers.bestaat-niet' }, now)).toThrow(/unknown classification/);
  });
});

describe('a CSV cell of the register export', () => {
  it('quotes separators and neutralises spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('zeg "hoi"')).toBe('"zeg ""hoi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(csvCell(true)).toBe('ja');
    expect(csvCell(null)).toBe('');
    expect(csvCell(new Date('2026-01-01T00:00:00Z'))).toBe('2026-01-01T00:00:00.000Z');
  });
});
