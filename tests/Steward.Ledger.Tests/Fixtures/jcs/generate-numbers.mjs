// Writes numbers.txt: "<IEEE 754 bits as 16 hex digits>,<String(value)>" per line, ECMAScript's
// own Number::toString output, which RFC 8785 adopts for canonical JSON numbers.
// Deterministic: a fixed-seed xorshift64 generator. Run with: node generate-numbers.mjs
import { writeFileSync } from "node:fs";

let state = 0x9e3779b97f4a7c15n;
const mask = (1n << 64n) - 1n;
function next() {
  state ^= (state << 13n) & mask;
  state ^= state >> 7n;
  state ^= (state << 17n) & mask;
  return state;
}

const view = new DataView(new ArrayBuffer(8));
const lines = [];
function add(value) {
  if (!Number.isFinite(value)) return;
  view.setFloat64(0, value);
  lines.push(view.getBigUint64(0).toString(16).padStart(16, "0") + "," + String(value));
}

for (let i = 0; i < 5000; i++) {            // any bit pattern: every exponent, subnormals
  view.setBigUint64(0, next());
  add(view.getFloat64(0));
}
for (let i = 0; i < 3000; i++) {             // magnitudes around the layout boundaries 1e-7..1e22
  const exponent = Number(next() % 30n) - 8;
  const mantissa = Number(next() % 10000000000000000n) / 1e16;
  add((Number(next() % 2n) ? -1 : 1) * mantissa * 10 ** exponent);
}
for (let i = 0; i < 1000; i++) {             // short decimals, as people write them
  add(Number(`${next() % 100000n}.${next() % 1000n}`) / 10 ** Number(next() % 8n));
}
for (let i = 0; i < 1000; i++) {             // integers up to and beyond 2^53
  add(Number(next() >> BigInt(Number(next() % 60n))));
}
for (let e = -324; e <= 308; e++) {          // every power of ten and its neighbours
  const v = Number(`1e${e}`);
  add(v);
  view.setFloat64(0, v);
  const bits = view.getBigUint64(0);
  for (const b of [bits - 1n, bits + 1n]) {
    view.setBigUint64(0, b & mask);
    add(view.getFloat64(0));
  }
}
writeFileSync("numbers.txt", lines.join("\n") + "\n");
console.log(`${lines.length} numbers`);
