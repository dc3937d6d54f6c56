import { beforeAll, describe, expect, it } from "vitest";
import { EligibilityService, FactExtractor, findQuantities, parseChineseNumber } from "../../src/eligibility/index.ts";
import { loadKnowledgeBase } from "../../src/knowledge/index.ts";

let extractor: FactExtractor;
let factsOf: (matterId: string) => string[];

beforeAll(() => {
  const knowledge = loadKnowledgeBase("knowledge");
  extractor = new FactExtractor(knowledge.facts);
  const service = new EligibilityService(knowledge);
  factsOf = (matterId) => service.factsOf(matterId);
});

const extract = (message: string, matterId: string, pending: string[] = []) =>
  extractor.extract(message, { candidates: factsOf(matterId), pending });

describe("quantities", () => {
  it("parses Chinese numerals", () => {
    expect(parseChineseNumber("七十二")).toBe(72);
    expect(parseChineseNumber("十五")).toBe(15);
    expect(parseChineseNumber("一百二十")).toBe(120);
    expect(parseChineseNumber("两")).toBe(2);
  });

  it("reads numbers with units, halves and 多", () => {
    const values = (text: string) => findQuantities(text).map(({ value, unit }) => ({ value, unit }));
    expect(values("三年半")).toEqual([{ value: 3.5, unit: "years" }]);
    expect(values("8个月")).toEqual([{ value: 8, unit: "months" }]);
    expect(values("一年多")).toEqual([{ value: 1, unit: "years" }]);
    expect(values("半年")).toEqual([{ value: 0.5, unit: "years" }]);
    expect(values("72岁")).toEqual([{ value: 72, unit: "age" }]);
  });
});

describe("FactExtractor", () => {
  it("reads durations in the fact's unit from cue words", () => {
    expect(extract("我社保交了两年", "residence-points")).toEqual({ socialInsuranceMonths: 24 });
    expect(extract("社保交了8个月", "residence-points")).toEqual({ socialInsuranceMonths: 8 });
    expect(extract("我是外地人，来上海住了三年半", "residence-permit")).toMatchObject({
      residenceRegistrationMonths: 42,
      hukouShanghai: false,
    });
  });

  it("assigns two quantities in one sentence to the nearest cue each", () => {
    expect(extract("社保交了两年居住登记8个月", "nev-plate-one-thing")).toMatchObject({ socialInsuranceMonths: 24 });
    expect(extract("我在上海住了三年，社保交了8个月", "residence-permit")).toMatchObject({
      residenceRegistrationMonths: 36,
    });
  });

  it("reads ages, in digits, Chinese numerals or English", () => {
    expect(extract("我72岁", "senior-card")).toEqual({ age: 72 });
    expect(extract("我今年七十二了", "senior-card")).toEqual({ age: 72 });
    expect(extract("I am 72 years old", "senior-card")).toEqual({ age: 72 });
  });

  it("does not take a duration for an age", () => {
    expect(extract("社保交了两年", "flexible-employment-insurance").age).toBeUndefined();
  });

  it("reads booleans from yes/no cues and negations", () => {
    expect(extract("我没有上海户口", "senior-card")).toEqual({ hukouShanghai: false });
    expect(extract("我是上海户口", "senior-card")).toEqual({ hukouShanghai: true });
    expect(extract("没有工作", "residence-permit")).toEqual({ hasStableJob: false });
    expect(extract("有工作", "residence-permit")).toEqual({ hasStableJob: true });
  });

  it("takes a direct 是/没有 answer for the one yes/no question just asked", () => {
    expect(extract("是的", "residence-points", ["hasResidencePermit"])).toEqual({ hasResidencePermit: true });
    expect(extract("没有", "residence-points", ["hasResidencePermit"])).toEqual({ hasResidencePermit: false });
    expect(extract("对", "senior-card", ["hukouShanghai"])).toEqual({ hukouShanghai: true });
    expect(extract("是的", "residence-points")).toEqual({});
  });

  it("takes a bare number for the numeric question just asked, and 没有 as zero", () => {
    expect(extract("130", "residence-points", ["estimatedPoints"])).toEqual({ estimatedPoints: 130 });
    expect(extract("8个月", "residence-points", ["socialInsuranceMonths"])).toEqual({ socialInsuranceMonths: 8 });
    expect(extract("没有", "residence-points", ["socialInsuranceMonths"])).toEqual({ socialInsuranceMonths: 0 });
    expect(extract("社保交了两年，自测130分", "residence-points", ["estimatedPoints"])).toEqual({
      socialInsuranceMonths: 24,
      estimatedPoints: 130,
    });
  });

  it("reads enum options by their cues", () => {
    expect(extract("我单身", "marriage-registration")).toMatchObject({ maritalStatus: "single" });
    expect(extract("我是纯电动车", "nev-plate-one-thing")).toMatchObject({ nevType: "bev" });
  });
});
