/**
Sandpiper's volume and volume-to-size ratio (SP07 section 6; models.md 1.6).

`Vol = 1/(1 - cpu) x 1/(1 - net) x 1/(1 - mem)`: it grows sharply as any one resource nears
saturation and multiplies when several are busy. This project adds disk as a fourth factor (its
hosts model disk I/O as a resource that can overload); that extension is ours, not the paper's.
Each utilisation is clamped to 0.99 so the volume stays finite.
*/

export const maximumUtilisation = 0.99;

export function volume(utilisations: readonly number[]): number {
	let product = 1;
	for (const utilisation of utilisations) {
		product /= 1 - Math.min(maximumUtilisation, Math.max(0, utilisation));
	}

	return product;
}

/** Volume per MiB of memory: moving the highest-VSR VM first moves the most load per byte copied. */
export function volumeToSize(utilisations: readonly number[], memoryMiB: number): number {
	return volume(utilisations) / memoryMiB;
}
