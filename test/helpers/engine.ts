/**
 * Runs the nodes of this package on the real n8n engine, in-process: n8n-core's WorkflowExecute for
 * the action node, PollContext for the trigger, and RoutingNode for the credential test, exactly as
 * n8n does. Credentials are applied by a helper that mirrors n8n's own CredentialsHelper.
 */
import {
	ExecuteContext,
	ExecutionLifecycleHooks,
	PollContext,
	RoutingNode,
	WorkflowExecute,
} from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeProperties,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowBase,
	IWorkflowExecuteAdditionalData,
	IRequestOptionsSimplified,
	WorkflowExecuteMode,
	IConnections,
} from 'n8n-workflow';
import {
	createEmptyRunExecutionData,
	createRunExecutionData,
	ICredentialsHelper,
	isExpression,
	NodeHelpers,
	Workflow,
} from 'n8n-workflow';

import { OpenProspectApi } from '../../credentials/OpenProspectApi.credentials';
import { OpenProspect } from '../../nodes/OpenProspect/OpenProspect.node';
import { OpenProspectTrigger } from '../../nodes/OpenProspect/OpenProspectTrigger.node';

export const PACKAGE = 'n8n-nodes-openprospect';
export const NODE_TYPE = `${PACKAGE}.openProspect`;
export const TRIGGER_TYPE = `${PACKAGE}.openProspectTrigger`;
export const BASE_URL = 'https://api.openprospect.test';
export const API_KEY = 'test-key';

