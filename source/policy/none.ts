import type {Policy} from '../sim/strategies.js';

/** No resource management: VMs stay where they were placed. The baseline every policy is compared with. */
export const nonePolicy: Policy = {
	name: 'none',
	description: 'no migration: static placement',
	initialState: () => null,
	decide: () => ({
		commands: [], rejections: [], events: [], state: null,
	}),
};
