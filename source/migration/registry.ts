import type {MigrationModel} from '../sim/strategies.js';
import type {MigrationMode} from '../sim/types.js';
import {stopAndCopy} from './stop-and-copy.js';

/** The migration models this build has. Pre-copy and post-copy arrive with the live-migration engine. */
export const migrationModels: Readonly<Partial<Record<MigrationMode, MigrationModel>>> = {
	'stop-and-copy': stopAndCopy,
};
