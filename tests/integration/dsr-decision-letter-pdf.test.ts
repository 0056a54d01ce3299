import { createHash } from 'node:crypto';
import path from 'node:path';
import { dutchDate } from '../../src/dsr/letters/dsr-letters';
import { NOT_PROCESSED_GROUNDS, refusalGroundsFor, type DataSubjectRight } from '../../src/dsr/request-rights';
import type { Platform } from '../../src/platform';
import { openTask, perform } from '../support/incident-operations';
import { anAccessGrant, dayAgo, daysAgo, DsrStaff, LETTER_PDF, ME, readRequest, registerRequest, staffOf } from '../support/dsr-operations';
import { flat, inspectPdfs, InspectedPdf, ocrWords, pdfDate } from '../support/pdf-inspection';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';

/**
 * Issue 5 "Not done until": the letter that ends a request is a PDF kept with the case, for every
 * outcome — granted, partly granted, refused, buiten behandeling (each a besluit signed in mandate, with
 * the objection clause), and withdrawn (a confirmation, no besluit). Each PDF is fetched over the API as
 * the PB would, rendered to PNG, and read back twice: pdfjs's text layer for every page, OCR of the
 * first page's image. The files stay in test-output/documents.
 */
describe('the letter that ends a request, as PDF, for each outcome', () => {
  let db: TestDatabase;
  let platform: Platform;
  let staff: DsrStaff;
  let managerName: string;
  let pbName: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    staff = await staffOf(platform, 'putten');
    managerName = (await staff.manager.ok(ME)).me.displayName;
    pbName = (await staff.pb.ok(ME)).me.displayName;
  });
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  const register = (overrides: Record<string, unknown>) => registerRequest(staff.frontOffice, overrides);
  const read = (id: string) => readRequest(staff, id);

  /** Registration to the prepared decision's sending: formal check, no settlement, acknowledgement, the department's answer. */
  async function decide(request: any, decision: Record<string, unknown>) {
    await perform(staff.pb, request.instanceId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'digid' });
    await perform(staff.pb, request.instanceId, 'SettleInformally', { verzoekIngetrokken: false });
    await perform(staff.pb, request.instanceId, 'Acknowledge', { verdagen: false });
    await perform(staff.manager, request.instanceId, 'GatherData', { gegevensAanwezig: true });
    await signAndSend(request, decision);
  }

  async function signAndSend(request: any, decision: Record<string, unknown>) {
    await perform(staff.jurist, request.instanceId, 'PrepareDecision', decision);
    await perform(staff.manager, request.instanceId, 'SignDecision', { ondertekend: true });
    await perform(staff.pb, request.instanceId, 'SendDecision', { verzonden: true, verzendwijze: 'post' });
  }

  /** The letter of this kind as the PB downloads it, checked against the hash recorded with it, then looked at. */
  async function letterPdf(requestId: string, kind: string, name: string): Promise<{ request: any; letter: any; pdf: InspectedPdf; text: string; ocr: string }> {
    const request = await read(requestId);
    const letter = request.letters.find((l: any) => l.kind === kind);
    const { dataSubjectRequestLetterPdf: file } = await staff.pb.ok(LETTER_PDF, { letterId: letter.id });
    const bytes = Buffer.from(file.base64, 'base64');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(file).toMatchObject({ fileName: `${request.reference}-${kind}.pdf`, contentType: 'application/pdf', sizeBytes: bytes.length });
    expect(file.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(letter.pdfSha256).toBe(file.sha256);

    const [pdf] = await inspectPdfs([{ name, bytes, ocrPages: [1] }]);
    // Dated as the letter, so the same letter always gives the same file.
    expect(pdf.info.creationDate).toBe(pdfDate(letter.createdAt));
    expect(pdf.info.title).toContain(request.reference);
    // Not blank, not a black box: pages of text (a last page may hold only the objection clause).
    expect(pdf.pages[0].inkRatio).toBeGreaterThan(0.02);
    for (const page of pdf.pages) {
      expect(page.inkRatio).toBeGreaterThan(0.002);
      expect(page.inkRatio).toBeLessThan(0.3);
    }
    // Every page carries the reference and its number in the footer; the letter's text is what is above it.
    const footer = (n: number) => `gemeente Putten · ons kenmerk ${request.reference} pagina ${n} van ${pdf.pages.length}`;
    const pages = pdf.pages.map((page) => flat(page.text));
    pages.forEach((page, i) => expect(page.endsWith(footer(i + 1))).toBe(true));
    const text = pages.map((page, i) => page.slice(0, -footer(i + 1).length)).join(' ');
    return { request, letter, pdf, text: flat(text), ocr: ocrWords(pdf.pages[0].ocrText ?? '') };
  }

  /** What every besluit contains: the requester, the reference, the signature in mandate and the objection clause with its date. */
  function expectBesluit(text: string, request: any) {
    expect(text).toContain(`Geachte ${request.requester.name},`);
    expect(text).toContain(`Ons kenmerk: ${request.reference}`);
    expect(text).toContain('namens dezen (in mandaat)');
    expect(text).toContain(`${managerName} Afdelingsmanager`);
    expect(text).not.toContain('afdelingsmanager.putten');
    expect(text).toContain(`Het bezwaarschrift moet binnen zes weken na de verzenddatum van deze brief worden ingediend, dus uiterlijk op ${dutchDate(request.objectionDeadline)}.`);
    expect(text.indexOf('Het bezwaarschrift moet')).toBeLessThan(text.indexOf('namens dezen (in mandaat)'));
  }

  const groundLabel = (right: DataSubjectRight, id: string) => [...refusalGroundsFor(right), ...NOT_PROCESSED_GROUNDS].find((g) => g.id === id)!.label;

  it('grant: the access decision with the overview of the data; the request quoted as written', async () => {
    const registered = await register({
      requester: { name: 'Johanna de Vries', postalAddress: 'Dorpsstraat 1, 3881 AA Putten' },
      verbatimText: 'Geacht college,\nIk wil *alle* gegevens zien die u over mij_zelf heeft.\nJohanna de Vries',
    });
    await decide(registered, anAccessGrant());
    const { request, text, ocr, pdf } = await letterPdf(registered.id, 'decision', 'decision-granted');
    expect(request.signerName).toBe(managerName);
    expect(request.signerFunction).toBe('Afdelingsmanager');
    expectBesluit(text, request);
    expect(text).toContain('Wij wijzen uw verzoek toe.');
    // Markdown characters in the request are the requester's text, not formatting.
    expect(text).toContain('Ik wil *alle* gegevens zien die u over mij_zelf heeft.');
    for (const part of ['Overzicht van uw persoonsgegevens', 'Doeleinden: Bijhouden van de BRP.', 'Ontvangers: Afnemers van de BRP volgens de Wet BRP.', 'Bewaartermijn: Zolang u in de gemeente woont.', 'Autoriteit Persoonsgegevens']) {
      expect(text).toContain(part);
    }
    expect(ocr).toContain('johanna de vries');
    expect(ocr).toContain('wij wijzen uw verzoek toe');
    expect(pdf.pages[0].png).toMatch(/decision-granted-p1\.png$/);
  });

  it('partly: the erasure decision names its art. 23 ground', async () => {
    const registered = await register({ right: 'erasure', requester: { name: 'Pieter Bakker', postalAddress: 'Kerkstraat 5, 3881 BB Putten' }, verbatimText: 'Verwijder mijn gegevens.' });
    await decide(registered, {
      uitkomst: 'partly_granted',
      weigeringsgronden: 'legal_obligation_or_public_task',
      motivering: 'De gegevens van uw parkeervergunning zijn gewist; het uitkeringsdossier bewaren wij op grond van de Archiefwet.',
      opgenomenOnderdelen: 'data_erased,recipients_informed',
    });
    const { request, text, ocr } = await letterPdf(registered.id, 'decision', 'decision-partly-granted');
    expectBesluit(text, request);
    expect(text).toContain('Wij wijzen uw verzoek gedeeltelijk toe.');
    expect(text).toContain(groundLabel('erasure', 'legal_obligation_or_public_task'));
    expect(ocr).toContain('pieter bakker');
    expect(ocr).toContain('gedeeltelijk toe');
  });

  it('refuse: the rectification decision names its ground', async () => {
    const registered = await register({ right: 'rectification', requester: { name: 'Sanne Visser', postalAddress: 'Markt 3, 3881 CC Putten' }, verbatimText: 'Verbeter mijn geboortedatum.' });
    await decide(registered, { uitkomst: 'refused', weigeringsgronden: 'manifestly_unfounded_or_excessive', motivering: 'Het is uw twaalfde gelijke verzoek dit jaar.' });
    const { request, text, ocr } = await letterPdf(registered.id, 'decision', 'decision-refused');
    expectBesluit(text, request);
    expect(text).toContain('Wij wijzen uw verzoek af.');
    expect(text).toContain(groundLabel('rectification', 'manifestly_unfounded_or_excessive'));
    expect(ocr).toContain('sanne visser');
    expect(ocr).toContain('wij wijzen uw verzoek af');
  });

  it('not processed: identity not repaired within the term, declared buiten behandeling', async () => {
    const registered = await register({ requester: { name: 'Kees Mulder', postalAddress: 'Molenweg 8, 3881 DD Putten' }, receivedAt: daysAgo(20) });
    await perform(staff.pb, registered.instanceId, 'CheckRequest', { identiteitVastgesteld: false });
    await perform(staff.pb, registered.instanceId, 'SendRepairLetter', { herstelbriefVerzondenOp: dayAgo(16), hersteltermijnDagen: 14, herstelGevraagd: 'Stuur een afgeschermde kopie van uw identiteitsbewijs.' });
    // The term ended two days ago: its timer leads to the decision.
    await openTask(staff.jurist, registered.instanceId, 'PrepareDecision');
    await signAndSend(registered, { uitkomst: 'not_processed', weigeringsgronden: 'identity_not_established', motivering: 'U heeft binnen de hersteltermijn geen aanvulling gestuurd.' });
    const { request, text, ocr } = await letterPdf(registered.id, 'decision', 'decision-not-processed');
    expectBesluit(text, request);
    expect(text).toContain('Wij stellen uw verzoek buiten behandeling.');
    expect(text).toContain(groundLabel('access', 'identity_not_established'));
    expect(ocr).toContain('kees mulder');
    expect(ocr).toContain('buiten behandeling');
  });

  it('withdrawn: a confirmation signed by the PB, without a besluit and so without an objection clause', async () => {
    const registered = await register({ requester: { name: 'Lotte de Graaf', postalAddress: 'Stationsstraat 12, 3881 EE Putten' } });
    await perform(staff.pb, registered.instanceId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'digid' });
    await perform(staff.pb, registered.instanceId, 'SettleInformally', { verzoekIngetrokken: true, afstemmingToelichting: 'Telefonisch opgelost.' });
    const { request, text, ocr } = await letterPdf(registered.id, 'withdrawal', 'withdrawal');
    expect(request).toMatchObject({ status: 'withdrawn', outcome: 'withdrawn' });
    expect(request.letters.map((l: any) => l.kind)).toEqual(['withdrawal']);
    expect(text).toContain('Geachte Lotte de Graaf,');
    expect(text).toContain('Met deze brief bevestigen wij de intrekking.');
    expect(text).toContain(`${pbName} Privacybeheerder`);
    expect(text).not.toContain('binnen zes weken');
    expect(text).not.toContain('Telefonisch opgelost');
    expect(ocr).toContain('lotte de graaf');
    expect(ocr).toContain('intrekking');
  });

  it('gives the PDF only to readers of the request, each reading in the audit trail', async () => {
    const registered = await register({});
    await perform(staff.pb, registered.instanceId, 'CheckRequest', { identiteitVastgesteld: true, identificatiemethode: 'balie' });
    await perform(staff.pb, registered.instanceId, 'SettleInformally', { verzoekIngetrokken: true });
    const request = await read(registered.id);
    const letterId = request.letters[0].id;
    const reads = async () =>
      platform.database.dataSource.query(`SELECT actor, role_used, details FROM audit_entry WHERE action = 'case.read' AND instance_id = $1 AND details->>'letterId' = $2`, [request.instanceId, letterId]);
    const before = (await reads()).length;
    // Another municipality's PB and an employee without a privacy role: as if there were no such letter, and no read recorded.
    const elsewhere = await TestClient.as(platform, 'privacybeheerder.leusden');
    expect((await elsewhere.ok(LETTER_PDF, { letterId })).dataSubjectRequestLetterPdf).toBeNull();
    expect((await staff.employee.ok(LETTER_PDF, { letterId })).dataSubjectRequestLetterPdf).toBeNull();
    expect((await staff.pb.ok(LETTER_PDF, { letterId: 'not-a-letter' })).dataSubjectRequestLetterPdf).toBeNull();
    expect(await reads()).toHaveLength(before);
    await (await TestClient.as(platform, 'fg')).ok(LETTER_PDF, { letterId });
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actor: 'fg', role_used: 'fg', details: { data: 'letterPdf', letterId, kind: 'withdrawal' } });
  });
});
