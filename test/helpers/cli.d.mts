// Generated from test/helpers/cli.mjs by `npm run declarations` (scripts/declarations.mjs). Do not edit.
/**
 * Starts `node simulator/cli.mjs ...args` and reads its banner up to the "Server clock" line.
 * @param {string[]} args
 * @returns {Promise<{ lines: string[]; baseUrl: string; apiKey: string; stop: () => Promise<void> }>}
 */
export function startCli(args: string[]): Promise<{
    lines: string[];
    baseUrl: string;
    apiKey: string;
    stop: () => Promise<void>;
}>;
/**
 * Runs `node simulator/cli.mjs ...args` to its end.
 * @param {string[]} args
 * @returns {Promise<{ code: number | null; stderr: string }>}
 */
export function runCli(args: string[]): Promise<{
    code: number | null;
    stderr: string;
}>;
