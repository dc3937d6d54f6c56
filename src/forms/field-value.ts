import type { FormField } from "../knowledge/index.ts";
import { InvalidFieldError } from "./errors.ts";

const ID_CARD = /^[1-9]\d{5}(18|19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\d{3}[0-9Xx]$/;
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
const BANK_CARD = /^\d{12,19}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MAX_TEXT = 200;

/** Checks and normalises a value the citizen typed into a form field; null clears the field. */
export function parseFieldValue(field: FormField, raw: unknown): string | null {
  if (raw === null) return null;
  const fail = (detail: string) => new InvalidFieldError(field.name, detail);
  switch (field.type) {
    case "boolean":
      if (typeof raw !== "boolean") throw fail("must be true or false");
      return String(raw);
    case "number": {
      const value = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
      if (typeof value !== "number" || !Number.isFinite(value) || value < 0)
        throw fail("must be a non-negative number");
      return String(value);
    }
    default:
      break;
  }
  if (typeof raw !== "string") throw fail("must be a string");
  const value = raw.trim();
  if (!value) return null;
  if (value.length > MAX_TEXT) throw fail(`must be at most ${MAX_TEXT} characters`);
  switch (field.type) {
    case "idCard":
      if (!ID_CARD.test(value)) throw fail("must be an 18-character ID card number");
      return value.toUpperCase();
    case "phone":
      if (!PHONE.test(value.replace(/\s/g, ""))) throw fail("must be a mobile or landline number");
      return value.replace(/\s/g, "");
    case "email":
      if (!EMAIL.test(value)) throw fail("must be an email address");
      return value;
    case "bankCard":
      if (!BANK_CARD.test(value.replace(/\s/g, ""))) throw fail("must be 12–19 digits");
      return value.replace(/\s/g, "");
    case "date":
      if (!DATE.test(value) || Number.isNaN(Date.parse(value))) throw fail("must be a date YYYY-MM-DD");
      return value;
    case "enum":
      if (field.options && !field.options.includes(value)) throw fail(`must be one of ${field.options.join(", ")}`);
      return value;
    default:
      return value;
  }
}
