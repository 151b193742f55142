import {execFileSync} from 'node:child_process';
import {mkdirSync, rmSync} from 'node:fs';
import {join} from 'node:path';
import {temporaryFolder} from './temporary.js';

/** A tmpfs of `size` (e.g. `64k`): a disk that fills up. Root only; undefined where it cannot be mounted. */
export function smallDisk(size: string): string | undefined {
	const mount = join(temporaryFolder('sandpiper-disk-'), 'small');
	mkdirSync(mount);
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mount], {stdio: 'ignore'});
		return mount;
	} catch {
		rmSync(join(mount, '..'), {recursive: true, force: true});
		return undefined;
	}
}

/** Unmounts the disk and removes the folder it was made in. */
export function removeDisk(mount: string): void {
	execFileSync('umount', [mount]);
	rmSync(join(mount, '..'), {recursive: true, force: true});
}
