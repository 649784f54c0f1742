import fastifyJwt from '@fastify/jwt'
import fastifyMultipart from '@fastify/multipart'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import { existsSync } from 'node:fs'
import { DEFAULT_MESSAGES, type ErrorCode } from '../../types/envelope'
import { MAX_UPLOAD_BYTES, type FileRecord } from '../core/files'
import type { CloudOptions, LocalCloud } from './cloud'
import { exchangeLoginCode, type LoginMode } from './login'
import { PERSONAS } from './seed/personas'
import type { Remote } from './thread'
import { registerUploads } from './uploads'

interface GatewayOptions {
  /** Dev mode admits `dev:<name>` login codes and lists the personas. */
  dev: boolean
  tokenSecret: string
  /** The H5 build to serve at `/`, when it exists. */
  h5Dir?: string
  logger?: boolean
}

/**
 * The gateway serves a cloud: one running in another thread (`npm start`, `thread.ts`), or one
 * made here, in this thread, from a database (tests, e2e).
 */
export type ServerOptions = GatewayOptions & ({ cloud: Remote<LocalCloud> } | Omit<CloudOptions, 'secret'>)

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

/** The local runtime's HTTP server, and how the cloud behind it removes a stored file (tests run housekeeping with it). */
export type LocalServer = FastifyInstance & { removeFile(file: FileRecord): Promise<void> }

export async function buildServer(options: ServerOptions): Promise<LocalServer> {
  const { dev } = options
  // Loaded only when made here: `npm start`'s main thread never loads the functions.
  const cloud: Remote<LocalCloud> =
    'cloud' in options ? options.cloud : (await import('./cloud')).localCloud({ ...options, secret: options.tokenSecret })
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

  app.get('/healthz', async (_request, reply) => ((await cloud.healthy()) ? { ok: true } : reply.status(503).send({ ok: false })))

  registerUploads(app, { cloud, openidOf })

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
    const me = await cloud.me(login.openid)
    if (!me.ok) return reply.send(me)
    return { ok: true, data: { token, user: me.data } }
  })

  // The ceiling for benchmarks: the same JSON parsing and token check, and no work.
  app.post('/api/noop', async (request) => {
    await openidOf(request)
    return { ok: true, data: null }
  })


  app.post<{ Params: { fn: string } }>('/api/:fn', async (request, reply) => {
    const { status, json } = await cloud.call(request.params.fn, request.body, await openidOf(request))
    // Sent as the cloud wrote it: where the functions run in their own thread, that thread does the writing.
    return reply.status(status).type('application/json; charset=utf-8').send(json)
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
  server.removeFile = (file) => cloud.removeFile(file)
  return server
}
