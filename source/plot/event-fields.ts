/** A field of an event read from a file: its own property, of the type asked for, or a neutral value. */
export function eventText(event: Record<string, unknown>, key: string): string {
	const value = Object.hasOwn(event, key) ? event[key] : undefined;
	return typeof value === 'string' ? value.slice(0, 400) : '';
}

export function eventNumber(event: Record<string, unknown>, key: string): number {
	const value = Object.hasOwn(event, key) ? event[key] : undefined;
	return typeof value === 'number' && Number.isFinite(value) ? Math.min(1e12, Math.max(-1e12, value)) : 0;
}
