import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** The ID of a created record (an order, a creation); the docs do not show the field, `id` is the norm. */
export function recordId(record: IDataObject, ...fallbacks: string[]): string | undefined {
	for (const key of ['id', ...fallbacks]) {
		const value = record[key];
		if (typeof value === 'string' || typeof value === 'number') return String(value);
	}
	return undefined;
}

/** A create response without an ID, so there is nothing to wait for. */
export function missingIdError(
	context: IExecuteFunctions,
	itemIndex: number,
	what: string,
	hint: string,
): NodeApiError {
	const message = `OpenProspect created the ${what} but returned no ID to wait for`;
	return new NodeApiError(
		context.getNode(),
		{ message },
		{ message, description: hint, itemIndex },
	);
}

/** The first non-empty text among `keys`: the docs do not name the field holding a reason. */
export function firstText(record: IDataObject, keys: string[]): string | undefined {
	for (const key of keys) {
		const value = record[key];
		if (typeof value === 'string' && value.trim() !== '') return value.trim();
	}
	return undefined;
}
