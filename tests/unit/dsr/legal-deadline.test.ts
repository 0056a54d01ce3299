import { DsrErrorCode } from '../../../src/dsr/dsr-error';
import { computeLegalDeadline, daysLeft, ExtensionNotice, isOverdue, LegalDeadlineInput } from '../../../src/dsr/legal-deadline';

const complexity = { reasons: ['complexity'] as const, motivation: 'Het verzoek betreft twaalf afdelingen en vier systemen.' };

function errorCode(input: LegalDeadlineInput): string {
  try {
    computeLegalDeadline(input);
  } catch (error) {
    return (error as { code: string }).code;
  }
  throw new Error('expected the computation to be refused');
}

describe('the legal deadline of a data-subject request (art. 12(3) AVG, Atw)', () => {
  describe('one calendar month from receipt, moved over weekends and Atw days', () => {
    it.each<[string, string, string, string, string[]]>([
      // what, received at, counted end, deadline, days passed over
      ['same date next month, a Sunday', '2026-01-15T10:00:00+01:00', '2026-02-15', '2026-02-16', ['zondag']],
      ['31 January to the last day of February, a Saturday', '2026-01-31T09:00:00+01:00', '2026-02-28', '2026-03-02', ['zaterdag', 'zondag']],
      ['31 January in a leap year to 29 February', '2028-01-31T12:00:00+01:00', '2028-02-29', '2028-02-29', []],
      ['31 January 2024 (leap year) to Thursday 29 February', '2024-01-31T12:00:00+01:00', '2024-02-29', '2024-02-29', []],
      ['29 January in a common year to 28 February', '2025-01-29T12:00:00+01:00', '2025-02-28', '2025-02-28', []],
      ['30 January 2027 to Sunday 28 February', '2027-01-30T12:00:00+01:00', '2027-02-28', '2027-03-01', ['zondag']],
      ['31 March to 30 April', '2026-03-31T12:00:00+02:00', '2026-04-30', '2026-04-30', []],
      ['31 May to 30 June', '2026-05-31T12:00:00+02:00', '2026-06-30', '2026-06-30', []],
      ['31 August to 30 September', '2026-08-31T12:00:00+02:00', '2026-09-30', '2026-09-30', []],
      ['31 October to 30 November', '2026-10-31T12:00:00+01:00', '2026-11-30', '2026-11-30', []],
      ['December into the next year', '2026-12-15T12:00:00+01:00', '2027-01-15', '2027-01-15', []],
      ['received on a Saturday through DigiD counts from that Saturday', '2026-02-14T22:00:00+01:00', '2026-03-14', '2026-03-16', ['zaterdag', 'zondag']],
      ['ends on Koningsdag (Monday 27 April 2026)', '2026-03-27T12:00:00+01:00', '2026-04-27', '2026-04-28', ['Koningsdag']],
      ['ends on Koningsdag 2028, a Thursday, with the equated Friday', '2028-03-27T12:00:00+02:00', '2028-04-27', '2028-05-01', ['Koningsdag', 'vrijdag na Koningsdag (gelijkgesteld)', 'zaterdag', 'zondag']],
      ['ends on Good Friday, over Easter to Tuesday', '2026-03-03T12:00:00+01:00', '2026-04-03', '2026-04-07', ['Goede Vrijdag', 'zaterdag', 'zondag', 'Tweede Paasdag']],
      ['ends on Easter Monday', '2026-03-06T12:00:00+01:00', '2026-04-06', '2026-04-07', ['Tweede Paasdag']],
      ['ends on Easter Sunday 2027', '2027-02-28T12:00:00+01:00', '2027-03-28', '2027-03-30', ['zondag', 'Tweede Paasdag']],
      ['ends on Good Friday 2027', '2027-02-26T12:00:00+01:00', '2027-03-26', '2027-03-30', ['Goede Vrijdag', 'zaterdag', 'zondag', 'Tweede Paasdag']],
      ['ends on Ascension Day with the equated Friday', '2026-04-14T12:00:00+02:00', '2026-05-14', '2026-05-18', ['Hemelvaartsdag', 'vrijdag na Hemelvaartsdag (gelijkgesteld)', 'zaterdag', 'zondag']],
      ['ends on Ascension Day 2024', '2024-04-09T12:00:00+02:00', '2024-05-09', '2024-05-13', ['Hemelvaartsdag', 'vrijdag na Hemelvaartsdag (gelijkgesteld)', 'zaterdag', 'zondag']],
      ['ends on Whit Monday', '2026-04-25T12:00:00+02:00', '2026-05-25', '2026-05-26', ['Tweede Pinksterdag']],
      ['ends on Whit Monday 2025', '2025-05-09T12:00:00+02:00', '2025-06-09', '2025-06-10', ['Tweede Pinksterdag']],
      ['ends on 5 May (a Tuesday in 2026)', '2026-04-05T12:00:00+02:00', '2026-05-05', '2026-05-06', ['Bevrijdingsdag (5 mei)']],
      ['ends on 5 May 2027, before Ascension Day and its equated Friday', '2027-04-05T12:00:00+02:00', '2027-05-05', '2027-05-10', ['Bevrijdingsdag (5 mei)', 'Hemelvaartsdag', 'vrijdag na Hemelvaartsdag (gelijkgesteld)', 'zaterdag', 'zondag']],
      ['ends on 5 May 2025, a Monday', '2025-04-05T12:00:00+02:00', '2025-05-05', '2025-05-06', ['Bevrijdingsdag (5 mei)']],
      ['ends on Christmas Day, a Friday', '2026-11-25T12:00:00+01:00', '2026-12-25', '2026-12-28', ['Eerste Kerstdag', 'zaterdag', 'zondag']],
      ['ends on Christmas Day 2028, a Monday', '2028-11-25T12:00:00+01:00', '2028-12-25', '2028-12-27', ['Eerste Kerstdag', 'Tweede Kerstdag']],
      ['ends on Boxing Day 2024 with the equated Friday', '2024-11-26T12:00:00+01:00', '2024-12-26', '2024-12-30', ['Tweede Kerstdag', 'vrijdag na Tweede Kerstdag (gelijkgesteld)', 'zaterdag', 'zondag']],
      ['ends on New Year’s Day 2026 with the equated Friday', '2025-12-01T12:00:00+01:00', '2026-01-01', '2026-01-05', ['Nieuwjaarsdag', 'vrijdag na Nieuwjaarsdag (gelijkgesteld)', 'zaterdag', 'zondag']],
      ['ends on New Year’s Day 2027, a Friday', '2026-12-01T12:00:00+01:00', '2027-01-01', '2027-01-04', ['Nieuwjaarsdag', 'zaterdag', 'zondag']],
      ['ends on Koningsdag 2027, a Tuesday', '2027-03-27T12:00:00+01:00', '2027-04-27', '2027-04-28', ['Koningsdag']],
      ['ends on Good Friday 2025', '2025-03-18T12:00:00+01:00', '2025-04-18', '2025-04-22', ['Goede Vrijdag', 'zaterdag', 'zondag', 'Tweede Paasdag']],
      ['ends on Ascension Day 2025 with the equated Friday', '2025-04-29T12:00:00+02:00', '2025-05-29', '2025-06-02', ['Hemelvaartsdag', 'vrijdag na Hemelvaartsdag (gelijkgesteld)', 'zaterdag', 'zondag']],
      ['ends on Ascension Day 2028 with the equated Friday', '2028-04-25T12:00:00+02:00', '2028-05-25', '2028-05-29', ['Hemelvaartsdag', 'vrijdag na Hemelvaartsdag (gelijkgesteld)', 'zaterdag', 'zondag']],
      ['ends on Whit Monday 2027', '2027-04-17T12:00:00+02:00', '2027-05-17', '2027-05-18', ['Tweede Pinksterdag']],
      ['ends on Whit Monday 2028', '2028-05-05T12:00:00+02:00', '2028-06-05', '2028-06-06', ['Tweede Pinksterdag']],
      ['ends on Christmas Day 2025, a Thursday', '2025-11-25T12:00:00+01:00', '2025-12-25', '2025-12-29', ['Eerste Kerstdag', 'Tweede Kerstdag', 'zaterdag', 'zondag']],
      ['received just after midnight in Amsterdam on the night clocks go forward', '2026-03-28T23:30:00Z', '2026-04-29', '2026-04-29', []],
      ['received just after midnight in Amsterdam in summer time, ending after clocks go back', '2026-09-30T22:30:00Z', '2026-11-01', '2026-11-02', ['zondag']],
      ['received at 23:59 local time counts on that day', '2026-06-30T23:59:00+02:00', '2026-07-30', '2026-07-30', []],
      ['a UTC instant late on 31 January is 1 February in Amsterdam', '2026-01-31T23:30:00Z', '2026-03-01', '2026-03-02', ['zondag']],
    ])('%s', (_what, receivedAt, nominalDate, date, passedOver) => {
      const result = computeLegalDeadline({ receivedAt });
      expect(result.deadline.nominalDate).toBe(nominalDate);
      expect(result.deadline.date).toBe(date);
      expect(result.deadline.passedOver.map((day) => day.reason)).toEqual(passedOver);
      expect(result.firstMonth).toEqual(result.deadline);
      expect(result.suspendedDays).toBe(0);
      expect(result.extension).toBeUndefined();
    });

    it('keeps the deadline to the end of its day in Amsterdam, with the offset of that date', () => {
      expect(computeLegalDeadline({ receivedAt: '2026-03-28T23:30:00Z' }).deadline.dueAt).toBe('2026-04-29T23:59:59.999+02:00');
      expect(computeLegalDeadline({ receivedAt: '2026-09-30T22:30:00Z' }).deadline.dueAt).toBe('2026-11-02T23:59:59.999+01:00');
      expect(computeLegalDeadline({ receivedAt: '2026-03-28T23:30:00Z' }).receivedOn).toBe('2026-03-29');
    });

    it('accepts a JS Date as the moment of receipt', () => {
      expect(computeLegalDeadline({ receivedAt: new Date('2026-01-15T09:00:00Z') }).deadline.date).toBe('2026-02-16');
    });

    it('warns when the deadline falls in a year whose equating decree is not known', () => {
      const result = computeLegalDeadline({ receivedAt: '2029-04-10T12:00:00+02:00' });
      expect(result.deadline.date).toBe('2029-05-11');
      expect(result.warnings).toEqual([expect.objectContaining({ code: 'ATW_EQUATED_DAYS_UNKNOWN', year: 2029 })]);
      expect(computeLegalDeadline({ receivedAt: '2026-04-14T12:00:00+02:00' }).warnings).toEqual([]);
    });
  });

  describe('extension by a motivated letter sent in the first month', () => {
    const received = '2026-01-15T10:00:00+01:00';

    it.each<[string, string, Partial<ExtensionNotice>, string, string]>([
      ['two months from 15 January', received, { months: 2, sentAt: '2026-02-10T10:00:00+01:00' }, '2026-04-15', '2026-04-15'],
      ['two months from 31 January end on 30 April, three months after receipt', '2026-01-31T09:00:00+01:00', { months: 2, sentAt: '2026-02-20T10:00:00+01:00' }, '2026-04-30', '2026-04-30'],
      ['one month and two weeks, ending on a Sunday', received, { months: 1, weeks: 2, sentAt: '2026-02-10T10:00:00+01:00' }, '2026-03-29', '2026-03-30'],
      ['one month only', received, { months: 1, sentAt: '2026-02-10T10:00:00+01:00' }, '2026-03-15', '2026-03-16'],
      ['a letter sent late on the Monday the first month was moved to is in time', received, { months: 2, sentAt: '2026-02-16T23:00:00+01:00' }, '2026-04-15', '2026-04-15'],
      ['exactly up to three months after receipt with days', '2026-01-31T09:00:00+01:00', { months: 1, days: 30, sentAt: '2026-02-02T10:00:00+01:00' }, '2026-04-30', '2026-04-30'],
      ['extended into Koningsdag', '2026-02-27T10:00:00+01:00', { months: 1, sentAt: '2026-03-20T10:00:00+01:00' }, '2026-04-27', '2026-04-28'],
    ])('%s', (_what, receivedAt, extension, nominalDate, date) => {
      const result = computeLegalDeadline({ receivedAt, extension: { ...complexity, ...extension } as ExtensionNotice });
      expect(result.deadline.nominalDate).toBe(nominalDate);
      expect(result.deadline.date).toBe(date);
      expect(result.extension).toMatchObject({ reasons: ['complexity'] });
    });

    it('keeps the first month as the moment the extension had to be sent by', () => {
      const result = computeLegalDeadline({ receivedAt: received, extension: { ...complexity, months: 2, sentAt: '2026-02-10T10:00:00+01:00' } });
      expect(result.firstMonth.date).toBe('2026-02-16');
      expect(result.deadline.date).toBe('2026-04-15');
    });

    it('accepts the number of requests as the reason', () => {
      const result = computeLegalDeadline({
        receivedAt: received,
        extension: { sentAt: '2026-02-10T10:00:00+01:00', months: 2, reasons: ['number_of_requests'], motivation: 'Wij ontvingen deze maand 40 verzoeken.' },
      });
      expect(result.extension?.reasons).toEqual(['number_of_requests']);
    });

    it.each<[string, Partial<ExtensionNotice>, DsrErrorCode]>([
      ['sent after the first month ended', { months: 2, sentAt: '2026-02-17T08:00:00+01:00' }, DsrErrorCode.EXTENSION_AFTER_FIRST_MONTH],
      ['sent before the request arrived', { months: 2, sentAt: '2026-01-15T09:00:00+01:00' }, DsrErrorCode.EXTENSION_BEFORE_RECEIPT],
      ['longer than two months', { months: 3, sentAt: '2026-02-10T10:00:00+01:00' }, DsrErrorCode.EXTENSION_TOO_LONG],
      ['two months and one day', { months: 2, days: 1, sentAt: '2026-02-10T10:00:00+01:00' }, DsrErrorCode.EXTENSION_TOO_LONG],
      ['nine weeks beyond one month', { months: 1, weeks: 9, sentAt: '2026-02-10T10:00:00+01:00' }, DsrErrorCode.EXTENSION_TOO_LONG],
      ['no extension at all', { sentAt: '2026-02-10T10:00:00+01:00' }, DsrErrorCode.EXTENSION_INVALID_DURATION],
      ['a negative number of months', { months: -1, sentAt: '2026-02-10T10:00:00+01:00' }, DsrErrorCode.EXTENSION_INVALID_DURATION],
      ['half a month', { months: 1.5, sentAt: '2026-02-10T10:00:00+01:00' }, DsrErrorCode.EXTENSION_INVALID_DURATION],
      ['without a reason', { months: 2, sentAt: '2026-02-10T10:00:00+01:00', reasons: [] }, DsrErrorCode.EXTENSION_REASON_MISSING],
      ['for a reason the AVG does not allow', { months: 2, sentAt: '2026-02-10T10:00:00+01:00', reasons: ['holiday_season' as never] }, DsrErrorCode.EXTENSION_REASON_INVALID],
      ['without a motivation', { months: 2, sentAt: '2026-02-10T10:00:00+01:00', motivation: '   ' }, DsrErrorCode.EXTENSION_MOTIVATION_MISSING],
      ['sent at a moment without an offset', { months: 2, sentAt: '2026-02-10T10:00:00' }, DsrErrorCode.INVALID_MOMENT],
    ])('refuses an extension %s', (_what, extension, code) => {
      expect(errorCode({ receivedAt: received, extension: { ...complexity, ...extension } as ExtensionNotice })).toBe(code);
    });

    it('refuses one month and 31 days from 31 January: that passes 30 April', () => {
      expect(
        errorCode({ receivedAt: '2026-01-31T09:00:00+01:00', extension: { ...complexity, months: 1, days: 31, sentAt: '2026-02-02T10:00:00+01:00' } }),
      ).toBe(DsrErrorCode.EXTENSION_TOO_LONG);
    });
  });

  describe('suspension (opschorting) for a repair term', () => {
    const received = '2026-01-15T10:00:00+01:00';

    it.each<[string, LegalDeadlineInput['suspensions'], number, string, string]>([
      ['ten days decided by the department', [{ days: 10 }], 10, '2026-02-25', '2026-02-25'],
      ['zero days', [{ days: 0 }], 0, '2026-02-15', '2026-02-16'],
      ['a repair term from 20 January to 3 February (art. 4:15 Awb: the days in between)', [{ repairRequestedOn: '2026-01-20', resumedOn: '2026-02-03' }], 13, '2026-02-28', '2026-03-02'],
      ['a repair on the day after the request suspends nothing', [{ repairRequestedOn: '2026-01-20', resumedOn: '2026-01-21' }], 0, '2026-02-15', '2026-02-16'],
      ['a repair on the same day suspends nothing', [{ repairRequestedOn: '2026-01-20', resumedOn: '2026-01-20' }], 0, '2026-02-15', '2026-02-16'],
      ['two repair terms add up', [{ repairRequestedOn: '2026-01-16', resumedOn: '2026-01-20' }, { repairRequestedOn: '2026-01-25', resumedOn: '2026-01-31' }], 8, '2026-02-23', '2026-02-23'],
      ['a repair requested on the last day of the term still suspends it', [{ repairRequestedOn: '2026-02-16', resumedOn: '2026-02-20' }], 3, '2026-02-18', '2026-02-18'],
      // The first repair moves the end to Thursday 19 February; a second repair that day still counts.
      ['a second repair within the term as moved by the first', [{ repairRequestedOn: '2026-01-20', resumedOn: '2026-01-25' }, { repairRequestedOn: '2026-02-19', resumedOn: '2026-02-23' }], 7, '2026-02-22', '2026-02-23'],
    ])('%s', (_what, suspensions, days, nominalDate, date) => {
      const result = computeLegalDeadline({ receivedAt: received, suspensions });
      expect(result.suspendedDays).toBe(days);
      expect(result.deadline.nominalDate).toBe(nominalDate);
      expect(result.deadline.date).toBe(date);
    });

    it('counts calendar days for a repair term over the change to summer time', () => {
      const result = computeLegalDeadline({ receivedAt: '2026-03-10T10:00:00+01:00', suspensions: [{ repairRequestedOn: '2026-03-20', resumedOn: '2026-04-01' }] });
      expect(result.suspendedDays).toBe(11);
      expect(result.deadline.date).toBe('2026-04-21');
      expect(result.deadline.dueAt).toBe('2026-04-21T23:59:59.999+02:00');
    });

    it('moves the first month too, so an extension letter after the unsuspended month is still in time', () => {
      const suspensions = [{ repairRequestedOn: '2026-01-20', resumedOn: '2026-02-03' }];
      const sentAt = '2026-02-27T10:00:00+01:00';
      expect(errorCode({ receivedAt: received, extension: { ...complexity, months: 2, sentAt } })).toBe(DsrErrorCode.EXTENSION_AFTER_FIRST_MONTH);
      const result = computeLegalDeadline({ receivedAt: received, suspensions, extension: { ...complexity, months: 2, sentAt } });
      expect(result.firstMonth.date).toBe('2026-03-02');
      // 15 April + 13 suspended days = Tuesday 28 April.
      expect(result.deadline.nominalDate).toBe('2026-04-28');
      expect(result.deadline.date).toBe('2026-04-28');
    });

    it('combines suspension and an extension of two months into a deadline on Koningsdag', () => {
      // 15 January + 3 months = 15 April, + 12 suspended days = Monday 27 April (Koningsdag) → Tuesday 28 April.
      const result = computeLegalDeadline({
        receivedAt: received,
        suspensions: [{ days: 12 }],
        extension: { ...complexity, months: 2, sentAt: '2026-02-20T10:00:00+01:00' },
      });
      expect(result.firstMonth.date).toBe('2026-02-27');
      expect(result.deadline.nominalDate).toBe('2026-04-27');
      expect(result.deadline.date).toBe('2026-04-28');
      expect(result.deadline.passedOver).toEqual([{ date: '2026-04-27', reason: 'Koningsdag' }]);
    });

    it.each<[string, LegalDeadlineInput['suspensions'], DsrErrorCode]>([
      ['a negative suspension', [{ days: -3 }], DsrErrorCode.SUSPENSION_NEGATIVE],
      ['half a day', [{ days: 1.5 }], DsrErrorCode.SUSPENSION_NOT_WHOLE_DAYS],
      ['a period that ends before it starts', [{ repairRequestedOn: '2026-02-03', resumedOn: '2026-01-20' }], DsrErrorCode.SUSPENSION_PERIOD_REVERSED],
      ['a repair requested before receipt', [{ repairRequestedOn: '2026-01-10', resumedOn: '2026-01-20' }], DsrErrorCode.SUSPENSION_BEFORE_RECEIPT],
      ['overlapping periods', [{ repairRequestedOn: '2026-01-16', resumedOn: '2026-01-25' }, { repairRequestedOn: '2026-01-20', resumedOn: '2026-01-30' }], DsrErrorCode.SUSPENSION_OVERLAP],
      ['a malformed date', [{ repairRequestedOn: '20-01-2026', resumedOn: '2026-01-30' }], DsrErrorCode.INVALID_DATE],
      ['a repair requested after the deadline (Monday 16 February)', [{ repairRequestedOn: '2026-02-17', resumedOn: '2026-02-20' }], DsrErrorCode.SUSPENSION_AFTER_DEADLINE],
      [
        'a second repair requested after the deadline as moved by the first',
        [{ repairRequestedOn: '2026-01-20', resumedOn: '2026-01-25' }, { repairRequestedOn: '2026-02-21', resumedOn: '2026-02-25' }],
        DsrErrorCode.SUSPENSION_AFTER_DEADLINE,
      ],
    ])('refuses %s', (_what, suspensions, code) => {
      expect(errorCode({ receivedAt: received, suspensions })).toBe(code);
    });
  });

  describe('invalid moments of receipt', () => {
    it.each([
      ['a date without a time and offset', '2026-01-15'],
      ['a local time without an offset', '2026-01-15T10:00:00'],
      ['an impossible date', '2026-02-30T10:00:00+01:00'],
      ['text', 'gisteren+01:00'],
    ])('refuses %s', (_what, receivedAt) => {
      expect(errorCode({ receivedAt })).toBe(DsrErrorCode.INVALID_MOMENT);
    });

    it('refuses an invalid JS Date', () => {
      expect(errorCode({ receivedAt: new Date('nonsense') })).toBe(DsrErrorCode.INVALID_MOMENT);
    });
  });

  describe('days left and overdue', () => {
    const deadline = computeLegalDeadline({ receivedAt: '2026-01-15T10:00:00+01:00' });

    it.each<[string, number, boolean]>([
      ['2026-02-09T09:00:00+01:00', 7, false],
      ['2026-02-16T00:00:00+01:00', 0, false],
      ['2026-02-16T23:59:59+01:00', 0, false],
      ['2026-02-17T00:00:00+01:00', -1, true],
      ['2026-02-16T23:30:00Z', -1, true],
      ['2026-03-01T12:00:00+01:00', -13, true],
    ])('at %s: %i days left, overdue %s', (now, left, overdue) => {
      expect(daysLeft(deadline, now)).toBe(left);
      expect(isOverdue(deadline, now)).toBe(overdue);
    });
  });
});
