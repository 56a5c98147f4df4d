/**
 * The vendor-agnostic contract harness: targets (where the API lives and how to reach it),
 * suites (named behavioural cases) and a runner usable from vitest or `vendorsim contract`;
 * `expectError`, the live-target factory and the webhook receiver every suite shares.
 */
export * from './runner.ts'
export { expectError } from './expect.ts'
export { guardLiveHost, liveTarget, type LiveTargetSpec } from './live.ts'
