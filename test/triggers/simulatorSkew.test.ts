/**
 * New Delivered Companies on the simulator, whose clock is a year away from n8n's (either way) and
 * whose deliveries become visible up to four minutes after their `delivered_at`: a batch delivered
 * at one instant comes through once, and polls after that cost one request. (The 50,000 burst runs
 * on the in-test model in simulation.test.ts: the simulator serves pages of so large a search too
 * slowly for the default suite.)
 */
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { SETTLE_MS } from '../../nodes/OpenProspect/triggers/deliveryCursor';
import { runPoll } from '../helpers/engine';
import { byId, received, useSimulator } from '../helpers/simulator';

const YEAR = 365 * 24 * 3_600_000;
const BATCH = 700;
const ROUTE = 'GET /api/v1/deliveries/{prospect_search_id}/companies';
const fixture = useSimulator({ speed: 0, deliveryVisibilityDelayMs: 4 * 60_000 });

describe('New Delivered Companies on a simulator that disagrees with n8n', () => {
	it.each([-YEAR, YEAR])(
		'server clock %i ms from n8n: a batch at one instant, visible over 4 minutes, comes once',
		async (offset) => {
			const { sim, credentials } = fixture;
			sim.setClockOffset(offset);
			const search = [...sim.state.prospectSearches.keys()][0];
			const parameters = { event: 'newDeliveredCompanies', prospectSearchId: byId(search) };
			let staticData: IDataObject = {};
			const poll = async () => {
				sim.resetCounters();
				const result = await runPoll({ parameters, staticData, credentials });
				staticData = JSON.parse(JSON.stringify(result.staticData)) as IDataObject;
				return result.out?.[0] ?? [];
			};
			expect(await poll()).toEqual([]);
			sim.clock.advance(1000);
			const batch = sim.addCompanies(search, BATCH);
			const seen = new Map<string, number>();
			for (let elapsed = 0; elapsed <= SETTLE_MS + 5 * 60_000; elapsed += 60_000) {
				sim.clock.advance(60_000);
				for (const item of await poll()) {
					const id = String(item.json.id);
					seen.set(id, (seen.get(id) ?? 0) + 1);
				}
			}
			expect(batch.filter((company) => seen.get(company.id) !== 1)).toEqual([]);
			expect(seen.size).toBe(BATCH);
			expect(await poll()).toEqual([]);
			expect(received(sim, ROUTE)).toBe(1);
		},
		120_000,
	);
});
