export {
  ELIGIBILITY_FLOW,
  EligibilityFlow,
  type EligibilityFlowDependencies,
  type EligibilityFlowState,
  eligibilityState,
  type ProfileFactReader,
} from "./eligibility.flow.ts";
export { FlowCues } from "./flow-cues.ts";
export { type FlowTemplates, loadFlowTemplates } from "./flow-templates.ts";
export { FORM_FLOW, FormFlow, type FormFlowDependencies, type FormFlowState } from "./form.flow.ts";
