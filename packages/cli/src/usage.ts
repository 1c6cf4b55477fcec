/** What `usha help` prints. */
export const usage = `usha: verify a ledger's log and reproduce its statements

  usha verify <log.ndjson> [--anchor <hash>] [--key <public key file> [--signed-after <hash>]]
      Walks the hash chain. Prints the number of events, the last event's position and the
      last hash (record both at each audit), or the first bad line. With --anchor, a last
      hash recorded at an earlier audit: says which line has it, or that none has (the
      history since rewritten), and how many events were added since. With --key, the
      writer's public key: checks every append's signature and names the first unsigned or
      badly signed one; --signed-after <hash>: the last hash before signing began, appends up
      to it may be unsigned. Exit 1 if the chain is broken, the anchor is not found, an append
      is not signed by the key, or the file holds no event or is not a log. A walk longer
      than a second shows its progress on standard error, only when that is a terminal.

  usha keygen --out <dir>
      Writes a new signing key pair: usha-signing.key (mode 0600, for the ledger's writer)
      and usha-signing.pub (for auditors). Never writes over existing files.

  usha report <report> (<log.ndjson> | --esdb <connection>) [options]
      <report>: trial-balance, balance-sheet, income-statement, par, passbook,
                share-register, appropriation, receipts-payments, dcb, npa,
                accrued-interest, collection-sheet, dues, day-cash
      --as-of YYYY-MM-DD     events effective on or before this business date
      --known-at C:n/P:n     only events recorded up to this position of the log, as
                             'usha verify' printed it at an audit
      --year 2025-26         the financial year (income-statement, share-register,
                             appropriation: required; receipts-payments, dcb: a year
                             or --from and --to)
      --from YYYY-MM-DD      the first and last days of a period, both included
      --to YYYY-MM-DD        (receipts-payments, dcb)
      --member <id>          whose passbook (passbook; required)
      --account <id>         one account's page only (passbook)
      --branch <id>          one branch's books (trial-balance, balance-sheet,
                             income-statement); HO is the head office's. Without it,
                             the society's: the sum of every branch's
      --officer <staff id>   one field officer's members only (collection-sheet, which
                             needs --branch and --as-of: the day to collect)
      --on YYYY-MM-DD        the business day whose cash is reported (day-cash, which
                             needs --branch and --on): each till's opening, moves, count
                             and closing, then the vault
      --overdue              the overdue list: instalments unpaid and late at --to
                             (dues, which needs --from and --to; --branch optional)
      --products <file>      the product catalogue as JSON (accrued-interest; required):
                             deposit interest accrues by its product's settings
      --format text|csv|json|html
                             a statement (default); RFC 4180 CSV with a header row,
                             plain decimal amounts and CRLF after every record; or
                             JSON: the CSV's records keyed by its header, amounts as
                             decimal strings; html (passbook, collection-sheet,
                             day-cash): a printable page, inline style, no script
      --lang bn|en           the printed page's language (html; default en)
      --paper A4|A5          the printed page's paper (html; default A4)
      Refused (exit 1) when it would mislead: a log with no event, --known-at at no
      event's position, --as-of before the first event, a passbook of no such member or
      account, a day-cash of a branch with no cash in the log or of a day it held none.
      A replay longer than a second shows its progress on standard error, only when that
      is a terminal.

  usha export (<log.ndjson> | --esdb <connection>) --to <file.ndjson>
      Writes every event to a new hash-chained log, ids, order and revisions kept; from a
      log file, its very bytes: the same appends, hashes and signatures, so an anchor
      recorded on the log holds on the copy.

  usha --version
      Prints the command's version.

  The log is opened read-only: a running ledger may keep writing beside it. Members appear by
  id only: names live in the member directory, which this command never reads.
  Exit codes: 0 done, 1 the log is damaged or cannot be read, or the output failed or was
  cut short (a report cut short says so last), 2 the command line is wrong.`;
