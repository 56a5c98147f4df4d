import { defineContractTests } from '../harness/contract.ts'

defineContractTests('digipix', 'msw')
