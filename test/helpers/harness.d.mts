// Generated from test/helpers/harness.mjs by `npm run declarations` (scripts/declarations.mjs). Do not edit.
/**
 * @param {Record<string, INodeType>} instances
 * @returns {INodeTypes}
 */
export function makeNodeTypes(instances: Record<string, INodeType>): INodeTypes;
/**
 * Loads a package's nodes and credentials from its package.json `n8n` section (the built dist).
 * @param {string} directory
 * @returns {Promise<{ packageName: string; nodeTypes: INodeTypes; instances: Record<string, INodeType>; credentialTypes: Record<string, ICredentialType> }>}
 */
export function loadPackage(directory: string): Promise<{
    packageName: string;
    nodeTypes: INodeTypes;
    instances: Record<string, INodeType>;
    credentialTypes: Record<string, ICredentialType>;
}>;
export function makeAdditionalData({ credentialsHelper, hooks, executionId }: {
    credentialsHelper: any;
    hooks: any;
    executionId?: string;
}): {
    credentialsHelper: any;
    hooks: any;
    executionId: string;
    currentNodeExecutionIndex: number;
    variables: {};
    restApiUrl: string;
    instanceBaseUrl: string;
    formBaseUrl: string;
    formWaitingBaseUrl: string;
    formTestBaseUrl: string;
    webhookBaseUrl: string;
    webhookWaitingBaseUrl: string;
    webhookTestBaseUrl: string;
    mcpBaseUrl: string;
    mcpTestBaseUrl: string;
    executeWorkflow: () => Promise<never>;
    getRunExecutionData: () => Promise<any>;
    getRuntimeCredential: () => Promise<any>;
};
/**
 * Runs a workflow from its start node with `input` items, by n8n-core's WorkflowExecute.
 * Returns the IRun; `runData[nodeName][0].data.main[0]` holds a node's output.
 * @param {{ nodes: INode[]; connections: IConnections; nodeTypes: INodeTypes; credentialsHelper: ICredentialsHelper;
 *   input?: INodeExecutionData[]; executionId?: string; abortSignal?: AbortSignal; staticData?: IDataObject;
 *   onNodeStart?: (nodeName: string) => void; onNodeEnd?: (nodeName: string, taskData: ITaskData) => void }} options
 * @returns {Promise<IRun>}
 */
export function runWorkflow({ nodes, connections, nodeTypes, credentialsHelper, input, executionId, abortSignal, staticData, onNodeStart, onNodeEnd }: {
    nodes: INode[];
    connections: IConnections;
    nodeTypes: INodeTypes;
    credentialsHelper: ICredentialsHelper;
    input?: INodeExecutionData[];
    executionId?: string;
    abortSignal?: AbortSignal;
    staticData?: IDataObject;
    onNodeStart?: (nodeName: string) => void;
    onNodeEnd?: (nodeName: string, taskData: ITaskData) => void;
}): Promise<IRun>;
/**
 * One poll of a polling trigger, over a Workflow whose static data is the object passed in.
 * @param {{ node: INode; nodeTypes: INodeTypes; credentialsHelper: ICredentialsHelper; staticData?: IDataObject; mode?: WorkflowExecuteMode }} options
 * @returns {Promise<{ out: INodeExecutionData[][] | null; staticData: IDataObject }>}
 */
export function runPoll({ node, nodeTypes, credentialsHelper, staticData, mode }: {
    node: INode;
    nodeTypes: INodeTypes;
    credentialsHelper: ICredentialsHelper;
    staticData?: IDataObject;
    mode?: WorkflowExecuteMode;
}): Promise<{
    out: INodeExecutionData[][] | null;
    staticData: IDataObject;
}>;
/**
 * A real ExecuteContext for one node, to call node code (e.g. the transport) directly.
 * @param {{ node: INode; nodeTypes: INodeTypes; credentialsHelper: ICredentialsHelper; abortSignal?: AbortSignal }} options
 * @returns {ExecuteContext}
 */
export function makeExecuteContext({ node, nodeTypes, credentialsHelper, abortSignal }: {
    node: INode;
    nodeTypes: INodeTypes;
    credentialsHelper: ICredentialsHelper;
    abortSignal?: AbortSignal;
}): ExecuteContext;
/**
 * Runs a credential type's `test` request through RoutingNode and applies its rules, making the
 * same decisions as n8n's CredentialsTester (packages/cli credentials-tester.service).
 * @param {{ credentialType: ICredentialType; credentialsHelper: ICredentialsHelper; data: ICredentialDataDecryptedObject }} options
 * @returns {Promise<{ status: 'OK' | 'Error'; message?: string }>}
 */
export function testCredential({ credentialType, credentialsHelper, data }: {
    credentialType: ICredentialType;
    credentialsHelper: ICredentialsHelper;
    data: ICredentialDataDecryptedObject;
}): Promise<{
    status: "OK" | "Error";
    message?: string;
}>;
/**
 * A minimal pass-through start node, standing in for n8n-nodes-base's Manual Trigger.
 * @type {INodeType}
 */
export const manualTrigger: INodeType;
/** Mirrors packages/cli's CredentialsHelper.authenticate, for the generic and the function form. */
export class EngineCredentialsHelper extends n8nWorkflow.ICredentialsHelper {
    /**
     * @param {Record<string, ICredentialType>} credentialTypes
     * @param {ICredentialDataDecryptedObject} data
     */
    constructor(credentialTypes: Record<string, ICredentialType>, data: ICredentialDataDecryptedObject);
    credentialTypes: Record<string, n8nWorkflow.ICredentialType>;
    data: n8nWorkflow.ICredentialDataDecryptedObject;
    type(name: any): n8nWorkflow.ICredentialType;
    authenticate(credentials: any, typeName: any, requestOptions: any, workflow: any, node: any): Promise<any>;
    /** @returns {Promise<ICredentialDataDecryptedObject>} */
    getDecrypted(): Promise<ICredentialDataDecryptedObject>;
    getParentTypes(): any[];
    isCredentialUsableByNode(): boolean;
    getCredentialsProperties(type: any): n8nWorkflow.INodeProperties[];
    preAuthentication(): Promise<any>;
    runPreAuthentication(): Promise<any>;
    /** @returns {ReturnType<ICredentialsHelper['getCredentials']>} */
    getCredentials(): ReturnType<ICredentialsHelper["getCredentials"]>;
    updateCredentials(): Promise<void>;
    updateCredentialsOauthTokenData(): Promise<void>;
}
export type ICredentialDataDecryptedObject = import("n8n-workflow").ICredentialDataDecryptedObject;
export type ICredentialsHelper = import("n8n-workflow").ICredentialsHelper;
export type ICredentialType = import("n8n-workflow").ICredentialType;
export type IConnections = import("n8n-workflow").IConnections;
export type IDataObject = import("n8n-workflow").IDataObject;
export type INode = import("n8n-workflow").INode;
export type INodeExecutionData = import("n8n-workflow").INodeExecutionData;
export type INodeType = import("n8n-workflow").INodeType;
export type INodeTypes = import("n8n-workflow").INodeTypes;
export type IRun = import("n8n-workflow").IRun;
export type ITaskData = import("n8n-workflow").ITaskData;
export type WorkflowExecuteMode = import("n8n-workflow").WorkflowExecuteMode;
export type ExecuteContext = import("n8n-core").ExecuteContext;
import n8nWorkflow = require("n8n-workflow");
