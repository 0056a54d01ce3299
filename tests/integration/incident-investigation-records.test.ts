import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';
import {
  aBreachReport,
  ADD_LOG_NOTE,
  CONFIRM_EVIDENCE_RECEIPT,
  HAND_OVER_EVIDENCE,
  hoursAgo,
  INVESTIGATION,
  perform,
  RECORD_HOURS,
  REGISTER_EVIDENCE,
  REPORT_INCIDENT,
} from '../support/incident-operations';

/**
 * BLNP Bijlage 3 steps 6, 8, 17–18 and 37: the logbook kept from the CISO's assessment to the
 * end (the process writes it, the team adds notes), the evidence register with its chain of
 * custody, and the hours worked per person as the cost of the incident.
 */
describe('the investigation records of an incident', () => {
  let db: TestDatabase;
  let platform: Platform;
  let employee: TestClient;
  let ciso: TestClient;
  let irt: TestClient;
  let sysadmin: TestClient;
  let otherCiso: TestClient;
  let incident: any;

  beforeAll(async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn') });
    employee = await TestClient.as(platform, 'medewerker.nijkerk');
    ciso = await TestClient.as(platform, 'ciso.nijkerk');
    irt = await TestClient.as(platform, 'irt.nijkerk');
    sysadmin = await TestClient.as(platform, 'systeembeheer.nijkerk');
    otherCiso = await TestClient.as(platform, 'ciso.bunschoten');
    ({ reportIncident: incident } = await employee.ok(REPORT_INCIDENT, { report: aBreachReport(4) }));
    await perform(ciso, incident.instanceId, 'AssessReport', { incidentConfirmed: true, impact: 'hoog', impactCorrectionReason: 'Extern gelekt.', personalData: true });
    await perform(ciso, incident.instanceId, 'AssembleIrt', { irtMembers: 'CISO, FG, PB, systeembeheer' });
  });

  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('17–18: a digital item is registered with its SHA-256 and handed over against a signature', async () => {
    const sha256 = createHash('sha256').update('export van de verzonden e-mail (.eml)').digest('hex');
    const noHash = await irt.gql(REGISTER_EVIDENCE, { incidentId: incident.id, item: { description: 'E-mail', kind: 'digital', storageLocation: 'kluis', storageMethod: 'USB', reason: 'bewijs' } });
    expect(noHash.errors?.[0].extensions).toMatchObject({ code: 'INCIDENT_ENTRY_INVALID' });

    const { registerEvidence: item } = await irt.ok(REGISTER_EVIDENCE, {
      incidentId: incident.id,
      item: {
        description: 'Verzonden e-mail met bijlage, geëxporteerd uit de mailbox van de afzender',
        kind: 'digital',
        sha256: sha256.toUpperCase(),
        storageLocation: 'Forensische share, map INC',
        storageMethod: 'Alleen-lezen kopie; origineel in de mailbox bewaard',
        reason: 'Vaststellen wat is verzonden en aan wie',
      },
    });
    expect(item).toMatchObject({ number: 1, sha256, holder: 'irt.nijkerk', capturedBy: 'irt.nijkerk', pendingHolder: null });

    const notHolder = await sysadmin.gql(HAND_OVER_EVIDENCE, { itemId: item.id, handOver: { to: 'systeembeheer.nijkerk', reason: 'x', storageLocation: 'y' } });
    expect(notHolder.errors?.[0].extensions?.code).toBe('EVIDENCE_CUSTODY_REFUSED');
    await irt.ok(HAND_OVER_EVIDENCE, { itemId: item.id, handOver: { to: 'systeembeheer.nijkerk', reason: 'Mailserverlog vergelijken', storageLocation: 'Beheerwerkplek, versleuteld' } });
    const wrongRecipient = await ciso.gql(CONFIRM_EVIDENCE_RECEIPT, { itemId: item.id });
    expect(wrongRecipient.errors?.[0].extensions?.code).toBe('EVIDENCE_CUSTODY_REFUSED');
    const { confirmEvidenceReceipt: received } = await sysadmin.ok(CONFIRM_EVIDENCE_RECEIPT, { itemId: item.id });
    expect(received).toMatchObject({ holder: 'systeembeheer.nijkerk', pendingHolder: null, storageLocation: 'Beheerwerkplek, versleuteld' });
    expect(received.chain.map((c: any) => [c.kind, c.fromPerson, c.toPerson])).toEqual([
      ['captured', null, 'irt.nijkerk'],
      ['handed-over', 'irt.nijkerk', 'systeembeheer.nijkerk'],
      ['received', 'irt.nijkerk', 'systeembeheer.nijkerk'],
    ]);
    await expect(platform.database.dataSource.query(`UPDATE evidence_custody_event SET to_person = 'x'`)).rejects.toThrow(/append-only/);
  });

  it('37: hours are written per person and totalled as the cost of the incident', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await irt.ok(RECORD_HOURS, { incidentId: incident.id, hours: { workDate: today, hours: 2.5, activity: 'Ontvanger benaderd, bewijs veiliggesteld' } });
    await sysadmin.ok(RECORD_HOURS, { incidentId: incident.id, hours: { workDate: today, hours: 1.25, activity: 'Mailserverlog onderzocht' } });
    await irt.ok(RECORD_HOURS, { incidentId: incident.id, hours: { workDate: today, hours: 0.5, activity: 'Overleg IRT' } });
    const bad = await irt.gql(RECORD_HOURS, { incidentId: incident.id, hours: { workDate: '2099-01-01', hours: 0.1, activity: '' } });
    expect((bad.errors?.[0].extensions?.fieldErrors as any[]).map((e) => e.field)).toEqual(['workDate', 'hours', 'activity']);
    const reporter = await employee.gql(RECORD_HOURS, { incidentId: incident.id, hours: { workDate: today, hours: 1, activity: 'x' } });
    expect(reporter.errors?.[0].extensions?.code).toBe('INCIDENT_NOT_FOUND');

    const { incident: records } = await ciso.ok(INVESTIGATION, { id: incident.id });
    expect(records.hours.totalHours).toBe(4.25);
    expect(records.hours.perPerson).toEqual([
      { person: 'irt.nijkerk', hours: 3 },
      { person: 'systeembeheer.nijkerk', hours: 1.25 },
    ]);
  });

  it('6, 8: the logbook holds the process steps, the platform records and the team notes in time order', async () => {
    await ciso.ok(ADD_LOG_NOTE, { incidentId: incident.id, text: 'Telefonisch overleg met de ontvanger; verwijdering toegezegd.', occurredAt: hoursAgo(1) });
    const fromOther = await otherCiso.gql(ADD_LOG_NOTE, { incidentId: incident.id, text: 'x' });
    expect(fromOther.errors?.[0].extensions?.code).toBe('INCIDENT_NOT_FOUND');

    const { incident: records } = await ciso.ok(INVESTIGATION, { id: incident.id });
    const lines = records.logbook.map((l: any) => `${l.source}|${l.actor}|${l.text}`);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^platform\|medewerker\.nijkerk\|Melding ontvangen \(door medewerker\); voorgestelde impact: midden$/),
        'process|ciso.nijkerk|Melding beoordelen en classificeren afgerond',
        'platform|ciso.nijkerk|Beoordeling CISO: incident bevestigd, impact hoog (voorstel was midden), persoonsgegevens ja',
        expect.stringMatching(/^platform\|ciso\.nijkerk\|72-uurstermijn gestart; uiterste meldmoment /),
        'process|ciso.nijkerk|IRT samenstellen en bijeenroepen afgerond',
        'team|ciso.nijkerk|Telefonisch overleg met de ontvanger; verwijdering toegezegd.',
        'platform|irt.nijkerk|Bewijsstuk 1 geregistreerd (digitaal, SHA-256 vastgelegd)',
        'platform|systeembeheer.nijkerk|Ontvangst van bewijsstuk 1 getekend',
      ]),
    );
    const times = records.logbook.map((l: any) => new Date(l.at).getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
    await expect(platform.database.dataSource.query(`UPDATE incident_log_entry SET text = 'anders'`)).rejects.toThrow(/append-only/);
  });
});
