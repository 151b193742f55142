/**
What Linux says of a process it runs (/proc): CPU time and resident memory, read from outside, so a
program is measured whole, as `top` would show it, whatever it does inside.
*/
import {readFileSync} from 'node:fs';

/** User and system CPU time of `pid` so far, in clock ticks (USER_HZ, 1/100 s on Linux). */
export function cpuTicks(pid: number | string): number {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
	// Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command name.
	return Number(fields[11]) + Number(fields[12]);
}

/** Clock ticks a second: USER_HZ, which Linux fixes at 100 for /proc. */
export const ticksPerSecond = 100;

/** Resident memory of `pid` now (VmRSS), or its peak so far (VmHWM), in MiB. */
export function rssMiB(pid: number | string, which: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find(candidate => candidate.startsWith(`${which}:`));
	// Such as "VmRSS:	  123456 kB".
	return Number(/(?<kb>\d+)/v.exec(line ?? '')?.groups?.['kb'] ?? Number.NaN) / 1024;
}
