import { execFileSync, execSync } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { ChainReport, verifyAllChains } from '../../src/audit/chain-verifier';
import { auditEntryHash } from '../../src/audit/entry-hash';
import type { Platform } from '../../src/platform';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { readFixture, startTestPlatform, TestClient } from '../support/test-platform';
import { DEPLOY, START } from '../support/operations';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Someone with superuser rights edits, deletes and reorders audit rows by hand (switching the
 * append-only triggers off). `npm run audit:verify` must catch each and name the first bad entry.
 */
describe('npm run audit:verify catches a hand-tampered audit trail', () => {
  let db: TestDatabase;
  let platform: Platform;
  let superuser: Client;
  const tenants = ['bunschoten', 'leusden', 'nijkerk', 'putten'];

  /** The real CLI, compiled, against the test database: exit code and output. */
  const runVerifyCli = (): { code: number; output: string } => {
    try {
      const output = execFileSync(process.execPath, ['dist/src/audit/verify-cli.js'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: db.databaseUrl, LOG_LEVEL: 'error' },
        encoding: 'utf8',
      });
      return { code: 0, output };
    } catch (err: any) {
      return { code: err.status, output: String(err.stdout) + String(err.stderr) };
    }
  };
  const entry = async (tenant: string, seq: number) =>
    (await superuser.query(`SELECT * FROM audit_entry WHERE tenant_id = $1 AND seq = $2`, [tenant, seq])).rows[0];
  /** Runs statements as a superuser with the append-only triggers switched off for this session. */
  const tamper = async (sql: string, params: unknown[] = []) => {
    await superuser.query(`SET session_replication_role = replica`);
    await superuser.query(sql, params);
    await superuser.query(`SET session_replication_role = DEFAULT`);
  };

  beforeAll(async () => {
    execSync('npx tsc -p tsconfig.build.json', { cwd: ROOT, stdio: 'inherit' });
    db = await createTestDatabase();
    platform = await startTestPlatform(db, {}, { withoutWorkers: true });
    const deployer = await TestClient.as(platform, 'procesbeheerder.putten');
    await deployer.ok(DEPLOY, { xml: readFixture('runtime-demo.bpmn'), name: 'demo' });
    await deployer.ok(DEPLOY, { xml: readFixture('runtime-demo.bpmn') + '\n<!-- v2 -->', name: 'demo' });
    for (const tenant of tenants) {
      const employee = await TestClient.as(platform, `medewerker.${tenant}`);
      for (let i = 1; i <= 5; i++) await employee.ok(START, { key: 'runtime-demo', businessKey: `${tenant}-${i}`, variables: { approvalTimeout: 'P9D' } });
    }
    superuser = new Client({ connectionString: db.databaseUrl });
    await superuser.connect();
  });
  afterAll(async () => {
    await superuser?.end();
    await platform?.close();
    await db?.drop();
  });

  it('reports every chain intact before anyone tampers', () => {
    const { code, output } = runVerifyCli();
    expect(output).toContain('all 5 audit chains intact');
    expect(output).toContain('ok     putten: 5 entries');
    expect(code).toBe(0);
  });

  describe('after tampering', () => {
    let reports: Record<string, ChainReport>;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      // putten: the case of entry 3 is changed.
      ids.edited = (await entry('putten', 3)).id;
      await tamper(`UPDATE audit_entry SET details = details || '{"processKey":"something-else"}' WHERE id = $1`, [ids.edited]);
      // leusden: entry 2 is deleted.
      await tamper(`DELETE FROM audit_entry WHERE tenant_id = 'leusden' AND seq = 2`);
      // nijkerk: entries 2 and 3 swap places.
      const [two, three] = [await entry('nijkerk', 2), await entry('nijkerk', 3)];
      ids.movedUp = three.id;
      await tamper(`UPDATE audit_entry SET seq = -seq WHERE id IN ($1, $2)`, [two.id, three.id]);
      await tamper(`UPDATE audit_entry SET seq = 3 WHERE id = $1`, [two.id]);
      await tamper(`UPDATE audit_entry SET seq = 2 WHERE id = $1`, [three.id]);
      // bunschoten: the newest entry is deleted.
      await tamper(`DELETE FROM audit_entry WHERE tenant_id = 'bunschoten' AND seq = 5`);
      // platform chain: the first deployment is attributed to someone else, its own hash recomputed.
      const first = await entry('*', 1);
      ids.rewritten = first.id;
      const forged = { ...first, actor: 'someone-else' };
      const hash = auditEntryHash({
        tenantId: forged.tenant_id, actor: forged.actor, actorRoles: forged.actor_roles, roleUsed: forged.role_used,
        action: forged.action, instanceId: forged.instance_id, taskId: forged.task_id, details: forged.details, at: forged.at,
        clientAddress: forged.client_address, requestId: forged.request_id, prevHash: forged.prev_hash,
      });
      await tamper(`UPDATE audit_entry SET actor = 'someone-else', hash = $2 WHERE id = $1`, [first.id, hash]);

      reports = Object.fromEntries((await verifyAllChains((sql, params) => superuser.query(sql, params).then((r) => r.rows))).map((r) => [r.tenantId, r]));
    });

    it('names an edited entry', () => {
      expect(reports.putten.firstBreak).toMatchObject({ kind: 'edited', seq: 3, entryId: ids.edited });
    });

    it('names the place of a deleted entry', () => {
      expect(reports.leusden.firstBreak).toMatchObject({ kind: 'deleted', seq: 2 });
    });

    it('names the first entry of a reordered pair', () => {
      expect(reports.nijkerk.firstBreak).toMatchObject({ kind: 'reordered', seq: 2, entryId: ids.movedUp });
    });

    it('notices an entry deleted from the end of the chain', () => {
      expect(reports.bunschoten.firstBreak).toMatchObject({ kind: 'truncated', seq: 5 });
    });

    it('names an entry whose hash was recomputed after editing it', () => {
      expect(reports['*'].firstBreak).toMatchObject({ kind: 'rewritten', seq: 1, entryId: ids.rewritten });
    });

    it('exits non-zero and prints the first bad entry of every broken chain', () => {
      const { code, output } = runVerifyCli();
      expect(code).toBe(1);
      expect(output).toContain(`BROKEN putten: edited at seq 3: entry ${ids.edited} (seq 3)`);
      expect(output).toContain('BROKEN leusden: deleted at seq 2');
      expect(output).toContain(`BROKEN nijkerk: reordered at seq 2: entry ${ids.movedUp}`);
      expect(output).toContain('BROKEN bunschoten: truncated at seq 5');
      expect(output).toContain(`BROKEN *: rewritten at seq 1: entry ${ids.rewritten}`);
      expect(output).toContain('5 of 5 audit chains broken');
    });
  });
});
