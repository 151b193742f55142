/**
Checks the flags of the command line and turns them into options; the pieces live in options/. Pure,
so every bad value has a test; the message names the flag, what it accepts and why, and the shell
exits with status 2.
*/
export * from './options/usage.js';
export * from './options/numbers.js';
export * from './options/run.js';
export * from './options/eval.js';
export * from './options/migration.js';
export * from './options/network.js';
export * from './options/serve.js';
export * from './options/sweep.js';
export * from './options/plot.js';
