/** What others may use of the aids: the barème engine and the règlement's schema, pure (the command line's `bareme` and `reglement` commands). */
export { demandeSchema, evaluate } from './engine';
export { parseReglement, reglementJsonSchema } from './reglement';
