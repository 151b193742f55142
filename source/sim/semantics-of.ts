import type {Semantics, Strategies} from './strategies.js';
import type {World} from './types.js';

/** The world's semantics (an unknown name, as from a hand-made world, is this project's own). */
export function semanticsOf(world: World, strategies: Strategies): Semantics {
	const {semantics} = strategies;
	const name = world.config.semantics;
	return Object.hasOwn(semantics, name) ? semantics[name] : semantics.native;
}
