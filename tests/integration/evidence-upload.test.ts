import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Platform } from '../../src/platform';
import { destroyCaseFile } from '../../src/incidents/incident-register';
import { aReport, REPORT_INCIDENT } from '../support/incident-operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';

const EVIDENCE_FIELDS = `id number kind sha256 storageLocation storageMethod holder capturedBy
  chain { kind toPerson reason storageLocation } content { fileName mediaType sizeBytes storedAt }`;
const UPLOAD = `mutation Upload($incidentId: ID!, $item: EvidenceUploadInput!) { uploadEvidence(incidentId: $incidentId, item: $item) { ${EVIDENCE_FIELDS} } }`;
const REGISTER_EVIDENCE = `mutation Register($incidentId: ID!, $item: EvidenceInput!) { registerEvidence(incidentId: $incidentId, item: $item) { ${EVIDENCE_FIELDS} } }`;
const VERIFY = `query Verify($itemId: ID!) { verifyEvidence(itemId: $itemId) { itemId number recordedSha256 computedSha256 matches sizeBytes verifiedBy verifiedAt } }`;
const EVIDENCE = `query Evidence($id: ID!) { incident(id: $id) { evidence { ${EVIDENCE_FIELDS} } logbook { source text } } }`;

const MAX_BYTES = 4096;

/**
 * Issue 4 point 6, BLNP step 18: a digital item's SHA-256 is taken at capture. Uploaded, the
 * platform computes it itself and keeps the content with the chain of custody; a later check
 * recomputes it. Items the platform does not hold keep the declared (typed-in) hash.
 */
