import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { firstText, recordId } from '../shared/records';

export const CREATIONS_PATH = '/api/v1/search-profile-creations';
export { TERMINAL_PROFILE_STATUSES as TERMINAL_CREATION_STATUSES } from '../../helpers/statuses';
export const CREATION_GET_HINT =
	'read it later with Search Profile > Get; profile_id is set once it has SUCCEEDED';

export function creationPath(creationId: string): string {
	return `${CREATIONS_PATH}/${encodeURIComponent(creationId)}`;
}

/** The error for a FAILED creation: its error_message, and that a retry needs a NEW key. */
export function creationFailedError(
	context: IExecuteFunctions,
	creation: IDataObject,
	itemIndex: number,
): NodeApiError {
	const id = recordId(creation, 'profile_creation_id') ?? 'unknown';
	const reason = firstText(creation, ['error_message', 'status_message', 'message', 'reason']);
	const message = `Search profile creation ${id} FAILED${reason ? `: ${reason}` : ''}`;
	const description = [
		'To retry, send the request with a NEW Idempotency-Key: run the node in a new execution (the derived key changes), or change Options > Idempotency Key. The same key returns this failed creation again.',
		`Profile creation ID: ${id}`,
		reason ? `Reason: ${reason}` : 'OpenProspect gave no reason.',
	].join('\n');
	// Only plain fields: NodeApiError would read a `status` field as an HTTP code.
	const response: JsonObject = { message, profile_creation_id: id, reason: reason ?? null };
	return new NodeApiError(context.getNode(), response, { message, description, itemIndex });
}
