import { defineContractTests } from '../harness/contract.ts'

defineContractTests('shiphero', 'inprocess')
