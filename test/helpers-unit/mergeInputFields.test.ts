import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { pickFields, repairResults } from '../../nodes/OpenProspect/helpers/orderRows';

describe('Merge Input Fields: own fields only', () => {
	it('does not copy inherited properties such as toString or constructor', () => {
		const input = { crm_id: 'CRM-1' };
		expect(pickFields(input, ['crm_id', 'toString', 'constructor', 'hasOwnProperty'])).toEqual({
			crm_id: 'CRM-1',
		});
	});

	it("an input's own __proto__ field is copied as data and cannot set the prototype", () => {
		const input = JSON.parse('{"__proto__": {"polluted": true}, "crm_id": "CRM-1"}') as IDataObject;
		for (const selection of [['__proto__', 'crm_id'], 'all'] as const) {
			const picked = pickFields(input, selection === 'all' ? 'all' : [...selection]);
			expect(Object.getPrototypeOf(picked)).toBe(Object.prototype);
			expect((picked as { polluted?: unknown }).polluted).toBeUndefined();
			expect(Object.keys(picked).sort()).toEqual(['__proto__', 'crm_id']);
		}
		const [result] = repairResults({
			results: [{ id: 'r1', source_id: '0' }],
			externalIds: ['0'],
			inputs: [input],
			merge: ['__proto__'],
		});
		const merged = result.json.input as IDataObject;
		expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
		expect(Object.keys(merged)).toEqual(['__proto__']);
	});

	it('an own field named "input" on a result sends the input fields to input_item, not over it', () => {
		const inherited = Object.create({ input: 'inherited' }) as IDataObject;
		inherited.id = 'r1';
		inherited.source_id = '0';
		const [result] = repairResults({
			results: [inherited],
			externalIds: ['0'],
			inputs: [{ crm_id: 'CRM-1' }],
			merge: 'all',
		});
		expect(result.json.input).toEqual({ crm_id: 'CRM-1' });
	});

	it('picks exactly the selected own fields of any record (property)', () => {
		fc.assert(
			fc.property(
				fc.dictionary(fc.string(), fc.jsonValue()),
				fc.array(fc.string()),
				(record, names) => {
					const picked = pickFields(record as IDataObject, names);
					expect(Object.getPrototypeOf(picked)).toBe(Object.prototype);
					const expected = names.filter((name) =>
						Object.prototype.hasOwnProperty.call(record, name),
					);
					expect(Object.keys(picked).sort()).toEqual([...new Set(expected)].sort());
				},
			),
		);
	});
});
