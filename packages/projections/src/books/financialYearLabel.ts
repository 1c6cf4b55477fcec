const labels = new Map<string, string>();

/**
 * The April-to-March financial year of a business date, '2024-25', read from the string and
 * remembered by month (there are few), as financialYearOf would compute it.
 */
export const financialYearLabel = (on: string): string => {
  const month = on.slice(0, 7);
  let label = labels.get(month);
  if (label === undefined) {
    const y = Number(on.slice(0, 4));
    const start = Number(on.slice(5, 7)) >= 4 ? y : y - 1;
    label = `${start}-${String(start + 1).slice(-2)}`;
    labels.set(month, label);
  }
  return label;
};
