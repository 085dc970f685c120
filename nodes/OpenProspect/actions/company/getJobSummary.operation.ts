import { companyRecordOperation } from './shared';

/** GET /api/v1/companies/{company_id}/jobs/summary: the job activity summary, passed through. */
export const { description, execute } = companyRecordOperation({
	operation: 'getJobSummary',
	suffix: '/jobs/summary',
});
