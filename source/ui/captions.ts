/**
Captions of a walkthrough (`--demo`): the script's own captions while they last, otherwise a short
narration of the latest telling event ("Sandpiper detects a hotspot on h03", "Pre-copy round 3 of
vm07"), so the status line always says what the audience is looking at.
*/
import {migrationModeNames} from '../sim/migration-modes.js';
import type {SimEvent} from '../sim/types.js';

/** A walkthrough's script (a scenario's `demo` section). */
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export type Demo = {endTick: number; speed: number; captions: ReadonlyArray<{tick: number; text: string; ticks: number}>};

/** A caption for an event worth narrating, or undefined. */
export function narrate(event: SimEvent): string | undefined {
	if (event.type === 'hotspotDetected') {
		return `Sandpiper detects a ${event.resource === 'cpu' ? 'CPU' : event.resource} hotspot on ${event.hostId}`;
	}

	if (event.type === 'migrationPlanned') {
		return `Sandpiper moves ${event.vmId} from ${event.from} to ${event.to}`;
	}

	if (event.type === 'migrationRound') {
		return `Pre-copy round ${event.round} of ${event.vmId}: ${Math.round(event.dataMiB)} MiB`;
	}

	if (event.type === 'migrationStarted') {
		return `${capitalised(migrationModeNames[event.mode])} of ${event.vmId}: ${event.from} -> ${event.to}`;
	}

	if (event.type === 'migrationCompleted') {
		return `${event.vmId} now runs on ${event.to}, down for ${event.downtimeSeconds < 1 ? `${Math.round(event.downtimeSeconds * 1000)} ms` : `${event.downtimeSeconds.toFixed(1)} s`}`;
	}

	if (event.type === 'hotspotResolved') {
		return `Hotspot on ${event.hostId} resolved after ${event.durationSeconds} s`;
	}

	if (event.type === 'vmLost') {
		return `${event.vmId} is lost: ${event.reason}`;
	}

	if (event.type === 'vmRestartedFromSnapshot') {
		return `${event.vmId} restarts on ${event.to} from its snapshot, ${event.lostSeconds} s of work lost`;
	}

	if (event.type === 'hostFailed') {
		return `${event.hostId} fails`;
	}

	if (event.type === 'vmNetworkMoved' && event.effect.kind === 'readdressed') {
		return `${event.vmId} changed subnet: ${event.effect.fromIp} -> ${event.effect.toIp}, ${event.effect.connectionsDropped} connections dropped`;
	}

	return undefined;
}

/** What the status line says at `tick`: a scripted caption in force, else the latest narrated event of the last few ticks. */
export function captionAt(demo: Demo, tick: number, events: readonly SimEvent[]): string | undefined {
	const scripted = demo.captions.findLast(caption => caption.tick <= tick && tick < caption.tick + caption.ticks);
	if (scripted) {
		return scripted.text;
	}

	for (let index = events.length - 1; index >= 0; index--) {
		const event = events[index]!;
		if (event.tick < tick - 8) {
			break;
		}

		const text = narrate(event);
		if (text !== undefined) {
			return text;
		}
	}

	return undefined;
}
