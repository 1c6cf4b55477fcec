export type { JsonValue, JsonObject, JsonError } from './jsonValue.ts';
export { canonicalJson, canonicalText, type Canonical } from './canonicalJson.ts';
export { parseJson } from './parseJson.ts';
export { BigIntFromString } from './bigIntFromString.ts';
