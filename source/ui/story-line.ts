/** An episode's line while the fold builds it, its state, and the model it becomes. */
import type {MetricResource} from '../sim/episode-state.js';
import type {EpisodeModel, EpisodeState, EpisodeStep} from './episode-model.js';

export type Line = {
	hostId: string;
	resource: MetricResource;
	startTick: number;
	lastTick: number;
	endTick: number | null;
	cureSeconds: number | null;
	detections: number;
	cameBackSeconds: number | null;
	cooling: {intervals: number; of: number} | null;
	steps: EpisodeStep[];
	blocked: string | null;
	policyOnly: boolean;
};

function isUnderWay(step: EpisodeStep): step is Extract<EpisodeStep, {kind: 'move' | 'swap'}> {
	return (step.kind === 'move' || step.kind === 'swap') && step.status === 'under way';
}

/** The move or swap under way that `vmId` takes part in. */
export function stepOf(line: Line, vmId: string): Extract<EpisodeStep, {kind: 'move' | 'swap'}> | undefined {
	return line.steps.find((step): step is Extract<EpisodeStep, {kind: 'move' | 'swap'}> => isUnderWay(step)
		&& (step.kind === 'move' ? step.vmId === vmId : step.vmId === vmId || step.withVmIds.includes(vmId)));
}

function stateOf(line: Line): EpisodeState {
	if (line.endTick !== null) {
		return line.policyOnly ? 'resolved' : 'cured';
	}

	if (line.steps.some(step => isUnderWay(step))) {
		return 'curing';
	}

	if (line.cooling !== null && line.cooling.intervals > 0) {
		return 'cooling';
	}

	return line.steps.at(-1)?.kind === 'back' ? 'back' : 'hot';
}

export function modelOf(line: Line): EpisodeModel {
	return {
		...line,
		steps: line.steps.map(step => ({...step})),
		state: stateOf(line),
		underWay: line.steps.filter(step => isUnderWay(step)).length,
		blocked: line.endTick === null ? line.blocked : null,
	};
}
