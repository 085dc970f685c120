import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { OpenProspect } from '../../nodes/OpenProspect/OpenProspect.node';
import { readRepoFile, repoPathExists } from '../helpers/files.mjs';

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

/** The README's architecture diagram and layout name files and folders that exist. */
describe('README architecture', () => {
	const readme = readRepoFile('README.md');
	const section = readme.slice(readme.indexOf('## Architecture'), readme.indexOf('## Development'));
	const named = [
		...new Set(
			[
				...section.matchAll(/(?:^|\s)((?:actions|transport|triggers|helpers|methods)\/[\w./]+)/gm),
			].map(([, path]) => path.replace(/\/$/, '')),
		),
	].filter((path) => !path.includes('<'));

	it('names real paths', () => {
		expect(named.length).toBeGreaterThan(10);
		const missing = named.filter((path) => !repoPathExists(`nodes/OpenProspect/${path}`));
		expect(missing).toEqual([]);
	});
});
