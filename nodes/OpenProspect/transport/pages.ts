import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { hasNextPage, nextPagePlan, PAGE_SIZE, readPage } from './pagination';
import type { ApiRequest, OpenProspectContext } from './request';
import { apiRequestFull, CREDENTIAL_TYPE } from './request';

/** One page of an offset-paginated list, as read. */
export interface Page {
	items: IDataObject[];
	/** The offset the page was requested at. */
	offset: number;
	total?: number;
	hasMore?: boolean;
	/** Response headers, names in lower case (e.g. `date`). */
	headers: IDataObject;
}

export interface PagedRequest extends Omit<ApiRequest, 'method' | 'body'> {
	/** Where to start reading (default 0). */
	startOffset?: number;
	/** Records per request (default and API maximum: 100). */
	pageSize?: number;
	/** Stop after this many records (undefined: read to the end). */
	limit?: number;
}

export function notAListError(context: OpenProspectContext, request: PagedRequest): NodeApiError {
	return new NodeApiError(
		context.getNode(),
		{ message: 'Unexpected list response' },
		{
			message: `OpenProspect returned something that is not a list for GET ${request.path}`,
			description: 'Expected an object with an "items" (or "orders") array, or an array.',
			itemIndex: request.itemIndex,
		},
	);
}

async function credentialsOf(
	context: OpenProspectContext,
	request: PagedRequest,
): Promise<ICredentialDataDecryptedObject> {
	return (
		request.credentials ??
		(await context.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE))
	);
}

/**
 * Reads an offset-paginated list one page at a time: stops on `has_more: false`, on
 * `offset + count >= total`, on an empty or short page, when the server ignores `offset` (the
 * same first record twice), or once `limit` records were read (never more than `limit`).
 */
export async function* readPages(
	this: OpenProspectContext,
	request: PagedRequest,
): AsyncGenerator<Page> {
	const credentials = await credentialsOf(this, request);
	const pageSize = request.pageSize ?? PAGE_SIZE;
	let offset = request.startOffset ?? 0;
	let count = 0;
	let previousFirst: string | undefined;
	for (;;) {
		const plan = nextPagePlan(offset, count, request.limit, pageSize);
		if (plan.limit <= 0) return;
		const response = await apiRequestFull.call(this, {
			...request,
			credentials,
			method: 'GET',
			qs: { ...request.qs, limit: plan.limit, offset: plan.offset },
		});
		const parsed = readPage(response.body);
		if (parsed === undefined) throw notAListError(this, request);
		const items =
			request.limit === undefined ? parsed.items : parsed.items.slice(0, request.limit - count);
		const first = items.length > 0 ? JSON.stringify(items[0]) : undefined;
		if (first !== undefined && first === previousFirst) return; // the server ignores `offset`
		previousFirst = first;
		count += items.length;
		yield { items, offset, total: parsed.total, hasMore: parsed.hasMore, headers: response.headers };
		if (!hasNextPage(parsed, offset, plan.limit)) return;
		offset += parsed.items.length;
	}
}
