/**
 * Order > Create when the answer to POST /api/v1/orders is lost after the server created the
 * order: the node does not send it again (the API does not promise to deduplicate orders) but
 * finds the order it made and returns it flagged `reconciled: true`. Against the simulator, whose
 * clock may be far from n8n's: the search uses the server's Date header, never n8n's clock.
 */
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import type { FaultRule } from '../../../simulator/server.mjs';
import { runNode } from '../../helpers/engine';
import { processed, received, useSimulator } from '../../helpers/simulator';

const ROUTE = 'POST /api/v1/orders';
const YEAR_MS = 365 * 86_400_000;

const discovery = (profileId: string, extra: IDataObject = {}) => ({
	resource: 'order',
	operation: 'create',
	orderType: 'discovery',
	profileId,
	briefingQuantity: 7,
	...extra,
});

const afterApply: Array<[string, FaultRule]> = [
	['a 500 after the server created it', { kind: 'statusAfterApply', times: 1 }],
	['a reset after the server created it', { kind: 'resetAfterApply', times: 1 }],
	['no answer, then a dropped connection', { kind: 'timeoutAfterApply', delayMs: 300, times: 1 }],
];

let executions = 0;

describe.each([
	['the same clock', 0],
	['a server clock one year behind', -YEAR_MS],
	['a server clock one hour ahead', 3_600_000],
])('Order > Create with %s', (_, clockOffsetMs) => {
	const fixture = useSimulator({ seed: 7, searches: 1, clockOffsetMs });
	const run = async (options: Parameters<typeof runNode>[0]) =>
		await runNode({
			...options,
			credentials: fixture.credentials,
			executionId: `reconcile-${++executions}`,
		});
	const orders = () => [...fixture.sim.state.orders.values()] as IDataObject[];

	it.each(afterApply)(
		'after %s: not resent, the created order is returned, 0 duplicates',
		async (_, fault) => {
			const profileId = `profile-${executions}-${fault.kind}`;
			const before = orders().length;
			fixture.sim.setFaults([{ ...fault, match: { route: ROUTE } }]);
			const { items, error } = await run({ parameters: discovery(profileId) });
			expect(error).toBeUndefined();
			expect(received(fixture.sim, ROUTE)).toBe(1);
			expect(processed(fixture.sim, ROUTE)).toBe(1);
			expect(orders()).toHaveLength(before + 1);
			const created = orders().at(-1) as IDataObject;
			expect(items).toEqual([
				{
					json: expect.objectContaining({
						id: created.id,
						profile_id: profileId,
						briefing_quantity: 7,
						reconciled: true,
					}),
					pairedItem: { item: 0 },
				},
			]);
		},
	);

	it('when nothing was created (a 503 before the server acted): outcome unknown, saying what was checked', async () => {
		const before = orders().length;
		fixture.sim.setFaults([{ kind: 'status', status: 503, match: { route: ROUTE } }]);
		const { items, error } = await run({ parameters: discovery('profile-nothing') });
		expect(items).toEqual([]);
		expect(error?.context?.outcomeUnknown).toBe(true);
		expect(error?.message).toMatch(/outcome of POST \/api\/v1\/orders is unknown/);
		expect(error?.description).toMatch(
			/Checked for it afterwards: no order created since \S+ matches this request \(yet\)\./,
		);
		expect(received(fixture.sim, ROUTE)).toBe(1);
		expect(orders()).toHaveLength(before);
	});
});

describe('Order > Create: the lost order is told apart from its look-alikes', () => {
	const fixture = useSimulator({ seed: 8, searches: 1 });
	const run = async (options: Parameters<typeof runNode>[0]) =>
		await runNode({
			...options,
			credentials: fixture.credentials,
			executionId: `reconcile-${++executions}`,
		});

	it('two identical items, the second answer lost: the second order is found, not the first', async () => {
		const orders = fixture.sim.state.orders;
		const before = orders.size;
		const set = orders.set.bind(orders);
		// Once the first order is stored, the next POST loses its answer after the server acted.
		orders.set = (id, order) => {
			const result = set(id, order);
			if (orders.size === before + 1) {
				fixture.sim.setFaults([{ kind: 'resetAfterApply', times: 1, match: { route: ROUTE } }]);
			}
			return result;
		};
		try {
			const { items, error } = await run({
				parameters: discovery('profile-twins'),
				input: [{}, {}],
			});
			expect(error).toBeUndefined();
			const ids = [...orders.keys()].slice(before);
			expect(ids).toHaveLength(2);
			expect(items.map((item) => [item.json.id, item.json.reconciled, item.pairedItem])).toEqual([
				[ids[0], undefined, { item: 0 }],
				[ids[1], true, { item: 1 }],
			]);
			expect(received(fixture.sim, ROUTE)).toBe(2);
		} finally {
			orders.set = set;
		}
	});

	it('an identical order made by another run moments before: several match, so outcome unknown', async () => {
		const first = await run({ parameters: discovery('profile-other-run') });
		expect(first.error).toBeUndefined();
		fixture.sim.setFaults([{ kind: 'statusAfterApply', times: 1, match: { route: ROUTE } }]);
		const { error } = await run({ parameters: discovery('profile-other-run') });
		expect(error?.context?.outcomeUnknown).toBe(true);
		expect(error?.description).toMatch(/several orders created since \S+ match this request: /);
	});

	it('an order with another profile or quantity is never taken for the lost one', async () => {
		await run({ parameters: discovery('profile-near', { briefingQuantity: 8 }) });
		await run({ parameters: discovery('profile-near-2') });
		fixture.sim.setFaults([{ kind: 'status', status: 500, match: { route: ROUTE } }]);
		const { error } = await run({ parameters: discovery('profile-near') });
		expect(error?.context?.outcomeUnknown).toBe(true);
		expect(error?.description).toContain('no order created since');
	});
});
