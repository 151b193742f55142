import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import process from 'node:process';

const folders: string[] = [];

// Each test file runs in a process of its own: its folders go when it ends, whatever its tests did.
process.on('exit', () => {
	for (const folder of folders) {
		try {
			rmSync(folder, {recursive: true, force: true});
		} catch {
			// A disk still mounted in it (a test that failed before unmounting): left for the system.
		}
	}
});

/** A new folder under the system's temporary folder, removed when this test file's process ends. */
export function temporaryFolder(prefix: string): string {
	const folder = mkdtempSync(join(tmpdir(), prefix));
	folders.push(folder);
	return folder;
}
