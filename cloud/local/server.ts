import fastifyJwt from '@fastify/jwt'
import fastifyMultipart from '@fastify/multipart'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { existsSync } from 'node:fs'
import { DEFAULT_MESSAGES, type ErrorCode } from '../../types/envelope'
import { ArrivalOrder } from '../core/arrival'
import { MAX_UPLOAD_BYTES, type FileRecord } from '../core/files'
import type { Pii } from '../core/pii'
import { SqliteDb } from '../db/sqlite/driver'
import type { Db } from '../db/types'
import { FUNCTIONS } from '../functions/registry'
import { exchangeLoginCode, type LoginMode } from './login'
import { PERSONAS } from './seed/personas'
import { registerUploads } from './uploads'

export interface ServerOptions {
  db: Db
  pii: Pii
  clock?: () => number
  /** Dev mode admits `dev:<name>` login codes and lists the personas. */
  dev: boolean
  tokenSecret: string
  /** The H5 build to serve at `/`, when it exists. */
  h5Dir?: string
  filesDir: string
  logger?: boolean
}

/** An openid as WeChat issues them; the dev personas' `dev-…` ones only in dev mode, whatever a token says. */
export function isAcceptedOpenid(sub: unknown, dev: boolean): sub is string {
  return typeof sub === 'string' && /^[\w-]{6,64}$/.test(sub) && (dev || !sub.startsWith('dev-'))
}

/** The HTTP body of an API call is at most this big; uploads go through their own route. */
const BODY_LIMIT = 256 * 1024

const fail = (reply: FastifyReply, status: number, code: ErrorCode, message = DEFAULT_MESSAGES[code]) =>
  reply.status(status).send({ ok: false, error: { code, message } })

/** Files whose name carries the hash of their content: a new build gives them new names. */
const HASHED_FILE = /[./][0-9a-f]{8,}\.(js|css)(\.(br|gz))?$/

/**
 * How long a browser keeps an H5 file: hashed files for a year without asking again; the page
 * itself (and anything unhashed) is checked on every visit, so a new build is seen at once.
 */
export function h5CacheControl(path: string): string {
  return HASHED_FILE.test(path.replace(/\\/g, '/')) ? 'public, max-age=31536000, immutable' : 'no-cache'
}

/** The local runtime's HTTP server, and how its housekeeping removes a stored file. */
export type LocalServer = FastifyInstance & { removeFile(file: FileRecord): Promise<void> }

export async function buildServer(options: ServerOptions): Promise<LocalServer> {
  const { db, pii, dev } = options
  const clock = options.clock ?? Date.now
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: BODY_LIMIT })
  // Dev and production tokens never pass for each other: their own secret and audience each.
  const audience = dev ? 'lugong:dev' : 'lugong:production'
  await app.register(fastifyJwt, {
    secret: options.tokenSecret,
    sign: { expiresIn: '30d', aud: audience, algorithm: 'HS256' },
    verify: { allowedAud: audience, requiredClaims: ['exp', 'sub'], algorithms: ['HS256'] },
  })
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } })

  /** The verified caller, from the bearer token; never from the body. */
  const openidOf = async (request: FastifyRequest): Promise<string | null> => {
    if (!request.headers.authorization) return null
    try {
      const { sub } = await request.jwtVerify<{ sub: unknown }>()
      return isAcceptedOpenid(sub, dev) ? sub : null
    } catch {
      return null
    }
  }

  app.setErrorHandler((error: { statusCode?: number; code?: string }, _request, reply) => {
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return fail(reply, 413, 'RESOURCE_EXHAUSTED', '提交的内容太大')
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') return fail(reply, 413, 'INVALID_ARGUMENT', '文件不能超过10MB')
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return fail(reply, error.statusCode, 'INVALID_ARGUMENT', '请求格式不正确')
    }
    console.error(error)
    return fail(reply, 500, 'INTERNAL')
  })

  app.get('/healthz', async (_request, reply) => {
    try {
      await db.collection('users').limit(1).get()
      return { ok: true }
    } catch {
      return reply.status(503).send({ ok: false })
    }
  })

  const links = await registerUploads(app, { db, pii, filesDir: options.filesDir, secret: options.tokenSecret, clock, openidOf })
  // One process serves every call: the actions that ask for it take turns in the order they arrived,
  // committed together a turn at a time on the sqlite driver.
  const arrivalOrder = new ArrivalOrder(db instanceof SqliteDb ? (calls) => db.together(calls) : undefined)
  /** What a function call runs with: the caller from the token, never from the body. */
  const runtimeOf = (openid: string | null) => ({ db, pii, clock, openid, arrivalOrder, fileLink: links.link, fileStore: { put: links.put, remove: links.remove } })

  app.get('/api/auth/personas', async (_request, reply) => {
    if (!dev) return fail(reply, 403, 'FORBIDDEN', '只在开发模式下提供体验账号')
    return { ok: true, data: PERSONAS.map(({ code, label, description, roles }) => ({ code, label, description, roles })) }
  })

  app.post('/api/auth/login', async (request, reply) => {
    const code = (request.body as { code?: unknown } | null)?.code
    if (typeof code !== 'string' || code.length === 0 || code.length > 128) {
      return fail(reply, 400, 'INVALID_ARGUMENT', '缺少登录凭证')
    }
    const mode: LoginMode = dev ? 'dev' : 'production'
    const login = await exchangeLoginCode(code, mode)
    if (!login.ok) return reply.status(401).send(login)
    if (!isAcceptedOpenid(login.openid, dev)) return fail(reply, 401, 'UNAUTHENTICATED', '登录失败，请重试')
    const token = app.jwt.sign({ sub: login.openid })
    const me = await FUNCTIONS.users.handle({ action: 'me' }, runtimeOf(login.openid))
    if (!me.ok) return reply.send(me)
    return { ok: true, data: { token, user: me.data } }
  })

  // The ceiling for benchmarks: the same JSON parsing and token check, and no work.
  app.post('/api/noop', async (request) => {
    await openidOf(request)
    return { ok: true, data: null }
  })


  app.post<{ Params: { fn: string } }>('/api/:fn', async (request, reply) => {
    const fn = Object.hasOwn(FUNCTIONS, request.params.fn) ? FUNCTIONS[request.params.fn] : undefined
    if (!fn) return fail(reply, 404, 'NOT_FOUND', '没有这个服务')
    const body = request.body
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return fail(reply, 400, 'INVALID_ARGUMENT', '请求格式不正确')
    }
    const answer = await fn.handle(body, runtimeOf(await openidOf(request)))
    // The envelope says why; the status says it too, as the login and upload routes do.
    if (!answer.ok && answer.error.code === 'UNAUTHENTICATED') reply.status(401)
    return answer
  })

  app.all('/api/*', (_request, reply) => fail(reply, 404, 'NOT_FOUND', '没有这个接口'))

  if (options.h5Dir && existsSync(options.h5Dir)) {
    await app.register(fastifyStatic, {
      root: options.h5Dir,
      prefix: '/',
      wildcard: true,
      // `scripts/h5.ts` stores each text file brotli- and gzip-compressed beside itself after the build.
      preCompressed: true,
      cacheControl: false,
      setHeaders: (res, path) => {
        res.setHeader('Vary', 'Accept-Encoding')
        res.setHeader('Cache-Control', h5CacheControl(path))
      },
    })
  } else {
    app.get('/', async () => 'H5 build not found: run `npm run build:h5` first.')
  }
  const server = app as unknown as LocalServer
  server.removeFile = links.remove
  return server
}
