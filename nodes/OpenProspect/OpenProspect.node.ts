import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { properties, subtitles } from './actions/properties';
import { router } from './actions/router';
import { listSearch } from './methods';

export class OpenProspect implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'OpenProspect',
		name: 'openProspect',
		icon: {
			light: 'file:../../icons/openprospect.svg',
			dark: 'file:../../icons/openprospect.dark.svg',
		},
		group: ['transform'],
		version: 1,
		// "Order: Create" rather than the raw "create: order" (n8n only knows the first operation list).
		subtitle: `={{ (${JSON.stringify(subtitles)})[$parameter["resource"] + "." + $parameter["operation"]] }}`,
		description:
			'Order qualified B2B companies and contacts from OpenProspect, enrich your own lists, and manage deliveries, searches and blacklists',
		defaults: { name: 'OpenProspect' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'openProspectApi', required: true }],
		properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
