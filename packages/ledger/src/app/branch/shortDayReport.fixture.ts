// The day-end cash report of the branch day told in the tests and in the branch-day guide:
// Rs 2,00,000 in the vault, 50,000 to till T1, 5,500 deposited and 1,200 withdrawn there,
// the till counted 50 short and emptied into the vault, the day closed.

/** The day-end cash report text of that day at branch SONAGACHI, dated `on`. */
export const shortDayReport = (on: string): string => [
  `Day-end cash, branch SONAGACHI, ${on} (day closed)`,
  '',
  'till  opening  from vault  received      paid   to vault       book    counted'
    + '   difference  closing',
  '----  -------  ----------  --------  --------  ---------  ---------  ---------'
    + '  -----------  -------',
  // Book: 50,000 + 5,500 - 1,200 = 54,300; counted 54,250, so 50 short.
  'T1       0.00   50,000.00  5,500.00  1,200.00  54,250.00  54,300.00  54,250.00'
    + '  short 50.00     0.00',
  '',
  'vault               amount',
  '-------------  -----------',
  'opening        2,00,000.00',
  'taken over            0.00',
  'to tills         50,000.00',
  'from tills       54,250.00',
  'from branches         0.00',
  'to branches           0.00',
  // 2,00,000 - 50,000 + 54,250
  'closing        2,04,250.00',
].join('\n');
