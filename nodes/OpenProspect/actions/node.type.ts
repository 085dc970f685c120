/** Every resource of the node and its operations: the registry and each resource's table are checked against it. */
export type NodeMap = {
	apiKey: 'validate';
	blacklist:
		| 'addEntries'
		| 'create'
		| 'deleteBlacklist'
		| 'deleteEntries'
		| 'get'
		| 'getAll'
		| 'getEntries'
		| 'update';
	company:
		| 'get'
		| 'getAll'
		| 'getJobs'
		| 'getJobSummary'
		| 'getWebtechIntel'
		| 'getWebtechIntelSummary';
	delivery: 'getAllCompanies';
	order: 'create' | 'get' | 'getAll' | 'getResults';
	prospect: 'get' | 'getAll';
	prospectSearch: 'get' | 'getAll' | 'getBlacklists' | 'setBlacklists' | 'update';
	searchProfile: 'create' | 'get';
};

export type Resource = keyof NodeMap;
