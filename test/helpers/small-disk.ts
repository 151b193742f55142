import {execFileSync} from 'node:child_process';
import {mkdirSync, mkdtempSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';

/** A tmpfs of `size` (e.g. `64k`): a disk that fills up. Root only; undefined where it cannot be mounted. */
export function smallDisk(size: string): string | undefined {
	const mount = join(mkdtempSync(join(tmpdir(), 'sandpiper-disk-')), 'small');
	mkdirSync(mount);
	try {
		execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', mount], {stdio: 'ignore'});
		return mount;
	} catch {
		return undefined;
	}
}

export function removeDisk(mount: string): void {
	execFileSync('umount', [mount]);
}
