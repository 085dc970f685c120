import { listOperation } from '../listOperation';

/** GET /api/v1/blacklists: one item per blacklist. */
export const { description, execute } = listOperation({
	resource: 'blacklist',
	path: '/api/v1/blacklists',
});
