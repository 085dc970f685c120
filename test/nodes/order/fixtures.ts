/** What the order tests share. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import nock from 'nock';

export const ORDER_ID = 'ord-1';

export const ORDER_PATH = `/api/v1/orders/${ORDER_ID}`;

export const RESULTS_PATH = `${ORDER_PATH}/results`;

export const DERIVED_KEY = /^n8n-[0-9a-f]{40}$/;

export const order = (status: string, extra: IDataObject = {}) => ({
	id: ORDER_ID,
	status,
	order_type: 'DISCOVERY',
	profile_id: 'prof-1',
	briefing_quantity: 5,
	status_message: null,
	unknown_field: { kept: true },
	...extra,
});

export const result = (index: number, sourceId: string | null = null): IDataObject => ({
	id: `res-${index}`,
	order_id: ORDER_ID,
	source_id: sourceId,
	name: `Company ${index}`,
	website: `https://c${index}.example`,
	city: 'Berlin',
	country: 'Germany',
	match_score: 8.5,
	contacts: [{ name: 'Ann', role: 'CEO' }],
	technologies: ['React'],
});

/** Answers GET ORDER_PATH with each of `statuses` in turn. */
export function statusSequence(scope: nock.Scope, ...replies: Array<[number, IDataObject]>) {
	for (const [status, body] of replies) scope.get(ORDER_PATH).reply(status, body);
	return scope;
}

export function create(parameters: INodeParameters): INodeParameters {
	return { resource: 'order', operation: 'create', ...parameters };
}

export const discovery = (extra: INodeParameters = {}) =>
	create({ orderType: 'discovery', profileId: 'prof-1', briefingQuantity: 5, ...extra });

export const waiting = (extra: INodeParameters = {}) => ({
	waitForCompletion: true,
	maxWait: 300,
	pollInterval: 10,
	...extra,
});

export function csvBinary(text: string): INodeExecutionData['binary'] {
	return {
		data: {
			data: Buffer.from(text, 'utf8').toString('base64'),
			mimeType: 'text/csv',
			fileName: 'companies.csv',
		},
	};
}
