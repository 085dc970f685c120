import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { countPresent } from '../../../nodes/OpenProspect/actions/blacklist/reconcileEntries';

const stored = (entry: IDataObject): IDataObject => ({
	id: 'e',
	company_name: null,
	website_url: null,
	external_id: null,
	city: null,
	created_at: '2025-06-01T08:00:00Z',
	...entry,
});

describe('countPresent: which entries of a lost Add Entries request the blacklist holds', () => {
	it('an entry is present when a stored one agrees on every field sent (case and spaces aside)', () => {
		const list = [
			stored({ company_name: 'Acme GmbH', city: 'Berlin' }),
			stored({ website_url: 'https://beta.example' }),
		];
		expect(countPresent([{ company_name: ' acme gmbh', city: 'BERLIN ' }], list)).toBe(1);
		expect(countPresent([{ website_url: 'https://beta.example' }], list)).toBe(1);
		expect(countPresent([{ company_name: 'Acme GmbH', city: 'Hamburg' }], list)).toBe(0);
		expect(countPresent([{ company_name: 'Acme GmbH', external_id: 'X-1' }], list)).toBe(0);
	});

	it('every entry of a stored list is found, whatever its order and extra records (property)', () => {
		const entry = fc.record(
			{
				company_name: fc.string({ minLength: 1 }),
				website_url: fc.webUrl(),
				external_id: fc.string({ minLength: 1 }),
				city: fc.string({ minLength: 1 }),
			},
			{ requiredKeys: [] },
		);
		fc.assert(
			fc.property(
				fc.array(entry, { maxLength: 20 }),
				fc.array(entry, { maxLength: 20 }),
				(sent, others) => {
					const list = [...others, ...sent].map((item) => stored(item));
					expect(countPresent(sent, list.reverse())).toBe(sent.length);
				},
			),
		);
	});
});
