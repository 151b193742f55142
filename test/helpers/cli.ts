import {spawn} from 'node:child_process';
import process from 'node:process';
import {fileURLToPath} from 'node:url';

export const root = fileURLToPath(new URL('../../', import.meta.url));

export type CliResult = {code: number | null; stdout: string; stderr: string};

/** Runs the built CLI (`npm test` builds first) with stdin, stdout and stderr as pipes. */
export async function runCli(args: readonly string[], environment: Record<string, string> = {}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, ['dist/cli.js', ...args], {
			cwd: root,
			env: {...process.env, ...environment},
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		child.on('error', reject);
		child.on('close', code => {
			resolve({code, stdout, stderr});
		});
	});
}
