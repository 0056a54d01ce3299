/** Key of the BLNP incident procedure's diagram (bpmn/incident-management.bpmn). */
export const INCIDENT_PROCESS_KEY = 'incident-management';

/** User tasks of that diagram the incident domain records something for. */
export const INCIDENT_TASKS = {
  assessReport: 'AssessReport',
  fgAdvice: 'FgAdvice',
  gsDecision: 'GsDecision',
  fileApNotification: 'FileApNotification',
  finalizeApNotification: 'FinalizeApNotification',
  closeIncident: 'CloseIncident',
  archiveCaseFile: 'ArchiveCaseFile',
} as const;
