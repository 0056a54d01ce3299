import { InitialRuntime1795500000000 } from './1795500000000-initial-runtime';
import { AuditHashChain1795900000000 } from './1795900000000-audit-hash-chain';

/** Every migration, in order. Listed explicitly so compiled and ts-jest runs see the same set. */
export const allMigrations = [InitialRuntime1795500000000, AuditHashChain1795900000000];
