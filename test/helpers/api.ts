/**
 * The OpenProspect API as the action tests see it through nock: requests recorded for assertions,
 * and interceptors that prove a validation error sent nothing.
 */
import nock from 'nock';
import { expect } from 'vitest';

import { API_KEY, BASE_URL } from './engine';

export { locator } from './locator';

export interface SeenRequest {
	method: string;
	/** The path with its query string. */
	path: string;
	/** The JSON body, parsed; '' when the request had none. */
	body: unknown;
	/** The Idempotency-Key header, when sent. */
	key?: string;
}

/** The API, with the key checked on every request and each request's method, path, body and key kept. */
export function api() {
	const seen: SeenRequest[] = [];
	const scope = nock(BASE_URL).matchHeader('authorization', `Bearer ${API_KEY}`);
	scope.on(
		'request',
		(
			request: { method: string; path: string; headers: Record<string, string> },
			_interceptor: unknown,
			body: string,
		) => {
			seen.push({
				method: request.method,
				path: request.path,
				body: body ? (JSON.parse(body) as unknown) : body,
				key: request.headers['idempotency-key'],
			});
		},
	);
	return { scope, seen };
}

/** Interceptors that must stay unused, and nock's pending interceptors once they were set up. */
export interface Trapped {
	scope: nock.Scope;
	pending: string[];
}

/** Catch-all GET and POST interceptors that must stay unused: proof that validation sent nothing. */
export function trap(): Trapped {
	const scope = nock(BASE_URL).post(/.*/).reply(201, {}).get(/.*/).reply(200, { items: [] });
	return { scope, pending: nock.pendingMocks() };
}

/** Proves a validation error stopped the node before any request: the interceptors are untouched. */
export function expectNothingSent({ scope, pending }: Trapped): void {
	expect(scope.isDone()).toBe(false);
	expect(nock.pendingMocks()).toEqual(pending);
}
