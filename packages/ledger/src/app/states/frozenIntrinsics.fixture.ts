// A child for stateText.properties.test.ts: a hardened runtime, Object.prototype frozen after
// the codec is loaded, writes and reads back a state whose fields share names with it.
import { stateOfText, stateText } from './stateText.ts';

Object.freeze(Object.prototype);
const state = { kind: 'deposit', state: { constructor: 1, toString: 'x', valueOf: 2n, n: 3 } };
const text = stateText(state);
let back: unknown;
try {
  const read = stateOfText(text ?? '');
  back = read._tag === 'Right' ? read.right : read.left;
} catch (e) {
  back = `threw ${String(e)}`;
}
console.log(JSON.stringify({ text,
  back: JSON.stringify(back, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v)) }));
