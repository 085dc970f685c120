/** Order statuses after which nothing changes any more. */
export const TERMINAL_ORDER_STATUSES = ['CANCELLED', 'COMPLETED', 'FAILED', 'REJECTED'];

/** Search-profile creation statuses after which nothing changes any more. */
export const TERMINAL_PROFILE_STATUSES = ['FAILED', 'SUCCEEDED'];
