import { afterEach, describe, expect, it } from 'vitest';

import type { SimulatorHandle, SimulatorOptions } from '../../simulator/server.mjs';
import { DOCUMENTED_IDEMPOTENT_ROUTES, startSimulator } from '../../simulator/server.mjs';
import { simulatorClient } from '../helpers/simulatorClient';

let sims: SimulatorHandle[] = [];
afterEach(async () => {
	await Promise.all(sims.map(async (sim) => await sim.close()));
	sims = [];
});

async function start(options: SimulatorOptions = {}) {
	const sim = await startSimulator({ companiesPerSearch: 5, searches: 1, ...options });
	sims.push(sim);
	return { sim, call: simulatorClient(sim) };
}

const ORDER = { profile_id: 'profile-1', briefing_quantity: 5 };
const PROFILE = { profile_name: 'DACH SaaS', ideal_customer_profile: 'B2B SaaS in DACH' };
const withKey = (key: string) => ({ 'Idempotency-Key': key });

describe('simulator option idempotentRoutes', () => {
	it('by default honours the key only on POST /search-profile-creations, the one route the API documents', async () => {
		expect(DOCUMENTED_IDEMPOTENT_ROUTES).toEqual(['POST /api/v1/search-profile-creations']);
		const { sim, call } = await start();

		const orders = [
			await call('POST', '/api/v1/orders', { body: ORDER, headers: withKey('k-1') }),
			await call('POST', '/api/v1/orders', { body: ORDER, headers: withKey('k-1') }),
		];
		expect(orders.map((res) => res.status)).toEqual([201, 201]);
		expect(orders[0].body.id).not.toBe(orders[1].body.id);
		expect(sim.state.orders.size).toBe(2);

		const lists = [
			await call('POST', '/api/v1/blacklists', { body: { name: 'A' }, headers: withKey('k-2') }),
			await call('POST', '/api/v1/blacklists', { body: { name: 'A' }, headers: withKey('k-2') }),
		];
		expect(lists[0].body.id).not.toBe(lists[1].body.id);

		const entries = `/api/v1/blacklists/${lists[0].body.id}/entries`;
		const body = { entries: [{ external_id: 'E-1' }] };
		const added = [
			await call('POST', entries, { body, headers: withKey('k-3') }),
			await call('POST', entries, { body, headers: withKey('k-3') }),
		];
		// The second one ran again (no replay): the API's own duplicate rule skipped the entry.
		expect(added.map((res) => res.body)).toEqual([
			{ added: 1, skipped_duplicates: 0, total_entries: 1 },
			{ added: 0, skipped_duplicates: 1, total_entries: 1 },
		]);
		expect(sim.counters.processedByRoute['POST /api/v1/blacklists/{blacklist_id}/entries']).toBe(2);

		const creations = [
			await call('POST', '/api/v1/search-profile-creations', {
				body: PROFILE,
				headers: withKey('k-4'),
			}),
			await call('POST', '/api/v1/search-profile-creations', {
				body: PROFILE,
				headers: withKey('k-4'),
			}),
		];
		expect(creations.map((res) => res.status)).toEqual([201, 200]);
		expect(creations[1].headers.get('idempotent-replayed')).toBe('true');
		expect(creations[1].body).toEqual(creations[0].body);
		expect(sim.state.profileCreations.size).toBe(1);
	});

	it("'all' restores a deduplicating POST /orders; a list picks routes one by one", async () => {
		const all = await start({ idempotentRoutes: 'all' });
		const replayed = [
			await all.call('POST', '/api/v1/orders', { body: ORDER, headers: withKey('k') }),
			await all.call('POST', '/api/v1/orders', { body: ORDER, headers: withKey('k') }),
		];
		expect(replayed.map((res) => res.status)).toEqual([201, 200]);
		expect(all.sim.state.orders.size).toBe(1);

		const some = await start({ idempotentRoutes: ['POST /api/v1/orders'] });
		await some.call('POST', '/api/v1/orders', { body: ORDER, headers: withKey('k') });
		await some.call('POST', '/api/v1/orders', { body: ORDER, headers: withKey('k') });
		expect(some.sim.state.orders.size).toBe(1);
		const before = some.sim.state.profileCreations.size;
		await some.call('POST', '/api/v1/search-profile-creations', {
			body: PROFILE,
			headers: withKey('p'),
		});
		await some.call('POST', '/api/v1/search-profile-creations', {
			body: PROFILE,
			headers: withKey('p'),
		});
		expect(some.sim.state.profileCreations.size).toBe(before + 2);
		// Not honoured, but still required there, as documented.
		expect(
			(await some.call('POST', '/api/v1/search-profile-creations', { body: PROFILE })).status,
		).toBe(400);
	});

	it('a resend after a 5xx that followed the apply duplicates an order, but not a search-profile creation', async () => {
		const { sim, call } = await start();
		sim.setFaults([
			{ kind: 'statusAfterApply', status: 503, times: 1, match: { route: 'POST /api/v1/orders' } },
		]);
		expect(
			(await call('POST', '/api/v1/orders', { body: ORDER, headers: withKey('o') })).status,
		).toBe(503);
		expect(
			(await call('POST', '/api/v1/orders', { body: ORDER, headers: withKey('o') })).status,
		).toBe(201);
		expect(sim.state.orders.size).toBe(2);

		sim.setFaults([
			{
				kind: 'statusAfterApply',
				status: 500,
				times: 1,
				match: { route: 'POST /api/v1/search-profile-creations' },
			},
		]);
		expect(
			(
				await call('POST', '/api/v1/search-profile-creations', {
					body: PROFILE,
					headers: withKey('s'),
				})
			).status,
		).toBe(500);
		expect(
			(
				await call('POST', '/api/v1/search-profile-creations', {
					body: PROFILE,
					headers: withKey('s'),
				})
			).status,
		).toBe(200);
		expect(sim.state.profileCreations.size).toBe(1);
	});

	it('rejects route keys that do not take an Idempotency-Key', async () => {
		await expect(startSimulator({ idempotentRoutes: ['GET /api/v1/orders'] })).rejects.toThrow(
			TypeError,
		);
		const { sim } = await start();
		expect(() => sim.setIdempotentRoutes(['POST /api/v1/nope'])).toThrow(TypeError);
	});
});
