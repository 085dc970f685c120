import { afterEach, describe, expect, it } from 'vitest';

import type { SimulatorHandle } from '../../simulator/server.mjs';
import { MAX_CLOCK_OFFSET_MS, startSimulator } from '../../simulator/server.mjs';
import { readAll, simulatorClient } from '../helpers/simulatorClient';

/** The caller's clock, frozen (speed 0), so every server time is exact. */
const CALLER_NOW = Date.UTC(2026, 2, 1, 12, 0, 0);
const HOUR = 3_600_000;
const YEAR = 365 * 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString();

let sims: SimulatorHandle[] = [];
afterEach(async () => {
	await Promise.all(sims.map(async (sim) => await sim.close()));
	sims = [];
});

async function start(clockOffsetMs: number) {
	const sim = await startSimulator({
		now: () => CALLER_NOW,
		speed: 0,
		clockOffsetMs,
		companiesPerSearch: 30,
		searches: 1,
		orders: 4,
	});
	sims.push(sim);
	return { sim, call: simulatorClient(sim) };
}

describe('simulator option clockOffsetMs', () => {
	it.each([-YEAR, -HOUR, 0, HOUR, YEAR])(
		'offset %d ms: the Date header and every timestamp use the server clock',
		async (offset) => {
			const { sim, call } = await start(offset);
			const serverNow = CALLER_NOW + offset;
			expect(sim.clock.now()).toBe(serverNow);

			const health = await call('GET', '/health');
			expect(health.headers.get('date')).toBe(new Date(serverNow).toUTCString());
			const missing = await call('GET', '/api/v1/orders/nope');
			expect(missing.status).toBe(404);
			expect(missing.headers.get('date')).toBe(new Date(serverNow).toUTCString());

			const seededOrders = (await call('GET', '/api/v1/orders')).body.orders as Array<{
				created_at: string;
			}>;
			expect(seededOrders).toHaveLength(4);
			expect(seededOrders.every((seeded) => Date.parse(seeded.created_at) < serverNow)).toBe(true);
			expect(
				seededOrders.every((seeded) => Date.parse(seeded.created_at) > serverNow - 24 * HOUR),
			).toBe(true);

			const order = await call('POST', '/api/v1/orders', {
				body: { profile_id: 'p', briefing_quantity: 3 },
			});
			expect(order.body).toMatchObject({
				created_at: iso(serverNow),
				updated_at: iso(serverNow),
				completed_at: null,
			});
			sim.clock.advance(10_000);
			const done = await call('GET', `/api/v1/orders/${order.body.id}`);
			expect(done.body).toMatchObject({
				status: 'COMPLETED',
				completed_at: iso(serverNow + 10_000),
			});
			expect(done.headers.get('date')).toBe(new Date(serverNow + 10_000).toUTCString());

			const blacklist = await call('POST', '/api/v1/blacklists', { body: { name: 'Skewed' } });
			expect(blacklist.body.created_at).toBe(iso(serverNow + 10_000));

			// The seeded history lies in the 30 days before the server's start, not the caller's.
			const searchId = [...sim.state.prospectSearches.keys()][0];
			const history = await readAll(call, `/api/v1/deliveries/${searchId}/companies`);
			const times = history.map((company) => Date.parse(String(company.delivered_at)));
			expect(Math.max(...times)).toBeLessThanOrEqual(serverNow);
			expect(Math.min(...times)).toBeGreaterThanOrEqual(serverNow - 30 * 24 * HOUR);

			const [added] = sim.addCompanies(searchId, 1);
			expect(added.delivered_at).toBe(iso(serverNow + 10_000));
		},
	);

	it('refuses offsets beyond one year, and can be changed while running', async () => {
		await expect(startSimulator({ clockOffsetMs: MAX_CLOCK_OFFSET_MS + 1 })).rejects.toThrow(
			RangeError,
		);
		await expect(startSimulator({ clockOffsetMs: Number.NaN })).rejects.toThrow(RangeError);
		const { sim, call } = await start(0);
		expect(sim.setClockOffset(-HOUR)).toBe(CALLER_NOW - HOUR);
		expect(sim.clock.offsetMs).toBe(-HOUR);
		expect((await call('GET', '/health')).headers.get('date')).toBe(
			new Date(CALLER_NOW - HOUR).toUTCString(),
		);
		expect(() => sim.setClockOffset(-2 * YEAR)).toThrow(RangeError);
	});
});
