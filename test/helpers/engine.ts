/**
 * The nodes of this package (from their TypeScript sources) on the real n8n engine, in-process:
 * n8n-core's WorkflowExecute for the action node, PollContext for the trigger, RoutingNode for the
 * credential test. The engine plumbing itself lives in ./harness.mjs (shared with the demo
 * and the benchmarks); this file adds the package's node types and typed, test-friendly wrappers.
 */
import type { ExecuteContext } from 'n8n-core';
import { LoadOptionsContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	IRun,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { OpenProspectApi } from '../../credentials/OpenProspectApi.credentials';
import { OpenProspect } from '../../nodes/OpenProspect/OpenProspect.node';
import { OpenProspectTrigger } from '../../nodes/OpenProspect/OpenProspectTrigger.node';
import * as engine from './harness.mjs';

export const PACKAGE = 'n8n-nodes-openprospect';
export const NODE_TYPE = `${PACKAGE}.openProspect`;
export const TRIGGER_TYPE = `${PACKAGE}.openProspectTrigger`;
export const BASE_URL = 'https://api.openprospect.test';
export const API_KEY = 'test-key';

const credentialType = new OpenProspectApi();
export const nodeTypes = engine.makeNodeTypes({
	[NODE_TYPE]: new OpenProspect(),
	[TRIGGER_TYPE]: new OpenProspectTrigger(),
});

export interface AdditionalDataOptions {
	credentials?: ICredentialDataDecryptedObject;
	executionId?: string;
}

function credentialsHelper(credentials?: ICredentialDataDecryptedObject) {
	return new engine.EngineCredentialsHelper(
		{ [credentialType.name]: credentialType },
		credentials ?? { apiKey: API_KEY, baseUrl: BASE_URL },
	);
}

const CREDENTIALS = { openProspectApi: { id: 'cred-1', name: 'OpenProspect account' } };

/** A node of this package with the test credential, as a workflow holds it. */
function packageNode(node: Pick<INode, 'id' | 'name' | 'type' | 'parameters'>): INode {
	return { ...node, typeVersion: 1, position: [0, 0], credentials: CREDENTIALS };
}

export interface NodeSettings {
	continueOnFail?: boolean;
	retryOnFail?: boolean;
	maxTries?: number;
	waitBetweenTries?: number;
}

export interface RunNodeOptions extends AdditionalDataOptions, NodeSettings {
	parameters: INodeParameters;
	/** Input items for the node, emitted by the start node before it. */
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

/** Manual Trigger (emitting `input`) → OpenProspect node, run by n8n-core's WorkflowExecute. */
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
			...packageNode({
				id: 'node',
				name: nodeName,
				type: NODE_TYPE,
				parameters: options.parameters,
			}),
			position: [200, 0],
			continueOnFail: options.continueOnFail,
			retryOnFail: options.retryOnFail,
			maxTries: options.maxTries,
			waitBetweenTries: options.waitBetweenTries,
		},
	];
	const connections: IConnections = {
		Start: { main: [[{ node: nodeName, type: 'main', index: 0 }]] },
	};
	const input: INodeExecutionData[] = (options.input ?? [{}]).map((json, index) => ({
		json,
		binary: options.inputBinary?.[index],
		pairedItem: { item: index },
	}));
	const run = await engine.runWorkflow({
		nodes,
		connections,
		nodeTypes,
		credentialsHelper: credentialsHelper(options.credentials),
		input,
		executionId: options.executionId,
		abortSignal: options.abortSignal,
	});
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
	const node = packageNode({
		id: 'trigger',
		name: 'OpenProspect Trigger',
		type: TRIGGER_TYPE,
		parameters: options.parameters,
	});
	return await engine.runPoll({
		node,
		nodeTypes,
		credentialsHelper: credentialsHelper(options.credentials),
		staticData: options.staticData ?? {},
		mode: options.mode,
	});
}

/** A restart: n8n loads the static data from its database, so only JSON survives. */
export const fromDatabase = (data: IDataObject): IDataObject =>
	JSON.parse(JSON.stringify(data)) as IDataObject;

export interface PollError {
	message: string;
	description?: string | null;
	httpCode?: string | null;
}

/** The error of a poll that must fail (the test fails if it does not). */
export async function pollError(options: PollOptions): Promise<PollError> {
	try {
		await runPoll(options);
	} catch (error) {
		return error as PollError;
	}
	throw new Error('The poll was expected to fail');
}

/** Runs the credential's `test` request as n8n's CredentialsTester does. */
export async function testCredential(data: ICredentialDataDecryptedObject) {
	return await engine.testCredential({
		credentialType,
		credentialsHelper: credentialsHelper(data),
		data,
	});
}

/** A real ExecuteContext of the OpenProspect node, for calling the transport directly. */
export function makeExecuteContext(
	options: AdditionalDataOptions & { abortSignal?: AbortSignal } = {},
): ExecuteContext {
	const node = packageNode({
		id: 'node',
		name: 'OpenProspect',
		type: NODE_TYPE,
		parameters: { resource: 'apiKey', operation: 'validate' },
	});
	return engine.makeExecuteContext({
		node,
		nodeTypes,
		credentialsHelper: credentialsHelper(options.credentials),
		abortSignal: options.abortSignal,
	});
}

/**
 * n8n-core's own LoadOptionsContext, as the editor uses it for a resource locator's list: the
 * node's current parameters, the credential applied by the credentials helper, real HTTP helpers.
 */
export function loadOptionsContext(parameters: INodeParameters, path: string): LoadOptionsContext {
	const node = packageNode({ id: 'node', name: 'OpenProspect', type: NODE_TYPE, parameters });
	const workflow = new Workflow({ nodes: [node], connections: {}, nodeTypes, active: false });
	const additionalData = {
		credentialsHelper: credentialsHelper(),
		currentNodeParameters: parameters,
		variables: {},
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, path);
}
