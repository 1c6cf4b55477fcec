/**
 * A stream a fact was read from and the revision it was read up to (undefined: the stream did
 * not exist). An append conditioned on its facts would expect each of these revisions still.
 */
export interface FactSource {
  readonly stream: string;
  readonly revision: bigint | undefined;
}
