import path from 'node:path';
import { Duration } from 'luxon';

/**
 * All configuration comes from environment variables; every default is documented in the README.
 * Read once at start; nothing else reads process.env.
 */
export interface Config {
  nodeEnv: string;
  port: number;
  host: string;
  /** postgres://… to use a real PostgreSQL; empty = embedded PGlite under dataDir. */
  databaseUrl?: string;
  dataDir: string;
  databasePoolSize: number;
  bpmnDir: string;
  /** Largest accepted BPMN document, in bytes. */
  maxDiagramBytes: number;
  /** Timer poller interval in ms. */
  timerPollMs: number;
  outboxPollMs: number;
  /** Upper bound for one engine step (recover → act → settle), in ms. */
  engineStepTimeoutMs: number;
  /**
   * Municipalities (tenant ids) the platform serves: a timer start event starts one case for each.
   * Empty = the municipalities of keycloak/realm-export.json.
   */
  tenants: string[];
  keycloakUrl?: string;
  /** URL clients use to reach this server; the development identity provider's issuer. */
  publicUrl?: string;
  keycloakRealm: string;
  /** Audience (client id) that access tokens must carry. */
  apiClientId: string;
  /** Seconds after which the realm's signing keys are fetched again (a removed key stops verifying). */
  jwksMaxAgeSeconds: number;
  /** Development identity provider password for demo users (never in production). */
  devIdentityPassword: string;
  logLevel: string;
  /** ISO 8601 duration from closing an incident to its evaluation (BLNP step 38: 2–6 weeks). */
  incidentEvaluationDelay: string;
  /** ISO 8601 duration an archived incident file is kept before it is destroyed (step 41). */
  incidentRetentionPeriod: string;
  /** ISO 8601 duration a data-subject request's personal data are kept after its case ended. */
  dsrRetentionPeriod: string;
  /** ISO 8601 duration the personal data of a case of a process without caseType are kept after it ended. */
  caseRetentionPeriod: string;
  /** How often cases whose retention period has passed are looked for, in ms. */
  retentionPollMs: number;
  /**
   * Secret for the keyed hashes that link audit pseudonyms to people (person_pseudonym). Empty =
   * a random key per municipality kept in the database; set it so a copy of the database alone
   * cannot test guessed BSNs against the mapping.
   */
  pseudonymKey?: string;
  /** JSON file with the municipalities' zaaksysteem (ZGW API) settings; empty = no zaaksysteem integration. */
  zgwConfigFile?: string;
  /** How often the Zaken API is polled for new zaken whose notification was lost, in ms. */
  zgwReconcileIntervalMs: number;
  /** How many days back that poll looks (by startdatum). */
  zgwReconcileLookbackDays: number;
  /** Longest wait for one answer of the zaaksysteem before the call counts as failed (and is retried). */
  zgwRequestTimeoutMs: number;
  /** Folder with the letter templates of data-subject requests (acknowledgement, repair, extension, decision, withdrawal .md). */
  dsrTemplateDir: string;
  /** Folder with the DPIA report template (report.md). */
  dpiaTemplateDir: string;
  /** Largest evidence file accepted by uploadEvidence, in bytes. */
  evidenceMaxBytes: number;
  /** ISO 8601 duration from updating the verwerkingsregister to the processing's re-assessment (BLNP: four years). */
  dpiaReassessmentInterval: string;
  /**
   * Express 'trust proxy': false (default) records the socket's address as the client address;
   * a hop count or a list of proxy addresses/subnets believes their X-Forwarded-For.
   */
  trustProxy: boolean | number | string;
  /** Deepest selection nesting a GraphQL operation may have. */
  graphqlMaxDepth: number;
  /** Most aliases in one GraphQL document. */
  graphqlMaxAliases: number;
  /** Highest estimated cost of one operation (1 per field, lists times their page size). */
  graphqlMaxCost: number;
  /** Most operations in one batched HTTP request (1 = batching off). */
  graphqlMaxBatch: number;
  /** Requests per person per minute, per server process. */
  rateLimitPerMinute: number;
  /** Bearer token Prometheus must send to /metrics; empty = /metrics is open (restrict it at the proxy). */
  metricsToken?: string;
  /** OTLP/HTTP collector base URL for traces (OTEL_EXPORTER_OTLP_ENDPOINT); empty = no tracing. */
  otlpEndpoint?: string;
  /** SMTP server for notification e-mail (smtp://user:pass@host:port, smtps://…); empty = notifications in the application only. */
  smtpUrl?: string;
  /** Sender address of notification e-mail. */
  mailFrom: string;
}

function durationFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!Duration.fromISO(raw).isValid) throw new Error(`${name} must be an ISO 8601 duration such as P14D, got "${raw}"`);
  return raw;
}

function trustProxyFromEnv(raw: string | undefined): boolean | number | string {
  if (raw === undefined || raw === '' || raw === 'false') return false;
  if (raw === 'true') return true;
  return /^\d+$/.test(raw) ? Number(raw) : raw;
}

