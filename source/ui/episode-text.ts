/** An episode told in words: its state, its steps, the policy's note, its head. */
import type {MetricResource} from '../sim/episode-state.js';
import type {EpisodeModel, EpisodeStep} from './episode-model.js';

export const resourceLabels: Readonly<Record<MetricResource, string>> = {
	cpu: 'CPU', network: 'NET', disk: 'DSK', swap: 'SWAP', memory: 'MEM',
};

function plural(count: number, word: string): string {
	return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** `HOT`, `curing: 2 moves under way`, `cured in 15 s`, ... */
export function stateText(episode: EpisodeModel): string {
	switch (episode.state) {
		case 'hot': {
			return 'HOT';
		}

		case 'curing': {
			return `curing: ${plural(episode.underWay, 'move')} under way`;
		}

		case 'cooling': {
			return `cooling ${episode.cooling?.intervals ?? 0}/${episode.cooling?.of ?? 0}`;
		}

		case 'back': {
			return `came back after ${episode.cameBackSeconds ?? 0} s`;
		}

		case 'cured': {
			return `cured in ${episode.cureSeconds ?? 0} s${episode.detections > 1 ? ` (${episode.detections} detections)` : ''}`;
		}

		case 'resolved': {
			return `resolved in ${episode.cureSeconds ?? 0} s`;
		}
	}
}

function stepText(step: EpisodeStep): string {
	switch (step.kind) {
		case 'move': {
			const move = `${step.vmId}>${step.to}`;
			return step.status === 'done' ? `moved ${move}` : (step.status === 'failed' ? `${move} failed` : `moving ${move}`);
		}

		case 'swap': {
			const swap = `${step.vmId}<>${step.withVmIds.join('+')}`;
			return step.status === 'done' ? `swapped ${swap}` : (step.status === 'failed' ? `swap ${swap} failed` : `swapping ${swap}`);
		}

		case 'resize': {
			return `${step.vmId} ${Math.round(step.fromMiB)}>${Math.round(step.toMiB)} MiB`;
		}

		case 'cured': {
			return `cured in ${step.seconds} s`;
		}

		case 'back': {
			return `back after ${step.seconds} s`;
		}
	}
}

/**
What happened, oldest first, to show after the state: `moved vm20>h15`, `cured in 15 s`, `back after 60 s`.
A come-back the state already says is not repeated.
*/
export function storyParts(episode: EpisodeModel): string[] {
	const steps = episode.state === 'back' ? episode.steps.slice(0, -1) : episode.steps;
	return steps.map(step => stepText(step));
}

/** While nothing is under way, the policy's reason for doing nothing: `no move: no host has 512 MiB free`. */
export function storyNote(episode: EpisodeModel): string | null {
	return episode.blocked !== null && (episode.state === 'hot' || episode.state === 'back') ? `no move: ${episode.blocked}` : null;
}

/** `h09 CPU curing: 1 move under way`. */
export function episodeHead(episode: EpisodeModel): string {
	return `${episode.hostId} ${resourceLabels[episode.resource]} ${stateText(episode)}`;
}
