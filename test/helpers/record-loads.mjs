// Loaded with `node --import` in a test: appends the URL of every module the process loads to the file
// named by LOADS_FILE, one a line (the hooks run on a loader thread, so they write to a file).
import {register} from 'node:module';

const hook = String.raw`
import {appendFileSync} from 'node:fs';
export async function load(url, context, next) {
	appendFileSync(process.env.LOADS_FILE, url + '\n');
	return next(url, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
