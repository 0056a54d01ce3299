/** Key of the BLNP DPIA procedure's diagram (bpmn/dpia.bpmn). */
export const DPIA_PROCESS_KEY = 'dpia';

/** The message the AP's letter (answer or extension of its term) is delivered as; businessKey = DPIA reference. */
export const AP_LETTER_MESSAGE = 'ap-antwoord';

/** User tasks of that diagram the DPIA domain records something for. */
export const DPIA_TASKS = {
  fgAdviceToOwner: 'FgAdviceToOwner',
  quickscan: 'Quickscan',
  complianceCheck: 'ComplianceCheck',
  formDpiaTeam: 'FormDpiaTeam',
  assessImpact: 'AssessImpact',
  writeReport: 'WriteReport',
  trackMeasures: 'TrackMeasures',
  fgAssessment: 'FgAssessment',
  decideOnAdvice: 'DecideOnAdvice',
  submitToAp: 'SubmitToAp',
  recordApExtension: 'RecordApExtension',
  recordApAdvice: 'RecordApAdvice',
  updateRegister: 'UpdateRegister',
} as const;

/** Process variable with the usernames of the DPIA team: the candidate users of the team's tasks. */
export const DPIA_TEAM_VARIABLE = 'dpiaTeam';

/** Art. 36 lid 2 AVG: the AP answers within eight weeks, a term it may extend once by six. */
export const AP_TERM = 'P8W';
export const AP_TERM_EXTENSION = 'P6W';
