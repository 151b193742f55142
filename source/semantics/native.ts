import type {Semantics} from '../sim/strategies.js';

/** This project's own model: every hook is the core's (models.md 4, 5.4). */
export const nativeSemantics: Semantics = {name: 'native'};
