import { companyRecordOperation } from './shared';

/** GET /api/v1/companies/{company_id}/webtech-intel/summary: the technology summary, passed through. */
export const { description, execute } = companyRecordOperation({
	operation: 'getWebtechIntelSummary',
	suffix: '/webtech-intel/summary',
});
