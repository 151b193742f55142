/* Rewrites the key table of readme.md from the keymap: `npm run readme-keys`. */
import {readFileSync, writeFileSync} from 'node:fs';
import {keymap} from '../source/ui/keymap.js';

const file = new URL('../readme.md', import.meta.url);
const readme = readFileSync(file, 'utf8');
const rows = keymap.map(binding => `| \`${binding.label}\` | ${binding.help} |`).join('\n');
const table = `<!-- keys:start -->\n| key | action |\n| --- | --- |\n${rows}\n<!-- keys:end -->`;
writeFileSync(file, readme.replace(/<!-- keys:start -->[\s\S]*<!-- keys:end -->/v, table));
