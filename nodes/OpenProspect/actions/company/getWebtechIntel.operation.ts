import { companyRecordOperation } from './shared';

/** GET /api/v1/companies/{company_id}/webtech-intel: the technology stack details, passed through. */
export const { description, execute } = companyRecordOperation({
	operation: 'getWebtechIntel',
	suffix: '/webtech-intel',
});
