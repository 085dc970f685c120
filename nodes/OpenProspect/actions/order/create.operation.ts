import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { idempotencyKeyFor, readUserIdempotencyKey } from '../../helpers/idempotency';
import { parseFieldSelection, repairResults } from '../../helpers/orderRows';
import { asRecord, toItems, readAdditionalBody } from '../../helpers/params';
import { checkId, invalidParameter } from '../../helpers/validation';
import { apiRequest, apiRequestAllItems } from '../../transport';
import {
	additionalBodyFields,
	idempotencyKeyOption,
	optionsCollection,
} from '../common.descriptions';
import { readItemCompanies, readMappedCompanies } from './companies';
import { runPerItem } from '../itemRunner';
import type { ItemOutput } from '../operation';
import { createOrReconcile, reconcileCreate } from '../shared/reconcile';
import { missingIdError, recordId } from '../shared/records';
import type { Job, JobResult, WaitSettings } from '../shared/wait';
import { readWaitSettings, statusOf, waitForJobs, waitProperties } from '../shared/wait';
import {
	ORDER_TRIGGER_HINT,
	ORDERS_PATH,
	orderFailedError,
	orderMatchesBody,
	orderPath,
	TERMINAL_ORDER_STATUSES,
} from './shared';

const discovery = { show: { orderType: ['discovery'] } };
const enrichment = { show: { orderType: ['enrichment'] } };
const fromItems = { show: { orderType: ['enrichment'], companySource: ['inputItems'] } };

function mappedField(displayName: string, name: string, key: string, description: string) {
	return {
		displayName,
		name,
		type: 'string' as const,
		default: `={{ $json.${key} }}`,
		description,
		displayOptions: fromItems,
	};
}

