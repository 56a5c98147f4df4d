/** The Stitchex (Uphance) wire: token, list envelope, resource, error and webhook schemas, hosts. Loads no client. */
export * from './schemas.ts'
export { STITCHEX_HOSTS } from './hosts.ts'
