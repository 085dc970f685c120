import { apiKey } from './apiKey';
import { blacklist } from './blacklist';
import { company } from './company';
import { delivery } from './delivery';
import type { Resource } from './node.type';
import type { Operation } from './operation';
import { order } from './order';
import { prospect } from './prospect';
import { prospectSearch } from './prospectSearch';
import type { OperationEntry, Registry } from './resource';
import { searchProfile } from './searchProfile';

/**
 * Every resource of the node. The router and the node's parameters (the Resource and Operation
 * lists, each operation's fields) are built from this one table: adding a resource touches only
 * this file, NodeMap and the resource's own folder.
 */
export const registry = {
	apiKey,
	blacklist,
	company,
	delivery,
	order,
	prospect,
	prospectSearch,
	searchProfile,
} satisfies Registry;

const has = (record: object, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/** The operation chosen by the two parameters (plain strings at run time), if the node has it. */
export function findOperation(resource: string, operation: string): Operation | undefined {
	if (!has(registry, resource)) return undefined;
	const operations: Record<string, OperationEntry> = registry[resource as Resource].operations;
	return has(operations, operation) ? operations[operation].module : undefined;
}
