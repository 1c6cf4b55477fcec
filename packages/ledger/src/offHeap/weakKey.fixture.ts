// A deliberately weak key for tests: strings of one length and first letter share a key, and
// many keys share a first half, so collisions and long probe runs happen in every test.
const k = new Int32Array(2);

/** A key under which many strings collide. */
export const weakKey = (s: string): Int32Array => {
  k[0] = (s.charCodeAt(0) || 0) & 3;
  k[1] = s.length & 1;
  return k;
};
