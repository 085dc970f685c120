import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { listSearch } from './methods';
import * as newDeliveredCompanies from './triggers/newDeliveredCompanies';
import * as orderFinished from './triggers/orderFinished';
import { commonProperties } from './triggers/shared';

const events = { newDeliveredCompanies, orderFinished };

function isEvent(value: unknown): value is keyof typeof events {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(events, value);
}

export class OpenProspectTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenProspect Trigger',
		name: 'openProspectTrigger',
		icon: {
			light: 'file:../../icons/openprospect.svg',
			dark: 'file:../../icons/openprospect.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle:
			'={{ $parameter["event"] === "newDeliveredCompanies" ? "New Delivered Companies" : "Order Finished" }}',
		description:
			'Find and enrich B2B companies and contacts; start workflows when orders finish or companies are delivered',
		defaults: { name: 'OpenProspect Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openProspectApi', required: true }],
		properties: [
			{
				displayName: 'Event',
				name: 'event',
				type: 'options',
				description: 'What starts the workflow',
				noDataExpression: true,
				options: [
					{
						name: 'New Delivered Companies',
						value: 'newDeliveredCompanies',
						description:
							'Fires once for each company delivered for a prospect search (one item per company)',
					},
					{
						name: 'Order Finished',
						value: 'orderFinished',
						description: 'Fires once for each order that reaches one of the chosen final statuses',
					},
				],
				default: 'orderFinished',
			},
			...orderFinished.description,
			...newDeliveredCompanies.description,
			...commonProperties,
		],
	};

	methods = { listSearch };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const event = this.getNodeParameter('event', 'orderFinished');
		if (!isEvent(event)) {
			throw new NodeOperationError(
				this.getNode(),
				`Event: "${String(event)}" is not an event of this trigger`,
				{ description: 'Choose New Delivered Companies or Order Finished.' },
			);
		}
		return await events[event].poll.call(this);
	}
}
