// Generated from simulator/server.mjs by `npm run declarations` (scripts/declarations.mjs). Do not edit.
/**
 * Starts the simulator; resolves to a handle once it listens.
 * @param {SimulatorOptions} [options]
 * @returns {Promise<SimulatorHandle>}
 */
export function startSimulator(options?: SimulatorOptions): Promise<SimulatorHandle>;
/**
 * @typedef {import('./types.mjs').Scope} Scope
 * @typedef {import('./types.mjs').KeyName} KeyName
 * @typedef {import('./types.mjs').ErrorFormat} ErrorFormat
 * @typedef {import('./types.mjs').FaultKind} FaultKind
 * @typedef {import('./types.mjs').FaultMatch} FaultMatch
 * @typedef {import('./types.mjs').FaultRule} FaultRule
 * @typedef {import('./types.mjs').RateLimitConfig} RateLimitConfig
 * @typedef {import('./types.mjs').SimulatorOptions} SimulatorOptions
 * @typedef {import('./types.mjs').OrderStatus} OrderStatus
 * @typedef {import('./types.mjs').OrderView} OrderView
 * @typedef {import('./types.mjs').Company} Company
 * @typedef {import('./types.mjs').SimulatorState} SimulatorState
 * @typedef {import('./types.mjs').SimulatorClock} SimulatorClock
 * @typedef {import('./types.mjs').SimulatorCounters} SimulatorCounters
 * @typedef {import('./types.mjs').RequestLogEntry} RequestLogEntry
 * @typedef {import('./types.mjs').SimulatorHandle} SimulatorHandle
 * @typedef {import('./types.mjs').RouteInfo} RouteInfo
 */
/** @type {readonly Scope[]} */
export const ALL_SCOPES: readonly Scope[];
/** @type {readonly OrderStatus[]} */
export const ORDER_STATUSES: readonly OrderStatus[];
/** @type {Readonly<{ ACCEPTED: number; IN_PROGRESS: number; DONE: number }>} Offsets (simulated ms after creation) of each order transition. */
export const ORDER_TIMELINE_MS: Readonly<{
    ACCEPTED: number;
    IN_PROGRESS: number;
    DONE: number;
}>;
/** @type {Readonly<{ RUNNING: number; DONE: number }>} Offsets (simulated ms after creation) of each profile-creation transition. */
export const PROFILE_TIMELINE_MS: Readonly<{
    RUNNING: number;
    DONE: number;
}>;
/** @type {readonly ErrorFormat[]} */
export const ERROR_FORMATS: readonly ErrorFormat[];
/** @type {readonly FaultKind[]} */
export const FAULT_KINDS: readonly FaultKind[];
/** @type {readonly string[]} The only route the API documents as deduplicating a resend with the same Idempotency-Key. */
export const DOCUMENTED_IDEMPOTENT_ROUTES: readonly string[];
/** @type {number} The largest clock offset accepted, either way: one (leap) year. */
export const MAX_CLOCK_OFFSET_MS: number;
/** @type {readonly RouteInfo[]} */
export const ROUTES: readonly RouteInfo[];
export type Scope = import("./types.mjs").Scope;
export type KeyName = import("./types.mjs").KeyName;
export type ErrorFormat = import("./types.mjs").ErrorFormat;
export type FaultKind = import("./types.mjs").FaultKind;
export type FaultMatch = import("./types.mjs").FaultMatch;
export type FaultRule = import("./types.mjs").FaultRule;
export type RateLimitConfig = import("./types.mjs").RateLimitConfig;
export type SimulatorOptions = import("./types.mjs").SimulatorOptions;
export type OrderStatus = import("./types.mjs").OrderStatus;
export type OrderView = import("./types.mjs").OrderView;
export type Company = import("./types.mjs").Company;
export type SimulatorState = import("./types.mjs").SimulatorState;
export type SimulatorClock = import("./types.mjs").SimulatorClock;
export type SimulatorCounters = import("./types.mjs").SimulatorCounters;
export type RequestLogEntry = import("./types.mjs").RequestLogEntry;
export type SimulatorHandle = import("./types.mjs").SimulatorHandle;
export type RouteInfo = import("./types.mjs").RouteInfo;
