/** A page is 4 KiB, the unit Xen's stop rule counts in. */
export const pageMiB = 4 / 1024;

/** Mbit/s to MiB/s, with MB taken as MiB as models.md 2.4 does (1 Gbit/s at 90 % = 112.5). */
export function mbpsToRateMiBps(mbps: number): number {
	return mbps / 8;
}

const epsilon = 1e-12;

/** Whether a remaining amount (of data or time) is zero, allowing for rounding. */
export function isSpent(value: number): boolean {
	return value <= epsilon;
}
