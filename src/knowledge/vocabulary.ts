/** The fixed vocabularies that guides, forms and the contracts share. */

export const SECTION_KEYS = [
  "overview",
  "conditions",
  "materials",
  "process",
  "time-limit",
  "fees",
  "where",
  "online",
  "faq",
] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_TITLES: Record<SectionKey, { zh: string; en: string }> = {
  overview: { zh: "事项概述", en: "Overview" },
  conditions: { zh: "申请条件", en: "Who can apply" },
  materials: { zh: "申请材料", en: "Materials" },
  process: { zh: "办理流程", en: "Process" },
  "time-limit": { zh: "办理时限", en: "Time limit" },
  fees: { zh: "收费标准", en: "Fees" },
  where: { zh: "办理地点", en: "Where to apply" },
  online: { zh: "网上办理", en: "Online" },
  faq: { zh: "常见问题", en: "FAQ" },
};

/** Matter guides need every section; platform articles need only these. */
export const REQUIRED_PLATFORM_SECTIONS: readonly SectionKey[] = ["overview", "faq"];

export const GUIDE_GROUPS = ["personal", "enterprise", "platform"] as const;
export type GuideGroup = (typeof GUIDE_GROUPS)[number];

/**
 * Citizen profile fields a form may pre-fill from (after consent).
 * Kept here because guides name them and the profile store serves them.
 */
export const PROFILE_FIELDS = [
  "name",
  "idNumber",
  "gender",
  "birthDate",
  "phone",
  "email",
  "hukouProvince",
  "hukouAddress",
  "residenceAddress",
  "district",
  "employer",
  "employerCreditCode",
  "maritalStatus",
  "education",
  "socialInsuranceMonths",
  "residenceRegistrationMonths",
  "residencePermitNumber",
  "housingFundAccount",
  "bankCard",
] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];

export const FORM_FIELD_TYPES = [
  "text",
  "idCard",
  "phone",
  "email",
  "date",
  "number",
  "enum",
  "boolean",
  "address",
  "bankCard",
] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

export const FACT_TYPES = ["boolean", "number", "enum", "date"] as const;
export type FactType = (typeof FACT_TYPES)[number];

export const CONDITION_OPERATORS = [
  "eq",
  "ne",
  "gt",
  "gte",
  "lt",
  "lte",
  "in",
  "notIn",
  "yearsSinceGte",
  "yearsSinceLt",
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

export const MATERIAL_FORMS = ["original", "copy", "original-and-copy", "electronic"] as const;
