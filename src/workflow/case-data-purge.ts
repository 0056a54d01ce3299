import type { EntityManager } from 'typeorm';

/**
 * Removes what the process runtime keeps of an ended case's data: form answers in the engine
 * state, the variables, the task outputs and iteration variables, the variables copied into
 * performed service calls, and error texts (which may quote values). What stays are ids,
 * element ids, who acted and when: the case's history without its content. A running case is
 * left alone (its engine still needs its state); callers only purge cases that ended.
 */
export async function purgeEndedCaseData(
  em: EntityManager,
  instanceId: string,
  /** The service call performing this purge (still pending while it runs): its copy of the variables goes too. */
  performingExecutionId?: string,
): Promise<void> {
  await em.query(
    `UPDATE process_instance SET variables = '{}'::jsonb, state = NULL, failure = NULL WHERE id = $1 AND status <> 'running'`,
    [instanceId],
  );
  await em.query(`UPDATE user_task SET output = NULL, local_variables = NULL WHERE instance_id = $1 AND status <> 'open'`, [instanceId]);
  // A pending call still needs its variables; one that was performed or gave up does not.
  await em.query(
    `UPDATE outbox_message
        SET payload = jsonb_build_object('elementId', payload->'elementId', 'executionId', payload->'executionId'), last_error = NULL
      WHERE instance_id = $1 AND (status <> 'pending' OR dedupe_key = $2)`,
    [instanceId, `${instanceId}:${performingExecutionId ?? ''}`],
  );
}
