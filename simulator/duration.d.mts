// Generated from simulator/duration.mjs by `npm run declarations` (scripts/declarations.mjs). Do not edit.
/**
 * Milliseconds of a duration such as `5m`, `-1h` or `1y` (365 days); a bare number is ms.
 * @param {string} text
 * @returns {number}
 */
export function parseDuration(text: string): number;
