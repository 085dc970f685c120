import type { IPollFunctions } from 'n8n-workflow';

import type { WalkLimits } from './records';

/** Pages (of 100 records) one poll reads at most; the rest is left for the next poll. */
export const MAX_PAGES_PER_POLL = 50;

/** Share of n8n's poll budget spent reading; the rest is kept for fetching results and emitting. */
const BUDGET_SHARE = 0.8;

export interface PollLimits extends WalkLimits {
	/** Whether the poll is still inside its time budget. */
	hasTime: () => boolean;
}

/**
 * How much one poll may do. n8n 2.41+ gives each poll a time budget (`getPollBudgetMs`) and
 * abandons a poll that overruns it; older versions have no such method, so only the page cap
 * applies there. The deadline is on n8n's own clock because the budget is n8n's: it decides only
 * when to stop reading (the cursors then resume), never which records count as new.
 */
export function pollLimits(context: IPollFunctions): PollLimits {
	const budget =
		typeof context.getPollBudgetMs === 'function' ? context.getPollBudgetMs() : undefined;
	const deadline =
		budget === undefined ? Number.POSITIVE_INFINITY : Date.now() + budget * BUDGET_SHARE;
	const hasTime = () => Date.now() < deadline;
	return { mayRead: (pagesRead) => pagesRead < MAX_PAGES_PER_POLL && hasTime(), hasTime };
}
