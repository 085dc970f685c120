import { additionalQueryParameters } from '../common.descriptions';
import { listOperation } from '../listOperation';
import { ORDERS_PATH } from './shared';

/** GET /api/v1/orders: the organization's orders (the list comes under `orders`). */
export const { description, execute } = listOperation({
	resource: 'order',
	path: ORDERS_PATH,
	queryParameters: {
		...additionalQueryParameters,
		description:
			'Extra query parameters sent as they are, for filters the API docs do not list, e.g. status = COMPLETED',
	},
});
