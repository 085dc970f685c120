/**
 * Direct transport calls for the transport tests (nock answers them): the request as the node would
 * send it, and the error it ends in.
 */
import nock from 'nock';
import { afterEach, beforeAll, beforeEach } from 'vitest';

import type { ApiRequest } from '../../nodes/OpenProspect/transport';
import { apiRequest } from '../../nodes/OpenProspect/transport';
import { makeExecuteContext } from './engine';
import { sleepMock } from './sleepMock';

export interface MappedError {
	message: string;
	description?: string | null;
	httpCode?: string | null;
}

export const ORDER_HINT = 'Use Order > Get Many to see whether the order was created before trying again.';

export async function request(input: ApiRequest, credentials?: { apiKey: string; baseUrl: string }): Promise<unknown> {
	return await apiRequest.call(makeExecuteContext({ credentials }), input);
}

export async function failure(input: ApiRequest): Promise<MappedError> {
	try {
		await request(input);
	} catch (error) {
		return error as MappedError;
	}
	throw new Error('The request was expected to fail');
}

/** No real network, a fresh sleep record per test, no interceptor left over. */
export function useNock(): void {
	beforeAll(() => nock.disableNetConnect());
	beforeEach(() => sleepMock.mockClear());
	afterEach(() => nock.cleanAll());
}
