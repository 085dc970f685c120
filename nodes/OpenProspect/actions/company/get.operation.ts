import { companyRecordOperation } from './shared';

/** GET /api/v1/companies/{company_id}: one company, optionally simplified. */
export const { description, execute } = companyRecordOperation({
	operation: 'get',
	suffix: '',
	simplify: true,
});
