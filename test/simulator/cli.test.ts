import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';

import { parseDuration } from '../../simulator/duration.mjs';

describe('simulator command line', () => {
	it.each([
		['250ms', 250],
		['90s', 90_000],
		['5m', 300_000],
		['-1h', -3_600_000],
		['+2d', 172_800_000],
		['1w', 604_800_000],
		['-1y', -365 * 86_400_000],
		['1.5h', 5_400_000],
		['1500', 1_500],
	])('parses the duration %s', (text, ms) => {
		expect(parseDuration(text)).toBe(ms);
	});

	it.each(['', 'h', '1 hour', '1x', '--1h', '1h30m'])('refuses the duration %j', (text) => {
		expect(() => parseDuration(text)).toThrow(RangeError);
	});

	it('passes --clock-offset, --visibility-delay and --idempotent-routes to the simulator', async () => {
		const child = spawn(
			process.execPath,
			[
				'simulator/cli.mjs',
				'--clock-offset',
				'-1h',
				'--visibility-delay',
				'5m',
				'--idempotent-routes',
				'all',
			],
			{ stdio: ['ignore', 'pipe', 'inherit'] },
		);
		try {
			const lines: string[] = [];
			for await (const line of createInterface({ input: child.stdout })) {
				lines.push(line);
				if (line.startsWith('Server clock')) break;
			}
			expect(lines.at(-1)).toMatch(/\(offset -3600000 ms\)$/);
			const baseUrl = /listening on (\S+)/.exec(lines[0])![1];
			const key = /: (\S+)$/.exec(lines[1])![1];
			const post = async () =>
				await fetch(`${baseUrl}/api/v1/orders`, {
					method: 'POST',
					headers: {
						Authorization: `Bearer ${key}`,
						'Content-Type': 'application/json',
						'Idempotency-Key': 'cli-1',
					},
					body: JSON.stringify({ profile_id: 'p', briefing_quantity: 2 }),
				});
			expect([(await post()).status, (await post()).status]).toEqual([201, 200]);
		} finally {
			child.kill('SIGTERM');
			await once(child, 'exit');
		}
	});

	it('refuses a clock offset beyond one year', async () => {
		const child = spawn(process.execPath, ['simulator/cli.mjs', '--clock-offset', '2y'], {
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		let stderr = '';
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		const [code] = await once(child, 'exit');
		expect(code).toBe(2);
		expect(stderr).toMatch(/clockOffsetMs/);
	});
});
