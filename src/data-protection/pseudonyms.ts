import { createHmac, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { identifierKinds, Person } from './person-identifiers';

/**
 * Pseudonyms for people in the audit trail. An audit entry about a person (an export, an erasure)
 * carries a random pseudonym in its hashed content, never a name, BSN or e-mail address. The only
 * link back is person_pseudonym: keyed hashes (HMAC-SHA256) of the person's identifiers pointing at
 * the pseudonym. Erasure deletes those rows in its transaction: the entries and the chain stay
 * intact and verifiable, and nobody — not even with the key — can tell whom they were about,
 * because the pseudonym itself was random.
 */
export class PseudonymRegistry {
  /** @param configuredKey PSEUDONYM_KEY; without it each municipality gets a random key kept in the database. */
  constructor(private readonly configuredKey?: string) {}

  /** The person's pseudonym in this municipality, made on first use; every identifier given is linked to it. */
  async pseudonymFor(em: EntityManager, tenantId: string, person: Person): Promise<string> {
    const hashes = await this.lookupHashes(em, tenantId, person);
    const [known] = await this.linked(em, tenantId, hashes);
    const pseudonym = known ?? `psn-${randomBytes(12).toString('hex')}`;
    for (const hash of hashes) {
      await em.query(
        `INSERT INTO person_pseudonym (tenant_id, lookup_hash, pseudonym, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (tenant_id, lookup_hash) DO NOTHING`,
        [tenantId, hash, pseudonym, new Date()],
      );
    }
    // Two exports racing for a new person: whoever inserted first decides.
    return (await this.linked(em, tenantId, hashes))[0] ?? pseudonym;
  }

  /** Pseudonyms any of the person's identifiers link to (usually one). */
  async existing(em: EntityManager, tenantId: string, person: Person): Promise<string[]> {
    return this.linked(em, tenantId, await this.lookupHashes(em, tenantId, person));
  }

  /** Deletes every link of these pseudonyms and of the person's identifiers. */
  async forget(em: EntityManager, tenantId: string, person: Person, pseudonyms: string[]): Promise<void> {
    await em.query(`DELETE FROM person_pseudonym WHERE tenant_id = $1 AND (pseudonym = ANY($2::text[]) OR lookup_hash = ANY($3::text[]))`, [
      tenantId,
      pseudonyms,
      await this.lookupHashes(em, tenantId, person),
    ]);
  }

  private async linked(em: EntityManager, tenantId: string, hashes: string[]): Promise<string[]> {
    const rows: { pseudonym: string }[] = await em.query(
      `SELECT pseudonym, min(created_at) AS since FROM person_pseudonym WHERE tenant_id = $1 AND lookup_hash = ANY($2::text[]) GROUP BY pseudonym ORDER BY since, pseudonym`,
      [tenantId, hashes],
    );
    return rows.map((r) => r.pseudonym);
  }

  private async lookupHashes(em: EntityManager, tenantId: string, person: Person): Promise<string[]> {
    const key = await this.keyFor(em, tenantId);
    return identifierKinds(person).map((kind) => {
      const value = kind === 'name' ? person.name!.toLowerCase() : person[kind]!;
      return createHmac('sha256', key).update(`${kind}:${value}`, 'utf8').digest('hex');
    });
  }

  private async keyFor(em: EntityManager, tenantId: string): Promise<Buffer> {
    if (this.configuredKey) return createHmac('sha256', this.configuredKey).update(`privacyflow-pseudonym:${tenantId}`).digest();
    await em.query(`INSERT INTO pseudonym_key (tenant_id, key, created_at) VALUES ($1, $2, $3) ON CONFLICT (tenant_id) DO NOTHING`, [
      tenantId,
      randomBytes(32).toString('hex'),
      new Date(),
    ]);
    const [row] = await em.query(`SELECT key FROM pseudonym_key WHERE tenant_id = $1`, [tenantId]);
    return Buffer.from(row.key, 'hex');
  }
}
