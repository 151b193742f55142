import type {MigrationConfig} from '../sim/types.js';

/**
Xen's pre-copy constants (Clark et al., NSDI 2005: 30 rounds at most, stop under 50 dirty pages or when
a round sends 3x the memory) and this project's post-copy ones (models.md 2): a scenario's migration
section defaults to these, and the migration comparison runs with them.
*/
export const migrationDefaults: Readonly<MigrationConfig> = {
	defaultMode: 'precopy',
	maxRateMiBps: 112.5,
	stopPages: 50,
	maxRounds: 30,
	maxFactor: 3,
	shrinkRatio: 0.9,
	resumeMs: 10,
	postcopyResumeMs: 15,
	prepaging: true,
	faultFraction: 0.21,
	faultFractionWithoutPrepaging: 0.5,
	faultRttMs: 0.2,
	vmCpuPenalty: 0.1,
	adaptive: null,
};
