import { defineContractTests } from '../harness/contract.ts'

defineContractTests('digikey', 'msw')