describe('evidence captured by upload', () => {
  let db: TestDatabase;
  let platform: Platform;
  let ciso: TestClient;
  let incident: { id: string; instanceId: string };
  // A firewall log excerpt with a few non-text bytes: the hash is over bytes, not characters.
  const file = Buffer.concat([Buffer.from('2026-05-04T09:12:01Z DENY tcp 10.0.4.17:445 -> 185.220.101.4:443\n'), Buffer.from([0, 255, 1, 254])]);
  const sha256 = createHash('sha256').update(file).digest('hex');
  const upload = (overrides: Record<string, unknown> = {}) => ({
    description: 'Uitsnede firewall-log van de nacht van 3 op 4 mei',
    reason: 'Vastleggen van het uitgaande verkeer voor het onderzoek van het IRT',
    contentBase64: file.toString('base64'),
    fileName: 'firewall-2026-05-04.log',
    mediaType: 'text/plain',
    ...overrides,
  });
  const counts = async () => (await platform.database.dataSource.query(`SELECT (SELECT count(*) FROM evidence_item)::int AS items, (SELECT count(*) FROM evidence_content)::int AS contents, (SELECT count(*) FROM audit_entry)::int AS audit`))[0];

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn'), evidenceMaxBytes: MAX_BYTES });
    ciso = await TestClient.as(platform, 'ciso.putten');
    const employee = await TestClient.as(platform, 'medewerker.putten');
    ({ reportIncident: incident } = await employee.ok(REPORT_INCIDENT, { report: aReport() }));
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('computes the SHA-256 at capture and keeps the content with the "captured" link of the chain of custody', async () => {
    const { uploadEvidence: item } = await ciso.ok(UPLOAD, { incidentId: incident.id, item: upload() });
    expect(item).toMatchObject({
      number: 1,
      kind: 'digital',
      sha256,
      holder: 'ciso.putten',
      storageLocation: 'Privacyflow (bewijsopslag in de database)',
      content: { fileName: 'firewall-2026-05-04.log', mediaType: 'text/plain', sizeBytes: file.length },
    });
    expect(item.chain).toEqual([{ kind: 'captured', toPerson: 'ciso.putten', reason: upload().reason, storageLocation: item.storageLocation }]);
    const [stored] = await platform.database.dataSource.query(
      `SELECT c.content, e.kind FROM evidence_content c JOIN evidence_custody_event e ON e.id = c.custody_event_id WHERE c.item_id = $1`,
      [item.id],
    );
    expect(Buffer.compare(stored.content, file)).toBe(0);
    expect(stored.kind).toBe('captured');
  });

  it('verifies later that the content still matches, and records the check', async () => {
    const { incident: file1 } = await ciso.ok(EVIDENCE, { id: incident.id });
    const [item] = file1.evidence;
    const { verifyEvidence } = await ciso.ok(VERIFY, { itemId: item.id });
    expect(verifyEvidence).toMatchObject({ itemId: item.id, number: 1, recordedSha256: sha256, computedSha256: sha256, matches: true, sizeBytes: file.length, verifiedBy: 'ciso.putten' });
    const { incident: after } = await ciso.ok(EVIDENCE, { id: incident.id });
    expect(after.logbook.map((l: any) => l.text)).toContain('Integriteit van bewijsstuk 1 gecontroleerd: SHA-256 komt overeen');
  });

  it('keeps the content unchangeable, and reports a mismatch when it was changed behind the platform\'s back', async () => {
    const { incident: before } = await ciso.ok(EVIDENCE, { id: incident.id });
    const [item] = before.evidence;
    await expect(platform.database.dataSource.query(`UPDATE evidence_content SET content = $1 WHERE item_id = $2`, [Buffer.from('forged'), item.id])).rejects.toThrow();
    // Someone with the owner's rights switches the guard off: the recomputed hash gives it away.
    await platform.database.dataSource.transaction(async (em) => {
      await em.query(`ALTER TABLE evidence_content DISABLE TRIGGER evidence_content_append_only`);
      await em.query(`UPDATE evidence_content SET content = $1 WHERE item_id = $2`, [Buffer.concat([file, Buffer.from('x')]), item.id]);
      await em.query(`ALTER TABLE evidence_content ENABLE TRIGGER evidence_content_append_only`);
    });
    const { verifyEvidence } = await ciso.ok(VERIFY, { itemId: item.id });
    expect(verifyEvidence).toMatchObject({ recordedSha256: sha256, matches: false, sizeBytes: file.length + 1 });
    expect(verifyEvidence.computedSha256).not.toBe(sha256);
    const { incident: after } = await ciso.ok(EVIDENCE, { id: incident.id });
    expect(after.logbook.map((l: any) => l.text)).toContain('Integriteit van bewijsstuk 1 gecontroleerd: SHA-256 komt NIET overeen met de vastlegging');
  });

  it('refuses a file over EVIDENCE_MAX_BYTES with EVIDENCE_TOO_LARGE and its limit, and changes nothing', async () => {
    const before = await counts();
    const result = await ciso.gql(UPLOAD, { incidentId: incident.id, item: upload({ contentBase64: Buffer.alloc(MAX_BYTES + 1, 7).toString('base64') }) });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'EVIDENCE_TOO_LARGE', limit: MAX_BYTES });
    expect(await counts()).toEqual(before);
    // Exactly at the limit is accepted.
    const ok = await ciso.gql(UPLOAD, { incidentId: incident.id, item: upload({ contentBase64: Buffer.alloc(MAX_BYTES, 7).toString('base64') }) });
    expect(ok.errors).toBeUndefined();
    expect(ok.data.uploadEvidence.content.sizeBytes).toBe(MAX_BYTES);
  });

  it('refuses what is not base64, an empty file and a bad media type, naming the field, and changes nothing', async () => {
    const before = await counts();
    for (const [item, field] of [
      [upload({ contentBase64: 'dit is geen base64!' }), 'contentBase64'],
      [upload({ contentBase64: '' }), 'contentBase64'],
      [upload({ mediaType: 'pdf; drop' }), 'mediaType'],
      [upload({ description: ' ' }), 'description'],
    ] as const) {
      const result = await ciso.gql(UPLOAD, { incidentId: incident.id, item });
      expect({ field, code: result.errors?.[0].extensions?.code, fields: (result.errors?.[0].extensions?.fieldErrors as any[])?.map((f) => f.field) }).toEqual({ field, code: 'INCIDENT_ENTRY_INVALID', fields: [field] });
    }
    expect(await counts()).toEqual(before);
  });

  it('answers another municipality like a missing incident or item, and refuses those who do not handle evidence', async () => {
    const before = await counts();
    const leusden = await TestClient.as(platform, 'ciso.leusden');
    expect((await leusden.gql(UPLOAD, { incidentId: incident.id, item: upload() })).errors?.[0].extensions?.code).toBe('INCIDENT_NOT_FOUND');
    const { incident: current } = await ciso.ok(EVIDENCE, { id: incident.id });
    expect((await leusden.gql(VERIFY, { itemId: current.evidence[0].id })).errors?.[0].extensions?.code).toBe('EVIDENCE_NOT_FOUND');
    const employee = await TestClient.as(platform, 'medewerker.putten');
    expect((await employee.gql(UPLOAD, { incidentId: incident.id, item: upload() })).errors?.[0].extensions?.code).toBe('INCIDENT_NOT_FOUND');
    expect(await counts()).toEqual(before);
  });

  it('keeps the typed-in SHA-256 for items the platform does not hold; those cannot be verified here', async () => {
    const { registerEvidence: laptop } = await ciso.ok(REGISTER_EVIDENCE, {
      incidentId: incident.id,
      item: { description: 'Schijfkopie van de laptop, gemaakt door de leverancier', kind: 'digital', sha256: 'A'.repeat(64), storageLocation: 'Kluis leverancier', storageMethod: 'Versleutelde schijf', reason: 'Forensisch onderzoek door de leverancier' },
    });
    expect(laptop).toMatchObject({ sha256: 'a'.repeat(64), content: null });
    expect((await ciso.gql(VERIFY, { itemId: laptop.id })).errors?.[0].extensions?.code).toBe('EVIDENCE_NOT_HELD');
  });

  it('destroys the content with the case file when the retention period has passed', async () => {
    expect((await counts()).contents).toBeGreaterThan(0);
    await platform.database.dataSource.transaction((em) => destroyCaseFile(em, incident.instanceId));
    expect(await counts()).toMatchObject({ items: 0, contents: 0 });
  });
});
