import { DsrError, DsrErrorCode } from '../../../src/dsr/dsr-error';
import { AtwCalendar, defaultAtwCalendar } from '../../../src/dsr/public-holidays';

const calendar = defaultAtwCalendar;

function datesOf(year: number) {
  return calendar.holidays(year).map((holiday) => `${holiday.date} ${holiday.name}`);
}

describe('the days of the Algemene termijnenwet', () => {
  it('lists every art. 3 day of 2026, including Good Friday and the equated bridge days', () => {
    expect(datesOf(2026)).toEqual([
      '2026-01-01 Nieuwjaarsdag',
      '2026-01-02 vrijdag na Nieuwjaarsdag (gelijkgesteld)',
      '2026-04-03 Goede Vrijdag',
      '2026-04-06 Tweede Paasdag',
      '2026-04-27 Koningsdag',
      '2026-05-05 Bevrijdingsdag (5 mei)',
      '2026-05-14 Hemelvaartsdag',
      '2026-05-15 vrijdag na Hemelvaartsdag (gelijkgesteld)',
      '2026-05-25 Tweede Pinksterdag',
      '2026-12-25 Eerste Kerstdag',
      '2026-12-26 Tweede Kerstdag',
    ]);
  });

  it.each([
    // year, Good Friday, Easter Monday, Ascension Day, Whit Monday (Easter from the Gregorian computus)
    [2024, '2024-03-29', '2024-04-01', '2024-05-09', '2024-05-20'],
    [2025, '2025-04-18', '2025-04-21', '2025-05-29', '2025-06-09'],
    [2027, '2027-03-26', '2027-03-29', '2027-05-06', '2027-05-17'],
    [2028, '2028-04-14', '2028-04-17', '2028-05-25', '2028-06-05'],
    [2038, '2038-04-23', '2038-04-26', '2038-06-03', '2038-06-14'],
  ])('places the Easter-dependent days of %i', (year, goodFriday, easterMonday, ascension, whitMonday) => {
    const named = Object.fromEntries(calendar.holidays(year).map((holiday) => [holiday.name, holiday.date]));
    expect(named['Goede Vrijdag']).toBe(goodFriday);
    expect(named['Tweede Paasdag']).toBe(easterMonday);
    expect(named['Hemelvaartsdag']).toBe(ascension);
    expect(named['Tweede Pinksterdag']).toBe(whitMonday);
  });

  it('cites the article each day rests on: Good Friday is equated by art. 3 lid 2, bridge days by decree', () => {
    expect(calendar.holidayOn('2026-04-03')).toMatchObject({ name: 'Goede Vrijdag', basis: 'art. 3 lid 2 Atw' });
    expect(calendar.holidayOn('2026-04-06')).toMatchObject({ basis: 'art. 3 lid 1 Atw' });
    expect(calendar.holidayOn('2026-05-15')?.basis).toBe('art. 3 lid 3 Atw');
    expect(calendar.holidayOn('2026-05-15')?.source).toMatch(/Besluit gelijkstelling van 2 januari 2026/);
  });

  it('celebrates Koningsdag on 26 April when 27 April is a Sunday', () => {
    expect(calendar.holidayOn('2025-04-26')?.name).toBe('Koningsdag');
    expect(calendar.holidayOn('2025-04-27')).toBeUndefined();
    expect(calendar.holidayOn('2026-04-27')?.name).toBe('Koningsdag');
  });

  it('counts 5 May every year, not only in lustrum years', () => {
    for (const year of [2026, 2027, 2029]) expect(calendar.holidayOn(`${year}-05-05`)).toBeDefined();
  });

  it('names both when 5 May is Ascension Day (2016)', () => {
    expect(calendar.holidayOn('2016-05-05')?.name).toBe('Bevrijdingsdag (5 mei) en Hemelvaartsdag');
  });

  it('does not count Easter Sunday or Whit Sunday as Atw days themselves (they are Sundays anyway)', () => {
    expect(calendar.holidayOn('2026-04-05')).toBeUndefined();
    expect(calendar.nonWorkingReason('2026-04-05')).toBe('zondag');
  });

  it('treats an ordinary weekday as a working day, and a Saturday as none', () => {
    expect(calendar.isWorkingDay('2026-04-07')).toBe(true);
    expect(calendar.nonWorkingReason('2026-04-04')).toBe('zaterdag');
    expect(calendar.isWorkingDay('2026-05-14')).toBe(false);
  });

  it('moves to the next working day over a run of Good Friday, the weekend and Easter Monday', () => {
    const { day, passedOver } = calendar.nextWorkingDayFrom('2026-04-03');
    expect(day.toISODate()).toBe('2026-04-07');
    expect(passedOver.map((skipped) => skipped.reason)).toEqual(['Goede Vrijdag', 'zaterdag', 'zondag', 'Tweede Paasdag']);
  });

  it('counts working days backwards over holidays', () => {
    expect(calendar.workingDaysBefore('2026-04-07', 1).toISODate()).toBe('2026-04-02');
    expect(calendar.workingDaysBefore('2026-05-18', 2).toISODate()).toBe('2026-05-12');
  });

  it('knows the equating decrees only for the years it was given', () => {
    expect(calendar.equatedDaysKnown(2026)).toBe(true);
    expect(calendar.equatedDaysKnown(2029)).toBe(false);
    expect(calendar.holidayOn('2029-05-11')).toBeUndefined();
  });

  it('accepts the days of a newer decree as configuration', () => {
    const configured = new AtwCalendar({ extraEquatedDays: ['2029-05-11'] });
    expect(configured.holidayOn('2029-05-11')?.basis).toBe('art. 3 lid 3 Atw');
    expect(configured.equatedDaysKnown(2029)).toBe(true);
    expect(defaultAtwCalendar.holidayOn('2029-05-11')).toBeUndefined();
  });

  it('refuses years before the current Koningsdag rule with a stable code', () => {
    expect(() => calendar.holidays(2013)).toThrow(expect.objectContaining({ code: DsrErrorCode.YEAR_NOT_SUPPORTED }));
    expect(() => calendar.holidays(2013)).toThrow(DsrError);
  });

  it('refuses a malformed calendar date', () => {
    expect(() => calendar.holidayOn('2026-02-30')).toThrow(expect.objectContaining({ code: DsrErrorCode.INVALID_DATE }));
    expect(() => calendar.holidayOn('15-01-2026')).toThrow(expect.objectContaining({ code: DsrErrorCode.INVALID_DATE }));
  });
});