const credentialType = new OpenProspectApi();
const nodeTypeInstances: Record<string, INodeType> = {
	[NODE_TYPE]: new OpenProspect(),
	[TRIGGER_TYPE]: new OpenProspectTrigger(),
	'n8n-nodes-base.manualTrigger': {
		description: {
			displayName: 'Manual Trigger',
			name: 'manualTrigger',
			group: ['trigger'],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async execute(this) {
			return [this.getInputData()];
		},
	} as INodeType,
};

export const nodeTypes: INodeTypes = {
	getByName: (type) => nodeTypeInstances[type],
	getByNameAndVersion: (type, version) =>
		NodeHelpers.getVersionedNodeType(nodeTypeInstances[type], version),
	getKnownTypes: () => ({}),
};

type RequestLike = IHttpRequestOptions | IRequestOptionsSimplified;

/** Mirrors packages/cli's CredentialsHelper.authenticate for both generic and function forms. */
export class TestCredentialsHelper extends ICredentialsHelper {
	constructor(public data: ICredentialDataDecryptedObject) {
		super();
	}

	private type(name: string): ICredentialType {
		if (name !== credentialType.name) throw new Error(`Unknown credential type ${name}`);
		return credentialType;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: RequestLike,
		workflow?: Workflow,
		node?: INode,
	): Promise<IHttpRequestOptions> {
		const type = this.type(typeName);
		const { authenticate } = type;
		if (typeof authenticate === 'function') {
			return await authenticate(credentials, requestOptions as IHttpRequestOptions);
		}
		if (authenticate?.type === 'generic') {
			const resolve = (value: string) =>
				isExpression(value) && workflow && node
					? String(
							workflow.expression.getSimpleParameterValue(
								node,
								value,
								'internal',
								{ $credentials: credentials },
								undefined,
								'',
							) ?? '',
						)
					: value;
			const target = requestOptions as unknown as Record<
				string,
				Record<string, string> | undefined
			>;
			for (const [outer, inner] of Object.entries(authenticate.properties)) {
				const bucket = (target[outer] ??= {});
				for (const [key, value] of Object.entries(inner as Record<string, string>))
					bucket[resolve(key)] = resolve(value);
			}
		}
		return requestOptions as IHttpRequestOptions;
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	getCredentialsProperties(type: string): INodeProperties[] {
		return this.type(type).properties;
	}

	async preAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<ICredentialDataDecryptedObject | undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('Not used by these tests');
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}
}

const LOCAL = 'http://127.0.0.1:5678';

export interface AdditionalDataOptions {
	credentials?: ICredentialDataDecryptedObject;
	hooks?: ExecutionLifecycleHooks;
	executionId?: string;
}

export function makeAdditionalData(
	options: AdditionalDataOptions = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new TestCredentialsHelper(
			options.credentials ?? { apiKey: API_KEY, baseUrl: BASE_URL },
		),
		hooks: options.hooks,
		executionId: options.executionId ?? 'exec-1',
		currentNodeExecutionIndex: 0,
		variables: {},
		restApiUrl: `${LOCAL}/rest`,
		instanceBaseUrl: `${LOCAL}/`,
		formBaseUrl: `${LOCAL}/form`,
		formWaitingBaseUrl: `${LOCAL}/form-waiting`,
		formTestBaseUrl: `${LOCAL}/form-test`,
		webhookBaseUrl: `${LOCAL}/webhook`,
		webhookWaitingBaseUrl: `${LOCAL}/webhook-waiting`,
		webhookTestBaseUrl: `${LOCAL}/webhook-test`,
		mcpBaseUrl: `${LOCAL}/mcp`,
		mcpTestBaseUrl: `${LOCAL}/mcp-test`,
		executeWorkflow: async () => {
			throw new Error('Not used by these tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeSettings {
	continueOnFail?: boolean;
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
}

export interface RunNodeOptions extends AdditionalDataOptions, NodeSettings {
	parameters: INodeParameters;
	/** Input items for the node; each becomes one item of the trigger before it. */
	input?: IDataObject[];
	/** Binary data per input item, keyed like n8n's `binary` property. */
	inputBinary?: Array<INodeExecutionData['binary']>;
	nodeName?: string;
	abortSignal?: AbortSignal;
}

export interface NodeRunResult {
	run: IRun;
	/** Output items of the OpenProspect node (empty when it failed). */
	items: INodeExecutionData[];
	/** The node's error, when the execution failed. */
	error?: IDataObject & {
		message: string;
		description?: string | null;
		httpCode?: string | null;
		context?: IDataObject;
	};
}

/**
 * Manual Trigger (emitting `input`) → OpenProspect node, run by n8n-core's WorkflowExecute.
 */
export async function runNode(options: RunNodeOptions): Promise<NodeRunResult> {
	const nodeName = options.nodeName ?? 'OpenProspect';
	const nodes: INode[] = [
		{
			id: 'trigger',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'node',
			name: nodeName,
			type: NODE_TYPE,
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { openProspectApi: { id: 'cred-1', name: 'OpenProspect account' } },
			continueOnFail: options.continueOnFail,
			retryOnFail: options.retryOnFail,
			maxTries: options.maxTries,
			waitBetweenTries: options.waitBetweenTries,
		},
	];
	const connections: IConnections = {
		Start: { main: [[{ node: nodeName, type: 'main', index: 0 }]] },
	};
	const workflow = new Workflow({
		id: 'wf-1',
		nodes,
		connections,
		nodeTypes,
		active: false,
		settings: { executionOrder: 'v1' },
	});
	const workflowData = {
		id: 'wf-1',
		name: 'test',
		nodes,
		connections,
		active: false,
	} as unknown as IWorkflowBase;
	const hooks = new ExecutionLifecycleHooks(
		'manual',
		options.executionId ?? 'exec-1',
		workflowData,
	);
	let resolveRun!: (run: IRun) => void;
	const finished = new Promise<IRun>((resolve) => (resolveRun = resolve));
	hooks.addHandler('workflowExecuteAfter', (run) => resolveRun(run));

	const input: INodeExecutionData[] = (options.input ?? [{}]).map((json, index) => ({
		json,
		binary: options.inputBinary?.[index],
		pairedItem: { item: index },
	}));
	const start = workflow.getNode('Start') as INode;
	const runData = createRunExecutionData({
		executionData: { nodeExecutionStack: [{ node: start, data: { main: [input] }, source: null }] },
	});
	const execution = new WorkflowExecute(
		makeAdditionalData({ ...options, hooks }),
		'manual',
		runData,
	);
	const process = execution.processRunExecutionData(workflow);
	if (options.abortSignal) options.abortSignal.addEventListener('abort', () => process.cancel());
	await process;
	const run = await finished;
	const nodeRun = run.data.resultData.runData[nodeName]?.[0];
	const items = nodeRun?.data?.main?.[0] ?? [];
	const error = (nodeRun?.error ?? run.data.resultData.error) as NodeRunResult['error'];
	return { run, items, error };
}

export interface PollOptions extends AdditionalDataOptions {
	parameters: INodeParameters;
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
}

export interface PollResult {
	out: INodeExecutionData[][] | null;
	staticData: IDataObject;
}

/**
 * One poll of the trigger as n8n runs it: a PollContext over a Workflow whose static data is the
 * object passed in, so several polls over the same object behave like a persisted workflow.
 */
export async function runPoll(options: PollOptions): Promise<PollResult> {
	const node: INode = {
		id: 'trigger',
		name: 'OpenProspect Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: options.parameters,
		credentials: { openProspectApi: { id: 'cred-1', name: 'OpenProspect account' } },
	};
	const staticData = options.staticData ?? {};
	const workflow = new Workflow({
		id: 'wf-poll',
		nodes: [node],
		connections: {},
		nodeTypes,
		active: true,
		staticData,
	});
	const workflowNode = workflow.getNode(node.name) as INode;
	const context = new PollContext(
		workflow,
		workflowNode,
		makeAdditionalData(options),
		options.mode ?? 'trigger',
		'activate',
	);
	const trigger = nodeTypeInstances[TRIGGER_TYPE];
	const out = (await trigger.poll?.call(context)) ?? null;
	return { out, staticData: workflow.staticData as IDataObject };
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message?: string;
}

/** Runs the credential's `test` request through RoutingNode, as n8n's CredentialsTester does. */
export async function testCredential(
	data: ICredentialDataDecryptedObject,
): Promise<CredentialTestResult> {
	const test = credentialType.test;
	if (!test) throw new Error('The credential has no test request');
	const testNodeType = {
		description: {
			displayName: 'Temp',
			name: 'credentialTest',
			group: [],
			version: 1,
			description: '',
			defaults: {},
			inputs: [],
			outputs: [],
			credentials: [{ name: credentialType.name, required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					default: '',
					routing: { request: test.request },
				},
			],
		},
	} as unknown as INodeType;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { [credentialType.name]: { id: 'cred-1', name: 'c' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: {
			getByName: () => testNodeType,
			getByNameAndVersion: () => testNodeType,
			getKnownTypes: () => ({}),
		},
	});
	const context = new ExecuteContext(
		workflow,
		node,
		makeAdditionalData({ credentials: data }),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	try {
		const output = await new RoutingNode(context, testNodeType, {
			id: 'cred-1',
			name: 'c',
			type: credentialType.name,
			data,
		}).runNode();
		// n8n's CredentialsTester applies the `responseSuccessBody` rules to the first item.
		const body = output?.[0]?.[0]?.json ?? {};
		for (const rule of test.rules ?? []) {
			if (
				rule.type === 'responseSuccessBody' &&
				body[rule.properties.key] === rule.properties.value
			) {
				return { status: 'Error', message: rule.properties.message };
			}
		}
		return { status: 'OK' };
	} catch (error) {
		// The same decisions as n8n's CredentialsTester (packages/cli credentials-tester.service).
		const failure = error as {
			message: string;
			cause?: { code?: string; response?: { status: number; statusText?: string } };
		};
		const response = failure.cause?.response;
		if (response) {
			for (const rule of test.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === response.status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			return {
				status: 'Error',
				message: response.statusText || `Received HTTP status code: ${response.status}`,
			};
		}
		if (failure.cause?.code) return { status: 'Error', message: failure.cause.code };
		return { status: 'Error', message: failure.message };
	}
}

/**
 * A real ExecuteContext for the OpenProspect node, for calling the transport directly with n8n's
 * own request helpers (authentication, cancel signal, logger).
 */
export function makeExecuteContext(options: AdditionalDataOptions & { abortSignal?: AbortSignal } = {}): ExecuteContext {
	const node: INode = {
		id: 'node',
		name: 'OpenProspect',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters: { resource: 'apiKey', operation: 'validate' },
		credentials: { openProspectApi: { id: 'cred-1', name: 'OpenProspect account' } },
	};
	const workflow = new Workflow({ id: 'wf-ctx', nodes: [node], connections: {}, nodeTypes, active: false });
	return new ExecuteContext(
		workflow,
		node,
		makeAdditionalData(options),
		'manual',
		createEmptyRunExecutionData(),
		0,
		[{ json: {} }],
		{ main: [[{ json: {} }]] },
		{ node, data: { main: [[{ json: {} }]] }, source: null },
		[],
		options.abortSignal,
	);
}
