import { auditEntryHash, GENESIS_HASH } from './entry-hash';

/** Runs one SQL statement; a DataSource's or EntityManager's `query`. */
export type Query = (sql: string, params?: unknown[]) => Promise<any[]>;

export type ChainBreakKind = 'edited' | 'rewritten' | 'deleted' | 'reordered' | 'truncated' | 'head-mismatch';

export interface ChainBreak {
  kind: ChainBreakKind;
  /** The first bad entry: row id and chain position (null when it no longer exists). */
  entryId: string | null;
  seq: number;
  message: string;
}

export interface ChainReport {
  tenantId: string;
  entries: number;
  ok: boolean;
  firstBreak?: ChainBreak;
}

const PAGE = 1000;

function recomputeHash(row: any): string {
  return auditEntryHash({
    tenantId: row.tenant_id,
    actor: row.actor,
    actorRoles: row.actor_roles,
    roleUsed: row.role_used,
    action: row.action,
    instanceId: row.instance_id,
    taskId: row.task_id,
    details: row.details,
    at: row.at,
    clientAddress: row.client_address,
    requestId: row.request_id,
    prevHash: row.prev_hash,
  });
}

/**
 * Walks one tenant's chain in sequence order and names the first entry that does not hold:
 * its own hash must match its content (else edited), its prev_hash must be the hash of the entry
 * before it (else an entry was deleted, moved, or had its hash recomputed), and the chain must end
 * where audit_chain_head says (else entries were deleted from the end).
 */
export async function verifyTenantChain(query: Query, tenantId: string): Promise<ChainReport> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let prevId: bigint | null = null;
  let entries = 0;
  const broken = (b: ChainBreak): ChainReport => ({ tenantId, entries, ok: false, firstBreak: b });

  for (;;) {
    const rows = await query(
      `SELECT * FROM audit_entry WHERE tenant_id = $1 AND seq >= $2 ORDER BY seq, id LIMIT ${PAGE}`,
      [tenantId, expectedSeq],
    );
    for (const row of rows) {
      const seq = Number(row.seq);
      entries++;
      if (recomputeHash(row) !== row.hash) {
        return broken({ kind: 'edited', entryId: row.id, seq, message: `entry ${row.id} (seq ${seq}) does not match its hash: its content was edited` });
      }
      if (row.prev_hash !== prevHash) {
        const [linked] = await query(`SELECT id, seq FROM audit_entry WHERE tenant_id = $1 AND hash = $2 LIMIT 1`, [tenantId, row.prev_hash]);
        if (linked && Number(linked.seq) !== expectedSeq - 1) {
          return broken({
            kind: 'reordered',
            entryId: row.id,
            seq,
            message: `entry ${row.id} stands at seq ${seq} but was written right after entry ${linked.id} (now seq ${linked.seq}): entries were reordered`,
          });
        }
        if (seq > expectedSeq) {
          return broken({
            kind: 'deleted',
            entryId: null,
            seq: expectedSeq,
            message: `entries seq ${expectedSeq}..${seq - 1} are missing before entry ${row.id} (seq ${seq}): deleted`,
          });
        }
        // Same position, unknown link: the entry before this one was altered and its hash recomputed.
        return broken({
          kind: expectedSeq === 1 ? 'deleted' : 'rewritten',
          entryId: expectedSeq === 1 ? row.id : (prevId?.toString() ?? null),
          seq: Math.max(1, expectedSeq - 1),
          message:
            expectedSeq === 1
              ? `entry ${row.id} (seq 1) does not start the chain: entries before it were removed`
              : `entry ${prevId} (seq ${expectedSeq - 1}) was altered and its hash recomputed: entry ${row.id} still links to its original hash`,
        });
      }
      if (seq !== expectedSeq) {
        return broken({ kind: 'reordered', entryId: row.id, seq, message: `entry ${row.id} links correctly but carries seq ${seq} instead of ${expectedSeq}: renumbered` });
      }
      if (prevId !== null && BigInt(row.id) <= prevId) {
        return broken({ kind: 'reordered', entryId: row.id, seq, message: `entry ${row.id} (seq ${seq}) has a lower row id than the entry before it: rows were reordered` });
      }
      prevHash = row.hash;
      prevId = BigInt(row.id);
      expectedSeq = seq + 1;
    }
    if (rows.length < PAGE) break;
  }

  const lastSeq = expectedSeq - 1;
  const [head] = await query(`SELECT last_seq, last_hash FROM audit_chain_head WHERE tenant_id = $1`, [tenantId]);
  if (!head) {
    return broken({ kind: 'head-mismatch', entryId: null, seq: lastSeq, message: `the chain head of ${tenantId} is missing` });
  }
  if (Number(head.last_seq) > lastSeq) {
    return broken({
      kind: 'truncated',
      entryId: null,
      seq: lastSeq + 1,
      message: `entries seq ${lastSeq + 1}..${head.last_seq} are missing at the end of the chain: deleted`,
    });
  }
  if (Number(head.last_seq) !== lastSeq || head.last_hash !== prevHash) {
    return broken({ kind: 'head-mismatch', entryId: prevId?.toString() ?? null, seq: lastSeq, message: `the chain head (seq ${head.last_seq}) does not match the last entry (seq ${lastSeq})` });
  }
  return { tenantId, entries, ok: true };
}

/** Every tenant's chain, including tenants whose entries have all disappeared but whose head remains. */
export async function verifyAllChains(query: Query): Promise<ChainReport[]> {
  const tenants: { tenant_id: string }[] = await query(
    `SELECT tenant_id FROM audit_chain_head UNION SELECT DISTINCT tenant_id FROM audit_entry ORDER BY tenant_id`,
  );
  const reports: ChainReport[] = [];
  for (const { tenant_id } of tenants) reports.push(await verifyTenantChain(query, tenant_id));
  return reports;
}
