export { type ConditionResult, evaluateCondition, type Truth, yearsSince } from "./condition.evaluator.ts";
export { type EligibilityEvaluation, type EligibilityOutcome, evaluateEligibility } from "./eligibility.evaluator.ts";
export { type CheckOptions, type EligibilityCheck, EligibilityService } from "./eligibility.service.ts";
export { EligibilityTool, type EligibilityToolArgs, eligibilityToolArgsSchema } from "./eligibility.tool.ts";
export { InvalidFactError, NoEligibilityRulesError, UnknownMatterError } from "./errors.ts";
export { type ExtractOptions, FactExtractor } from "./fact.extractor.ts";
export { type FactSource, type FactValue, factValues, type KnownFact, type KnownFacts, toKnownFacts } from "./fact.ts";
export { validateFactValue } from "./fact-validation.ts";
export { findQuantities, parseChineseNumber } from "./quantity.ts";
