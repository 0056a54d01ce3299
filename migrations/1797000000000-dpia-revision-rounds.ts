import { MigrationInterface, QueryRunner } from 'typeorm';

/** MT/B&W can send a DPIA back to its team for a new round; what they asked for is kept with the advice (issue 6 point 4). */
export class DpiaRevisionRounds1797000000000 implements MigrationInterface {
  name = 'DpiaRevisionRounds1797000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dpia_fg_advice ADD COLUMN revision_request text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dpia_fg_advice DROP COLUMN revision_request`);
  }
}
