/** Where a person's request came from; recorded in every audit entry it causes. */
export interface RequestOrigin {
  /** Client IP address as Express sees it (behind a proxy only with TRUST_PROXY set). */
  clientAddress: string | null;
  /** The request id, also in every log line of the request and the X-Request-Id response header. */
  requestId: string;
}

/** Who performs a command: a person (from a verified token) or the platform itself. */
export interface Actor {
  kind: 'user' | 'system';
  /**
   * The username (token `preferred_username`), or `system:<component>`. Diagrams name people
   * by username (camunda:assignee, camunda:candidateUsers), so tasks and audit use it too.
   */
  userId: string;
  /** Token `sub`: the identity provider's immutable id of the person. */
  subject: string;
  displayName?: string;
  /** Realm roles; candidate groups in diagrams are role names. */
  roles: string[];
  /** Municipalities (tenant ids) this actor works for. */
  tenants: string[];
  /** Set for requests over HTTP; absent for the platform's own work (timers, deployment at start). */
  origin?: RequestOrigin;
}

export function systemActor(component: string): Actor {
  return { kind: 'system', userId: `system:${component}`, subject: `system:${component}`, roles: [], tenants: [] };
}
