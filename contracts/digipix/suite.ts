export const digipixSuite = []
