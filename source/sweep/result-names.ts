/** Where a sweep's output folder keeps its plan and each run's record (written by ../cli/sweep-results.ts, read by ./merge.ts). */
import {join} from 'node:path';

export const planFileName = 'sweep-plan.json';

export function resultPath(directory: string, id: string): string {
	return join(directory, `${id}.json`);
}
