/**
 * Values that get past input validation, for GraphQL input types whose required fields alone do not
 * (the generic fillers of foreign-ids-every-operation and graphql-fuzz start from these).
 */
export const VALID_INPUTS: Record<string, unknown> = {
  EvidenceInput: { description: 'USB-stick', kind: 'physical', reason: 'Bewijs', storageLocation: 'Kluis', storageMethod: 'Verzegelde envelop' },
  EvidenceUploadInput: { description: 'Logbestand mailserver', reason: 'Bewijs', fileName: 'mail.log', mediaType: 'text/plain', contentBase64: Buffer.from('log').toString('base64') },
  EvidenceHandOverInput: { to: 'irt.bunschoten', reason: 'Onderzoek', storageLocation: 'Kluis' },
  MeasureInput: { description: 'Maatregel', dueDate: '2027-06-01', owner: 'ciso.bunschoten' },
  DpiaMeasureInput: { description: 'Maatregel', dueDate: '2027-06-01', owner: 'ciso.bunschoten' },
  HoursInput: { workDate: '2026-11-20', hours: 2, activity: 'Analyse' },
  ObjectionInput: { receivedAt: new Date().toISOString() },
  DpiaRiskInput: { code: 'R1', title: 'Risico', before: { likelihood: 2, impact: 2 } },
};
