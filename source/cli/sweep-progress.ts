/**
Progress of `sweep run --jobs N`: on a terminal one line redrawn in place (runs done, failed, ETA);
otherwise a plain line per run, for a log.
*/
import type {WriteStream} from 'node:tty';
import type {SweepRun} from '../sweep/plan.js';

const barWidth = 24;

function duration(seconds: number): string {
	const whole = Math.max(0, Math.round(seconds));
	return whole >= 3600 ? `${Math.floor(whole / 3600)}h ${Math.floor(whole / 60) % 60}m` : (whole >= 60 ? `${Math.floor(whole / 60)}m ${whole % 60}s` : `${whole}s`);
}

export function progressReporter(total: number, alreadyDone: number, stream: Pick<WriteStream, 'write' | 'isTTY'>): {done(run: SweepRun, failed: boolean): void; end(): void} {
	const started = performance.now();
	let done = alreadyDone;
	let failed = 0;
	const line = () => {
		const ran = done - alreadyDone;
		const seconds = (performance.now() - started) / 1000;
		const eta = ran === 0 ? '-' : duration(seconds / ran * (total - done));
		const filled = total === 0 ? barWidth : Math.round(barWidth * done / total);
		return `sweep [${'#'.repeat(filled)}${'.'.repeat(barWidth - filled)}] ${done}/${total} done, ${failed} failed, ETA ${eta}`;
	};

	if (stream.isTTY) {
		stream.write(line());
	} else if (alreadyDone > 0) {
		stream.write(`sweep: ${alreadyDone} of ${total} runs have their results already\n`);
	}

	return {
		done(run, runFailed) {
			done++;
			failed += runFailed ? 1 : 0;
			stream.write(stream.isTTY ? `\r\u001B[2K${line()}` : `${runFailed ? 'failed' : 'done'} ${done}/${total} ${run.id}\n`);
		},
		end() {
			if (stream.isTTY) {
				stream.write('\n');
			}
		},
	};
}
