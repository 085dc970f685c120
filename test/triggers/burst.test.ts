/**
 * 50,000 companies delivered at one instant, on the simulator, with its clock a year or an hour
 * away from n8n's and deliveries that become visible up to four minutes late: every company is
 * emitted exactly once, over as many polls as the page budget needs, with a small state.
 */
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it, vi } from 'vitest';

import { MAX_PAGES_PER_POLL } from '../../nodes/OpenProspect/triggers/limits';
import { runPoll } from '../helpers/engine';
import { byId, received, useSimulator } from '../helpers/simulator';

vi.mock('n8n-workflow', async (importOriginal) => {
	const original = await importOriginal<typeof import('n8n-workflow')>();
	return { ...original, sleep: vi.fn(async () => await original.sleep(0)) };
});

const YEAR = 365 * 24 * 3_600_000;
const BURST = 50_000;
const fixture = useSimulator({ speed: 0, deliveryVisibilityDelayMs: 4 * 60_000 });

describe('New Delivered Companies: a burst at one instant', () => {
	it.each([-YEAR, YEAR])(
		'server clock %i ms from n8n: 50,000 companies at one instant, each once',
		async (offset) => {
			const { sim, credentials } = fixture;
			sim.setClockOffset(offset);
			const search = [...sim.state.prospectSearches.keys()][0];
			const route = 'GET /api/v1/deliveries/{prospect_search_id}/companies';
			const parameters = { event: 'newDeliveredCompanies', prospectSearchId: byId(search) };
			let staticData: IDataObject = {};
			const poll = async () => {
				sim.resetCounters();
				const result = await runPoll({ parameters, staticData, credentials });
				expect(received(sim, route)).toBeLessThanOrEqual(MAX_PAGES_PER_POLL + 2);
				staticData = JSON.parse(JSON.stringify(result.staticData)) as IDataObject;
				return result.out?.[0] ?? [];
			};
			expect(await poll()).toEqual([]);
			sim.clock.advance(1000);
			const burst = sim.addCompanies(search, BURST);
			const seen = new Map<string, number>();
			let requests = 0;
			for (let round = 0; round < 30; round++) {
				sim.clock.advance(60_000);
				for (const item of await poll()) {
					const id = String(item.json.id);
					seen.set(id, (seen.get(id) ?? 0) + 1);
				}
				requests += received(sim, route);
			}
			expect(burst.filter((company) => seen.get(company.id) !== 1)).toEqual([]);
			expect(seen.size).toBe(BURST);
			expect(JSON.stringify(staticData).length).toBeLessThan(5000);
			expect(requests).toBeLessThan(800);
		},
		120_000,
	);
});
