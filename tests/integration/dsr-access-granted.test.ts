import path from 'node:path';
import type { Platform } from '../../src/platform';
import { attempt, openTask, openTaskIds, perform } from '../support/incident-operations';
import { anAccessRequest, DsrStaff, letterOf, ME, REGISTER_REQUEST, REQUEST, REQUESTS, REQUESTS_CSV, staffOf } from '../support/dsr-operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';

/**
 * BLNP Bijlage 5: a citizen asks by letter which personal data the municipality processes. The
 * request is registered, a copy goes to the PB, identity is established at the counter, the
 * departments concerned (here two, in parallel) answer, the jurist drafts the decision, a manager
 * signs it in mandate and the PB sends it — well within the month. The decision letter contains what
 * the model letter does, with the objection clause.
 */
describe('an access request granted within the month', () => {
  let db: TestDatabase;
  let platform: Platform;
  let staff: DsrStaff;
  let fg: TestClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    staff = await staffOf(platform, 'putten');
    fg = await TestClient.as(platform, 'fg');
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('refuses an invalid registration listing every invalid field, and stores nothing', async () => {
    const result = await staff.frontOffice.gql(REGISTER_REQUEST, {
      request: { right: 'inzage', channel: 'fax', receivedAt: '2026-01-05', verbatimText: ' ', requester: { name: 'X', bsn: '123456789' }, departments: [] },
    });
    expect(result.errors?.[0].extensions?.code).toBe('DSR_REQUEST_INVALID');
    const fields = (result.errors![0].extensions!.fieldErrors as any[]).map((e) => `${e.field}:${e.code}`).sort();
    expect(fields).toEqual(
      ['channel:NOT_AN_OPTION', 'departments:EMPTY_LIST', 'receivedAt:INVALID_FORMAT', 'requester.bsn:BSN_CHECKSUM', 'requester:CONTACT_MISSING', 'right:NOT_AN_OPTION', 'verbatimText:REQUIRED'].sort(),
    );
    expect((await staff.pb.ok(REQUESTS, {})).dataSubjectRequests.totalCount).toBe(0);
  });

  it('runs from registration to a sent decision with the objection clause', async () => {
    const { registerDataSubjectRequest: registered } = await staff.frontOffice.ok(REGISTER_REQUEST, {
      request: anAccessRequest({
        departments: [
          { name: 'Burgerzaken', candidateGroup: 'afdelingsmanager' },
          { name: 'Sociaal domein', candidateGroup: 'medewerker' },
        ],
      }),
    });
    expect(registered).toMatchObject({ status: 'open', right: 'access', channel: 'post', registeredBy: 'medewerker.putten' });
    expect(registered.reference).toMatch(/^AVG-\d{4}-\d{5}$/);
    expect(registered.verbatimText).toBe(anAccessRequest().verbatimText);
    expect(registered.legalDeadline.daysLeft).toBeGreaterThan(20);
    const caseId = registered.instanceId;

    // The PB establishes identity at the counter (the fact only).
    await perform(staff.pb, caseId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'balie' });
    await perform(staff.pb, caseId, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(staff.pb, caseId, 'Acknowledge', { verdagen: false });

    // Both departments get their own task; the case waits for both answers.
    const managerTask = await openTask(staff.manager, caseId, 'GatherData');
    const employeeTask = await openTask(staff.employee, caseId, 'GatherData');
    expect(managerTask.id).not.toBe(employeeTask.id);
    await perform(staff.manager, caseId, 'GatherData', { gegevensAanwezig: true, gegevensOverzicht: 'BRP: naam, adres, geboortedatum' });
    expect(await openTaskIds(staff.employee, caseId)).toEqual(['GatherData']);
    await perform(staff.employee, caseId, 'GatherData', { gegevensAanwezig: false });

    // An access decision without the data, purposes and recipients is refused, listing what is missing.
    const incomplete = await attempt(staff.jurist, caseId, 'PrepareDecision', { uitkomst: 'granted', motivering: 'Wij verstrekken u een overzicht.' });
    expect(incomplete?.code).toBe('DSR_DECISION_INVALID');
    expect((incomplete?.fieldErrors as any[]).map((e) => e.field).sort()).toEqual(['categories', 'personal_data', 'purposes', 'recipients', 'retention']);
    await perform(staff.jurist, caseId, 'PrepareDecision', {
      uitkomst: 'granted',
      motivering: 'U heeft recht op inzage in uw persoonsgegevens (artikel 15 AVG).',
      verstrekteGegevens: 'Naam, adres en geboortedatum uit de BRP; parkeervergunning 2025.',
      categorieen: 'NAW-gegevens, vergunninggegevens',
      doeleinden: 'Bijhouden van de BRP; verlenen van parkeervergunningen.',
      ontvangers: 'Afnemers van de BRP volgens de Wet BRP.',
      bewaartermijn: 'Volgens de Selectielijst gemeenten: 5 jaar na afloop van de vergunning.',
    });
    // Whoever drafted does not sign: a manager signs in mandate.
    await perform(staff.manager, caseId, 'SignDecision', { ondertekend: true });
    await perform(staff.pb, caseId, 'SendDecision', { verzonden: true, verzendwijze: 'post' });

    const { dataSubjectRequest: decided } = await staff.pb.ok(REQUEST, { id: registered.id });
    expect(decided).toMatchObject({
      status: 'decided',
      outcome: 'granted',
      identityVerified: true,
      identityMethod: 'balie',
      identityCheckedBy: 'privacybeheerder.putten',
      decidedBy: 'jurist.putten',
      signedBy: 'afdelingsmanager.putten',
      signerFunction: 'Afdelingsmanager',
      sentOnTime: true,
    });
    // The letter names the signer as a person with a function, not by username (BLNP model decision).
    const managerName = (await staff.manager.ok(ME)).me.displayName;
    expect(decided.signerName).toBe(managerName);
    expect(decided.letters.map((l: any) => l.kind)).toEqual(['acknowledgement', 'decision']);
    expect(letterOf(decided, 'acknowledgement')).toContain(`uiterlijk op **`);
    const letter = letterOf(decided, 'decision');
    for (const part of ['## Aanvraag', '> Ik wil graag weten welke persoonsgegevens', '## Besluit', 'Wij wijzen uw verzoek toe.', '## Motivering besluit',
      'Naam, adres en geboortedatum uit de BRP', '**Doeleinden:**', '**Ontvangers:**', '**Bewaartermijn:**', 'Autoriteit Persoonsgegevens',
      'namens dezen (in mandaat)', `${managerName}\nAfdelingsmanager`, 'binnen zes weken na de verzenddatum']) {
      expect(letter).toContain(part);
    }
    expect(letter).not.toContain('afdelingsmanager.putten');
    expect(decided.objectionDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const html = decided.letters.find((l: any) => l.kind === 'decision').html;
    expect(html).toContain('<h2>Bezwaar</h2>');
    expect(html).toContain('<blockquote>');

    // The case waits for a possible objection; the FG sees the request in the register and the CSV.
    expect(await openTaskIds(staff.pb, caseId)).toEqual([]);
    const csv = (await fg.ok(REQUESTS_CSV, { filter: { tenantId: 'putten' } })).dataSubjectRequestsCsv as string;
    expect(csv.split('\r\n')[1]).toContain(`${registered.reference},putten,access,post`);
    expect(csv).not.toContain('de Vries');
  });

  it('does not show the register to an employee without a privacy role', async () => {
    const result = await staff.employee.gql(REQUESTS, {});
    expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
