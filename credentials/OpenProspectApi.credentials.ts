import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';

import { DEFAULT_BASE_URL, normaliseBaseUrl } from '../nodes/OpenProspect/helpers/baseUrl';

export class OpenProspectApi implements ICredentialType {
	name = 'openProspectApi';

	displayName = 'OpenProspect API';

	icon: Icon = {
		light: 'file:../icons/openprospect.svg',
		dark: 'file:../icons/openprospect.dark.svg',
	};

	documentationUrl = 'https://github.com/openprospect/n8n-nodes-openprospect#credentials';

	properties: INodeProperties[] = [
		{
			displayName:
				'Create a key in OpenProspect under Settings > Developer > API Keys (keys start with lnc_live_, or lnc_test_ for the sandbox). Scopes each part of the node needs: Order and Search Profile: orders:read, orders:write. Company: companies:read. Prospect: prospects:read. Delivery and the New Delivered Companies trigger: companies:read and prospects:read. Prospect Search: prospect_searches:read (Update: prospect_searches:write). Blacklist: blacklists:read, blacklists:write. Order Finished trigger: orders:read. Validate API Key: any active key.',
			name: 'scopesNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			placeholder: 'e.g. lnc_live_...',
			description: 'Your OpenProspect API key. It is sent as a Bearer token and never shown again.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: DEFAULT_BASE_URL,
			placeholder: DEFAULT_BASE_URL,
			description:
				'Leave the default unless OpenProspect gave you another environment. Must use https:// (http:// only for localhost or 127.0.0.1, e.g. the local simulator).',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		// Refuses an insecure base URL before the key can be sent anywhere.
		normaliseBaseUrl(credentials.baseUrl);
		return {
			...requestOptions,
			headers: { ...requestOptions.headers, Authorization: `Bearer ${String(credentials.apiKey ?? '')}` },
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ ($credentials.baseUrl || "${DEFAULT_BASE_URL}").replace(/\\/+$/, "").replace(/\\/api\\/v1$/, "") }}`,
			url: '/api/v1/auth/validate',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'OpenProspect rejected this API key (401): check that it is complete (lnc_live_… or lnc_test_…), active and not expired.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No OpenProspect API was found at this Base URL (404). Leave it at https://api.openprospect.io unless told otherwise.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'valid',
					value: false,
					message: 'OpenProspect says this API key is not valid (valid: false). Create a new key.',
				},
			},
		],
	};
}
