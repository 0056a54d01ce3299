// bpmn-moddle ships no type declarations; we use fromXML (and toXML in the diagram round-trip test).
declare module 'bpmn-moddle' {
  export default class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<{ rootElement: any; references: any[]; warnings: any[]; elementsById: Record<string, any> }>;
    toXML(element: unknown, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}
