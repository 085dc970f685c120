/** The triggers under faults across restarts: every event fires exactly once. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import type { FaultRule } from '../../../simulator/server.mjs';
import type { NodeRunResult } from '../../helpers/engine';
import { runPoll } from '../../helpers/engine';
import {
	expectClearError,
	keyNeverLeaks,
	on,
	useFaultSuite,
} from '../../helpers/faultSuite';
import { byId } from '../../helpers/simulator';

const suite = useFaultSuite();
const { fixture, evidence, run } = suite;

/**
 * A trigger that n8n restarts between polls: each poll starts from the static data persisted after
 * the last successful poll (a failed poll persists nothing), like a worker that restarts.
 */
class RestartingTrigger {
	private persisted = '{}';
	readonly emitted: IDataObject[] = [];
	failures = 0;

	constructor(private readonly parameters: INodeParameters) {}

	async poll(): Promise<INodeExecutionData[] | null> {
		try {
			const { out, staticData } = await runPoll({
				parameters: this.parameters,
				credentials: fixture.credentials,
				staticData: JSON.parse(this.persisted) as IDataObject,
			});
			evidence.push(out);
			this.persisted = JSON.stringify(staticData);
			const items = out?.[0] ?? null;
			for (const item of items ?? []) this.emitted.push(item.json);
			return items;
		} catch (error) {
			evidence.push(error);
			expectClearError(error as NodeRunResult['error']);
			this.failures++;
			return null;
		}
	}

	/** Polls without faults until a poll emits nothing. */
	async drain(): Promise<void> {
		fixture.sim.setFaults([]);
		for (let polls = 0; polls < 10 && (await this.poll()) !== null; polls++);
	}
}

/** Fault plans for the polls of a trigger: some polls fail outright, some recover. */
function pollFaults(route: string): FaultRule[][] {
	const match = on(route);
	return [
		[{ kind: 'status', status: 503, match }], // the whole poll fails
		[{ kind: 'reset', times: 2, match }],
		[{ kind: 'malformed', match }], // fails
		[{ kind: 'status', status: 429, retryAfter: 1, times: 3, match }],
		[{ kind: 'resetMidBody', match }], // fails
		[{ kind: 'html', times: 4, match }],
		[
			{ kind: 'status', status: 500, probability: 0.3, match },
			{ kind: 'resetMidBody', probability: 0.3, match },
		],
		[{ kind: 'html', match }], // fails
	];
}

describe('the trigger loses and duplicates nothing across restarts under faults', () => {
	it('New Delivered Companies: every delivered company fires exactly once', async () => {
		const prospectSearchId = [...fixture.sim.state.prospectSearches.keys()][1];
		const trigger = new RestartingTrigger({
			event: 'newDeliveredCompanies',
			prospectSearchId: byId(prospectSearchId),
		});
		expect(await trigger.poll()).toBeNull(); // the first poll sets the starting point
		const delivered: string[] = [];
		const plans = pollFaults('GET /api/v1/deliveries/{prospect_search_id}/companies');
		for (const [round, faults] of plans.entries()) {
			// Round 2 delivers more than a page, so a fault can strike between two pages.
			const added = fixture.sim.addCompanies(prospectSearchId, round === 2 ? 130 : 3 + round);
			delivered.push(...added.map((company) => company.id));
			fixture.sim.setFaults(faults);
			await trigger.poll();
			await trigger.poll();
		}
		await trigger.drain();
		expect(trigger.failures).toBeGreaterThanOrEqual(4);
		const fired = trigger.emitted.map((json) => String(json.id));
		expect(fired).toHaveLength(delivered.length);
		expect(new Set(fired)).toEqual(new Set(delivered));
	});

	it('Order Finished: every finished order fires exactly once', async () => {
		const trigger = new RestartingTrigger({
			event: 'orderFinished',
			statuses: ['COMPLETED', 'FAILED'],
		});
		fixture.sim.clock.advance(11_000); // orders of earlier tests finish before the trigger starts
		expect(await trigger.poll()).toBeNull();
		const created: string[] = [];
		for (const faults of pollFaults('GET /api/v1/orders')) {
			fixture.sim.setFaults([]);
			const { items, error } = await run({
				parameters: {
					resource: 'order',
					operation: 'create',
					orderType: 'discovery',
					profileId: '={{ $json.profile }}',
					briefingQuantity: 3,
				},
				input: [{ profile: 'profile-a' }, { profile: 'profile-fail-b' }],
			});
			expect(error).toBeUndefined();
			created.push(...items.map((item) => String(item.json.id)));
			fixture.sim.setFaults(faults);
			await trigger.poll(); // sees them unfinished, or fails
			fixture.sim.clock.advance(11_000); // COMPLETED, or FAILED for the "fail" profile
			await trigger.poll();
		}
		await trigger.drain();
		expect(trigger.failures).toBeGreaterThanOrEqual(4);
		const fired = trigger.emitted.map((json) => String(json.id));
		expect(fired).toHaveLength(created.length);
		expect(new Set(fired)).toEqual(new Set(created));
		expect(new Set(trigger.emitted.map((json) => json.status))).toEqual(
			new Set(['COMPLETED', 'FAILED']),
		);
	});
});

keyNeverLeaks(suite, 20);
