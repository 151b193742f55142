/**
The plain-data world of the simulation and the vocabulary that changes it.

Everything here is JSON-safe (no Map, Date, class or function), so `JSON.parse(JSON.stringify(world))`
deep-equals the world: snapshots, replays and golden tests come for free.

Units live in names: utilisations are 0..1 fractions, `*Ticks` are simulation ticks, `*MiB` memory,
`*MBps` disk throughput in MB/s, `*Mbps` network in Mbit/s, `cpuUnits` CPU where 100 units = one server.

The types live in ./types/, one concept a file; import them from here, the one module for them all.
*/
export {resources} from './types/resources.js';
export type * from './types/resources.js';
export type * from './types/hypervisor.js';
export type * from './types/host.js';
export type * from './types/intervals.js';
export type * from './types/load.js';
export type * from './types/network.js';
export type * from './types/workload.js';
export type * from './types/vm.js';
export type * from './types/migration.js';
export type * from './types/config.js';
export type * from './types/image.js';
export type * from './types/world.js';
export type * from './types/command.js';
export type * from './types/event.js';
