/**
Commands, as a timeline and a recorded session give them: each names what it acts on by id.
*/
import * as z from 'zod';
import {
	id, lineOfText, migrationModeSchema, networkModeSchema, port, positive, positiveInt, resourceSchema,
} from './schema-values.js';

const loadTargetSchema = z.discriminatedUnion('kind', [
	z.object({kind: z.literal('vm'), vmId: id}).strict(),
	z.object({kind: z.literal('host'), hostId: id}).strict(),
], {error: 'expected a target {"kind": "vm", "vmId"} or {"kind": "host", "hostId"}'});

export const commandSchema = z.discriminatedUnion('type', [
	z.object({
		type: z.literal('injectLoad'), target: loadTargetSchema, resource: resourceSchema, amount: positive(), durationTicks: positiveInt().nullable().default(null),
	}).strict(),
	z.object({type: z.literal('clearLoad'), target: loadTargetSchema}).strict(),
	z.object({
		type: z.literal('requestMigration'), vmId: id, destinationHostId: id, mode: migrationModeSchema.nullable().default(null), allocationMiB: positive().nullable().default(null), requestedBy: lineOfText('who asked', 64).optional(),
	}).strict(),
	z.object({type: z.literal('setPolicy'), policy: lineOfText('a policy name', 64)}).strict(),
	z.object({
		type: z.literal('setNetworkMode'), vmId: id, mode: networkModeSchema, network: id.optional(),
	}).strict(),
	z.object({
		type: z.literal('addPortForward'), vmId: id, hostPort: port, vmPort: port,
	}).strict(),
	z.object({type: z.literal('removePortForward'), hostId: id, hostPort: port}).strict(),
	z.object({type: z.literal('attachNetwork'), vmId: id, network: id}).strict(),
	z.object({type: z.literal('detachNetwork'), vmId: id, network: id}).strict(),
	z.object({type: z.literal('failHost'), hostId: id}).strict(),
	z.object({type: z.literal('recoverHost'), hostId: id}).strict(),
	z.object({type: z.literal('setLinkBandwidth'), hostId: id, networkMbps: positive()}).strict(),
	z.object({type: z.literal('resizeVm'), vmId: id, memoryMiB: positive()}).strict(),
	z.object({type: z.literal('powerOn'), hostId: id}).strict(),
	z.object({type: z.literal('powerOff'), hostId: id}).strict(),
	z.object({type: z.literal('drainHost'), hostId: id}).strict(),
	z.object({type: z.literal('snapshot'), vmId: id}).strict(),
	z.object({type: z.literal('clone'), vmId: id, destinationHostId: id}).strict(),
	z.object({type: z.literal('restore'), vmId: id, snapshotId: id}).strict(),
], {error: 'expected a command with type injectLoad, clearLoad, requestMigration, setPolicy, setNetworkMode, addPortForward, removePortForward, attachNetwork, detachNetwork, failHost, recoverHost, setLinkBandwidth, resizeVm, powerOn, powerOff, drainHost, snapshot, clone or restore'});
