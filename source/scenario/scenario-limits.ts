/**
The scenario format's limits as plain numbers: the schema (./schema-values.ts) checks them, and the
builders and the CSV reader use them without loading zod.
*/

/**
Bounds that keep every result finite: capacities, demands and rates are at most a billion in their
unit and positive ones at least a millionth (they divide), shape factors and scales at most 1000, and
at most 16 shapes to a list: a demand stays near 1e9 x 1000^33 at worst, and its squares fit a double.
*/
export const maxAmount = 1e9;
export const minAmount = 1e-6;
export const maxFactor = 1000;
export const maxTicks = 1e9;
export const maxShapes = 16;

/** Templates (`count`) make at most this many of each: a few bytes of a file must not ask for millions of objects. */
export const maxCopies = {racks: 256, hosts: 4096, vms: 16_384} as const;
