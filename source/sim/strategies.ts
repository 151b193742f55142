/**
The function types the core consumes. Policies and migration models plug in here; the core never
imports them, so a new policy or model is a new file and a registry entry, never an `if` in `step`.
*/
import type {
	Command, Migration, MigrationMode, SimEvent, World,
} from './types.js';

/** Why a policy left a hot host as it is (`no host has 768 MiB free under the CPU threshold`). */
export type PlanRejection = {hostId: string; reason: string};

/** A policy's answer for one monitoring interval. It never mutates the world. */
export type PolicyDecision = {
	commands: Command[];
	rejections: PlanRejection[];
	/** Detection events (hotspotDetected, ...) the policy wants in the log. */
	events: SimEvent[];
	/** The policy's next private state (JSON-safe). */
	state: unknown;
};

export type Policy = {
	name: string;
	description: string;
	initialState(world: World): unknown;
	decide(world: World, state: unknown): PolicyDecision;
};

export type MigrationAdvance = {
	migration: Migration;
	/** The VM now runs on the destination. */
	finished: boolean;
};

export type MigrationModel = {
	mode: MigrationMode;
	/** Whether the VM is paused while this migration is in its current phase. */
	vmPaused(migration: Migration): boolean;
	/** Moves a migration on by one tick at the rate its links granted. */
	advance(migration: Migration, rateMiBps: number, tickSeconds: number): MigrationAdvance;
};

export type Strategies = {
	policies: Readonly<Record<string, Policy>>;
	migrationModels: Readonly<Partial<Record<MigrationMode, MigrationModel>>>;
};
