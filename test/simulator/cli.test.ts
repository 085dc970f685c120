import { describe, expect, it } from 'vitest';

import { parseDuration } from '../../simulator/duration.mjs';
import { runCli, startCli } from '../helpers/cli.mjs';

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
		const cli = await startCli([
			'--clock-offset',
			'-1h',
			'--visibility-delay',
			'5m',
			'--idempotent-routes',
			'all',
		]);
		try {
			expect(cli.lines.at(-1)).toMatch(/\(offset -3600000 ms\)$/);
			const post = async () =>
				await fetch(`${cli.baseUrl}/api/v1/orders`, {
					method: 'POST',
					headers: {
						Authorization: `Bearer ${cli.apiKey}`,
						'Content-Type': 'application/json',
						'Idempotency-Key': 'cli-1',
					},
					body: JSON.stringify({ profile_id: 'p', briefing_quantity: 2 }),
				});
			expect([(await post()).status, (await post()).status]).toEqual([201, 200]);
		} finally {
			await cli.stop();
		}
	});

	it('refuses a clock offset beyond one year', async () => {
		const { code, stderr } = await runCli(['--clock-offset', '2y']);
		expect(code).toBe(2);
		expect(stderr).toMatch(/clockOffsetMs/);
	});
});
