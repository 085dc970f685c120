// Generated from simulator/selfcheck.mjs by `npm run declarations` (scripts/declarations.mjs). Do not edit.
/**
 * Each check takes a running simulator (started with `SELF_CHECK_OPTIONS`) and a client for it.
 * @type {Record<string, (sim: SimulatorHandle, api: SelfCheckClient) => Promise<void>>}
 */
export const SELF_CHECKS: Record<string, (sim: SimulatorHandle, api: SelfCheckClient) => Promise<void>>;
/** @type {SimulatorOptions} */
export const SELF_CHECK_OPTIONS: SimulatorOptions;
export type SimulatorHandle = import("./types.mjs").SimulatorHandle;
export type SimulatorOptions = import("./types.mjs").SimulatorOptions;
export type CallOptions = {
    key?: string | null;
    body?: unknown;
    headers?: Record<string, string>;
    rawBody?: string;
    signal?: AbortSignal;
};
export type CallResult = {
    status: number;
    headers: Headers;
    body: any;
    text: string;
};
export type SelfCheckClient = (method: string, path: string, options?: CallOptions) => Promise<CallResult>;
/** @returns {Promise<void>} */
export function checkDeterminismAndClock(): Promise<void>;
/**
 * @typedef {import('./types.mjs').SimulatorHandle} SimulatorHandle
 * @typedef {import('./types.mjs').SimulatorOptions} SimulatorOptions
 * @typedef {{ key?: string | null; body?: unknown; headers?: Record<string, string>; rawBody?: string; signal?: AbortSignal }} CallOptions
 * @typedef {{ status: number; headers: Headers; body: any; text: string }} CallResult
 * @typedef {(method: string, path: string, options?: CallOptions) => Promise<CallResult>} SelfCheckClient
 */
/**
 * A small fetch wrapper: JSON in, `{status, headers, body, text}` out.
 * @param {SimulatorHandle} sim
 * @returns {SelfCheckClient}
 */
export function client(sim: SimulatorHandle): SelfCheckClient;
