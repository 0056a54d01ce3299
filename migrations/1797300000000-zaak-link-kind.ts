import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A case can have two zaken: its own and, after an objection, the bezwaar zaak. Each link says which
 * it is; a case has at most one of each, and a zaak still mirrors one case only.
 */
export class ZaakLinkKind1797300000000 implements MigrationInterface {
  name = 'ZaakLinkKind1797300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE zaak_link ADD COLUMN kind text NOT NULL DEFAULT 'case' CHECK (kind IN ('case', 'objection'))`);
    await q.query(`ALTER TABLE zaak_link DROP CONSTRAINT zaak_link_pkey`);
    await q.query(`ALTER TABLE zaak_link ADD PRIMARY KEY (instance_id, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM zaak_link WHERE kind <> 'case'`);
    await q.query(`ALTER TABLE zaak_link DROP CONSTRAINT zaak_link_pkey`);
    await q.query(`ALTER TABLE zaak_link ADD PRIMARY KEY (instance_id)`);
    await q.query(`ALTER TABLE zaak_link DROP COLUMN kind`);
  }
}
