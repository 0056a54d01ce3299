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
}

export function systemActor(component: string): Actor {
  return { kind: 'system', userId: `system:${component}`, subject: `system:${component}`, roles: [], tenants: [] };
}
