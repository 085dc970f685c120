/** The companies delivered for a prospect search (the Get Many Companies operation and the trigger). */
export function deliveredCompaniesPath(prospectSearchId: string): string {
	return `/api/v1/deliveries/${encodeURIComponent(prospectSearchId)}/companies`;
}
