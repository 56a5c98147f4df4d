import { defineContractTests } from '../harness/contract.ts'

defineContractTests('digit', 'inprocess')
