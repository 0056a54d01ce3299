import { InitialRuntime1795500000000 } from './1795500000000-initial-runtime';
import { IncidentsAndBreaches1795800000000 } from './1795800000000-incidents-and-breaches';
import { IncidentLogbookHoursEvidence1795800000001 } from './1795800000001-incident-logbook-hours-evidence';
import { ImprovementMeasures1795800000002 } from './1795800000002-improvement-measures';
import { EvidenceDestroyable1795800000003 } from './1795800000003-evidence-destroyable';

/** Every migration, in order. Listed explicitly so compiled and ts-jest runs see the same set. */
export const allMigrations = [InitialRuntime1795500000000, IncidentsAndBreaches1795800000000, IncidentLogbookHoursEvidence1795800000001, ImprovementMeasures1795800000002, EvidenceDestroyable1795800000003];
