export enum DeploymentErrorCode {
  DIAGRAM_REJECTED = 'DIAGRAM_REJECTED',
}

export interface DiagramProblem {
  /** Stable kebab-case rule id, e.g. `xml-doctype`, `script-task`. */
  rule: string;
  elementId?: string;
  message: string;
}

/** A diagram refused at deployment; lists every problem found. Nothing was stored. */
export class DiagramRejectedError extends Error {
  readonly code = DeploymentErrorCode.DIAGRAM_REJECTED;

  constructor(readonly problems: DiagramProblem[]) {
    super(`the diagram was refused: ${problems.map((p) => p.message).join('; ')}`);
    this.name = 'DiagramRejectedError';
  }
}
