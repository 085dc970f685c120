/** The trigger refuses bad parameters before it polls (the simulator counts zero requests). */
import type { INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { runPoll } from '../helpers/engine';
import { byId, useSimulator } from '../helpers/simulator';

const fixture = useSimulator({ seed: 7, searches: 1, companiesPerSearch: 5 });

describe('the trigger refuses bad parameters before polling', () => {
	const cases: Array<[string, INodeParameters, RegExp]> = [
		[
			'New Delivered Companies: a prospect search that is not a UUID',
			{ event: 'newDeliveredCompanies', prospectSearchId: byId('hotels') },
			/^Prospect Search: "hotels" is not a valid UUID \[item 0\]$/,
		],
		[
			'New Delivered Companies: empty prospect search',
			{ event: 'newDeliveredCompanies', prospectSearchId: byId('') },
			/^Prospect Search: is empty \[item 0\]$/,
		],
		[
			'Order Finished: no status chosen',
			{ event: 'orderFinished', statuses: [] },
			/^Statuses: choose at least one status$/,
		],
		[
			'Order Finished: Max Items on First Run 0',
			{
				event: 'orderFinished',
				options: { emitExistingOnFirstRun: true, maxItemsOnFirstRun: 0 },
			},
			/^Max Items on First Run: must be a whole number from 1 to 10000, got 0$/,
		],
	];

	it.each(cases)('%s', async (_, parameters, message) => {
		await expect(
			runPoll({ parameters, credentials: fixture.credentials, staticData: {} }),
		).rejects.toThrow(message);
		expect(fixture.sim.counters.total).toBe(0);
	});
});
