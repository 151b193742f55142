import test from 'ava';
import fc from 'fast-check';
import {vmHostPositions} from '../../source/sim/lookup.js';
import {build, scenarioInput, steadyClass} from '../helpers/scenarios.js';

const vms = Array.from({length: 6}, (_, index) => ({class: 'a', host: `h0${(index % 4) + 1}`}));

test('vmHostPositions names each VM\'s host position, however VMs moved since it was last read', t => {
	fc.assert(fc.property(fc.array(fc.tuple(fc.nat({max: 5}), fc.nat({max: 4}), fc.boolean()), {maxLength: 40}), moves => {
		const {world} = build(scenarioInput({hosts: [{}, {}, {}, {}], vmClasses: {a: steadyClass(10)}, vms}));
		for (const [vm, host, copy] of moves) {
			// Host 4 does not exist; a copied text is an equal string that is not the host's own.
			const id = host < 4 ? world.hosts[host]!.id : 'h99';
			world.vms[vm]!.hostId = copy ? [...id].join('') : id;
			const expected = world.vms.map(each => world.hosts.findIndex(candidate => candidate.id === each.hostId));
			t.deepEqual([...vmHostPositions(world)], expected);
		}
	}));
});