const properties: INodeProperties[] = [
	{
		displayName: 'Order Type',
		name: 'orderType',
		type: 'options',
		description:
			'Discovery: OpenProspect finds new companies matching a search profile. Enrichment: OpenProspect enriches companies you send.',
		noDataExpression: true,
		options: [
			{
				name: 'Discovery',
				value: 'discovery',
				description: 'OpenProspect finds new companies that match a search profile',
			},
			{
				name: 'Enrichment',
				value: 'enrichment',
				description: 'You submit companies (1 to 10,000); OpenProspect enriches them',
			},
		],
		default: 'discovery',
	},
	{
		displayName: 'Profile ID',
		name: 'profileId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 5d1c7a2e-8f4b-4a9e-b3c1-2e7f9a0b4c6d',
		description:
			'The search profile that describes the companies to find: the profile_id of a SUCCEEDED Search Profile > Create',
		displayOptions: discovery,
	},
	{
		displayName: 'Profile ID',
		name: 'profileId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 5d1c7a2e-8f4b-4a9e-b3c1-2e7f9a0b4c6d',
		description:
			'The search profile to qualify the companies against (the profile_id of a SUCCEEDED Search Profile > Create). The API docs say every order starts from a profile; left out of the request when empty.',
		displayOptions: enrichment,
	},
	{
		displayName: 'Briefing Quantity',
		name: 'briefingQuantity',
		type: 'number',
		required: true,
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 10,
		description: 'How many qualified companies to find (a whole number, 1 or more)',
		displayOptions: discovery,
	},
	{
		displayName: 'Companies From',
		name: 'companySource',
		type: 'options',
		description: 'Where the companies to enrich come from',
		noDataExpression: true,
		options: [
			{
				name: 'CSV File',
				value: 'csvFile',
				description:
					'Every row of a CSV file in a binary field; one order per input item. Columns company_name (or name), website_url (or website), external_id (or source_id), city, country.',
			},
			{
				name: 'Input Items',
				value: 'inputItems',
				description:
					'One company per input item, from the fields mapped below; ONE order for all input items',
			},
			{
				name: 'JSON',
				value: 'json',
				description: 'A JSON array of companies; one order per input item',
			},
		],
		default: 'inputItems',
		displayOptions: enrichment,
	},
	mappedField(
		'Company Name',
		'companyName',
		'company_name',
		'Name of the company. Every company needs a Company Name or a Website URL.',
	),
	mappedField(
		'Website URL',
		'websiteUrl',
		'website_url',
		'Website of the company, e.g. https://acme.com. Every company needs a Company Name or a Website URL.',
	),
	{
		displayName: 'External ID',
		name: 'externalId',
		type: 'string',
		default: '',
		placeholder: 'e.g. {{ $json.crm_id }}',
		description:
			'Your own ID for the company, e.g. a CRM record ID. OpenProspect returns it as source_id in the results, which pairs each result to its input item. Leave empty to use the item index (0, 1, 2, …).',
		displayOptions: fromItems,
	},
	mappedField('City', 'city', 'city', 'City of the company. Optional.'),
	mappedField('Country', 'country', 'country', 'Country of the company, e.g. Germany. Optional.'),
	{
		displayName: 'Companies (JSON)',
		name: 'companiesJson',
		type: 'json',
		default: '[]',
		description:
			'A JSON array of 1 to 10,000 companies, each an object with company_name and/or website_url, and optionally external_id, city and country, e.g. [{"company_name": "Acme GmbH", "website_url": "https://acme.com", "external_id": "CRM-1001", "city": "Berlin", "country": "Germany"}]',
		displayOptions: { show: { orderType: ['enrichment'], companySource: ['json'] } },
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		hint: 'The name of the input binary field containing the CSV file',
		description:
			'The CSV needs a header row and 1 to 10,000 data rows, each with a company_name or a website_url. Order > Get Results can write such a file.',
		displayOptions: { show: { orderType: ['enrichment'], companySource: ['csvFile'] } },
	},
	{
		displayName:
			'Orders pass an admin review at OpenProspect and can take hours or days. Wait for Completion suits short jobs only; for long ones, use the OpenProspect Trigger (Order Finished).',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	...waitProperties(
		'the order',
		'When it is reached, the order goes on in OpenProspect: use the OpenProspect Trigger (Order Finished) for long jobs.',
	),
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{ name: 'Order', value: 'order', description: 'The finished order' },
			{
				name: 'Results (One Item per Company)',
				value: 'results',
				description:
					'Every company of the completed order as its own item. With companies from Input Items, each result is paired to the input item it came from.',
			},
		],
		default: 'order',
		description: 'What to output once the order is COMPLETED',
		displayOptions: { show: { waitForCompletion: [true] } },
	},
	optionsCollection([
		additionalBodyFields(
			'Extra fields for the request body, as a JSON object, for fields this node does not list, e.g. {"title": "Q1 hotel prospects", "features": ["COMPANY_DATA", "CONTACTS"]} or {"order_type": "ENRICHMENT"}. The fields set above take precedence.',
		),
		idempotencyKeyOption(
			'Sent as the Idempotency-Key header, so a repeated request (a retry) does not create a second order. Leave empty to let the node derive one from the execution, item and request body. With several input items, use an expression that differs per item. Reuse a key only with the same request.',
		),
		{
			displayName: 'Merge Input Fields',
			name: 'mergeInputFields',
			type: 'string',
			default: '',
			placeholder: 'e.g. crm_id, owner',
			description:
				'Comma-separated names of input item fields to copy into each result (Output = Results), under "input". Enter * for all fields.',
			displayOptions: {
				show: { '/orderType': ['enrichment'], '/companySource': ['inputItems'] },
			},
		},
	]),
];

