import type {MigrationModel} from '../sim/strategies.js';
import type {MigrationMode} from '../sim/types.js';
import {cloudsimMigration} from './cloudsim.js';
import {postcopy} from './postcopy.js';
import {precopy} from './precopy.js';
import {stopAndCopy} from './stop-and-copy.js';

/** The migration models, by mode. */
export const migrationModels: Readonly<Record<MigrationMode, MigrationModel>> = {
	precopy,
	postcopy,
	'stop-and-copy': stopAndCopy,
	cloudsim: cloudsimMigration,
};
