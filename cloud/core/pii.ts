import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomFillSync } from 'node:crypto'

/**
 * Personal data at rest: AES-256-GCM with a random IV per value, and an HMAC-SHA256 blind index
 * (a separate key) where a value must be looked up without decrypting every row.
 */
export interface Pii {
  encrypt(plain: string): string
  decrypt(sealed: string): string
  blindIndex(plain: string): string
  /** A stored file's bytes sealed with a key of the same family (derived for files), and opened again. */
  sealFile(plain: Buffer): Buffer
  openFile(sealed: Buffer): Buffer
}

/** Sealed files start with these bytes, so a plain file is never mistaken for a sealed one. */
const FILE_MAGIC = Buffer.from('LGF1')

const VERSION = 'v1'

/**
 * IVs come from a pool the CSPRNG fills 4 KiB at a time: one call into it per 341 values rather than
 * one per value (a sign-up seals two). No byte of the pool is handed out twice.
 */
const ivPool = Buffer.allocUnsafe(4092)
let ivUsed = ivPool.length

/** 12 fresh random bytes, valid until the next call (the caller copies them at once). */
function nextIv(): Buffer {
  if (ivUsed === ivPool.length) {
    randomFillSync(ivPool)
    ivUsed = 0
  }
  ivUsed += 12
  return ivPool.subarray(ivUsed - 12, ivUsed)
}

/** `key` is 64 bytes: the first 32 encrypt, the last 32 key the blind index. */
export function createPii(key: Buffer): Pii {
  if (key.length !== 64) throw new Error('the PII key must be 64 bytes')
  const encKey = key.subarray(0, 32)
  const indexKey = key.subarray(32)
  const fileKey = Buffer.from(hkdfSync('sha256', encKey, Buffer.alloc(0), 'lugong files v1', 32))
  return {
    encrypt(plain) {
      const iv = nextIv()
      const cipher = createCipheriv('aes-256-gcm', encKey, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`
    },
    decrypt(sealed) {
      const [version, data] = sealed.split(':')
      if (version !== VERSION || !data) throw new Error('unknown PII envelope')
      const raw = Buffer.from(data, 'base64')
      const decipher = createDecipheriv('aes-256-gcm', encKey, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    },
    blindIndex(plain) {
      return createHmac('sha256', indexKey).update(plain).digest('hex')
    },
    sealFile(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', fileKey, iv)
      const body = Buffer.concat([cipher.update(plain), cipher.final()])
      return Buffer.concat([FILE_MAGIC, iv, cipher.getAuthTag(), body])
    },
    openFile(sealed) {
      if (!sealed.subarray(0, 4).equals(FILE_MAGIC)) throw new Error('not a sealed file')
      const decipher = createDecipheriv('aes-256-gcm', fileKey, sealed.subarray(4, 16))
      decipher.setAuthTag(sealed.subarray(16, 32))
      return Buffer.concat([decipher.update(sealed.subarray(32)), decipher.final()])
    },
  }
}

export const generatePiiKey = () => randomBytes(64)

/** `LUGONG_PII_KEY` holds the 64-byte key as base64. */
export function piiKeyFromEnv(value: string | undefined): Buffer | null {
  if (!value) return null
  const key = Buffer.from(value, 'base64')
  if (key.length !== 64) throw new Error('LUGONG_PII_KEY must be 64 bytes, base64-encoded')
  return key
}
