#!/usr/bin/env node
/**
Writes fixtures/traces/sample/: twelve made-up traces in CloudSim's PlanetLab format (one integer CPU
percentage per line, 288 lines), so the project tests its trace loading without the real PlanetLab
files (which it must not copy). Deterministic: a fixed linear congruential generator. Some names have
spaces, as real ones do.
*/
import {mkdirSync, writeFileSync} from 'node:fs';

const directory = new URL('../fixtures/traces/sample/', import.meta.url);
mkdirSync(directory, {recursive: true});
let state = 20_110_303;
const next = () => {
	state = ((state * 1_103_515_245) + 12_345) % 2_147_483_648;
	return state / 2_147_483_648;
};

const names = ['alpha_planetlab_node',
	'beta node_rnp',
	'gamma_uni-passau_de',
	'delta node_colostate',
	'epsilon_umkc_edu',
	'zeta_dsl_net',
	'eta_ufjf',
	'theta node_unict',
	'iota_extranet',
	'kappa_surfsnel',
	'lambda_root',
	'mu node_plab2'];
for (const [index, name] of names.entries()) {
	const base = 3 + (index * 4);
	let level = base;
	const lines = [];
	for (let sample = 0; sample < 288; sample++) {
		const wave = Math.sin((2 * Math.PI * sample) / 288) * base * 0.5;
		level = (0.8 * level) + (0.2 * (base + wave)) + ((next() - 0.5) * 6);
		lines.push(String(Math.max(0, Math.min(100, Math.round(level)))));
	}

	writeFileSync(new URL(name, directory), `${lines.join('\n')}\n`);
}
