import 'reflect-metadata';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { allMigrations } from '../../migrations';
import { DataProtection1796600000000 } from '../../migrations/1796600000000-data-protection';
import type { Platform } from '../../src/platform';
import { aReport, perform, REPORT_INCIDENT } from '../support/incident-operations';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { startTestPlatform, TestClient } from '../support/test-platform';

/**
 * Cases that ended before the data-protection migration join the retention schedule when it runs:
 * from the moment they ended; an incident file an earlier version already destroyed counts as done.
 */
describe('the data-protection migration on an existing database', () => {
  let db: TestDatabase;
  let platform: Platform | undefined;
  afterAll(async () => {
    await platform?.close();
    await db?.drop();
  });

  it('schedules the cases that already ended, and only those', async () => {
    db = await createTestDatabase();
    platform = await startTestPlatform(db, { bpmnDir: path.resolve(__dirname, '../../bpmn'), retentionPollMs: 3_600_000 });
    const employee = await TestClient.as(platform, 'medewerker.putten');
    const ciso = await TestClient.as(platform, 'ciso.putten');
    const { reportIncident: ended } = await employee.ok(REPORT_INCIDENT, { report: aReport() });
    await perform(ciso, ended.instanceId, 'AssessReport', { incidentConfirmed: false, impact: 'laag', personalData: false });
    const { reportIncident: running } = await employee.ok(REPORT_INCIDENT, { report: aReport() });
    const { reportIncident: destroyed } = await employee.ok(REPORT_INCIDENT, { report: aReport() });
    await perform(ciso, destroyed.instanceId, 'AssessReport', { incidentConfirmed: false, impact: 'laag', personalData: false });
    await platform.close();
    platform = undefined;

    const sql = new DataSource({ type: 'postgres', url: db.databaseUrl, migrations: allMigrations, logging: false });
    await sql.initialize();
    try {
      // As the database stood before this version: no schedule yet, one file destroyed by the diagram.
      // Undo it and every migration that came after it.
      const undo = allMigrations.length - allMigrations.indexOf(DataProtection1796600000000);
      for (let i = 0; i < undo; i++) await sql.undoLastMigration({ transaction: 'each' });
      expect(await sql.query(`SELECT to_regclass('case_retention') AS t`)).toEqual([{ t: null }]);
      await sql.query(`UPDATE process_instance SET ended_at = now() - interval '3 days' WHERE id = $1`, [ended.instanceId]);
      await sql.query(`UPDATE incident SET status = 'destroyed', destroyed_at = now() - interval '1 day', what_happened = NULL WHERE instance_id = $1`, [destroyed.instanceId]);

      await sql.runMigrations({ transaction: 'each' });
      const rows: any[] = await sql.query(
        `SELECT r.instance_id, r.case_type, r.closed_at = i.ended_at AS from_end, r.removal_reason, r.personal_data_removed_at = inc.destroyed_at AS when_destroyed
           FROM case_retention r JOIN process_instance i ON i.id = r.instance_id JOIN incident inc ON inc.instance_id = r.instance_id ORDER BY i.started_at`,
      );
      expect(rows).toEqual([
        { instance_id: ended.instanceId, case_type: 'incident', from_end: true, removal_reason: null, when_destroyed: null },
        { instance_id: destroyed.instanceId, case_type: 'incident', from_end: true, removal_reason: 'retention', when_destroyed: true },
      ]);
      expect(rows.map((r) => r.instance_id)).not.toContain(running.instanceId);
    } finally {
      await sql.destroy();
    }
  });
});
