/** Prospect Search: parameters a user or an AI agent may get wrong, refused before anything is sent. */
import type { INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import type { BadInput } from '../../helpers/badInput';
import { describeBadInput, describeRefusedByN8n, FROM_ITEM, SEARCH } from '../../helpers/badInput';
import { runNode } from '../../helpers/engine';
import { byId, useSimulator } from '../../helpers/simulator';

const fixture = useSimulator({ seed: 7, searches: 1, companiesPerSearch: 5 });

const search = (operation: string, parameters: INodeParameters) => ({
	resource: 'prospectSearch',
	operation,
	prospectSearchId: byId(SEARCH),
	...parameters,
});

describeBadInput(fixture, {
	'Prospect Search > Get: a prospect search that is not a UUID': {
		parameters: search('get', { prospectSearchId: byId(FROM_ITEM) }),
		input: [{ value: '550e8400' }],
		parameter: 'Prospect Search',
		problem: /is not a valid UUID/,
	},
	'Prospect Search > Get Blacklists: Limit 0': {
		parameters: search('getBlacklists', { limit: 0 }),
		parameter: 'Limit',
		problem: /got 0/,
	},
	'Prospect Search > Update: nothing to update': {
		parameters: search('update', { updateFields: {} }),
		parameter: 'Update Fields',
		problem: /nothing to update/,
	},
	'Prospect Search > Update: an empty name': {
		parameters: search('update', { updateFields: { name: '   ' } }),
		parameter: 'Name',
		problem: /is empty/,
	},
	'Prospect Search > Update: a negative version': {
		parameters: search('update', {
			useCurrentVersion: false,
			version: -1,
			updateFields: { name: 'Hotels' },
		}),
		parameter: 'Version',
		problem: /whole number of 0 or more/,
	},
	'Prospect Search > Set Blacklists: no IDs without Clear All': {
		parameters: search('setBlacklists', { blacklistIds: ' , ' }),
		parameter: 'Blacklist IDs',
		problem: /is empty/,
	},
	'Prospect Search > Set Blacklists: objects instead of IDs': {
		parameters: search('setBlacklists', { blacklistIds: '={{ [{ "id": "b-1" }] }}' }),
		parameter: 'Blacklist IDs',
		problem: /\{"id":"b-1"\} is not an ID/,
	},
	'Prospect Search > Set Blacklists: ".." in an ID array': {
		parameters: search('setBlacklists', { blacklistIds: '={{ ["b-1", ".."] }}' }),
		parameter: 'Blacklist IDs',
		problem: /"\.\." is not an ID/,
	},
	'Prospect Search > Set Blacklists: an empty element between two IDs': {
		parameters: search('setBlacklists', { blacklistIds: 'b-1,,b-2' }),
		parameter: 'Blacklist IDs',
		problem: /element 2 of 3 is empty/,
	},
	'Prospect Search > Set Blacklists: an empty string in an ID array': {
		parameters: search('setBlacklists', { blacklistIds: FROM_ITEM }),
		input: [{ value: ['b-1', '', 'b-2'] }],
		parameter: 'Blacklist IDs',
		problem: /element 2 of 3 is empty/,
	},
	'Prospect Search > Update: an Update Mask entry that is not a field name': {
		parameters: search('update', {
			updateFields: { name: 'Hotels' },
			options: { updateMask: 'name, ideal customer profile' },
		}),
		parameter: 'Update Mask',
		problem: /^Update Mask: "ideal customer profile" is not a field name/,
	},
	'Prospect Search > Update: an empty element in the Update Mask': {
		parameters: search('update', {
			updateFields: { name: 'Hotels' },
			options: { updateMask: 'name,,ideal_customer_profile' },
		}),
		parameter: 'Update Mask',
		problem: /element 2 of 3 is empty/,
	},
} satisfies Record<string, BadInput>);

describeRefusedByN8n(fixture, [
	[
		'a By ID value that is not a UUID',
		search('get', { prospectSearchId: byId('550e8400') }),
		/Not a valid UUID/,
	],
]);

describe('By URL: only the UUID of an OpenProspect search URL is used', () => {
	it('refuses a URL from an expression whose last segment is "..", before anything is sent', async () => {
		const { items, error } = await runNode({
			parameters: search('get', {
				prospectSearchId: {
					__rl: true,
					mode: 'url',
					value: '={{ "https://app.openprospect.io/searches/" + $json.value }}',
				},
			}),
			input: [{ value: '..' }],
			credentials: fixture.credentials,
		});
		expect(items).toEqual([]);
		expect(error?.message).toMatch(/Prospect Search parameter's value is invalid/);
		expect(fixture.sim.counters.total).toBe(0);
	});
});
