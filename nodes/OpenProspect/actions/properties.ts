import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { Resource } from './node.type';
import { registry } from './registry';
import type { OperationEntry } from './resource';

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

const resources = Object.keys(registry) as Resource[];

/** The Operation list of one resource, then the fields of each of its operations. */
function resourceProperties(resource: Resource): INodeProperties[] {
	const definition = registry[resource];
	const entries: Array<[string, OperationEntry]> = Object.entries(definition.operations);
	const options: INodePropertyOptions[] = entries
		.map(([value, entry]) => ({
			name: entry.name,
			value,
			description: entry.description,
			action: entry.action,
		}))
		.sort(byName);
	const defaultOperation: string = definition.defaultOperation;
	const selector: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [resource] } },
		options,
		default: defaultOperation,
	};
	return [selector, ...entries.flatMap(([, entry]) => entry.module.description)];
}

/** Every parameter of the OpenProspect node: the resource selector, then each resource's operations. */
export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((value) => ({ name: registry[value].displayName, value })).sort(byName),
		default: 'order',
	},
	...resources.flatMap(resourceProperties),
];

/** "Resource: Operation" display names by "resource.operation" value, for the canvas subtitle. */
export const subtitles: Record<string, string> = Object.fromEntries(
	resources.flatMap((resource) =>
		Object.entries(registry[resource].operations as Record<string, OperationEntry>).map(
			([operation, entry]) => [
				`${resource}.${operation}`,
				`${registry[resource].displayName}: ${entry.name}`,
			],
		),
	),
);
