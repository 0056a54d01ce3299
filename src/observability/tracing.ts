import type { ApolloServerPlugin } from '@apollo/server';
import { Attributes, Span, SpanStatusCode, trace } from '@opentelemetry/api';
import { Kind } from 'graphql';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { BatchSpanProcessor, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/**
 * OpenTelemetry tracing of a command: the GraphQL operation, the database transaction, the engine
 * step, the audit append. Spans carry ids, keys and codes only, never case data. Without an OTLP
 * endpoint the API is a no-op and costs nothing.
 */
export const tracer = trace.getTracer('privacyflow');

/** Runs `work` in a child span of the active one; a thrown error marks the span with its class and code. */
export function inSpan<T>(name: string, attributes: Attributes, work: (span: Span) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(name, { attributes }, async (span) => {
    try {
      return await work(span);
    } catch (err) {
      // The message may quote input; the class and code say enough.
      const code = (err as { code?: unknown }).code;
      span.setStatus({ code: SpanStatusCode.ERROR, message: `${(err as Error)?.name ?? 'Error'}${typeof code === 'string' ? `: ${code}` : ''}` });
      throw err;
    } finally {
      span.end();
    }
  });
}

export interface Tracing {
  shutdown(): Promise<void>;
}

/**
 * Exports spans over OTLP/HTTP to `endpoint` (e.g. http://otel-collector:4318). The service name
 * comes from OTEL_SERVICE_NAME, read by the SDK. Registers the async-context manager, so spans
 * started while serving a request become its children.
 */
export function startTracing(endpoint: string | undefined): Tracing | undefined {
  if (!endpoint) return undefined;
  const provider = new NodeTracerProvider({
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/$/, '')}/v1/traces` }))],
  });
  provider.register();
  return { shutdown: () => provider.shutdown() };
}

/**
 * Express middleware: one span per GraphQL request, active while the request is served, so the
 * transaction and engine spans of its command become children. Mount after body parsing (its
 * stream callbacks run outside the request's async context).
 */
export function graphqlRequestSpan(req: { method: string }, res: { statusCode: number; on(event: 'finish', cb: () => void): unknown }, next: () => void): void {
  tracer.startActiveSpan('graphql', { attributes: { 'http.request.method': req.method } }, (span) => {
    res.on('finish', () => {
      span.setAttribute('http.response.status_code', res.statusCode);
      if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    next();
  });
}

/** Apollo plugin: names the request's span after the operation's root field (`graphql completeTask`). */
export const graphqlSpanNamePlugin: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation }) {
        const span = trace.getActiveSpan();
        if (!span || !operation) return;
        const fields = operation.selectionSet.selections.flatMap((s) => (s.kind === Kind.FIELD ? [s.name.value] : []));
        span.updateName(`graphql ${fields.length === 1 ? fields[0] : operation.operation}`);
        span.setAttribute('graphql.operation.type', operation.operation);
      },
    };
  },
};
