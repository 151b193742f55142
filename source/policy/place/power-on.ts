/**
The placement of last resort: when no powered-on host takes a VM, the first worker that is off is
powered on (it serves after its boot delay); one at a time, so a burst does not wake every host.
*/
import type {Records} from '../round/requests.js';

export function powerOnOne(requests: Records, reason: string): void {
	const {world, commands, events} = requests;
	if (world.hosts.some(host => host.state === 'booting') || commands.some(command => command.type === 'powerOn')) {
		return;
	}

	const off = world.hosts.find(host => host.role === 'worker' && host.state === 'off');
	if (off) {
		commands.push({type: 'powerOn', hostId: off.id});
		events.push({
			tick: world.tick, type: 'planRejected', hostId: off.id, reason: `powering ${off.id} on: ${reason}`,
		});
	}
}
