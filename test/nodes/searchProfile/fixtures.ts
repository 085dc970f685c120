/** What the search profile tests share. */
import type { IDataObject } from 'n8n-workflow';

export const CREATION_ID = 'pc-1';

export const CREATIONS = '/api/v1/search-profile-creations';

export const CREATION_PATH = `${CREATIONS}/${CREATION_ID}`;

export const creation = (status: string, extra: IDataObject = {}) => ({
	id: CREATION_ID,
	status,
	profile_name: 'DACH SaaS',
	profile_id: null,
	error_message: null,
	...extra,
});
