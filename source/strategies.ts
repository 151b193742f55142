import {migrationModels} from './migration/registry.js';
import {networkModel} from './network/model.js';
import {policies} from './policy/registry.js';
import {hostPowerModel} from './power/models.js';
import {virtualisationOverheads} from './virtualisation/overheads.js';
import {cloudsimSemantics} from './semantics/cloudsim.js';
import {nativeSemantics} from './semantics/native.js';
import type {Strategies} from './sim/strategies.js';

/** Every strategy this build has, wired for the shells (cli, app, report). */
export const defaultStrategies: Strategies = {
	semantics: {native: nativeSemantics, cloudsim: cloudsimSemantics},
	policies, migrationModels, network: networkModel, overhead: virtualisationOverheads, power: hostPowerModel,
};
