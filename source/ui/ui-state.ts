/**
The dashboard's own state (what is selected, which view, pickers, pause and speed), and what a key
is given and gives back (./reduce-key.ts says what each key does to it).
*/
import type {Strategies} from '../sim/strategies.js';
import type {
	Command, LoadTarget, MigrationMode, World,
} from '../sim/types.js';

export type View = 'hosts' | 'vms' | 'migrations' | 'network';

export type LoadPicker = {kind: 'load'; target: LoadTarget; label: string; resourceIndex: number; amountIndex: number};
export type MigratePicker = {kind: 'migrate'; vmId: string; from: string; destinationIndex: number; mode: MigrationMode};
export type Picker = LoadPicker | MigratePicker;

export type UiState = {
	view: View;
	/** Index into world.hosts. */
	hostIndex: number;
	/** Index into the selected host's VMs. */
	vmIndex: number;
	migrationIndex: number;
	picker: Picker | null;
	help: boolean;
	/** The session's pause and speed as this view last saw them (the app sets both from its snapshot); a key asks the session to change them. */
	paused: boolean;
	speed: number;
	/** A short message for the status line: why a key did nothing, what it started. */
	note: string | null;
	/**
	The policy the last P asked for, and the tick it asked at: commands apply when the next tick runs, so
	until then (paused, or keys typed faster than ticks) the next P cycles on from it, not from the world's.
	*/
	policyAsked: {policy: string; tick: number} | null;
};

export const initialUiState: UiState = {
	view: 'hosts',
	hostIndex: 0,
	vmIndex: 0,
	migrationIndex: 0,
	picker: null,
	help: false,
	paused: false,
	speed: 1,
	note: null,
	policyAsked: null,
};

export type KeyContextData = {
	world: World;
	strategies: Strategies;
	policyNames: readonly string[];
};

/** What a key asks of the session (its clock, a step, a restart) or of the view (to quit), beyond commands for the world. */
export type KeyEffect
	= | {kind: 'quit'}
		| {kind: 'pause'}
		| {kind: 'resume'}
		| {kind: 'speed'; speed: number}
	/** Run one tick now (`.` while paused). */
		| {kind: 'step'}
		| {kind: 'restart'};

export type KeyResult = {
	state: UiState;
	commands: Command[];
	effect?: KeyEffect;
};
