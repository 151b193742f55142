/** Bad input to `plot`: its message is the one line the user sees (exit 2). A module of its own, so the CLI knows it without loading zod. */
export class PlotInputError extends Error {
	override name = 'PlotInputError';
}
