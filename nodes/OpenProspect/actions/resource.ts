import type { NodeMap, Resource } from './node.type';
import type { Operation } from './operation';

/** One operation of a resource: its entry in the Operation list, and its module. */
export interface OperationEntry {
	name: string;
	description: string;
	action: string;
	module: Operation;
}

/**
 * A resource: its name in the Resource list and a table with exactly the operations NodeMap gives
 * it. Each resource's index.ts declares its table with `satisfies ResourceDefinition<'…'>`, so an
 * operation missing from (or unknown to) the map does not compile.
 */
export interface ResourceDefinition<R extends Resource> {
	displayName: string;
	defaultOperation: NodeMap[R];
	operations: { [O in NodeMap[R]]: OperationEntry };
}

export type Registry = { [R in Resource]: ResourceDefinition<R> };
