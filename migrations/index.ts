import { InitialRuntime1795500000000 } from './1795500000000-initial-runtime';
import { TaskSeparationOfDuties1795600000000 } from './1795600000000-task-separation-of-duties';

/** Every migration, in order. Listed explicitly so compiled and ts-jest runs see the same set. */
export const allMigrations = [InitialRuntime1795500000000, TaskSeparationOfDuties1795600000000];
