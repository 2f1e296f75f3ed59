/** The budget diagnosis on the screen: shared by aid requests and, next, overindebtedness files. */
export { BudgetForm, budgetDraftOf, budgetOf, budgetProblem, type BudgetDraft } from './BudgetForm';