function pseudonymKeyFromEnv(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (raw.length < 32) throw new Error('PSEUDONYM_KEY must be at least 32 characters (a random secret)');
  return raw;
}

function smtpUrlFromEnv(raw: string | undefined): string | undefined {
  if (raw === undefined || raw === '') return undefined;
  if (!/^smtps?:\/\/[^/]+/.test(raw)) throw new Error('SMTP_URL must be an smtp:// or smtps:// URL');
  return raw;
}

function intFromEnv(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const cwd = process.cwd();
  return {
    nodeEnv: env.NODE_ENV ?? 'development',
    port: intFromEnv(env, 'PORT', 4000),
    host: env.HOST ?? '0.0.0.0',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(cwd, env.DATA_DIR ?? 'data'),
    databasePoolSize: intFromEnv(env, 'DATABASE_POOL_SIZE', 10),
    bpmnDir: path.resolve(cwd, env.BPMN_DIR ?? 'bpmn'),
    maxDiagramBytes: intFromEnv(env, 'MAX_DIAGRAM_BYTES', 1024 * 1024),
    timerPollMs: intFromEnv(env, 'TIMER_POLL_MS', 1000),
    outboxPollMs: intFromEnv(env, 'OUTBOX_POLL_MS', 1000),
    engineStepTimeoutMs: intFromEnv(env, 'ENGINE_STEP_TIMEOUT_MS', 10000),
    tenants: (env.TENANTS ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    keycloakUrl: env.KEYCLOAK_URL || undefined,
    publicUrl: env.PUBLIC_URL || undefined,
    keycloakRealm: env.KEYCLOAK_REALM ?? 'privacyflow',
    apiClientId: env.KEYCLOAK_API_CLIENT_ID ?? 'privacyflow-api',
    jwksMaxAgeSeconds: intFromEnv(env, 'KEYCLOAK_JWKS_MAX_AGE_SECONDS', 300),
    devIdentityPassword: env.DEV_IDENTITY_PASSWORD ?? 'demo',
    logLevel: env.LOG_LEVEL ?? 'info',
    incidentEvaluationDelay: durationFromEnv(env, 'INCIDENT_EVALUATION_DELAY', 'P14D'),
    incidentRetentionPeriod: durationFromEnv(env, 'INCIDENT_RETENTION_PERIOD', 'P5Y'),
    dsrRetentionPeriod: durationFromEnv(env, 'DSR_RETENTION_PERIOD', 'P1Y'),
    caseRetentionPeriod: durationFromEnv(env, 'CASE_RETENTION_PERIOD', 'P1Y'),
    retentionPollMs: intFromEnv(env, 'RETENTION_POLL_MS', 60_000),
    pseudonymKey: pseudonymKeyFromEnv(env.PSEUDONYM_KEY),
    zgwConfigFile: env.ZGW_CONFIG_FILE ? path.resolve(cwd, env.ZGW_CONFIG_FILE) : undefined,
    zgwReconcileIntervalMs: intFromEnv(env, 'ZGW_RECONCILE_INTERVAL_MS', 900_000),
    zgwReconcileLookbackDays: intFromEnv(env, 'ZGW_RECONCILE_LOOKBACK_DAYS', 7),
    zgwRequestTimeoutMs: intFromEnv(env, 'ZGW_REQUEST_TIMEOUT_MS', 30_000),
    dsrTemplateDir: path.resolve(cwd, env.DSR_TEMPLATE_DIR ?? 'templates/dsr'),
    dpiaTemplateDir: path.resolve(cwd, env.DPIA_TEMPLATE_DIR ?? 'templates/dpia'),
    evidenceMaxBytes: Math.max(1, intFromEnv(env, 'EVIDENCE_MAX_BYTES', 5 * 1024 * 1024)),
    dpiaReassessmentInterval: durationFromEnv(env, 'DPIA_REASSESSMENT_INTERVAL', 'P4Y'),
    trustProxy: trustProxyFromEnv(env.TRUST_PROXY),
    graphqlMaxDepth: intFromEnv(env, 'GRAPHQL_MAX_DEPTH', 8),
    graphqlMaxAliases: intFromEnv(env, 'GRAPHQL_MAX_ALIASES', 15),
    graphqlMaxCost: intFromEnv(env, 'GRAPHQL_MAX_COST', 5000),
    graphqlMaxBatch: Math.max(1, intFromEnv(env, 'GRAPHQL_MAX_BATCH', 5)),
    rateLimitPerMinute: Math.max(1, intFromEnv(env, 'RATE_LIMIT_PER_MINUTE', 600)),
    metricsToken: env.METRICS_TOKEN || undefined,
    otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined,
    smtpUrl: smtpUrlFromEnv(env.SMTP_URL),
    mailFrom: env.MAIL_FROM || 'privacyflow@localhost',
  };
}

export function isProduction(config: Config): boolean {
  return config.nodeEnv === 'production';
}
