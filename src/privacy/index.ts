export { detectPii, maskDeep, maskField, maskText } from "./masking.ts";
