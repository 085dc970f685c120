import { listOperation } from '../listOperation';

/** GET /api/v1/prospect-searches (its envelope has `total` but no `has_more`). */
export const { description, execute } = listOperation({
	resource: 'prospectSearch',
	path: '/api/v1/prospect-searches',
});
