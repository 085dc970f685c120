import type { IDataObject } from 'n8n-workflow';

/** A plain JSON object: not null, not an array. */
export function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What was thrown, as an Error: code that throws strings or plain objects still gets a message. */
export function asError(thrown: unknown): Error {
	if (thrown instanceof Error) return thrown;
	return new Error(
		typeof thrown === 'string' ? thrown : (JSON.stringify(thrown) ?? String(thrown)),
	);
}
