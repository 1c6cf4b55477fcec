/**
 * Paise as a passbook prints them, without a sign: 123456n as "1234.56". Plain string work,
 * no Decimal: a replay allocates none per event (decimals.test.ts).
 */
export const rupees = (paise: bigint): string => {
  const s = String(paise < 0n ? -paise : paise).padStart(3, '0');
  return `${s.slice(0, -2)}.${s.slice(-2)}`;
};
