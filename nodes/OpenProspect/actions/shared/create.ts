import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { idempotencyKeyFor, readUserIdempotencyKey } from '../../helpers/idempotency';
import { asRecord } from '../../helpers/params';
import { apiRequest } from '../../transport';

export interface CreateRequest {
	path: string;
	body: IDataObject;
	itemIndex: number;
	/** What the user can do to check the outcome when it is unknown. */
	outcomeCheckHint: string;
	/** The part number of a create split into several requests (appended to the key). */
	part?: number;
	/** Only where the API documents that it deduplicates a resend with the same key. */
	serverDeduplicates?: boolean;
}

/**
 * POSTs a create with its Idempotency-Key (the user's, or one derived from the execution, item
 * and body) and returns the created record.
 */
export async function postCreate(
	context: IExecuteFunctions,
	request: CreateRequest,
): Promise<IDataObject> {
	const { path, body, itemIndex, part } = request;
	const response = await apiRequest.call(context, {
		method: 'POST',
		path,
		body,
		idempotencyKey: idempotencyKeyFor(context, itemIndex, body, {
			userKey: readUserIdempotencyKey(context, itemIndex),
			part,
		}),
		serverDeduplicates: request.serverDeduplicates,
		itemIndex,
		outcomeCheckHint: request.outcomeCheckHint,
	});
	return asRecord(response);
}
