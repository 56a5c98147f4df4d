import { defineContractTests } from '../harness/contract.ts'

defineContractTests('stitchex', 'http')
