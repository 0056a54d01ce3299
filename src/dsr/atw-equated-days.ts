/**
 * Days equated with a general holiday under art. 3 lid 3 Algemene termijnenwet. The Crown publishes them
 * per period of about three years in the Staatscourant; they cannot be computed, only copied from the
 * decree. Each entry names the decree by its title, which lists exactly these dates.
 *
 * When a new decree appears, add its dates here (or pass them to `new AtwCalendar({ extraEquatedDays })`)
 * and move `EQUATED_DAYS_KNOWN` on.
 */
export interface EquatedDay {
  /** yyyy-MM-dd */
  date: string;
  /** Why the day is equated (the holiday it bridges to a weekend). */
  name: string;
  source: string;
}

const DECREE_2023_2025 =
  'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag';
const DECREE_2026_2028 =
  'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag';

export const EQUATED_DAYS: readonly EquatedDay[] = [
  { date: '2023-04-28', name: 'vrijdag na Koningsdag', source: DECREE_2023_2025 },
  { date: '2023-05-19', name: 'vrijdag na Hemelvaartsdag', source: DECREE_2023_2025 },
  { date: '2024-05-10', name: 'vrijdag na Hemelvaartsdag', source: DECREE_2023_2025 },
  { date: '2024-12-27', name: 'vrijdag na Tweede Kerstdag', source: DECREE_2023_2025 },
  { date: '2025-05-30', name: 'vrijdag na Hemelvaartsdag', source: DECREE_2023_2025 },
  { date: '2026-01-02', name: 'vrijdag na Nieuwjaarsdag', source: DECREE_2026_2028 },
  { date: '2026-05-15', name: 'vrijdag na Hemelvaartsdag', source: DECREE_2026_2028 },
  { date: '2027-05-07', name: 'vrijdag na Hemelvaartsdag', source: DECREE_2026_2028 },
  { date: '2028-04-28', name: 'vrijdag na Koningsdag', source: DECREE_2026_2028 },
  { date: '2028-05-26', name: 'vrijdag na Hemelvaartsdag', source: DECREE_2026_2028 },
];

/** Years whose equating decree is in `EQUATED_DAYS`; outside them a computed deadline carries a warning. */
export const EQUATED_DAYS_KNOWN = { fromYear: 2023, throughYear: 2028 } as const;