const displayOptions = { show: { resource: ['order'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** briefing_quantity: a positive whole number (an expression or AI agent may send text). */
function readBriefingQuantity(context: IExecuteFunctions, itemIndex: number): number {
	const raw = context.getNodeParameter('briefingQuantity', itemIndex, 0) as unknown;
	const quantity = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1) {
		throw invalidParameter(
			context,
			itemIndex,
			'Briefing Quantity',
			`must be a whole number of 1 or more, got ${JSON.stringify(raw)}`,
		);
	}
	return quantity;
}

function readProfileId(context: IExecuteFunctions, itemIndex: number, required: boolean) {
	const profileId = String(context.getNodeParameter('profileId', itemIndex, '') ?? '').trim();
	if (required && profileId === '') {
		throw invalidParameter(
			context,
			itemIndex,
			'Profile ID',
			'is empty',
			'A discovery order needs the profile_id of a search profile; create one with Search Profile > Create.',
		);
	}
	return profileId === '' ? profileId : checkId(context, itemIndex, 'Profile ID', profileId);
}

/** The body without `companies`: extra fields first, so the node's own fields win. */
function baseBody(context: IExecuteFunctions, itemIndex: number, discovery: boolean): IDataObject {
	const body: IDataObject = readAdditionalBody(context, itemIndex);
	const profileId = readProfileId(context, itemIndex, discovery);
	if (profileId !== '') body.profile_id = profileId;
	if (discovery) body.briefing_quantity = readBriefingQuantity(context, itemIndex);
	return body;
}

interface WaitPlan {
	settings: WaitSettings;
	output: 'order' | 'results';
}

function readWaitPlan(context: IExecuteFunctions, itemIndex: number): WaitPlan | undefined {
	const settings = readWaitSettings(context, itemIndex);
	if (!settings) return undefined;
	const output = context.getNodeParameter('output', itemIndex, 'order') === 'results';
	return { settings, output: output ? 'results' : 'order' };
}

/** IDs of the orders this execution created or found, never taken for another item's lost create. */
type KnownOrders = Set<string>;

/**
 * POST /api/v1/orders. When the outcome is unknown (the server may have created the order, then
 * the answer was lost), looks for that order instead of sending the request again.
 */
async function createOrder(
	context: IExecuteFunctions,
	itemIndex: number,
	body: IDataObject,
	known: KnownOrders,
): Promise<IDataObject> {
	const sentAt = Date.now();
	const created = await createOrReconcile(
		async () =>
			asRecord(
				await apiRequest.call(context, {
					method: 'POST',
					path: ORDERS_PATH,
					body,
					idempotencyKey: idempotencyKeyFor(context, itemIndex, body, {
						userKey: readUserIdempotencyKey(context, itemIndex),
					}),
					itemIndex,
					outcomeCheckHint:
						'Use Order > Get Many to see whether the order was created before running the node again.',
				}),
			),
		async (error) =>
			await reconcileCreate(context, error, {
				path: ORDERS_PATH,
				itemIndex,
				elapsedMs: Date.now() - sentAt,
				matches: orderMatchesBody(body),
				known,
				what: 'order',
			}),
	);
	const id = recordId(created, 'order_id');
	if (id !== undefined) known.add(id);
	return created;
}

/** The wait for a created order; fails when the response has no ID to wait for. */
function orderJob(
	context: IExecuteFunctions,
	itemIndex: number,
	created: IDataObject,
	settings: WaitSettings,
): Job {
	const orderId = recordId(created, 'order_id');
	if (orderId === undefined) {
		throw missingIdError(
			context,
			itemIndex,
			'order',
			'Use Order > Get Many to find the order; do not create it again.',
		);
	}
	return {
		path: orderPath(orderId),
		initial: created,
		terminalStatuses: TERMINAL_ORDER_STATUSES,
		settings,
		itemIndex,
		label: `Order ${orderId}`,
		idField: 'order_id',
		id: orderId,
		hint: ORDER_TRIGGER_HINT,
	};
}

/** What the operation outputs: one record (the order, or the timed-out status), or the results. */
type Outcome = { record: IDataObject } | { results: IDataObject[] };

/** Fails on REJECTED, FAILED or CANCELLED; reads the results when Output = Results. */
async function finishOrder(
	context: IExecuteFunctions,
	job: Job,
	plan: WaitPlan,
	result: JobResult,
): Promise<Outcome> {
	if ('timedOut' in result) return { record: result.timedOut };
	if (statusOf(result.finished) !== 'COMPLETED') {
		throw orderFailedError(context, result.finished, job.itemIndex);
	}
	if (plan.output === 'order') return { record: result.finished };
	const results = await apiRequestAllItems.call(context, {
		path: orderPath(job.id, '/results'),
		itemIndex: job.itemIndex,
	});
	return { results };
}

function isFromInputItems(context: IExecuteFunctions): boolean {
	return (
		context.getNodeParameter('orderType', 0) === 'enrichment' &&
		context.getNodeParameter('companySource', 0, 'inputItems') === 'inputItems'
	);
}

/**
 * One order for this item: a discovery order, or an enrichment order with the companies of this
 * item's JSON or CSV file. With Wait for Completion, the order to wait for (with the other items').
 */
async function executeItem(
	this: IExecuteFunctions,
	itemIndex: number,
	known: KnownOrders,
): Promise<ItemOutput> {
	const isDiscovery = this.getNodeParameter('orderType', itemIndex) === 'discovery';
	const body = baseBody(this, itemIndex, isDiscovery);
	if (!isDiscovery) {
		const source = this.getNodeParameter('companySource', itemIndex, 'json') as string;
		body.companies = await readItemCompanies(this, itemIndex, source);
	}
	const plan = readWaitPlan(this, itemIndex);
	const created = await createOrder(this, itemIndex, body, known);
	if (!plan) return toItems(created);
	const job = orderJob(this, itemIndex, created, plan.settings);
	return {
		job,
		finish: async (result) => {
			const outcome = await finishOrder(this, job, plan, result);
			const items = toItems('record' in outcome ? outcome.record : outcome.results);
			return created.reconciled === true ? flagReconciled(items) : items;
		},
	};
}

/**
 * Companies from Input Items: ONE enrichment order for all input items (parameters other than the
 * mapped fields are read from the first item). Results are paired back to their input items by
 * `source_id`; every other output item is paired to all input items.
 */
async function executeFromInputItems(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const { companies, externalIds } = readMappedCompanies(context, items.length);
	const body: IDataObject = { ...baseBody(context, 0, false), companies };
	const plan = readWaitPlan(context, 0);
	const merge = parseFieldSelection(
		String(context.getNodeParameter('options.mergeInputFields', 0, '') ?? ''),
	);
	const allItems = items.map((_, item) => ({ item }));
	const created = await createOrder(context, 0, body, new Set());
	if (!plan) return [{ json: created, pairedItem: allItems }];
	const job = orderJob(context, 0, created, plan.settings);
	const [result] = await waitForJobs(context, [job]);
	if (result instanceof Error) throw result;
	const outcome = await finishOrder(context, job, plan, result);
	const output =
		'record' in outcome
			? [{ json: outcome.record, pairedItem: allItems }]
			: repairResults({
					results: outcome.results,
					externalIds,
					inputs: items.map((item) => item.json),
					merge,
				});
	return created.reconciled === true ? flagReconciled(output) : output;
}

/** Marks the output of an order that was found after its create's answer was lost. */
function flagReconciled(items: INodeExecutionData[]): INodeExecutionData[] {
	return items.map((item) => ({ ...item, json: { ...item.json, reconciled: true } }));
}

/** POST /api/v1/orders: one order per input item, or one for all items (Companies From = Input Items). */
export async function executeAll(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (isFromInputItems(this)) return await executeFromInputItems(this, items);
	const known: KnownOrders = new Set();
	return await runPerItem(
		this,
		async function (this: IExecuteFunctions, itemIndex: number) {
			return await executeItem.call(this, itemIndex, known);
		},
		items.length,
	);
}
