import type { INodeProperties, INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { subtitles } from '../../nodes/OpenProspect/actions/properties';
import { OpenProspect } from '../../nodes/OpenProspect/OpenProspect.node';
import { OpenProspectTrigger } from '../../nodes/OpenProspect/OpenProspectTrigger.node';

/** Invariants n8n's UX guidelines ask for, checked on every parameter of both nodes. */
const nodes: Array<[string, INodeTypeDescription]> = [
	['OpenProspect', new OpenProspect().description],
	['OpenProspect Trigger', new OpenProspectTrigger().description],
];

function* allProperties(properties: INodeProperties[]): Generator<INodeProperties> {
	for (const property of properties) {
		yield property;
		if (property.type === 'collection' && Array.isArray(property.options)) {
			yield* allProperties(property.options as INodeProperties[]);
		}
	}
}

const isOptionList = (property: INodeProperties) =>
	property.type === 'options' || property.type === 'multiOptions';

describe.each(nodes)('%s description', (_, description) => {
	const properties = [...allProperties(description.properties)];

	it('has themed icons, a subtitle and English defaults', () => {
		expect(description.icon).toEqual({
			light: 'file:../../icons/openprospect.svg',
			dark: 'file:../../icons/openprospect.dark.svg',
		});
		expect(description.subtitle).toBeTruthy();
		expect(description.credentials).toEqual([{ name: 'openProspectApi', required: true }]);
	});

	it('describes every parameter, so people and AI agents know what to enter', () => {
		const undocumented = properties
			.filter((property) => !['notice', 'collection', 'fixedCollection'].includes(property.type))
			.filter((property) => !['resource', 'operation'].includes(property.name))
			.filter((property) => !property.description)
			.map((property) => property.name);
		expect(undocumented).toEqual([]);
	});

	it('sorts every option list by name', () => {
		for (const property of properties.filter(isOptionList)) {
			const names = (property.options as INodePropertyOptions[]).map((option) => option.name);
			expect(names, property.name).toEqual([...names].sort((a, b) => a.localeCompare(b)));
		}
	});

	it('starts boolean descriptions with "Whether"', () => {
		for (const property of properties.filter((candidate) => candidate.type === 'boolean')) {
			expect(property.description, property.name).toMatch(/^Whether /);
		}
	});

	it('opens resource locators on "From List" and names them in Title Case', () => {
		for (const property of properties.filter((candidate) => candidate.type === 'resourceLocator')) {
			expect(property.default, property.name).toEqual({ mode: 'list', value: '' });
			expect(property.modes?.[0]?.name, property.name).toBe('list');
		}
		for (const property of properties) {
			expect(property.displayName, property.name).toMatch(/^[A-Z0-9]/);
		}
	});

	it('uses the standard Return All / Limit texts', () => {
		for (const property of properties.filter((candidate) => candidate.name === 'returnAll')) {
			expect(property.description).toBe(
				'Whether to return all results or only up to a given limit',
			);
		}
		for (const property of properties.filter((candidate) => candidate.name === 'limit')) {
			expect(property.description).toBe('Max number of results to return');
			expect(property.typeOptions?.minValue).toBe(1);
		}
	});
});

describe('OpenProspect node', () => {
	const { description } = new OpenProspect();

	it('shows "Resource: Operation" on the canvas for every operation', () => {
		expect(Object.keys(subtitles)).toHaveLength(29);
		expect(subtitles['order.create']).toBe('Order: Create');
		expect(subtitles['prospectSearch.setBlacklists']).toBe('Prospect Search: Set Blacklists');
		expect(description.subtitle).toContain('"company.getAll":"Company: Get Many"');
	});

	it('is usable as an AI-agent tool', () => {
		expect(description.usableAsTool).toBe(true);
	});

	it('gives every operation a sentence-case action and a description', () => {
		const operations = description.properties.filter((property) => property.name === 'operation');
		expect(operations).toHaveLength(8);
		for (const operation of operations) {
			for (const option of operation.options as INodePropertyOptions[]) {
				expect(option.action, String(option.value)).toMatch(
					/^[A-Z][a-z]+( [a-z0-9]+| API| [A-Z]{2,})*/,
				);
				expect(option.description, String(option.value)).toBeTruthy();
			}
		}
	});
});

describe('OpenProspect Trigger', () => {
	const { description } = new OpenProspectTrigger();

	it('polls, has no inputs and follows the trigger naming rules', () => {
		expect(description.polling).toBe(true);
		expect(description.inputs).toEqual([]);
		expect(description.name).toMatch(/Trigger$/);
		expect(description.displayName).toContain('Trigger');
	});
});
