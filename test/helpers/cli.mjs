// The simulator's command line, run as a child process (Node built-ins live in .mjs files: the lint
// rules for .ts files forbid them).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'simulator', 'cli.mjs');

/**
 * Starts `node simulator/cli.mjs ...args` and reads its banner up to the "Server clock" line.
 * @param {string[]} args
 * @returns {Promise<{ lines: string[]; baseUrl: string; apiKey: string; stop: () => Promise<void> }>}
 */
export async function startCli(args) {
	const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
	const stop = async () => {
		if (child.exitCode === null) {
			child.kill('SIGTERM');
			await once(child, 'exit');
		}
	};
	const lines = [];
	for await (const line of createInterface({ input: child.stdout })) {
		lines.push(line);
		if (line.startsWith('Server clock')) break;
	}
	const baseUrl = /listening on (\S+)/.exec(lines[0] ?? '')?.[1];
	const apiKey = /: (\S+)$/.exec(lines[1] ?? '')?.[1];
	if (!baseUrl || !apiKey) {
		await stop();
		throw new Error(`the simulator did not start: ${lines.join('\n')}`);
	}
	return { lines, baseUrl, apiKey, stop };
}

/**
 * Runs `node simulator/cli.mjs ...args` to its end.
 * @param {string[]} args
 * @returns {Promise<{ code: number | null; stderr: string }>}
 */
export async function runCli(args) {
	const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr += chunk.toString()));
	const [code] = await once(child, 'exit');
	return { code, stderr };
}
