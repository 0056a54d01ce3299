import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Letters of data-subject requests and DPIA reports are kept as the PDF that is sent or filed, with its
 * SHA-256; a decision letter names its signer by name and function. Rows written before this have no
 * PDF: a PDF made later from today's template would not be the document that was sent.
 */
export class DocumentPdfs1796500000000 implements MigrationInterface {
  name = 'DocumentPdfs1796500000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['dsr_letter', 'dpia_report']) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN pdf bytea, ADD COLUMN pdf_sha256 text`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_pdf_hashed CHECK ((pdf IS NULL) = (pdf_sha256 IS NULL) AND (pdf_sha256 IS NULL OR pdf_sha256 ~ '^[0-9a-f]{64}$'))`);
    }
    // A request withdrawn after informal settlement gets a confirmation letter.
    await q.query(`ALTER TABLE dsr_letter DROP CONSTRAINT dsr_letter_kind_check`);
    await q.query(`ALTER TABLE dsr_letter ADD CONSTRAINT dsr_letter_kind_check CHECK (kind IN ('acknowledgement', 'repair', 'extension', 'decision', 'withdrawal'))`);
    await q.query(`ALTER TABLE dsr_request ADD COLUMN signer_name text, ADD COLUMN signer_function text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dsr_request DROP COLUMN signer_name, DROP COLUMN signer_function`);
    await q.query(`DELETE FROM dsr_letter WHERE kind = 'withdrawal'`);
    await q.query(`ALTER TABLE dsr_letter DROP CONSTRAINT dsr_letter_kind_check`);
    await q.query(`ALTER TABLE dsr_letter ADD CONSTRAINT dsr_letter_kind_check CHECK (kind IN ('acknowledgement', 'repair', 'extension', 'decision'))`);
    for (const table of ['dsr_letter', 'dpia_report']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_pdf_hashed, DROP COLUMN pdf, DROP COLUMN pdf_sha256`);
    }
  }
}
