/**
 * The single way this package talks to OpenProspect. `apiRequest`/`apiRequestFull` send one
 * request (authenticated through n8n's credential, retried only where a resend cannot duplicate a
 * write, errors mapped to NodeApiError); `readPages` and `apiRequestAllItems` read lists.
 */
import type { ApiRequest, OpenProspectContext } from './request';
import { apiRequestFull } from './request';

export type { ApiRequest, ApiResponse, OpenProspectContext } from './request';
export {
	apiRequestFull,
	CREDENTIAL_TYPE,
	DEFAULT_TIMEOUT_MS,
	isOutcomeUnknown,
} from './request';
export type { Page, PagedRequest } from './pages';
export { readPages } from './pages';
export type { AllItemsRequest, ConcurrentPagedRequest } from './concurrentPages';
export { apiRequestAllItems, readPagesConcurrently } from './concurrentPages';
export { DEFAULT_MAX_CONCURRENCY } from './concurrency';

/** Sends one request and returns its parsed JSON body (undefined for an empty body, e.g. 204). */
export async function apiRequest(this: OpenProspectContext, request: ApiRequest): Promise<unknown> {
	return (await apiRequestFull.call(this, request)).body;
}
