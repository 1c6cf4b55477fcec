export {
  yearFactsProjection, yearFactsOf, type YearFacts, type YearFactsState, type ShareMovement,
} from './yearFacts.ts';
export { shareCapitalRegister, type ShareCapitalRegister } from './shareCapitalRegister.ts';
export { profitAppropriation, type ProfitAppropriation } from './profitAppropriation.ts';
export { csv, decimal } from './csv.ts';
export {
  formatShareCapitalRegister, shareCapitalRegisterCsv, formatProfitAppropriation,
  profitAppropriationCsv,
} from './format.ts';
