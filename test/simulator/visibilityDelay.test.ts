import { afterEach, describe, expect, it } from 'vitest';

import type { SimulatorHandle } from '../../simulator/server.mjs';
import { startSimulator } from '../../simulator/server.mjs';
import { readAll, simulatorClient } from '../helpers/simulatorClient';

const CALLER_NOW = Date.UTC(2026, 5, 1, 9, 0, 0);
const FIVE_MINUTES = 5 * 60_000;

let sims: SimulatorHandle[] = [];
afterEach(async () => {
	await Promise.all(sims.map(async (sim) => await sim.close()));
	sims = [];
});

async function start(deliveryVisibilityDelayMs: number, seed = 42) {
	const sim = await startSimulator({
		now: () => CALLER_NOW,
		speed: 0,
		seed,
		deliveryVisibilityDelayMs,
		companiesPerSearch: 5,
		searches: 1,
	});
	sims.push(sim);
	const searchId = [...sim.state.prospectSearches.keys()][0];
	return { sim, call: simulatorClient(sim), searchId };
}

const ids = (items: Array<Record<string, unknown>>) => items.map((item) => String(item.id));

describe('simulator option deliveryVisibilityDelayMs', () => {
	it('a delivered company is absent from the lists before its delay is over and present after', async () => {
		const { sim, call, searchId } = await start(FIVE_MINUTES);
		const added = sim.addCompanies(searchId, 40);
		const deliveredAt = added[0].delivered_at;
		expect(added.every((company) => company.delivered_at === deliveredAt)).toBe(true);
		const deliveries = `/api/v1/deliveries/${searchId}/companies?delivered_since=${encodeURIComponent(deliveredAt)}`;
		const companies = `/api/v1/companies?prospect_search_id=${searchId}`;

		const visibleAt = added.map((company) => sim.visibleAt(company.id));
		expect(
			visibleAt.every(
				(at) => at >= Date.parse(deliveredAt) && at <= Date.parse(deliveredAt) + FIVE_MINUTES,
			),
		).toBe(true);
		const late = added[visibleAt.indexOf(Math.max(...visibleAt))];
		const lateAt = sim.visibleAt(late.id);
		expect(lateAt).toBeGreaterThan(Date.parse(deliveredAt));

		const atDelivery = ids(await readAll(call, deliveries));
		expect(atDelivery.length).toBeLessThan(40);
		expect(atDelivery).not.toContain(late.id);

		sim.clock.advance(lateAt - sim.clock.now() - 1);
		expect(ids(await readAll(call, deliveries))).not.toContain(late.id);
		expect(ids(await readAll(call, companies))).not.toContain(late.id);
		sim.clock.advance(1);
		expect(ids(await readAll(call, deliveries))).toContain(late.id);
		expect(ids(await readAll(call, companies))).toContain(late.id);
		// Visible or not, its delivered_at is the original one, and the record itself can be read.
		expect((await call('GET', `/api/v1/companies/${late.id}`)).body.delivered_at).toBe(deliveredAt);

		sim.clock.advance(FIVE_MINUTES);
		expect(new Set(ids(await readAll(call, deliveries)))).toEqual(new Set(ids(added)));
	});

	it('the delays are seeded: the same seed gives the same delays, another seed others', async () => {
		const a = await start(FIVE_MINUTES, 7);
		const b = await start(FIVE_MINUTES, 7);
		const c = await start(FIVE_MINUTES, 8);
		const delays = (run: Awaited<ReturnType<typeof start>>) =>
			[...run.sim.state.companies.keys()].map((id) => run.sim.visibleAt(id));
		expect(delays(a)).toEqual(delays(b));
		const seededAt = (run: Awaited<ReturnType<typeof start>>) =>
			[...run.sim.state.companies.values()].map((company) => Date.parse(company.delivered_at));
		expect(delays(c).map((at, i) => at - seededAt(c)[i])).not.toEqual(
			delays(a).map((at, i) => at - seededAt(a)[i]),
		);
	});

	it('is off by default: a delivery is listed at its delivered_at', async () => {
		const { sim, call, searchId } = await start(0);
		const added = sim.addCompanies(searchId, 10);
		const listed = await readAll(
			call,
			`/api/v1/deliveries/${searchId}/companies?delivered_since=${encodeURIComponent(added[0].delivered_at)}`,
		);
		expect(ids(listed).sort()).toEqual(ids(added).sort());
		expect(() => sim.setDeliveryVisibilityDelay(-1)).toThrow(RangeError);
	});

	it('delivers a burst of 50,000 companies at one instant, listed in pages in a stable order', async () => {
		const { sim, call, searchId } = await start(0);
		sim.clock.advance(60_000);
		const added = sim.addCompanies(searchId, 50_000);
		const deliveredAt = added[0].delivered_at;
		expect(added.every((company) => company.delivered_at === deliveredAt)).toBe(true);
		const path = `/api/v1/deliveries/${searchId}/companies?delivered_since=${encodeURIComponent(deliveredAt)}&limit=100`;
		const first = await call('GET', `${path}&offset=0`);
		const last = await call('GET', `${path}&offset=49900`);
		expect(first.body.total).toBe(50_000);
		expect(last.body).toMatchObject({ total: 50_000, has_more: false });
		const sorted = ids(added).sort();
		expect(ids(first.body.items)).toEqual(sorted.slice(0, 100));
		expect(ids(last.body.items)).toEqual(sorted.slice(49_900));
	}, 120_000);
});
