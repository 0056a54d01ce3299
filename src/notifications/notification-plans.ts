import type { NotificationKind } from '../persistence/entities/notification.entity';

/**
 * What a `notify` step of a diagram says and to whom. The diagrams call `notify` without
 * arguments (camunda:topic only), so the message belongs to the step: process key + element id.
 * Recipients are roles (the diagrams' candidate groups); texts are Dutch and fixed, so a
 * notification never carries personal data of the case. `dueVariable` names the process
 * variable holding the moment that is due (set by the domain's clock).
 */
export interface NotificationPlan {
  kind: NotificationKind;
  title: string;
  roles: string[];
  dueVariable?: string;
}

const BREACH_ROLES = ['fg', 'privacybeheerder', 'gemeentesecretaris'];

const PLANS: Record<string, Record<string, NotificationPlan>> = {
  'incident-management': {
    RemindAfter24: { kind: 'reminder', title: 'Herinnering: 24 uur van de 72-uurstermijn voor het melden van het datalek zijn verstreken', roles: BREACH_ROLES, dueVariable: 'breachDeadlineAt' },
    RemindAfter48: { kind: 'reminder', title: 'Herinnering: 48 uur van de 72-uurstermijn voor het melden van het datalek zijn verstreken', roles: BREACH_ROLES, dueVariable: 'breachDeadlineAt' },
    EscalateDeadline: { kind: 'escalation', title: 'Escalatie: de 72-uurstermijn voor het melden van het datalek is verstreken', roles: BREACH_ROLES, dueVariable: 'breachDeadlineAt' },
    InformCisoLow: { kind: 'information', title: 'Incident met lage impact is door ICT afgehandeld', roles: ['ciso'] },
  },
  'data-subject-request': {
    CopyToPb: { kind: 'information', title: 'Afschrift: nieuw verzoek van een betrokkene ontvangen', roles: ['privacybeheerder'], dueVariable: 'deadlineAt' },
    Reminder1Notify: { kind: 'reminder', title: 'Herinnering: de beslistermijn van het verzoek verloopt over vijf werkdagen', roles: ['privacybeheerder'], dueVariable: 'deadlineAt' },
    Reminder2Notify: { kind: 'reminder', title: 'Herinnering: de beslistermijn van het verzoek verloopt morgen', roles: ['privacybeheerder'], dueVariable: 'deadlineAt' },
    EscalationNotify: { kind: 'escalation', title: 'Escalatie: de beslistermijn van het verzoek is verstreken', roles: ['privacybeheerder'], dueVariable: 'deadlineAt' },
  },
  'data-leak-smd': {
    EscalateToBoard: { kind: 'escalation', title: 'Escalatie: de 72-uurstermijn voor het melden van het datalek is verstreken', roles: ['rvt', 'bestuurder'] },
  },
  'incident-triage': {
    HerinneringSturen: { kind: 'reminder', title: 'Herinnering: de melding is na 24 uur nog niet beoordeeld', roles: ['ciso', 'regionale-ciso'] },
  },
};

/** The plan of a step, or undefined when the platform does not know what that step should say. */
export function notificationPlan(processKey: string, elementId: string): NotificationPlan | undefined {
  return PLANS[processKey]?.[elementId];
}
