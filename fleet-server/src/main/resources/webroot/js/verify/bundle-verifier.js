// Checks a track-record export bundle in the browser, nothing sent anywhere: the checkpoint's Ed25519 signature, the
// signed root recomputed from events.jsonl and the range proof, and on a mismatch the first line that differs
// (through leaf-hashes.bin, once it reproduces the signed root itself). Bundles of format 1 and 2 are read. KPIs, the
// identity and rules section (context.json) and its context leaves are not checked here; the command-line verifier
// (./proving-ground verify) checks those too.
import { unzip } from '../zip.js';
import { leafHash, rootOfRange, equal, fromBase64, hex } from './merkle.js';
import { parseKey, verifyNote } from './signed-note.js';

const decoder = new TextDecoder();

/** events.jsonl as leaves: each line without its newline, as exact bytes. */
function lines(bytes) {
  const out = [];
  let from = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      out.push(bytes.subarray(from, i));
      from = i + 1;
    }
  }
  if (from < bytes.length) out.push(bytes.subarray(from));
  return out;
}

class Problem extends Error {}

/**
 * @param buffer   the bundle's bytes (ArrayBuffer)
 * @param pinned   a verifier key the recipient trusts, or empty to use the bundle's own verifier-key.txt
 * @returns {valid: true, origin, size, start, end, key, pinned} or {valid: false, problem}
 */
export async function verifyBundle(buffer, pinned) {
  try {
    let files;
    try {
      files = await unzip(buffer);
    } catch (e) {
      throw new Problem(`cannot read the bundle as a zip file: ${e.message}`);
    }
    const text = (name) => {
      if (!files.has(name)) throw new Problem(`${name}: missing from the bundle`);
      return decoder.decode(files.get(name));
    };
    const json = (name) => {
      try {
        return JSON.parse(text(name));
      } catch (e) {
        if (e instanceof Problem) throw e;
        throw new Problem(`${name}: not valid JSON: ${e.message}`);
      }
    };
    let key;
    try {
      key = await parseKey(pinned && pinned.trim() ? pinned : text('verifier-key.txt'));
    } catch (e) {
      throw e instanceof Problem ? e : new Problem(`${pinned ? 'the pinned key' : 'verifier-key.txt'}: ${e.message}`);
    }
    let body;
    try {
      body = await verifyNote(text('checkpoint.txt'), key);
    } catch (e) {
      throw e instanceof Problem ? e : new Problem(`checkpoint.txt: ${e.message}`);
    }
    const [origin, sizeText, rootText] = body.split('\n');
    const size = Number(sizeText);
    const signedRoot = fromBase64(rootText);
    const manifest = json('manifest.json');
    if (manifest.format !== 'proving-ground-track-record-bundle' || ![1, 2].includes(manifest.version))
      throw new Problem('manifest.json: not a proving-ground-track-record-bundle version 1 to 2 manifest');
    if (manifest.origin !== origin) throw new Problem(`manifest.json: origin ${manifest.origin} differs from the checkpoint's ${origin}`);
    if (manifest.treeSize !== size) throw new Problem(`manifest.json: treeSize ${manifest.treeSize} differs from the checkpoint's ${size}`);
    const { start, end } = manifest.range;
    const proof = json('range-proof.json');
    if (proof.treeSize !== size || proof.start !== start || proof.end !== end)
      throw new Problem(`range-proof.json: covers [${proof.start}, ${proof.end}) of ${proof.treeSize}, but manifest.json says [${start}, ${end}) of ${size}`);
    const outside = (proof.outsideHashes || []).map(fromBase64);
    const events = lines(files.get('events.jsonl') || new Uint8Array());
    const leaves = [];
    for (const line of events) leaves.push(await leafHash(line));
    let root;
    try {
      root = await rootOfRange(size, start, end, outside, leaves.slice(0, end - start));
    } catch (e) {
      throw new Problem(`range-proof.json: ${e.message}`);
    }
    if (events.length !== end - start || !equal(root, signedRoot))
      throw new Problem(await locate(files, { size, start, end, outside, signedRoot, root, leaves }));
    return { valid: true, origin, size, start, end, key: `${key.name}+${hex(key.id)}`, pinned: Boolean(pinned && pinned.trim()) };
  } catch (e) {
    if (e instanceof Problem) return { valid: false, problem: e.message };
    return { valid: false, problem: `the bundle could not be checked: ${e.message}` };
  }
}

/** Names the first line of events.jsonl that differs from the signed log, when leaf-hashes.bin can be trusted. */
async function locate(files, { size, start, end, outside, signedRoot, root, leaves }) {
  const expected = end - start;
  const mismatch = `events.jsonl: the events do not reproduce the signed root (recomputed ${hex(root)}, signed ${hex(signedRoot)})`;
  const listed = files.get('leaf-hashes.bin');
  if (!listed) return `${mismatch}; leaf-hashes.bin is absent, so the line cannot be named`;
  if (listed.length !== expected * 32) return `${mismatch}; leaf-hashes.bin has ${listed.length} bytes instead of ${expected * 32}`;
  const hashes = [];
  for (let i = 0; i < expected; i++) hashes.push(listed.subarray(i * 32, i * 32 + 32));
  if (!equal(await rootOfRange(size, start, end, outside, hashes), signedRoot))
    return `${mismatch}; range-proof.json or leaf-hashes.bin was altered as well, so the line cannot be named`;
  for (let i = 0; i < expected; i++) {
    if (i >= leaves.length) return `events.jsonl line ${i + 1}: missing; the signed range holds ${expected} leaves but the file ends after ${i} lines`;
    if (!equal(leaves[i], hashes[i]))
      return `events.jsonl line ${i + 1}: does not match leaf ${start + i} of the signed log (changed, removed, inserted or reordered)`;
  }
  if (leaves.length > expected) return `events.jsonl line ${expected + 1}: extra line; the signed range ends at line ${expected}`;
  return mismatch;
}
