import type {MigrationMode} from './types.js';

/** Each migration mode as a person reads it, for messages, pickers and captions. */
export const migrationModeNames: Readonly<Record<MigrationMode, string>> = {
	precopy: 'pre-copy',
	postcopy: 'post-copy',
	'stop-and-copy': 'stop-and-copy',
	cloudsim: 'CloudSim-style',
};
