/** What the blacklist tests share. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

export const BLACKLIST = 'bl-1';

export const PATH = `/api/v1/blacklists/${BLACKLIST}`;

export const DERIVED_KEY = /^n8n-[0-9a-f]{40}$/;

export function blacklist(operation: string, parameters: INodeParameters = {}): INodeParameters {
	return { resource: 'blacklist', operation, ...parameters };
}

/** The Idempotency-Key header of every request a scope answers, in order. */
export function recordKeys(
	interceptor: nock.Interceptor,
	keys: string[],
	status: number,
	body: IDataObject,
) {
	return interceptor.reply(function () {
		keys.push(String(this.req.headers['idempotency-key']));
		return [status, body];
	});
}
