const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };
// A numeral followed by one of these measures is a quantity (七年, 二十四小时), not a word (一网通办, 十分).
const QUANTITY =
  /([零〇一二两三四五六七八九十百千万]+)(?=(个|周岁|岁|年|月|天|日|周|星期|小时|分钟|元|块|次|条|项|份|名|人|张|套|级|倍|层|家|位|号|平方|平米|公里|万))/gu;

/** Value of a Chinese numeral (二十四 → 24, 两千 → 2000, 二零二四 → 2024); undefined if malformed. */
export function parseChineseNumber(numeral: string): number | undefined {
  if ([...numeral].every((char) => char in DIGITS)) {
    return Number([...numeral].map((char) => DIGITS[char]).join(""));
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  for (const char of numeral) {
    if (char in DIGITS) {
      digit = DIGITS[char];
      continue;
    }
    const unit = UNITS[char];
    if (unit === undefined) return undefined;
    if (unit === 10000) {
      total += (section + (digit ?? 0)) * unit;
      section = 0;
    } else {
      section += (digit ?? 1) * unit;
    }
    digit = undefined;
  }
  return total + section + (digit ?? 0);
}

/**
 * Writes quantities in digits so 满七年 meets the guides' 满7年. A lone 一 is left alone: it is far
 * more often part of a word (一件事, 一下) than a count.
 */
export function foldNumbers(normalised: string): string {
  return normalised.replace(QUANTITY, (numeral) => {
    if (numeral === "一" || numeral === "万") return numeral;
    const value = parseChineseNumber(numeral);
    return value === undefined ? numeral : String(value);
  });
}
