import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { Actor } from '../identity/actor';
import { canDeploy, DEPLOYER_ROLES, roleUsedAmong } from '../identity/access-policy';
import { ProcessDefinitionEntity } from '../persistence/entities';
import { appendAudit } from '../workflow/audit-trail';
import { scheduleTimerStart } from '../workflow/timer-start-firing';
import { WorkflowError, WorkflowErrorCode } from '../workflow/workflow-error';
import type { DiagramProblem } from './deployment-error';
import { validateDiagram } from './diagram-validator';

export interface DeploymentResult {
  definition: ProcessDefinitionEntity;
  /** false when identical XML was deployed before: the existing version is returned. */
  created: boolean;
  /** bpmnlint findings at level warn; the diagram was deployed anyway. */
  warnings: DiagramProblem[];
}

export interface DeploymentOptions {
  knownServices: ReadonlySet<string>;
  maxDiagramBytes: number;
}

/** Definitions are global (shared by all municipalities); audit entries record tenant "*". */
const ALL_TENANTS = '*';

/**
 * Validates and stores a diagram. Same XML → same version; changed XML → next version.
 * Running instances keep the version they started on (instances reference a definition row).
 */
export async function deployProcess(
  dataSource: DataSource,
  options: DeploymentOptions,
  xml: string,
  name: string,
  actor: Actor,
): Promise<DeploymentResult> {
  if (!canDeploy(actor)) throw new WorkflowError(WorkflowErrorCode.FORBIDDEN, 'you may not deploy diagrams');
  const { model, warnings } = await validateDiagram(xml, { knownServices: options.knownServices, maxBytes: options.maxDiagramBytes });
  const sha = createHash('sha256').update(xml).digest('hex');

  return dataSource.transaction(async (em) => {
    // Serialise deployments of one key so two deployers never take the same version number.
    await em.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`deploy:${model.processKey}`]);
    const same = await em.findOne(ProcessDefinitionEntity, { where: { processKey: model.processKey, xmlSha256: sha } });
    if (same) return { definition: same, created: false, warnings };
    const { max } = (await em
      .createQueryBuilder(ProcessDefinitionEntity, 'd')
      .select('MAX(d.version)', 'max')
      .where('d.processKey = :key', { key: model.processKey })
      .getRawOne()) ?? { max: null };
    const definition = em.create(ProcessDefinitionEntity, {
      id: randomUUID(),
      processKey: model.processKey,
      name: name || model.processName,
      version: (max ?? 0) + 1,
      xml,
      xmlSha256: sha,
      model,
      deployedBy: actor.userId,
    });
    await em.insert(ProcessDefinitionEntity, definition);
    await scheduleTimerStart(em, definition);
    await appendAudit(em, actor, {
      tenantId: ALL_TENANTS,
      action: 'process.deployed',
      roleUsed: roleUsedAmong(actor, DEPLOYER_ROLES),
      details: { processKey: model.processKey, version: definition.version, sha256: sha },
    });
    return { definition, created: true, warnings };
  });
}

/** Deploys every *.bpmn file of a directory (at start). A rejected bundled diagram stops the start. */
export async function deployDirectory(
  dataSource: DataSource,
  options: DeploymentOptions,
  dir: string,
  actor: Actor,
): Promise<DeploymentResult[]> {
  let files: string[];
  try {
    files = (await fs.readdir(dir)).filter((f) => f.endsWith('.bpmn')).sort();
  } catch {
    return [];
  }
  const results: DeploymentResult[] = [];
  for (const file of files) {
    const xml = await fs.readFile(path.join(dir, file), 'utf8');
    results.push(await deployProcess(dataSource, options, xml, path.basename(file, '.bpmn'), actor));
  }
  return results;
}
