import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const MAX_LIMIT = 100_000;

export function isUuid(value: string): boolean {
	return UUID.test(value);
}

/** A validation failure raised before any request is sent: names the parameter and the item. */
export function invalidParameter(
	context: IExecuteFunctions,
	itemIndex: number,
	parameter: string,
	problem: string,
	description?: string,
): NodeOperationError {
	return new NodeOperationError(context.getNode(), `${parameter}: ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description,
	});
}

/**
 * Reads a resource-locator or string ID parameter and checks it. `uuid` is set where the API is
 * documented to use UUIDs (prospect searches, companies).
 */
export function readId(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
	options: { uuid?: boolean } = {},
): string {
	const raw = context.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
	if (value === '') {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			'is empty',
			`Choose a record from the list, or enter its ID.`,
		);
	}
	if (options.uuid && !isUuid(value)) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			`"${value}" is not a valid UUID`,
			'OpenProspect IDs of this kind look like 550e8400-e29b-41d4-a716-446655440000.',
		);
	}
	if (/[/?#]/.test(value)) {
		throw invalidParameter(
			context,
			itemIndex,
			displayName,
			`"${value}" is not an ID (it contains / ? or #)`,
			'Use "By URL" to paste a link, or enter only the ID.',
		);
	}
	return value;
}

/** Reads Return All / Limit: undefined for Return All, else a checked limit. */
export function readReturnLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const limit = context.getNodeParameter('limit', itemIndex, 50) as number;
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
		throw invalidParameter(
			context,
			itemIndex,
			'Limit',
			`must be a whole number from 1 to ${MAX_LIMIT}, got ${String(limit)}`,
			'Or turn on Return All.',
		);
	}
	return limit;
}
