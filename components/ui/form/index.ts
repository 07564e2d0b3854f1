export { useForm, useSchemaCheck, type FormProblemState, type FormConflict, type RuleError } from "./use-form";
export { useAction, type ActionMessage as ActionMessageValue } from "./use-action";
export { Form, FormActions, FormProblem } from "./form";
export { ActionMessage } from "./action-message";
export { classifyFailure, isConflict, changedFields, focusFirstError, type WriteFailure } from "./problem";
export { ReasonDialog, isReasonError } from "./reason-dialog";
export { FormDialog } from "./form-dialog";
