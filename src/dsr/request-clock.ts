import { DateTime } from 'luxon';
import { isoDay } from './amsterdam-time';
import type { DsrRequestEntity } from '../persistence/entities/dsr-request.entity';
import { planReminders } from './deadline-reminders';
import { computeLegalDeadline, LegalDeadline, Suspension } from './legal-deadline';

/**
 * The legal clock of one registered request: computed from what is recorded (receipt, repair terms,
 * the extension letter), and the process variables the diagram's timers and due dates read.
 */
export function deadlineOf(request: Pick<DsrRequestEntity, 'receivedAt' | 'suspensions' | 'extension' | 'repairRequestedOn' | 'repairDueAt'>): LegalDeadline {
  const suspensions: Suspension[] = [...request.suspensions];
  // While a repair term runs, the clock counts as suspended until that term ends unused (art. 4:15 Awb).
  if (request.repairRequestedOn && request.repairDueAt) {
    suspensions.push({ repairRequestedOn: request.repairRequestedOn, resumedOn: amsterdamDay(request.repairDueAt) });
  }
  const extension = request.extension
    ? { sentAt: request.extension.sentAt, months: request.extension.months, weeks: request.extension.weeks, days: request.extension.days, reasons: request.extension.reasons, motivation: request.extension.motivation }
    : undefined;
  return computeLegalDeadline({ receivedAt: request.receivedAt, suspensions, extension });
}

/** Variables for the diagram: due dates of the tasks, the two reminders and the escalation to the PB. */
export function clockVariables(deadline: LegalDeadline): Record<string, string> {
  const plan = planReminders(deadline);
  // A reminder that would fall before receipt (a very short term) is sent at once instead.
  const reminder = (workingDaysBefore: number) => plan.reminders.find((r) => r.workingDaysBefore === workingDaysBefore)?.at ?? deadline.receivedAt;
  return {
    deadlineAt: deadline.deadline.dueAt,
    firstMonthDueAt: deadline.firstMonth.dueAt,
    reminder1At: reminder(5),
    reminder2At: reminder(1),
    escalationAt: plan.escalationAt,
  };
}

/** The Amsterdam calendar day (yyyy-MM-dd) of a stored moment. */
export function amsterdamDay(moment: Date): string {
  return isoDay(DateTime.fromJSDate(moment));
}
