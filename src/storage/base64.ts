/**
 * Base64 for the typed arrays of a workspace file: the bytes of each array in little-endian order,
 * so Float64 values come back bit for bit (exact, NaN payloads and -0 included) on any platform.
 */

const LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

type NumericArray = Uint16Array | Uint32Array | Float64Array;
type NumericArrayClass<T extends NumericArray> = { new (buffer: ArrayBuffer): T; new (length: number): T; readonly BYTES_PER_ELEMENT: number };

/** The little-endian bytes of a typed array (a view when the platform is little-endian). */
function littleEndianBytes(a: NumericArray): Uint8Array {
  const bytes = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  if (LITTLE_ENDIAN) return bytes;
  const out = new Uint8Array(bytes.length);
  const size = a.BYTES_PER_ELEMENT;
  for (let i = 0; i < bytes.length; i += size) for (let j = 0; j < size; j++) out[i + j] = bytes[i + size - 1 - j] ?? 0;
  return out;
}

// 3 × 8192 bytes: a multiple of 3, so chunks encode without padding in between.
const CHUNK = 3 * 8192;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + CHUNK))));
  }
  return parts.join('');
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes base64; undefined when the text is not base64. */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (text.length % 4 !== 0 || !BASE64.test(text)) return undefined;
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    return undefined;
  }
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

export function typedArrayToBase64(a: NumericArray): string {
  return bytesToBase64(littleEndianBytes(a));
}

/**
 * A typed array of `length` elements from base64 of its little-endian bytes; undefined when the text
 * is not base64 or does not hold exactly `length` elements.
 */
export function base64ToTypedArray<T extends NumericArray>(text: string, Kind: NumericArrayClass<T>, length: number): T | undefined {
  const bytes = base64ToBytes(text);
  const size = Kind.BYTES_PER_ELEMENT;
  if (bytes === undefined || bytes.length !== length * size) return undefined;
  if (!LITTLE_ENDIAN) for (let i = 0; i < bytes.length; i += size) bytes.subarray(i, i + size).reverse();
  // bytes owns a fresh buffer of exactly this size.
  return new Kind(bytes.buffer);
}
