import type { ExecuteContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsHelper,
	ICredentialType,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IRun,
	ITaskData,
	WorkflowExecuteMode,
} from 'n8n-workflow';

export declare const manualTrigger: INodeType;
export declare function makeNodeTypes(instances: Record<string, INodeType>): INodeTypes;
export declare function loadPackage(directory: string): Promise<{
	packageName: string;
	nodeTypes: INodeTypes;
	instances: Record<string, INodeType>;
	credentialTypes: Record<string, ICredentialType>;
}>;
export declare class EngineCredentialsHelper extends ICredentialsHelper {
	constructor(credentialTypes: Record<string, ICredentialType>, data: ICredentialDataDecryptedObject);
	data: ICredentialDataDecryptedObject;
	getParentTypes(): string[];
	isCredentialUsableByNode(): boolean;
	authenticate(...args: Parameters<ICredentialsHelper['authenticate']>): ReturnType<ICredentialsHelper['authenticate']>;
	preAuthentication(): Promise<undefined>;
	runPreAuthentication(): Promise<undefined>;
	getCredentials(): ReturnType<ICredentialsHelper['getCredentials']>;
	getDecrypted(): Promise<ICredentialDataDecryptedObject>;
	updateCredentials(): Promise<void>;
	updateCredentialsOauthTokenData(): Promise<void>;
	getCredentialsProperties(type: string): ReturnType<ICredentialsHelper['getCredentialsProperties']>;
}
export declare function runWorkflow(options: {
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
export declare function runPoll(options: {
	node: INode;
	nodeTypes: INodeTypes;
	credentialsHelper: ICredentialsHelper;
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
}): Promise<{ out: INodeExecutionData[][] | null; staticData: IDataObject }>;
export declare function makeExecuteContext(options: {
	node: INode;
	nodeTypes: INodeTypes;
	credentialsHelper: ICredentialsHelper;
	abortSignal?: AbortSignal;
}): ExecuteContext;
export declare function testCredential(options: {
	credentialType: ICredentialType;
	credentialsHelper: ICredentialsHelper;
	data: ICredentialDataDecryptedObject;
}): Promise<{ status: 'OK' | 'Error'; message?: string }>;
