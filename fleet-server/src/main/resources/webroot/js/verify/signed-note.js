// C2SP signed notes and verifier keys, checked with the browser's Ed25519 (WebCrypto).
//   key:  <name>+<hex key ID>+<base64(0x01 || 32-byte public key)>, key ID = SHA-256(name || 0x0A || 0x01 || key)[0..4)
//   note: <text>\n\n then lines "— <name> <base64(key ID || 64-byte signature)>"; the signature covers <text>\n.
import { equal, fromBase64, hex } from './merkle.js';

const encoder = new TextEncoder();

export async function parseKey(text) {
  // The key's base64 may itself hold '+': only the first two separate the fields (as the Java VerifierKey reads it).
  const [name, idHex, ...rest] = text.trim().split('+');
  const keyText = rest.join('+');
  if (!name || !idHex || !keyText) throw new Error('a verifier key is <name>+<key ID>+<key>');
  const typed = fromBase64(keyText);
  if (typed.length !== 33 || typed[0] !== 0x01) throw new Error('the key is not an Ed25519 key (type 0x01, 32 bytes)');
  const raw = typed.slice(1);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256',
    new Uint8Array([...encoder.encode(name), 0x0a, 0x01, ...raw])));
  const id = digest.slice(0, 4);
  if (hex(id) !== idHex.toLowerCase()) throw new Error(`the key ID ${idHex} does not belong to this key (${hex(id)})`);
  return { name, id, raw, text: text.trim() };
}

/** Checks the note's signature by `key`; returns the signed text. Throws naming what is wrong. */
export async function verifyNote(note, key) {
  const split = note.lastIndexOf('\n\n');
  if (split < 0) throw new Error('not a signed note: no blank line before the signatures');
  const text = note.slice(0, split + 1);
  const lines = note.slice(split + 2).split('\n').filter((l) => l.length);
  for (const line of lines) {
    if (!line.startsWith('— ')) throw new Error(`signature line "${line}" does not start with "— "`);
    const [name, blob] = line.slice(2).split(' ');
    const bytes = fromBase64(blob || '');
    if (name !== key.name || !equal(bytes.slice(0, 4), key.id)) continue;
    const publicKey = await crypto.subtle.importKey('raw', key.raw, { name: 'Ed25519' }, false, ['verify']);
    const ok = await crypto.subtle.verify({ name: 'Ed25519' }, publicKey, bytes.slice(4), encoder.encode(text));
    if (!ok) throw new Error(`the signature of ${key.name} does not verify: the checkpoint was changed or signed by another key`);
    return text;
  }
  throw new Error(`no signature by ${key.name}+${hex(key.id)}`);
}
