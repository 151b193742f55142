/**
Sandpiper, gray-box (SP07 section 5): black-box's chain (./sandpiper.ts) also told the guests' working
sets, so a VM about to outgrow its memory moves first, to a host with room for what it needs.
*/
import {createSandpiperPolicy} from './decide.js';

export const sandpiperGrayPolicy = createSandpiperPolicy('sandpiper-gray', 'gray-box', 'Sandpiper, gray-box: also the guests\' working sets, acting before swapping');
