import http from 'node:http';
import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import { Config, isProduction } from './config';
import { buildApiSchema } from './graphql/schema';
import { systemActor } from './identity/actor';
import { DevIdentityProvider } from './identity/dev-identity-provider';
import { loadRealmDirectory } from './identity/realm-directory';
import { NotificationService } from './notifications/notification.service';
import { realmPeopleDirectory } from './notifications/recipients';
import { TokenVerifier } from './identity/token-verifier';
import { logger, setLogLevel } from './observability/logger';
import { PlatformMetrics } from './observability/metrics';
import { Database, migrationsApplied, openDatabase } from './persistence/database';
import { createHttpApp } from './server/http-app';
import { BackgroundWorkers, startBackgroundWorkers } from './workflow/background-workers';
import { defaultServiceRegistry, ServiceRegistry } from './workflow/service-registry';
import { TaskHookRegistry } from './workflow/task-hooks';
import { WorkflowService } from './workflow/workflow-service';
import { BreachService } from './breach-notification/breach.service';
import { registerIncidentHooks } from './incidents/incident-task-hooks';
import { IncidentService } from './incidents/incident.service';
import { InvestigationService } from './incidents/investigation.service';
import { resolveCatalogue } from './zaaksysteem/catalogue-resolution';
import { NotificationReceiver } from './zaaksysteem/notification-receiver';
import { reconcileNewZaken } from './zaaksysteem/reconciliation';
import { ZaaksysteemDirectory } from './zaaksysteem/zaaksysteem-directory';
import { loadZgwSettings } from './zaaksysteem/zgw-config';
import { DocumentSource, registerZgwServices, ZgwServiceDependencies } from './zaaksysteem/zgw-services';
import { caseDocuments } from './zaaksysteem/case-documents';
import { checkDiagramsAgainstConfiguration } from './zaaksysteem/diagram-check';
import { dataSubjectRequestIntake } from './zaaksysteem/request-intake';
import type { ZaakIntakes } from './zaaksysteem/zaak-intake';
import type { ResponseContract, ZgwTransport } from './zaaksysteem/zgw-http';
import { DSR_PROCESS_KEY } from './dsr/dsr-process';
import { DataSubjectRequestService } from './dsr/data-subject-request.service';
import { registerDsrHooks } from './dsr/dsr-task-hooks';
import { LetterRenderer } from './dsr/letters/letter-renderer';
import { registerDpiaHooks } from './dpia/dpia-task-hooks';
import { DpiaReportRenderer } from './dpia/dpia-report';
import { DpiaService } from './dpia/dpia.service';
import { DataProtectionService } from './data-protection/data-protection.service';
import { readWorkloadStatistics } from './workflow/workload-statistics';

export interface Platform {
  config: Config;
  database: Database;
  workflow: WorkflowService;
  /** Retention timer, export and erasure of personal data (tests drive the timer round directly). */
  dataProtection: DataProtectionService;
  /** The resolved zaaksysteem configuration, when ZGW_CONFIG_FILE is set. */
  zaaksysteem?: ZaaksysteemDirectory;
  /** How zaken from the zaaksysteem become cases (notifications and reconciliation use them). */
  zaakIntakes: ZaakIntakes;
  metrics: PlatformMetrics;
  server: http.Server;
  /** Base URL the server listens on, e.g. http://127.0.0.1:4000. */
  url: string;
  /** Present when no KEYCLOAK_URL is configured (development only). */
  devIdentity?: DevIdentityProvider;
  close(): Promise<void>;
}

export interface PlatformOptions {
  services?: ServiceRegistry;
  /** Skip the timer poller and outbox relay (tests that drive them by hand). */
  withoutWorkers?: boolean;
  /** Documents the zgw.document-toevoegen service task attaches to a zaak. @default the case's own documents (case-documents.ts) */
  zgwDocuments?: DocumentSource;
  /** Checks every response of the zaaksysteem against its OpenAPI specification (the contract tests install one). */
  zgwContract?: ResponseContract;
}

