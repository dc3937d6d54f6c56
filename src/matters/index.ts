export { type MatterDetail, MatterService, type MatterSummary } from "./matter.service.ts";
