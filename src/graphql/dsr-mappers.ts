import type { DsrLetterEntity } from '../persistence/entities/dsr-letter.entity';
import type { DsrRequestEntity } from '../persistence/entities/dsr-request.entity';
import type { DeadlineDay } from '../dsr/legal-deadline';
import type { DataSubjectRequest, DsrDeadlineDay } from './types/data-subject-request.type';

const day = (d: DeadlineDay): DsrDeadlineDay => ({ ...d, passedOver: d.passedOver.map((p) => `${p.date} ${p.reason}`) });

export function toDataSubjectRequest(r: DsrRequestEntity, daysLeft: number, letters: DsrLetterEntity[]): DataSubjectRequest {
  const { legalDeadline: clock } = r;
  return {
    ...r,
    legalDeadline: { receivedOn: clock.receivedOn, suspendedDays: clock.suspendedDays, firstMonth: day(clock.firstMonth), deadline: day(clock.deadline), daysLeft },
    extension: r.extension ? { months: r.extension.months, reasons: r.extension.reasons, motivation: r.extension.motivation, sentAt: r.extension.sentAt } : null,
    letters,
  };
}