/** The zaaksysteem integration, when ZGW_CONFIG_FILE names a configuration: checked against the catalogue at start. */
async function openZaaksysteem(config: Config, transport: ZgwTransport): Promise<ZaaksysteemDirectory | undefined> {
  if (!config.zgwConfigFile) return undefined;
  const settings = loadZgwSettings(config.zgwConfigFile);
  return new ZaaksysteemDirectory(settings, await resolveCatalogue(settings, transport), transport);
}

/** The municipalities a timer start event starts a case for: TENANTS, or those of the realm export. */
function servedTenants(config: Config): string[] {
  if (config.tenants.length) return config.tenants;
  return [...new Set(loadRealmDirectory().users.flatMap((u) => u.tenants))].sort();
}

/** The largest request body: a diagram twice over, or an evidence file in base64 (4/3 of its size) with room for the rest. */
function requestBodyLimit(config: Config): number {
  return Math.max(config.maxDiagramBytes * 2, Math.ceil((config.evidenceMaxBytes * 4) / 3) + 64 * 1024);
}

/**
 * The composition root: database and migrations, diagrams from bpmn/, identity, GraphQL over
 * HTTP, and the background workers — in that order, torn down in reverse by close().
 */
export async function startPlatform(config: Config, options: PlatformOptions = {}): Promise<Platform> {
  setLogLevel(config.logLevel);
  const production = isProduction(config);
  const database = await openDatabase(config);
  let dpia: DpiaService | undefined;
  const zgwTransport: ZgwTransport = { contract: options.zgwContract, timeoutMs: config.zgwRequestTimeoutMs };
  const zaaksysteem = await openZaaksysteem(config, zgwTransport).catch(async (err) => {
    await database.close();
    throw err;
  });
  // Without a zaaksysteem (or for a municipality or process not in its file) the zgw.* steps are skipped, recorded as such.
  const zgw: ZgwServiceDependencies = { directory: () => zaaksysteem, documents: () => options.zgwDocuments ?? caseDocuments };
  const people = realmPeopleDirectory(() => loadRealmDirectory());
  const mail = config.smtpUrl ? { smtpUrl: config.smtpUrl, from: config.mailFrom, publicUrl: () => config.publicUrl ?? url } : undefined;
  const services = options.services
    ? registerZgwServices(options.services, zgw)
    : defaultServiceRegistry({ dpia: () => dpia, zaaksysteem: zgw, notifications: { directory: people, mail } });
  const withIncidentsAndRequests = registerDsrHooks(registerIncidentHooks(new TaskHookRegistry(), config), new LetterRenderer(config.dsrTemplateDir));
  const taskHooks = registerDpiaHooks(withIncidentsAndRequests, config, new DpiaReportRenderer(config.dpiaTemplateDir));
  const workflow = new WorkflowService(database.dataSource, services, config, taskHooks);
  const domain = {
    workflow,
    incidents: new IncidentService(database.dataSource, workflow),
    investigation: new InvestigationService(database.dataSource, { evidenceMaxBytes: config.evidenceMaxBytes }),
    breaches: new BreachService(database.dataSource),
    dataSubjectRequests: new DataSubjectRequestService(database.dataSource, workflow),
    dpia: (dpia = new DpiaService(database.dataSource, workflow)),
    dataProtection: new DataProtectionService(database.dataSource, config),
    notifications: new NotificationService(database.dataSource),
  };
  const deployed = await workflow.deployDirectory(config.bpmnDir, systemActor('deployment'));
  logger.info('diagrams deployed', { diagrams: deployed.map((d) => `${d.definition.processKey}@${d.definition.version}${d.created ? ' (new)' : ''}`) });
  if (zaaksysteem) {
    const latest = new Map((await workflow.definitions()).map((d) => [d.processKey, d.model]));
    try {
      checkDiagramsAgainstConfiguration(zaaksysteem, (key) => latest.get(key));
    } catch (err) {
      await database.close();
      throw err;
    }
  }
  const zaakIntakes: ZaakIntakes = { workflow, byProcess: { [DSR_PROCESS_KEY]: dataSubjectRequestIntake(() => domain.dataSubjectRequests) } };

  const metrics = new PlatformMetrics(() => readWorkloadStatistics(database.dataSource));
  const server = http.createServer();
  let url = '';
  let devIdentity: DevIdentityProvider | undefined;
  if (!config.keycloakUrl) {
    devIdentity = await DevIdentityProvider.create({
      directory: loadRealmDirectory(),
      baseUrl: () => config.publicUrl ?? url,
      password: config.devIdentityPassword,
      audience: config.apiClientId,
      production,
    });
    logger.warn('DEVELOPMENT IDENTITY PROVIDER ACTIVE: demo users log in with one shared password. Set KEYCLOAK_URL for real use.');
  }
  let verifier: TokenVerifier | undefined;
  const identityServerUrl = () => config.keycloakUrl ?? config.publicUrl ?? url;

  const { app, apollo } = await createHttpApp({
    schema: await buildApiSchema(),
    services: domain,
    production,
    authenticate: (authorization) => {
      verifier ??= new TokenVerifier({
        serverUrl: identityServerUrl(),
        realm: config.keycloakRealm,
        audience: config.apiClientId,
        jwksMaxAgeSeconds: config.jwksMaxAgeSeconds,
      });
      return verifier.verify(authorization);
    },
    readiness: {
      database: async () => (await database.dataSource.query('SELECT 1 AS ok'))[0]?.ok === 1,
      migrations: async () => migrationsApplied(database.dataSource),
      identityProviderKeys: async () => {
        const res = await fetch(`${identityServerUrl()}/realms/${config.keycloakRealm}/protocol/openid-connect/certs`, {
          signal: AbortSignal.timeout(3000),
        });
        const keys = res.ok ? ((await res.json()) as { keys?: unknown[] }).keys : undefined;
        return Array.isArray(keys) && keys.length > 0;
      },
    },
    metrics,
    metricsToken: config.metricsToken,
    extraRouters: [
      ...(devIdentity ? [devIdentity.router()] : []),
      ...(zaaksysteem ? [new NotificationReceiver(database.dataSource, workflow, zaaksysteem, zaakIntakes).router()] : []),
    ],
    bodyLimit: `${Math.ceil(requestBodyLimit(config) / 1024)}kb`,
    trustProxy: config.trustProxy,
    limits: {
      maxDepth: config.graphqlMaxDepth,
      maxAliases: config.graphqlMaxAliases,
      maxCost: config.graphqlMaxCost,
      maxBatch: config.graphqlMaxBatch,
      rateLimitPerMinute: config.rateLimitPerMinute,
    },
  });
  server.on('request', app);
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address() as AddressInfo;
  url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${address.port}`;

  const tenants = servedTenants(config);
  const workers: BackgroundWorkers | undefined = options.withoutWorkers
    ? undefined
    : startBackgroundWorkers(workflow, {
        timerPollMs: config.timerPollMs,
        outboxPollMs: config.outboxPollMs,
        tenants,
        extraRounds: [
          { name: 'retention timer', intervalMs: config.retentionPollMs, round: () => domain.dataProtection.removeDueCaseData() },
          ...(zaaksysteem
            ? [{
                name: 'zaaksysteem reconciliation',
                intervalMs: config.zgwReconcileIntervalMs,
                round: () => reconcileNewZaken(database.dataSource, zaakIntakes, zaaksysteem, config.zgwReconcileLookbackDays),
              }]
            : []),
        ],
        onTimerFired: (lateness) => metrics.observeTimerFired(lateness),
      });
  logger.info('privacyflow ready', { url: `${url}/graphql`, database: database.kind, tenants });

  return {
    config,
    database,
    workflow,
    dataProtection: domain.dataProtection,
    zaaksysteem,
    zaakIntakes,
    metrics,
    server,
    get url() {
      return url;
    },
    devIdentity,
    async close() {
      await workers?.stop();
      await apollo.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
