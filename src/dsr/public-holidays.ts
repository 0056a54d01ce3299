import { easter } from 'date-easter';
import { DateTime } from 'luxon';
import { AMSTERDAM, isoDay, toCalendarDay } from './amsterdam-time';
import { EQUATED_DAYS, EQUATED_DAYS_KNOWN, EquatedDay } from './atw-equated-days';
import { DsrError, DsrErrorCode } from './dsr-error';

/**
 * The days of the Algemene termijnenwet (Atw), art. 3:
 * - lid 1: Nieuwjaarsdag, tweede Paasdag, tweede Pinksterdag, beide Kerstdagen, Hemelvaartsdag,
 *   de dag waarop de verjaardag van de Koning wordt gevierd, en 5 mei (every year, not only lustrum years);
 * - lid 2: Goede Vrijdag is equated with those days "voor de toepassing van deze wet";
 * - lid 3: further days equated by decree (see atw-equated-days.ts).
 * Art. 1: a term that ends on a Saturday, Sunday or one of these days runs on to the next day that is none of them.
 */
export type AtwBasis = 'art. 3 lid 1 Atw' | 'art. 3 lid 2 Atw' | 'art. 3 lid 3 Atw';

export interface AtwHoliday {
  /** yyyy-MM-dd */
  date: string;
  /** Dutch name, as used in letters. */
  name: string;
  basis: AtwBasis;
  /** For equated days: the decree. */
  source?: string;
}

/** Koningsdag in its current form (27 April, moved to 26 April on a Sunday) applies from 2014. */
export const MIN_SUPPORTED_YEAR = 2014;
export const MAX_SUPPORTED_YEAR = 2299;

/** Why a day is not a working day in the sense of the Atw. */
export interface NonWorkingDay {
  date: string;
  reason: string;
}

export interface AtwCalendarOptions {
  /**
   * Equated days (art. 3 lid 3) from a decree newer than this release, yyyy-MM-dd; the years they
   * cover then count as known.
   */
  extraEquatedDays?: readonly string[];
}

export class AtwCalendar {
  private readonly equated = new Map<string, EquatedDay>();
  private readonly knownYears = new Set<number>();
  private readonly byYear = new Map<number, Map<string, AtwHoliday>>();

  constructor(options: AtwCalendarOptions = {}) {
    for (const day of EQUATED_DAYS) this.equated.set(day.date, day);
    for (let year = EQUATED_DAYS_KNOWN.fromYear; year <= EQUATED_DAYS_KNOWN.throughYear; year++) this.knownYears.add(year);
    for (const date of options.extraEquatedDays ?? []) {
      const day = toCalendarDay(date, 'extraEquatedDays');
      this.equated.set(isoDay(day), { date: isoDay(day), name: 'bij besluit gelijkgestelde dag', source: 'configuratie' });
      this.knownYears.add(day.year);
    }
  }

  /** Every Atw day of the year, in date order. */
  holidays(year: number): AtwHoliday[] {
    return [...this.holidayMap(year).values()].sort((a, b) => a.date.localeCompare(b.date));
  }

  /** The Atw day on that calendar day, if any (weekends are not listed here: see `nonWorkingReason`). */
  holidayOn(day: string | DateTime): AtwHoliday | undefined {
    const date = toCalendarDay(day);
    return this.holidayMap(date.year).get(isoDay(date));
  }

  /**
   * Whether the equating decree for this year is known. When it is not, a bridge day (for example the
   * Friday after Ascension Day) may still be equated later, so a deadline on such a day is uncertain.
   */
  equatedDaysKnown(year: number): boolean {
    return this.knownYears.has(year);
  }

  /** Saturday, Sunday or the holiday's name; undefined for a working day. */
  nonWorkingReason(day: string | DateTime): string | undefined {
    const date = toCalendarDay(day);
    if (date.weekday === 6) return 'zaterdag';
    if (date.weekday === 7) return 'zondag';
    return this.holidayOn(date)?.name;
  }

