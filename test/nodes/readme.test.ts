import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { OpenProspect } from '../../nodes/OpenProspect/OpenProspect.node';
import { readRepoFile } from '../helpers/files.mjs';

/** The README's operations table must list every operation the node offers, and nothing else. */
describe('README operations table', () => {
	const readme = readRepoFile('README.md');
	const rows = new Set(
		[...readme.matchAll(/^\| ([A-Z][\w ]+?) \| ([A-Z][\w ]+?) \| `/gm)].map(
			([, resource, operation]) => `${resource} > ${operation}`,
		),
	);
	const { properties } = new OpenProspect().description;
	const resourceNames = new Map(
		(
			properties.find((property) => property.name === 'resource')?.options as INodePropertyOptions[]
		).map((option) => [option.value, option.name]),
	);
	const offered = properties
		.filter((property: INodeProperties) => property.name === 'operation')
		.flatMap((property) =>
			(property.options as INodePropertyOptions[]).map(
				(option) =>
					`${resourceNames.get(String(property.displayOptions?.show?.resource?.[0]))} > ${option.name}`,
			),
		);

	it('lists every operation of the node', () => {
		expect(offered.length).toBe(29);
		expect([...rows].sort()).toEqual([...offered].sort());
	});
});
