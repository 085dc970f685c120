import { describe, expect, it } from 'vitest';

import {
	columnKey,
	compactRow,
	companyCountProblem,
	externalIdFor,
	firstIncompleteRow,
	parseFieldSelection,
	pickFields,
	repairResults,
	toCompanyRow,
} from '../../nodes/OpenProspect/helpers/orderRows';

describe('orderRows: building enrichment rows', () => {
	it('normalises headers and keeps only the five company fields, trimmed', () => {
		expect(columnKey(' Website URL ')).toBe('website_url');
		expect(columnKey('company-name')).toBe('company_name');
		expect(
			toCompanyRow({
				'Company Name': ' Acme GmbH ',
				'website-url': 'https://acme.com',
				External_ID: 1001,
				city: 'Berlin',
				country: '',
				employees: 50,
			}),
		).toEqual({
			company_name: 'Acme GmbH',
			website_url: 'https://acme.com',
			external_id: '1001',
			city: 'Berlin',
		});
	});

	it('reads the columns of Order > Get Results (name, website, source_id) as a row', () => {
		expect(
			toCompanyRow({
				id: 'r1',
				name: 'Acme',
				website: 'https://acme.com',
				source_id: 'CRM-1',
				city: 'Berlin',
				country: 'Germany',
			}),
		).toEqual({
			company_name: 'Acme',
			website_url: 'https://acme.com',
			external_id: 'CRM-1',
			city: 'Berlin',
			country: 'Germany',
		});
		// The canonical spelling wins over an alias; an empty canonical value does not.
		expect(
			toCompanyRow({ company_name: 'A', name: 'B', website_url: '', website: 'b.com' }),
		).toEqual({ company_name: 'A', website_url: 'b.com' });
	});

	it('compactRow drops empty and non-text values', () => {
		expect(
			compactRow({ company_name: '', website_url: ' acme.com ', city: undefined, country: {} }),
		).toEqual({ website_url: 'acme.com' });
	});

	it('finds the first row with neither name nor website', () => {
		expect(firstIncompleteRow([{ company_name: 'A' }, { website_url: 'b.com' }])).toBe(-1);
		expect(firstIncompleteRow([{ company_name: 'A' }, { city: 'Berlin' }, {}])).toBe(1);
	});

	it('accepts 1 to 10,000 companies', () => {
		expect(companyCountProblem(0)).toContain('no companies');
		expect(companyCountProblem(1)).toBeUndefined();
		expect(companyCountProblem(10_000)).toBeUndefined();
		expect(companyCountProblem(10_001)).toBe(
			'there are 10,001 companies; an order takes at most 10,000',
		);
	});

	it('external_id: the chosen value, else the item index', () => {
		expect(externalIdFor(' CRM-7 ', 3)).toBe('CRM-7');
		expect(externalIdFor(42, 3)).toBe('42');
		expect(externalIdFor('', 3)).toBe('3');
		expect(externalIdFor(undefined, 0)).toBe('0');
	});
});

describe('orderRows: pairing results back to input items', () => {
	const externalIds = ['0', '1', '2', '3'];
	const inputs = [
		{ crm: 'a', owner: 'ann', secret: 1 },
		{ crm: 'b', owner: 'bob', secret: 2 },
		{ crm: 'c', owner: 'cid', secret: 3 },
		{ crm: 'd', owner: 'dan', secret: 4 },
	];

	it('pairs shuffled results by source_id; results without a match go to every item', () => {
		const results = [
			{ id: 'r3', source_id: '3' },
			{ id: 'r0', source_id: '0' },
			{ id: 'rx', source_id: null },
			{ id: 'r2', source_id: 2 },
			{ id: 'r9', source_id: '9' },
			{ id: 'r1', source_id: '1' },
		];
		const items = repairResults({ results, externalIds });
		const every = [{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }];
		expect(items.map((item) => [item.json.id, item.pairedItem])).toEqual([
			['r3', { item: 3 }],
			['r0', { item: 0 }],
			['rx', every],
			['r2', { item: 2 }],
			['r9', every],
			['r1', { item: 1 }],
		]);
		expect(items[0].json).toEqual({ id: 'r3', source_id: '3' });
	});

	it('a repeated external_id pairs the result to each of those items', () => {
		const [item] = repairResults({
			results: [{ source_id: 'X' }],
			externalIds: ['X', 'Y', 'X'],
		});
		expect(item.pairedItem).toEqual([{ item: 0 }, { item: 2 }]);
	});

	it('Merge Input Fields copies the chosen fields under "input", never over an API field', () => {
		const results = [
			{ id: 'r1', source_id: '1', owner: 'from-api' },
			{ id: 'r2', source_id: '2', input: 'api field' },
			{ id: 'rx', source_id: null },
		];
		const merged = repairResults({ results, externalIds, inputs, merge: ['owner', 'missing'] });
		expect(merged.map((item) => item.json)).toEqual([
			{ id: 'r1', source_id: '1', owner: 'from-api', input: { owner: 'bob' } },
			{ id: 'r2', source_id: '2', input: 'api field', input_item: { owner: 'cid' } },
			{ id: 'rx', source_id: null },
		]);
		const all = repairResults({ results: [results[0]], externalIds, inputs, merge: 'all' });
		expect(all[0].json.input).toEqual(inputs[1]);
		expect(all[0].json.input).not.toBe(inputs[1]);
		expect(results[0]).not.toHaveProperty('input');
	});

	it('parses the field selection', () => {
		expect(parseFieldSelection('')).toBeUndefined();
		expect(parseFieldSelection(' , ')).toBeUndefined();
		expect(parseFieldSelection(' * ')).toBe('all');
		expect(parseFieldSelection('crm_id, owner,crm_id')).toEqual(['crm_id', 'owner']);
		expect(pickFields({ a: 1, b: 2 }, ['b', 'c'])).toEqual({ b: 2 });
	});
});
