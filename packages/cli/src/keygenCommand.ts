import { generateSigningKeys } from '@usha/ledger';
import type { CliIo } from './cliIo.ts';

/**
 * `usha keygen --out <dir>`: a new Ed25519 pair for signing the log. The private key (mode
 * 0600) goes to the writer only; the public key to auditors. Existing files are never
 * written over: a key that signed a log must not be lost.
 */
export const keygenCommand = async (c: { readonly out: string }, io: CliIo): Promise<number> => {
  try {
    const k = await generateSigningKeys({ dir: c.out });
    io.out(`Private key ${k.privateKeyFile} (mode 0600): for the ledger's writer only; keep it `
      + 'apart from the log and its copies.');
    io.out(`Public key ${k.publicKeyFile}: give it to auditors by hand; they verify with it.`);
    return 0;
  } catch (e) {
    const code: unknown = Reflect.get(Object(e), 'code');
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      // The folder is what is missing, not the key file the library was about to make.
      io.err(`usha: ${c.out}: no such directory to write the keys into`);
      return 1;
    }
    if (code !== 'EEXIST') throw e;
    io.err(`usha: a key pair is already in ${c.out}; it is never written over`);
    return 1;
  }
};