  isWorkingDay(day: string | DateTime): boolean {
    return this.nonWorkingReason(day) === undefined;
  }

  /** The day itself when it is a working day, else the next one (art. 1 Atw), with the days passed over. */
  nextWorkingDayFrom(day: string | DateTime): { day: DateTime; passedOver: NonWorkingDay[] } {
    let date = toCalendarDay(day);
    const passedOver: NonWorkingDay[] = [];
    for (let reason = this.nonWorkingReason(date); reason; reason = this.nonWorkingReason(date)) {
      passedOver.push({ date: isoDay(date), reason });
      date = date.plus({ days: 1 });
    }
    return { day: date, passedOver };
  }

  /** The working day `count` working days before `day` (count ≥ 1). */
  workingDaysBefore(day: string | DateTime, count: number): DateTime {
    let date = toCalendarDay(day);
    for (let left = count; left > 0; ) {
      date = date.minus({ days: 1 });
      if (this.isWorkingDay(date)) left--;
    }
    return date;
  }

  private holidayMap(year: number): Map<string, AtwHoliday> {
    let map = this.byYear.get(year);
    if (!map) {
      map = new Map();
      for (const holiday of computeHolidays(year, this.equated)) {
        // 5 May can be Ascension Day (2016, 2078): one day, both names.
        const same = map.get(holiday.date);
        map.set(holiday.date, same ? { ...same, name: `${same.name} en ${holiday.name}` } : holiday);
      }
      this.byYear.set(year, map);
    }
    return map;
  }
}

function computeHolidays(year: number, equated: Map<string, EquatedDay>): AtwHoliday[] {
  if (!Number.isInteger(year) || year < MIN_SUPPORTED_YEAR || year > MAX_SUPPORTED_YEAR) {
    throw new DsrError(
      DsrErrorCode.YEAR_NOT_SUPPORTED,
      `Atw holidays are computed for ${MIN_SUPPORTED_YEAR}–${MAX_SUPPORTED_YEAR}, not ${year}`,
      { year },
    );
  }
  const day = (month: number, dayOfMonth: number) => DateTime.fromObject({ year, month, day: dayOfMonth }, { zone: AMSTERDAM });
  const easterDate = easter(year);
  const easterSunday = day(easterDate.month, easterDate.day);
  const kingsBirthday = day(4, 27);
  const lid1 = (date: DateTime, name: string): AtwHoliday => ({ date: isoDay(date), name, basis: 'art. 3 lid 1 Atw' });

  const holidays: AtwHoliday[] = [
    lid1(day(1, 1), 'Nieuwjaarsdag'),
    { date: isoDay(easterSunday.minus({ days: 2 })), name: 'Goede Vrijdag', basis: 'art. 3 lid 2 Atw' },
    lid1(easterSunday.plus({ days: 1 }), 'Tweede Paasdag'),
    // Wet/KB viering Koningsdag: celebrated on 26 April when 27 April is a Sunday.
    lid1(kingsBirthday.weekday === 7 ? kingsBirthday.minus({ days: 1 }) : kingsBirthday, 'Koningsdag'),
    lid1(day(5, 5), 'Bevrijdingsdag (5 mei)'),
    lid1(easterSunday.plus({ days: 39 }), 'Hemelvaartsdag'),
    lid1(easterSunday.plus({ days: 50 }), 'Tweede Pinksterdag'),
    lid1(day(12, 25), 'Eerste Kerstdag'),
    lid1(day(12, 26), 'Tweede Kerstdag'),
  ];
  for (const equatedDay of equated.values()) {
    if (equatedDay.date.startsWith(`${year}-`)) {
      holidays.push({ date: equatedDay.date, name: `${equatedDay.name} (gelijkgesteld)`, basis: 'art. 3 lid 3 Atw', source: equatedDay.source });
    }
  }
  return holidays;
}

/** The calendar with the decrees known to this release. */
export const defaultAtwCalendar = new AtwCalendar();
