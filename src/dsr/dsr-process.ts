/** Key of the BLNP data-subject request procedure's diagram (bpmn/data-subject-request.bpmn). */
export const DSR_PROCESS_KEY = 'data-subject-request';

/** The message an objection (bezwaar) is delivered with. */
export const OBJECTION_MESSAGE = 'bezwaar-ontvangen';

/** User tasks of that diagram the request domain records something for. */
export const DSR_TASKS = {
  checkRequest: 'CheckRequest',
  sendRepairLetter: 'SendRepairLetter',
  awaitRepair: 'AwaitRepair',
  settleInformally: 'SettleInformally',
  acknowledge: 'Acknowledge',
  sendExtensionLetter: 'SendExtensionLetter',
  prepareDecision: 'PrepareDecision',
  signDecision: 'SignDecision',
  sendDecision: 'SendDecision',
  handleObjection: 'HandleObjection',
} as const;
