import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { allMigrations } from '../../migrations';
import { InitialRuntime1795500000000 } from '../../migrations/1795500000000-initial-runtime';
import { verifyAllChains } from '../../src/audit/chain-verifier';
import { createTestDatabase, TestDatabase } from '../support/test-database';

/** A database that already holds audit entries gets them chained, in the order they were written. */
describe('the audit hash-chain migration on an existing database', () => {
  let db: TestDatabase;
  afterAll(async () => db?.drop());

  it('chains the entries written before it and leaves every chain intact', async () => {
    db = await createTestDatabase();
    const before = new DataSource({ type: 'postgres', url: db.databaseUrl, migrations: [InitialRuntime1795500000000], logging: false });
    await before.initialize();
    await before.runMigrations();
    for (const [tenant, action] of [['putten', 'process.started'], ['leusden', 'process.started'], ['putten', 'task.completed'], ['*', 'process.deployed']]) {
      await before.query(`INSERT INTO audit_entry (tenant_id, actor, actor_roles, action, details, at) VALUES ($1, 'medewerker', '{medewerker}', $2, '{"b":1,"a":[1,2]}', now())`, [tenant, action]);
    }
    await before.destroy();

    const after = new DataSource({ type: 'postgres', url: db.databaseUrl, migrations: allMigrations, logging: false });
    await after.initialize();
    try {
      await after.runMigrations({ transaction: 'each' });
      const rows = await after.query(`SELECT tenant_id, seq, action FROM audit_entry ORDER BY id`);
      expect(rows.map((r: any) => [r.tenant_id, Number(r.seq)])).toEqual([['putten', 1], ['leusden', 1], ['putten', 2], ['*', 1]]);
      const reports = await verifyAllChains((sql, params) => after.query(sql, params));
      expect(reports.map((r) => [r.tenantId, r.ok, r.entries])).toEqual([['*', true, 1], ['leusden', true, 1], ['putten', true, 2]]);
    } finally {
      await after.destroy();
    }
  });
});
