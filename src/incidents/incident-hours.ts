import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../identity/actor';
import { IncidentEntity, IncidentTimeEntryEntity } from '../persistence/entities';
import { isCalendarDate } from '../workflow/calendar';
import { IncidentError, IncidentErrorCode, IncidentFieldError } from './incident-error';

export interface HoursInput {
  /** YYYY-MM-DD */
  workDate: string;
  hours: number;
  activity: string;
}

/** Hours are written by the person who worked them, per day, in quarters of an hour. */
export async function recordHours(em: EntityManager, incident: IncidentEntity, input: HoursInput, actor: Actor, now: Date) {
  const errors: IncidentFieldError[] = [];
  if (!isCalendarDate(input.workDate)) errors.push({ field: 'workDate', message: 'a date YYYY-MM-DD' });
  else if (DateTime.fromISO(input.workDate, { zone: 'utc' }).toMillis() > now.getTime()) errors.push({ field: 'workDate', message: 'lies in the future' });
  const minutes = Math.round(input.hours * 60);
  // Checked on the minutes that are stored: a positive fraction of a minute (5e-324) rounds to 0.
  if (!Number.isFinite(minutes) || minutes <= 0 || minutes > 24 * 60 || minutes % 15 !== 0) errors.push({ field: 'hours', message: 'more than 0 and at most 24, in quarters of an hour' });
  if (!input.activity?.trim() || input.activity.length > 1000) errors.push({ field: 'activity', message: 'required, at most 1000 characters' });
  if (errors.length) throw new IncidentError(IncidentErrorCode.ENTRY_INVALID, 'the hours cannot be recorded', errors);
  const entry: IncidentTimeEntryEntity = {
    id: randomUUID(),
    incidentId: incident.id,
    tenantId: incident.tenantId,
    person: actor.userId,
    workDate: input.workDate,
    minutes,
    activity: input.activity.trim(),
    recordedAt: now,
  };
  await em.insert(IncidentTimeEntryEntity, entry);
  return entry;
}

export interface HoursSummary {
  entries: IncidentTimeEntryEntity[];
  totalHours: number;
  perPerson: { person: string; hours: number }[];
}

/** The hours of an incident, per person and in total: its cost (BLNP step 37). */
export async function hoursOf(em: EntityManager, incidentId: string): Promise<HoursSummary> {
  const entries = await em.find(IncidentTimeEntryEntity, { where: { incidentId }, order: { workDate: 'ASC', recordedAt: 'ASC' } });
  const perPerson = new Map<string, number>();
  for (const e of entries) perPerson.set(e.person, (perPerson.get(e.person) ?? 0) + e.minutes);
  return {
    entries,
    totalHours: entries.reduce((sum, e) => sum + e.minutes, 0) / 60,
    perPerson: [...perPerson].map(([person, minutes]) => ({ person, hours: minutes / 60 })).sort((a, b) => a.person.localeCompare(b.person)),
  };
}
