import type {
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

// Work in progress: the events are being implemented in triggers/.
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
		subtitle: '={{ $parameter["event"] }}',
		description:
			'Starts the workflow when an OpenProspect order finishes or new companies are delivered',
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
				options: [{ name: 'Order Finished', value: 'orderFinished' }],
				default: 'orderFinished',
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return null;
	}
}
