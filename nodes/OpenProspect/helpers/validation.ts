import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** The UUID pattern, unanchored, as the resource locators' regex validations need it. */
export const UUID_PATTERN =
	'[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const UUID = new RegExp(`^${UUID_PATTERN}$`);

/**
 * What OpenProspect IDs are made of: UUIDs, prefixed IDs such as `ps_abc123`, names such as
 * `del_123abc`. Anything else (`.`, `..`, `/`, `%2F`, spaces) could change the meaning of the URL
 * the ID is put into, so it is refused before a request is built.
 */
const ID = /^[A-Za-z0-9_-]{1,128}$/;

export const MAX_LIMIT = 100_000;

/** What reading and checking a parameter needs: an action's context, or a trigger's adapted. */
export interface ParameterContext extends Pick<IExecuteFunctions, 'getNode'> {
	getNodeParameter(
		name: string,
		itemIndex: number,
		fallback: unknown,
		options: { extractValue: true },
	): unknown;
}

export function isUuid(value: string): boolean {
	return UUID.test(value);
}

export function isOpenProspectId(value: string): boolean {
	return ID.test(value);
}

/** A value quoted for a message: JSON string syntax (control characters visible), at most 80 characters. */
export function quoted(value: string): string {
	return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
}

/** A validation failure raised before any request is sent: names the parameter and the item. */
export function invalidParameter(
	context: ParameterContext,
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

/** Why `value` (trimmed, non-empty) is not an OpenProspect ID, or undefined when it is one. */
export function idProblem(value: string): { problem: string; hint: string } | undefined {
	if (ID.test(value)) return undefined;
	if (/[/?#]/.test(value)) {
		return {
			problem: `${quoted(value)} is not an ID (it contains / ? or #)`,
			hint: 'Use "By URL" to paste a link, or enter only the ID.',
		};
	}
	return {
		problem: `${quoted(value)} is not an ID (OpenProspect IDs are 1 to 128 letters, digits, - and _)`,
		hint: 'e.g. 550e8400-e29b-41d4-a716-446655440000 or ps_abc123',
	};
}

/** Checks one ID that is already trimmed and non-empty. */
export function checkId(
	context: ParameterContext,
	itemIndex: number,
	displayName: string,
	value: string,
): string {
	const failure = idProblem(value);
	if (failure)
		throw invalidParameter(context, itemIndex, displayName, failure.problem, failure.hint);
	return value;
}

/**
 * Reads a resource-locator or string ID parameter and checks it. `uuid` is set where the API is
 * documented to use UUIDs (prospect searches, companies).
 */
export function readId(
	context: ParameterContext,
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
			`${quoted(value)} is not a valid UUID`,
			'OpenProspect IDs of this kind look like 550e8400-e29b-41d4-a716-446655440000.',
		);
	}
	return checkId(context, itemIndex, displayName, value);
}

/**
 * Return All / Limit as a number: a number, or a string of decimal digits (an expression or an AI
 * agent may send text). Undefined when it is neither; the range is checked by the caller.
 */
export function parseLimit(raw: unknown): number | undefined {
	if (typeof raw === 'number') return raw;
	if (typeof raw === 'string' && /^\s*\d+\s*$/.test(raw)) return Number(raw);
	return undefined;
}

/** Reads Return All / Limit: undefined for Return All, else a checked limit. */
export function readReturnLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	const raw = context.getNodeParameter('limit', itemIndex, 50) as unknown;
	const limit = parseLimit(raw);
	if (limit === undefined || !Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
		throw invalidParameter(
			context,
			itemIndex,
			'Limit',
			`must be a whole number from 1 to ${MAX_LIMIT}, got ${typeof raw === 'number' ? String(raw) : JSON.stringify(raw)}`,
			'Or turn on Return All.',
		);
	}
	return limit;
}
