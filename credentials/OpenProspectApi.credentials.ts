import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
	Icon,
} from 'n8n-workflow';
import { ApplicationError } from 'n8n-workflow';

import {
	baseUrlProblem,
	DEFAULT_BASE_URL,
	foreignOriginProblem,
} from '../nodes/OpenProspect/helpers/baseUrl';
import { DEFAULT_TIMEOUT_MS, withDeadline } from '../nodes/OpenProspect/transport/deadline';

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

	/**
	 * Adds the key to requests for the configured base URL's origin only, and never lets it follow a
	 * redirect (n8n's client would otherwise resend the Authorization header to wherever a 3xx
	 * points, and turn a POST into a GET). Used by the node and by the credential test alike.
	 */
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const problem =
			baseUrlProblem(credentials.baseUrl) ??
			foreignOriginProblem(credentials.baseUrl, requestOptions.url, requestOptions.baseURL);
		if (problem) throw new ApplicationError(problem);
		return {
			...requestOptions,
			disableFollowRedirect: true,
			maxRedirects: 0,
			sendCredentialsOnCrossOriginRedirect: false,
			abortSignal: withDeadline(
				requestOptions.abortSignal,
				requestOptions.timeout ?? DEFAULT_TIMEOUT_MS,
			),
			headers: {
				...requestOptions.headers,
				Authorization: `Bearer ${String(credentials.apiKey ?? '').trim()}`,
			},
		};
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{ (String($credentials.baseUrl || "").trim() || "${DEFAULT_BASE_URL}").replace(/\\/+$/, "").replace(/\\/api\\/v1$/, "") }}`,
			url: '/api/v1/auth/validate',
			method: 'GET',
			// n8n's credential test reports only "Unauthorized" for an HTTP error, so the response is read
			// whatever its status and the rules below (checked in order) turn it into a helpful message.
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'valid',
					value: false,
					message: 'OpenProspect says this API key is not valid (valid: false). Create a new key.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'code',
					value: 'UNAUTHORIZED',
					message:
						'OpenProspect rejected this API key (401 UNAUTHORIZED): check that it is complete (lnc_live_… or lnc_test_…), active and not expired.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'error',
					value: 'UNAUTHORIZED',
					message:
						'OpenProspect rejected this API key (401 UNAUTHORIZED): check that it is complete (lnc_live_… or lnc_test_…), active and not expired.',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'valid',
					value: undefined,
					message:
						'The Base URL did not answer like the OpenProspect API (no "valid" flag in the response; a redirect is not followed, so the key stays with the Base URL). Check the Base URL and the API key.',
				},
			},
		],
	};
}
